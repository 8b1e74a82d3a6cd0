/// Clause numbers as agreements write them: "3.", "2.1", "2.1(a)", "2(a)(1)(A)(iv)", "(b)",
/// «б)», "Article 3", «Статья 3», «п. 4.2». Reads the number that starts a line, and turns a
/// number into a key that matches the other language's way of writing it.
enum ClauseNumbering {
    enum Form: Equatable {
        /// A number complete on its own: "2.1", "1(a)", "3(a)(1)(A)(iv)".
        case full
        /// A top-level integer: "3.", "3)", "Article 3", «Статья 3».
        case integer
        /// A local item marker: "(a)", "a)", «б)», "(iv)", "(2)".
        case item
    }

    struct Number: Equatable {
        var written: String
        var form: Form
    }

    /// Words that introduce a number naming a part of the document ("Article 3", «Раздела 2»),
    /// as they start lines and cross-references. Russian entries are stems («стать» covers
    /// «Статья», «Статьей», «статьи»).
    static let englishReferenceWords: Set<String> = [
        "article", "articles", "section", "sections", "clause", "clauses", "paragraph", "paragraphs", "item", "items",
        "subsection", "subsections", "subparagraph", "subclause", "schedule", "annex", "appendix", "exhibit", "part",
        "chapter", "point", "points", "sub-item", "no", "nos", "§",
    ]
    static let russianReferenceStems = ["стать", "раздел", "пункт", "подпункт", "п", "пп", "ст", "глав", "приложени",
                                        "абзац", "част", "параграф", "§"]

    static func isReferenceWord(_ normalized: some StringProtocol) -> Bool {
        let word = normalized.lowercased()
        if englishReferenceWords.contains(word) { return true }
        guard word.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) else { return false }
        return russianReferenceStems.contains { stem in
            stem.count <= 2 ? word == stem : word.hasPrefix(stem)
        }
    }

    /// The number a line starts with and the text after it, or nil when it starts with none.
    /// A bare integer ("2027 was a year") is not a clause number: it needs a ".", ")", a
    /// dotted or bracketed part, or a reference word before it.
    static func leading(_ line: Substring) -> (number: Number, rest: Substring)? {
        var text = line
        var referenced = false
        if let (word, after) = firstWord(text), isReferenceWord(word.hasSuffix(".") ? word.dropLast() : word[...]) {
            let afterWord = after.drop { $0 == " " || $0 == "\u{00A0}" }
            guard afterWord.first?.isNumber == true else { return nil }
            text = afterWord
            referenced = true
        }
        guard let first = text.first else { return nil }
        var index = text.startIndex
        var form: Form
        if first.isNumber {
            while index < text.endIndex, text[index].isNumber || (text[index] == "." && nextIsDigit(text, index)) {
                index = text.index(after: index)
            }
            form = text[text.startIndex..<index].contains(".") ? .full : .integer
            var groups = 0
            while index < text.endIndex, text[index] == "(", let close = bracketedPart(text, at: index) {
                index = close
                groups += 1
            }
            if groups > 0 { form = .full }
            let bare = text[text.startIndex..<index]
            if index < text.endIndex, text[index] == "." || text[index] == ")" {
                index = text.index(after: index)
            } else if form == .integer, !referenced {
                return nil
            }
            let rest = text[index...]
            guard rest.isEmpty || rest.first!.isWhitespace || (referenced && "–—-:".contains(rest.first!)) else { return nil }
            return (Number(written: String(bare), form: form), trimSeparators(rest))
        }
        if first == "(", let close = bracketedPart(text, at: index) {
            let rest = text[close...]
            guard rest.first?.isWhitespace == true else { return nil }
            return (Number(written: String(text[..<close]), form: .item), trimSeparators(rest))
        }
        if first.isLetter, text.count >= 3 {
            let second = text[text.index(after: index)]
            let third = text[text.index(index, offsetBy: 2)]
            if second == ")", third.isWhitespace {
                return (Number(written: "(\(first))", form: .item), trimSeparators(text.dropFirst(2)))
            }
        }
        return nil
    }

    /// A list marker from the outline reader ("1.", "2.1", "(a)", «б)»), read as a number.
    static func marker(_ marker: String) -> Number? {
        leading(Substring(marker + " "))?.number
    }

    /// The key two spellings of one number share: "2.1." and "2.1" alike, and a Russian list
    /// letter in its alphabet position (а → a, б → b, в → c), since «в)» is the third item.
    static func key(_ written: String) -> String {
        var out = ""
        for char in written where !char.isWhitespace {
            if let position = russianListLetters.firstIndex(of: Character(char.lowercased())) {
                let latin = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(russianListLetters.distance(from: russianListLetters.startIndex, to: position))))
                out.append(char.isUppercase ? Character(latin.uppercased()) : latin)
            } else {
                out.append(char)
            }
        }
        while out.hasSuffix(".") { out.removeLast() }
        return out
    }

    /// Russian list letters in order (й, ъ, ы, ь and ё are not used to number items).
    static let russianListLetters = "абвгдежзиклмнопрстуфхцчшщэюя"

    // MARK: Helpers

    private static func firstWord(_ text: Substring) -> (Substring, Substring)? {
        let word = text.prefix { $0.isLetter || $0 == "." || $0 == "§" }
        guard !word.isEmpty, word.count <= 12 else { return nil }
        return (word, text[word.endIndex...])
    }

    private static func nextIsDigit(_ text: Substring, _ index: Substring.Index) -> Bool {
        let next = text.index(after: index)
        return next < text.endIndex && text[next].isNumber
    }

    /// The index after "(x)" when x is one to four letters or digits.
    private static func bracketedPart(_ text: Substring, at open: Substring.Index) -> Substring.Index? {
        guard let close = text[open...].firstIndex(of: ")") else { return nil }
        let inner = text[text.index(after: open)..<close]
        guard (1...4).contains(inner.count), inner.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        return text.index(after: close)
    }

    private static func trimSeparators(_ text: Substring) -> Substring {
        var rest = text.trimmingWhitespace()
        while let first = rest.first, "–—-:.".contains(first) { rest = rest.dropFirst().trimmingWhitespace() }
        return rest
    }
}
