/// Reads the values of a clause through ICU's number and date parsing in the clause's
/// language: amounts ("$5,000", «5 000 долларов США», «3 600 000 руб.»), percentages ("15%",
/// «15 %»), durations ("30 days", "two weeks", «тридцати (30) дней»), dates ("March 1, 2027",
/// «1 марта 2027 г.», «01.03.2027») and numbers naming parts of the document ("Section 2(b)").
/// Not thread-safe (it owns ICU formats): one per thread.
final class ValueReader {
    let language: Language
    private let decimal: ICUNumberParser?
    private let percent: ICUNumberParser?
    private let currency: ICUNumberParser?
    private let spellout: ICUNumberParser?
    private let dates: [ICUDateParser]
    /// Dates written without a year: "May 10", «10 мая».
    let daysOfYear: [ICUDateParser]
    /// ISO 8601 dates ("2027-03-01"), which the locales' own forms misread.
    private let isoDates: ICUDateParser?
    /// Dates with dots ("10.05.2027") in English: American dates use slashes, so dots mark
    /// the European order, day first.
    private let dottedDates: ICUDateParser?
    /// Which words are number words ("twenty", «двести»), remembered across the agreement.
    private let numberWords: NumberWords

    init(language: Language, numberWords: NumberWords = NumberWords()) {
        self.language = language == .ru ? .ru : .en
        self.numberWords = numberWords
        let locale = self.language == .ru ? "ru_RU" : "en_US"
        decimal = try? ICUNumberParser(.decimal, locale: locale)
        percent = try? ICUNumberParser(.percent, locale: locale)
        currency = try? ICUNumberParser(.currency, locale: locale)
        spellout = try? ICUNumberParser(.spellout, locale: locale)
        // The first that reads a date wins: a locale's long, medium and short forms, and for
        // English both the American "March 1, 2027" and the British "1 March 2027".
        let forms: [(ICUDateParser.Style, String)] = self.language == .ru
            ? [(.long, "ru_RU"), (.medium, "ru_RU"), (.short, "ru_RU")]
            : [(.long, "en_US"), (.long, "en_GB"), (.medium, "en_US"), (.medium, "en_GB"), (.full, "en_US"), (.short, "en_US")]
        dates = forms.compactMap { try? ICUDateParser($0.0, locale: $0.1) }
        isoDates = try? ICUDateParser(pattern: "y-MM-dd", locale: locale)
        dottedDates = self.language == .en ? try? ICUDateParser(pattern: "d.M.y", locale: "en_GB") : nil
        let patterns = self.language == .ru ? [("d MMMM", "ru_RU")] : [("MMMM d", "en_US"), ("d MMMM", "en_GB")]
        daysOfYear = patterns.compactMap { try? ICUDateParser(pattern: $0.0, locale: $0.1) }
    }

    /// The values of `text`, whose tokens the tokenizer gave, in order.
    func values(in text: String, tokens: [Token]) -> [Value] {
        let scan = Scan(text: text, tokens: tokens)
        var values: [Value] = []
        var i = 0
        while i < tokens.count {
            if let (found, next) = read(at: i, scan) {
                values += found
                i = max(next, i + 1)
            } else {
                i += 1
            }
        }
        return values
    }

    // MARK: Reading one value

    /// Reads the value starting at token `i`: its values (a reference gives one per part) and
    /// the index of the first token after it.
    private func read(at i: Int, _ scan: Scan) -> ([Value], Int)? {
        let token = scan.tokens[i]
        switch token.kind {
        case .number:
            if Self.isReference(at: i, scan.tokens) { return reference(at: i, scan) }
            if isListMarker(at: i, scan) { return nil }
            if let time = timeOfDay(at: i, scan) { return time }
            if let range = dayFirstRange(at: i, scan) { return range }
            if let date = date(at: i, scan) { return date }
            return number(at: i, scan)
        case .punctuation:
            guard "$€£₽¥".contains(token.surface) else { return nil }
            return money(at: i, scan)
        case .word:
            // "15th": a figure with an ordinal ending.
            if token.surface.first?.isNumber == true {
                if let time = timeOfDay(at: i, scan) { return time }
                if let date = date(at: i, scan) { return date }
                return number(at: i, scan)
            }
            if token.surface.first?.isUppercase == true {
                if let range = monthFirstRange(at: i, scan) { return range }
                if let date = date(at: i, scan) { return date }
                if token.surface.count == 3, token.surface.allSatisfy(\.isUppercase) { return money(at: i, scan) }
                return nil
            }
            return spelledOut(at: i, scan)
        }
    }

    func date(at i: Int, _ scan: Scan) -> ([Value], Int)? {
        let start = scan.utf16(ofToken: i)
        let iso = scan.tokens[i].surface.count == 4 && start + 4 < scan.text16.count && scan.text16[start + 4] == 0x2D
        let parts = scan.tokens[i].surface.split(separator: ".", omittingEmptySubsequences: false)
        let dotted = dottedDates != nil && parts.count == 3 && parts[2].count == 4
        for parser in iso ? [isoDates].compactMap({ $0 }) : dotted ? [dottedDates!] : dates {
            guard let (day, end16) = parser.parse(scan.dateText16, at: start) else { continue }
            let next = scan.tokenIndex(atOrAfterUTF16: end16)
            // A date spans a day, a month and a year: three tokens with a month's name, or
            // figures joined by two separators ("1.3.2027", "2027-03-01"). Lenient parsing
            // would read «3 600 000».
            let span = scan.tokens[i..<next].filter(\.isWord)
            let named = span.contains { $0.kind == .word && $0.surface.first?.isLetter == true }
            let written = scan.text16[start..<end16]
            let separated = !written.contains(0x20) && written.filter { $0 == 0x2E || $0 == 0x2F || $0 == 0x2D }.count == 2
            guard (span.count >= 3 && named) || separated else { continue }
            let after = Self.afterYearWord(next, scan.tokens)
            let end = after > next ? scan.tokens[after - 1].range.upperBound : scan.utf8(ofUTF16: end16)
            return ([scan.value(Double(day), .date, from: i, toUTF8: end)], after)
        }
        for parser in daysOfYear {
            guard let (day, end16) = parser.parse(scan.dateText16, at: start) else { continue }
            let next = scan.tokenIndex(atOrAfterUTF16: end16)
            let span = scan.tokens[i..<next].filter(\.isWord)
            // A day has one or two figures ("15", "15th"): "March 2027" is a month, not a day.
            guard span.count == 2, span.contains(where: { $0.surface.first?.isLetter == true }),
                  span.contains(where: { $0.surface.first?.isNumber == true && $0.surface.prefix(while: \.isNumber).count <= 2 })
            else { continue }
            let parts = Value.components(ofDay: Double(day))
            return ([scan.value(parts[1] * 100 + parts[0], .dayOfYear, from: i, toUTF16: end16)], next)
        }
        return nil
    }

    /// «1 марта 2027 г.», «… 2027 года»: the word for "year" after a date belongs to it.
    static func afterYearWord(_ next: Int, _ tokens: [Token]) -> Int {
        guard next < tokens.count, ["г", "года", "году", "гг"].contains(tokens[next].normalized) else { return next }
        return next + 1 < tokens.count && tokens[next + 1].surface == "." ? next + 2 : next + 1
    }

    /// An amount ICU reads with its currency ("$5,000", "USD 25,000", «5 000 долларов США»),
    /// and a multiplier after it ("$2.5 million").
    private func money(at i: Int, _ scan: Scan) -> ([Value], Int)? {
        guard let currency, let (value, code, end16) = currency.parseCurrency(scan.text16, at: scan.utf16(ofToken: i)) else { return nil }
        // "$1.5M", "$250K": a multiplier written onto the figure.
        if let (factor, end) = scan.letters(after: end16).flatMap({ suffix in Self.suffixMultipliers[suffix].map { ($0, end16 + suffix.utf16.count) } }) {
            return ([scan.value(value * factor, .money(code), from: i, toUTF16: end)], scan.tokenIndex(atOrAfterUTF16: end))
        }
        let next = scan.tokenIndex(atOrAfterUTF16: end16)
        if next < scan.tokens.count, let factor = Self.multipliers[scan.tokens[next].normalized] {
            return ([scan.value(value * factor, .money(code), from: i, toUTF8: scan.tokens[next].range.upperBound)], next + 1)
        }
        return ([scan.value(value, .money(code), from: i, toUTF16: end16)], next)
    }

    private func number(at i: Int, _ scan: Scan) -> ([Value], Int)? {
        let token = scan.tokens[i]
        let start = scan.utf16(ofToken: i)
        // "1.2.3", or in Russian "5.1" (whose decimal mark is a comma): numbered parts, not a
        // decimal fraction.
        let dots = token.surface.filter { $0 == "." }.count
        if dots >= 2 && !Self.isGrouped(token.surface, by: ".") { return reference(at: i, scan) }
        if language == .ru, dots == 1, !Self.isGrouped(token.surface, by: "."), let value = Double(token.surface) {
            return unitAfter(value: value, from: i, end16: scan.utf16End(ofToken: i), scan)
        }
        if let found = money(at: i, scan) { return found }
        guard let decimal, let (value, end16) = decimal.parse(scan.text16, at: start) else { return nil }
        // "10M impressions", "1.5K comments": a multiplier written onto the figure.
        if let suffix = scan.letters(after: end16), let factor = Self.figureSuffixMultipliers[suffix] {
            return unitAfter(value: value * factor, from: i, end16: end16 + suffix.utf16.count, scan)
        }
        if scan.nextVisible(afterUTF16: end16) == "%", let percent, let (fraction, percentEnd) = percent.parse(scan.text16, at: start) {
            return ([scan.value((fraction * 100 * 1e6).rounded() / 1e6, .percent, from: i, toUTF16: percentEnd)],
                    scan.tokenIndex(atOrAfterUTF16: percentEnd))
        }
        return unitAfter(value: value, from: i, end16: end16, scan)
    }

    /// "thirty days", «две недели»: a number written in words counts only before a unit, since
    /// "one another" and «одна из сторон» are no values; before a figure in brackets
    /// ("thirty (30) days") the figure is read instead. ICU's spelled-out parsing costs a
    /// millisecond a call, so it runs only where a unit follows within a few words
    /// («двадцать две тысячи двести долларов»), and the whole run of words is one number.
    private func spelledOut(at i: Int, _ scan: Scan) -> ([Value], Int)? {
        guard let spellout else { return nil }
        let tokens = scan.tokens
        let reach = min(tokens.count, i + 7)
        guard let unitAt = ((i + 1)..<reach).first(where: { tokens[$0].kind == .word && Self.unit(at: $0, tokens) != nil }),
              ((i + 1)..<unitAt).allSatisfy({ tokens[$0].kind == .word || tokens[$0].surface == "-" }),
              isNumberWord(tokens[i]),
              let (value, end16) = spellout.parse(scan.text16, at: scan.utf16(ofToken: i)),
              scan.tokenIndex(atOrAfterUTF16: end16) == unitAt else { return nil }
        return unitAfter(value: value, from: i, end16: end16, scan)
    }

    private func isNumberWord(_ token: Token) -> Bool {
        token.kind == .word && Self.numberWordStarts.contains(where: token.normalized.hasPrefix) && numberWords.isNumberWord(token)
    }

    /// How number words begin, in both languages: only these are put to ICU.
    static let numberWordStarts = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirt",
        "fift", "twent", "fort", "hundred", "thousand", "million", "a",
        "од", "дв", "тр", "четыр", "пят", "шест", "сем", "восем", "девя", "десят", "сорок", "сто", "тысяч", "миллион", "полтор",
    ]

    /// The value with the unit written after it ("days", «долларов», "million"), if any.
    private func unitAfter(value: Double, from i: Int, end16: Int, _ scan: Scan) -> ([Value], Int) {
        var next = scan.tokenIndex(atOrAfterUTF16: end16)
        // "thirty (30) days": the unit follows the bracket.
        if next < scan.tokens.count, scan.tokens[next].surface == ")" { next += 1 }
        var magnitude = value
        if next < scan.tokens.count, let factor = Self.multipliers[scan.tokens[next].normalized] {
            magnitude *= factor
            next += 1
            if next < scan.tokens.count, scan.tokens[next].surface == "." { next += 1 }
        }
        guard let (unit, length) = Self.unit(at: next, scan.tokens),
              !(unit == .duration(.year) && magnitude >= 1000) else {  // «2027 года» is a year, not 2027 years
            let end = next > i + 1 && scan.tokens[next - 1].surface != ")" ? scan.tokens[next - 1].range.upperBound : scan.utf8(ofUTF16: end16)
            return ([scan.value(magnitude, .plain, from: i, toUTF8: end)], next)
        }
        let last = next + length - 1
        var value = scan.value(magnitude, unit, from: i, toUTF8: scan.tokens[last].range.upperBound)
        if scan.tokens[next - 1].surface == ")" {
            // "thirty (30) days" reads as "30 days".
            value.surface = scan.tokens[i].surface + " " + scan.surface(next...last)
        }
        return ([value], last + 1)
    }

    /// "Section 2(b)(1)", «подпункте (4) пункта (а) Раздела 2», "clause 5.1": each number of the
    /// reference is one part. Official translations reorder such references, so parts compare
    /// as values, not as strings.
    private func reference(at i: Int, _ scan: Scan) -> ([Value], Int) {
        let token = scan.tokens[i]
        let parts = token.surface.split { !$0.isNumber }.compactMap { Double($0) }
        return (parts.map { Value(magnitude: $0, unit: .reference, surface: token.surface, range: token.range) }, i + 1)
    }

    // MARK: Context

    /// Words that may sit between a reference word and its number: other numbers, brackets,
    /// item letters and roman numerals, "and", «и».
    static let referenceGlue: Set<String> = ["and", "or", "to", "through", "и", "или", "по"]

    /// A number that names a part of the document: after "Section", «пункта» and the like
    /// (across other parts: "Sections 1, 5 and 8"), or followed by a bracketed part ("2(a)").
    static func isReference(at i: Int, _ tokens: [Token]) -> Bool {
        if i + 2 < tokens.count, tokens[i + 1].surface == "(", tokens[i].range.upperBound == tokens[i + 1].range.lowerBound,
           tokens[i + 2].isWord {
            return true
        }
        var j = i - 1
        var steps = 0
        while j >= 0, steps < 14 {
            let t = tokens[j]
            if t.kind == .word, ClauseNumbering.isReferenceWord(t.normalized) { return true }
            let glue = t.kind == .number || (t.kind == .punctuation && "(),.-–—/".contains(t.surface))
                || referenceGlue.contains(t.normalized) || (t.kind == .word && t.surface.count <= 4 && isItemLetters(t.surface))
            guard glue else { return false }
            j -= 1
            steps += 1
        }
        return false
    }

    /// "a", "iv", «б»: letters that number items.
    static func isItemLetters(_ word: String) -> Bool {
        word.count == 1 || word.lowercased().allSatisfy { "ivxlc".contains($0) }
    }

    /// "(2)" starting an item of an inline list: a small number in brackets that follows no
    /// number written in words; or «2)» after the colon or semicolon that ends the item before.
    private func isListMarker(at i: Int, _ scan: Scan) -> Bool {
        let tokens = scan.tokens
        guard i + 1 < tokens.count, tokens[i + 1].surface == ")", let n = Int(tokens[i].surface), n <= 20 else { return false }
        if i == 0 || [":", ";"].contains(tokens[i - 1].surface) { return true }
        guard i > 0, tokens[i - 1].surface == "(" else { return false }
        guard i >= 2, tokens[i - 2].kind == .word, let spellout else { return true }
        return spellout.parse(scan.text16, at: scan.utf16(ofToken: i - 2)) == nil
    }

    /// Strings like "1.250.000" where every group after the first has three digits.
    static func isGrouped(_ surface: String, by separator: Character) -> Bool {
        let groups = surface.split(separator: separator, omittingEmptySubsequences: false)
        return groups.count > 1 && groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(\.isNumber) }
    }

    static let suffixMultipliers: [String: Double] = ["k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "bn": 1e9]
    /// On a figure without a currency "mm" is more often millimetres.
    static let figureSuffixMultipliers: [String: Double] = ["k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9]

    static let multipliers: [String: Double] = [
        "thousand": 1e3, "million": 1e6, "billion": 1e9, "тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тысяча": 1e3,
        "млн": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9, "миллиардов": 1e9,
    ]

    /// The unit written at token `i` and how many tokens it takes: "business days" and
    /// «рабочих дней» (two), "days", «лет», "dollars", «руб.», "percent».
    static func unit(at i: Int, _ tokens: [Token]) -> (Value.Unit, Int)? {
        guard i < tokens.count else { return nil }
        let word = tokens[i].normalized
        if ["business", "working", "рабочих", "рабочие", "рабочий", "рабочего", "банковских", "банковские"].contains(word),
           let (unit, length) = unit(at: i + 1, tokens), unit == .duration(.day) {
            return (.duration(.businessDay), length + 1)
        }
        if ["calendar", "календарных", "календарные", "календарный"].contains(word), let (unit, length) = unit(at: i + 1, tokens),
           unit == .duration(.day) {
            return (unit, length + 1)
        }
        if tokens[i].surface == "%" { return (.percent, 1) }
        if let duration = durationUnit(word) { return (.duration(duration), 1) }
        if let code = currencyWord(word) {
            // «долл. США», «доллара США», "US dollars": the country is part of the unit.
            var length = 1
            if i + 1 < tokens.count, tokens[i + 1].surface == "." { length += 1 }
            if i + length < tokens.count, ["сша", "us"].contains(tokens[i + length].normalized) { length += 1 }
            return (.money(code), length)
        }
        if word == "percent" || word.hasPrefix("процент") { return (.percent, 1) }
        if word == "per", i + 1 < tokens.count, tokens[i + 1].normalized == "cent" { return (.percent, 2) }
        return nil
    }

    static func durationUnit(_ word: String) -> Value.DurationUnit? {
        switch word {
        case "day", "days", "день", "дня", "дней", "дню", "днями", "днях", "сутки", "суток": .day
        case "week", "weeks": .week
        case "month", "months": .month
        case "year", "years", "год", "года", "году", "годом", "лет", "годы": .year
        case "hour", "hours": .hour
        default:
            word.hasPrefix("недел") ? .week : word.hasPrefix("месяц") ? .month : word.hasPrefix("час") && word.count <= 5 ? .hour : nil
        }
    }

    static func currencyWord(_ word: String) -> String? {
        if word.hasPrefix("доллар") || word == "долл" || word.hasPrefix("dollar") || word == "usd" { return "USD" }
        if word.hasPrefix("рубл") || word == "руб" || word == "р" || word.hasPrefix("ruble") || word.hasPrefix("rouble") || word == "rub" { return "RUB" }
        if word == "евро" || word.hasPrefix("euro") || word == "eur" { return "EUR" }
        if word == "$" { return "USD" }
        if word == "₽" { return "RUB" }
        if word == "€" { return "EUR" }
        return nil
    }
}

/// The clause text in the forms ICU and the tokenizer need: UTF-16 for ICU, UTF-8 offsets for
/// tokens, and the maps between them.
struct Scan {
    let text: String
    let tokens: [Token]
    let text16: [UInt16]
    /// The text as dates are parsed from it: ordinal endings ("15th"), the "of" after them
    /// ("the 1st of March") and quotes around a day («15» июня) blanked out, so ICU reads "June
    /// 15th, 2027" as "June 15  , 2027". Offsets stay those of `text16`.
    let dateText16: [UInt16]
    let bytes: [UInt8]
    /// utf16Of[utf8 offset] and utf8Of[utf16 offset], at every scalar boundary.
    private var utf16Of: [Int]
    private var utf8Of: [Int]

    init(text: String, tokens: [Token]) {
        self.text = text
        self.tokens = tokens
        text16 = Array(text.utf16)
        dateText16 = Self.blankingOrdinalsAndQuotes(text16)
        bytes = Array(text.utf8)
        utf16Of = [Int](repeating: 0, count: text.utf8.count + 1)
        utf8Of = [Int](repeating: 0, count: text16.count + 1)
        var u8 = 0, u16 = 0
        for scalar in text.unicodeScalars {
            let n8 = UTF8.width(scalar), n16 = UTF16.width(scalar)
            for k in 0..<n8 { utf16Of[u8 + k] = u16 }
            for k in 0..<n16 { utf8Of[u16 + k] = u8 }
            u8 += n8
            u16 += n16
        }
        utf16Of[u8] = u16
        utf8Of[u16] = u8
    }

    static func blankingOrdinalsAndQuotes(_ text: [UInt16]) -> [UInt16] {
        let space: UInt16 = 0x20
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < text.count && (0x30...0x39).contains(text[k]) }
        func isLetter(_ k: Int) -> Bool { k < text.count && UnicodeScalar(text[k]).map { $0.properties.isAlphabetic } == true }
        let quotes: Set<UInt16> = [0x22, 0xAB, 0xBB, 0x201C, 0x201D, 0x201E]
        let ordinals: Set<String> = ["st", "nd", "rd", "th"]
        var out = text
        for k in text.indices {
            if quotes.contains(text[k]), isDigit(k - 1) || isDigit(k + 1) {
                out[k] = space
            } else if isDigit(k - 1), k + 1 < text.count, !isLetter(k + 2),
                      ordinals.contains(String(decoding: text[k...(k + 1)], as: UTF16.self).lowercased()) {
                out[k] = space
                out[k + 1] = space
            }
        }
        // "1st of March": "of" between a day and its month.
        for k in out.indices.dropLast(2) where (out[k] | 0x20) == 0x6F && (out[k + 1] | 0x20) == 0x66 && out[k + 2] == space {
            var before = k - 1
            while before >= 0, out[before] == space { before -= 1 }
            if before < k - 1, isDigit(before) { out[k] = space; out[k + 1] = space }
        }
        return out
    }

    func utf16(ofToken i: Int) -> Int { utf16Of[tokens[i].range.lowerBound] }
    func utf16End(ofToken i: Int) -> Int { utf16Of[tokens[i].range.upperBound] }
    func utf8(ofUTF16 offset: Int) -> Int { utf8Of[min(offset, utf8Of.count - 1)] }

    /// The first token starting at or after a UTF-16 offset.
    func tokenIndex(atOrAfterUTF16 offset: Int) -> Int {
        let u8 = utf8(ofUTF16: offset)
        return tokens.firstIndex { $0.range.lowerBound >= u8 } ?? tokens.count
    }

    /// The letters written right after an offset ("M" in "$1.5M"), lower-cased, if any.
    func letters(after offset: Int) -> String? {
        var k = offset
        while k < text16.count, let scalar = UnicodeScalar(text16[k]), scalar.properties.isAlphabetic { k += 1 }
        return k > offset ? String(decoding: text16[offset..<k], as: UTF16.self).lowercased() : nil
    }

    /// The first character after an offset that is not a space of any kind.
    func nextVisible(afterUTF16 offset: Int) -> Character? {
        var k = offset
        while k < text16.count, let scalar = UnicodeScalar(text16[k]), scalar.properties.isWhitespace { k += 1 }
        guard k < text16.count, let scalar = UnicodeScalar(text16[k]) else { return nil }
        return Character(scalar)
    }

    func surface(_ range: ClosedRange<Int>) -> String {
        String(decoding: bytes[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound].range.upperBound], as: UTF8.self)
    }

    func value(_ magnitude: Double, _ unit: Value.Unit, from i: Int, toUTF16 end16: Int) -> Value {
        value(magnitude, unit, from: i, toUTF8: utf8(ofUTF16: end16))
    }

    func value(_ magnitude: Double, _ unit: Value.Unit, from i: Int, toUTF8 end: Int) -> Value {
        var end = end
        while end > tokens[i].range.lowerBound, bytes[end - 1] == 0x20 { end -= 1 }
        let range = tokens[i].range.lowerBound..<end
        let surface = String(decoding: bytes[range], as: UTF8.self)
        return Value(magnitude: magnitude, unit: unit, surface: surface, range: range)
    }
}
