import Testing
@testable import CapDiffCore

/// Numbers, amounts, percentages, durations and dates read through ICU in both locales, and
/// compared as values: formats that say the same thing must agree, changed values must not.
@Suite struct DriftValueTests {
    let tokenizer = Tokenizer()
    let english = ValueReader(language: .en)
    let russian = ValueReader(language: .ru)

    func values(_ text: String, _ language: Language) -> [Value] {
        (language == .ru ? russian : english).values(in: text, tokens: tokenizer.tokens(text))
    }

    func isValue(_ value: Value?, _ magnitude: Double, _ unit: Value.Unit) -> Bool {
        value?.magnitude == magnitude && value?.unit == unit
    }

    /// Whether every value of each side agrees with one of the other's.
    func agree(_ en: String, _ ru: String) -> Bool {
        let a = values(en, .en), b = values(ru, .ru)
        guard !a.isEmpty, !b.isEmpty else { return false }
        return a.allSatisfy { v in b.contains { v.agrees(with: $0) } } && b.allSatisfy { v in a.contains { v.agrees(with: $0) } }
    }

    @Test func thousandsSeparatorsAndDecimalMarksOfBothLocales() {
        #expect(values("a fee of 1,250.00", .en).map(\.magnitude) == [1250])
        #expect(values("вознаграждение 1 250,00", .ru).map(\.magnitude) == [1250])
        #expect(values("вознаграждение 1\u{00A0}250,00", .ru).map(\.magnitude) == [1250])
        #expect(values("вознаграждение 1\u{202F}250,00", .ru).map(\.magnitude) == [1250])
        #expect(agree("10,000.50", "10 000,50"))
        #expect(!agree("10,000.50", "10 000,05"))
    }

    @Test func percentagesWithAndWithoutASpace() {
        #expect(values("a bonus of 15%", .en).first?.unit == .percent)
        #expect(isValue(values("бонус 15 %", .ru).first, 15, .percent))
        #expect(agree("3.5%", "3,5 %"))
        #expect(agree("15 percent", "15 процентов"))
        #expect(!agree("15%", "20 %"))
    }

    @Test func currencySymbolsCodesAndWords() {
        #expect(values("$5,000", .en).first?.unit == .money("USD"))
        #expect(values("5 000 долларов США", .ru).first?.unit == .money("USD"))
        #expect(isValue(values("3 600 000 руб.", .ru).first, 3_600_000, .money("RUB")))
        #expect(agree("$5,000", "5 000 долларов США"))
        #expect(agree("USD 25,000", "25 000 долл. США"))
        #expect(agree("RUB 3,600,000", "3 600 000 ₽"))
        #expect(agree("RUB 3,600,000", "3 600 000 рублей"))
        #expect(agree("$1.20", "1,20 доллара США"))
        #expect(agree("$2.5 million", "2,5 млн долларов"))
        #expect(agree("$1.5M", "1,5 млн долларов США"))
        #expect(agree("10M impressions", "10 млн показов"))
        #expect(agree("1.5K comments", "1 500 комментариев"))
        #expect(!agree("10M impressions", "12 млн показов"))
        #expect(agree("€10,000", "10 000 евро"))
        // The same figure in another currency is another amount.
        #expect(!agree("$5,000", "5 000 руб."))
    }

    @Test func numbersWrittenOutWithFigures() {
        #expect(values("within thirty (30) days", .en).map(\.magnitude) == [30])
        #expect(agree("within thirty (30) days", "в течение тридцати (30) дней"))
        #expect(agree("twelve (12) creators", "двенадцать (12) блогеров"))
        #expect(!agree("twelve (12) creators", "десять (10) блогеров"))
    }

    @Test func aCompoundNumberInWordsIsOneNumber() {
        #expect(agree("The price is $22,200 (twenty-two thousand two hundred US dollars).",
                      "Стоимость — 22 200 долларов США (двадцать две тысячи двести долларов США)."))
    }

    @Test func durationsInWordsAndFigures() {
        #expect(isValue(values("every two weeks", .en).first, 2, .duration(.week)))
        #expect(isValue(values("каждые две недели", .ru).first, 2, .duration(.week)))
        #expect(agree("30 days", "30 дней"))
        #expect(agree("two weeks", "14 дней"))
        #expect(agree("ten (10) business days", "десяти (10) рабочих дней"))
        #expect(agree("twenty-five days", "двадцать пять дней"))
        #expect(!agree("30 days", "30 рабочих дней"))
        #expect(!agree("30 days", "60 дней"))
    }

    @Test func datesInEveryUsualForm() {
        let day = values("on March 1, 2027", .en).first
        #expect(day?.unit == .date)
        #expect(day.map { Value.components(ofDay: $0.magnitude) } == [1, 3, 2027])
        #expect(agree("March 1, 2027", "1 марта 2027 г."))
        #expect(agree("1 March 2027", "01.03.2027"))
        #expect(agree("March 1, 2027", "1 марта 2027 года"))
        #expect(agree("June 15th, 2027", "15 июня 2027 года"))
        #expect(agree("15th June 2027", "15.06.2027"))
        #expect(agree("the 1st of March, 2027", "1 марта 2027 г."))
        #expect(agree("June 15, 2027", "«15» июня 2027 г."))
        #expect(agree("2027-06-15", "15.06.2027"))
        // Dots mark the European order in English too; slashes the American one.
        #expect(agree("10.05.2027", "10 мая 2027 г."))
        #expect(agree("3/15/2027", "15.03.2027"))
        // A month and a year name no day.
        #expect(values("in March 2027", .en).allSatisfy { !$0.isDate })
        #expect(!agree("March 1, 2027", "1 апреля 2027 г."))
        #expect(!agree("March 1, 2027", "1 марта 2028 г."))
    }

    @Test func datesWithoutAYear() {
        #expect(isValue(values("by May 10", .en).first, 510, .dayOfYear))
        #expect(isValue(values("до 10 мая", .ru).first, 510, .dayOfYear))
        #expect(agree("by May 10", "до 10 мая"))
        #expect(agree("by 10 May", "до 10 мая"))
        #expect(agree("by May 10, 2027", "до 10 мая"))
        #expect(!agree("by May 10", "до 10 июня"))
        // "may" the modal is no month.
        #expect(values("The Partner may 2 times a year request a report.", .en).allSatisfy { $0.unit != .dayOfYear })
    }

    @Test func rangesOfDaysWritingTheMonthOnce() {
        let june = values("Hiking shoots: June 7–18, 2027.", .en)
        #expect(june.map { Value.components(ofDay: $0.magnitude) } == [[7, 6, 2027], [18, 6, 2027]])
        #expect(june.allSatisfy { $0.unit == .date })
        #expect(agree("June 7–18, 2027", "с 7 по 18 июня 2027 г."))
        #expect(agree("June 7, 2027 to June 18, 2027", "с 7 по 18 июня 2027 г."))
        #expect(agree("March 1, 2027 to March 31, 2027", "с 1 по 31 марта 2027 г."))
        #expect(agree("7-18 June 2027", "07.06.2027–18.06.2027"))
        #expect(agree("between 1 and 31 March 2027", "1–31 марта 2027 г."))
        #expect(agree("June 7–18", "с 7 по 18 июня"))
        // Either end may change.
        #expect(!agree("June 7–18, 2027", "с 8 по 18 июня 2027 г."))
        #expect(!agree("June 7–18, 2027", "с 7 по 19 июня 2027 г."))
        // A count before a date is no range: "within 5 to 10 days" has no date at all.
        #expect(values("within 5 to 10 days", .en).allSatisfy { !$0.isDate })
    }

    @Test func timesOfDayInBothClocks() {
        #expect(isValue(values("by 6:00 p.m. Moscow time", .en).first, 1080, .timeOfDay))
        #expect(agree("by 6:00 p.m.", "до 18:00"))
        #expect(agree("by 6 pm", "до 18.00"))
        #expect(agree("from 9am to 9:30pm", "с 09:00 до 21:30"))
        #expect(!agree("by 6:00 p.m.", "до 16:00"))
        // A figure alone is no time: "within 24 hours", "6 posts".
        #expect(values("within 24 hours and 6 posts", .en).allSatisfy { $0.unit != .timeOfDay })
    }

    @Test func aLoneYearOrAGroupedNumberIsNoDate() {
        #expect(values("весна 2027 г.", .ru).first?.unit == .plain)
        #expect(values("бюджет 3 600 000 руб.", .ru).first?.unit == .money("RUB"))
        #expect(values("in 2027", .en).first?.unit == .plain)
    }

    @Test func wordsAloneAreNoNumbers() {
        // "one another" and «одна из сторон» name no quantity.
        #expect(values("They act towards one another.", .en).isEmpty)
        #expect(values("Ни одна из Сторон не вправе", .ru).isEmpty)
    }

    @Test func numberWordsCardinalAndOrdinal() {
        let words = NumberWords()
        func numbers(_ text: String) -> Set<Double> { words.numbers(in: text, tokens: tokenizer.tokens(text)) }
        #expect(numbers("Первая волна и вторая волна") == [1, 2])
        #expect(numbers("the first and the twenty-first day") == [1, 21])
        #expect(numbers("до двадцать первого числа") == [21])
        #expect(numbers("Wave 1 starts in spring").isEmpty)
    }

    @Test func referencesCompareByTheirParts() {
        let en = values("as provided in Section 2(b)(1)-(2)", .en)
        #expect(Set(en.map(\.magnitude)) == [2, 1])
        #expect(en.allSatisfy { $0.unit == .reference })
        #expect(agree("the KPIs in clause 5.1", "KPI, указанных в п. 5.1"))
        #expect(agree("Section 2(a)(4)", "подпункте (4) пункта (а) Раздела 2"))
        #expect(!agree("Article 11 of the Treaty", "Статьей 14 Договора"))
    }
}
