/// How a numbered list counts its items: 1, 2, 3; a, b, c; i, ii, iii; а, б, в. Readers keep
/// list markers as the document shows them (clause numbers such as "2.a" matter to drift).
enum CounterStyle: Sendable, Equatable {
    case decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, russianLower, russianUpper

    /// Word's w:numFmt; formats capdiff does not spell out count in decimal.
    init(wordFormat: String) {
        switch wordFormat {
        case "lowerLetter": self = .lowerLetter
        case "upperLetter": self = .upperLetter
        case "lowerRoman": self = .lowerRoman
        case "upperRoman": self = .upperRoman
        case "russianLower": self = .russianLower
        case "russianUpper": self = .russianUpper
        default: self = .decimal
        }
    }

    /// HTML's <ol type="a|A|i|I|1">.
    init(htmlType: String?) {
        switch htmlType {
        case "a": self = .lowerLetter
        case "A": self = .upperLetter
        case "i": self = .lowerRoman
        case "I": self = .upperRoman
        default: self = .decimal
        }
    }

    func format(_ value: Int) -> String {
        switch self {
        case .decimal: String(value)
        case .lowerLetter: Self.letters(value, "abcdefghijklmnopqrstuvwxyz")
        case .upperLetter: Self.letters(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        case .russianLower: Self.letters(value, "абвгдежзиклмнопрстуфхцчшщэюя")
        case .russianUpper: Self.letters(value, "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ")
        case .lowerRoman: Self.roman(value).lowercased()
        case .upperRoman: Self.roman(value)
        }
    }

    /// a, b, …, z, aa, bb, … (as Word and browsers count).
    private static func letters(_ value: Int, _ alphabet: String) -> String {
        let letters = Array(alphabet)
        guard value > 0 else { return String(value) }
        return String(repeating: letters[(value - 1) % letters.count], count: (value - 1) / letters.count + 1)
    }

    private static func roman(_ value: Int) -> String {
        guard (1...3999).contains(value) else { return String(value) }
        let numerals: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value
        var result = ""
        for (amount, numeral) in numerals {
            while rest >= amount { result += numeral; rest -= amount }
        }
        return result
    }
}
