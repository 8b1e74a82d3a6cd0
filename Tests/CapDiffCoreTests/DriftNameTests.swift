import Testing
@testable import CapDiffCore

/// Names of people and organisations, found as runs of capitalised words and compared across
/// scripts through ICU's Russian-Latin/BGN transliteration.
@Suite struct DriftNameTests {
    let tokenizer = Tokenizer()
    let names = NameMatcher()

    func word(_ text: String) -> Token { tokenizer.tokens(text).first(where: \.isWord)! }

    func same(_ a: String, _ b: String) -> Bool {
        let wa = tokenizer.tokens(a).filter(\.isWord), wb = tokenizer.tokens(b).filter(\.isWord)
        return wa.count == wb.count && zip(wa, wb).allSatisfy { names.sameName($0, $1) }
    }

    @Test func transliteratedNamesMatchWithTheirUsualSpellingVariants() {
        #expect(same("Anna Petrova", "Анна Петрова"))
        #expect(same("Daniel Brooks", "Дэниел Брукс"))
        #expect(same("Jessica Moore", "Джессика Мур"))
        #expect(same("Tom Whitaker", "Том Уитакер"))
        #expect(same("Michael Grant", "Майкл Грант"))
        #expect(same("Rachel Kim", "Рейчел Ким"))
        #expect(same("Sarah Collins", "Сара Коллинз"))
        #expect(same("Dmitry Volkov", "Дмитрий Волков"))
        #expect(same("Dmitriy Volkov", "Дмитрий Волков"))
        #expect(same("Yekaterina Orlova", "Екатерина Орлова"))
        #expect(same("Ekaterina Orlova", "Екатерина Орлова"))
        #expect(same("New York", "Нью Йорк"))
    }

    @Test func organisationsMatchWordForWord() {
        #expect(same("Sever Media", "Север Медиа"))
        #expect(same("Ural Digital", "Урал Диджитал"))
        #expect(same("Kadr Production", "Кадр Продакшн"))
        #expect(same("Belye Nochi", "Белые ночи"))
    }

    @Test func differentNamesDoNotMatch() {
        #expect(!same("Petrova", "Смирнова"))
        #expect(!same("Anna", "Мария"))
        // Short consonant skeletons must agree exactly: "United" (ntd) is not «Наций» (nts).
        #expect(!same("United", "Наций"))
        #expect(!same("Sui", "СЕ"))
    }

    @Test func runsSkipLegalFormsSentenceStartsAndCommonWords() {
        let text = "Partner: ООО «Север Медиа», represented by Anna Petrova, Head of Talent. Shooting starts soon."
        let tokens = tokenizer.tokens(text)
        let runs = names.runs(tokens, text: text, excluded: [], common: ["head"])
        #expect(runs.map(\.surface) == ["Север Медиа", "Anna Petrova", "Talent"])
    }
}
