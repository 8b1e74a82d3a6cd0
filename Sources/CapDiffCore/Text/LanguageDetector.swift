/// Detects English, Russian or mixed text from its letters: capdiff's two languages differ in
/// script, so counting Cyrillic against Latin letters is both fast and reliable.
public enum LanguageDetector {
    public struct LetterCounts: Sendable {
        public var cyrillic = 0
        public var latin = 0
    }

    public static func count(_ text: some StringProtocol, into counts: inout LetterCounts) {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0400...0x04FF, 0x0500...0x052F: counts.cyrillic += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: counts.latin += 1
            default: break
            }
        }
    }

    /// A text is Russian or English when at least 80% of its letters are of that script;
    /// otherwise it is mixed. Loanwords and abbreviations ("KPI", "big idea") in a Russian
    /// outline stay well under the other 20%.
    public static func language(of counts: LetterCounts) -> Language? {
        let total = counts.cyrillic + counts.latin
        guard total > 0 else { return nil }
        if counts.cyrillic * 5 >= total * 4 { return .ru }
        if counts.latin * 5 >= total * 4 { return .en }
        return .mixed
    }

    public static func language(of text: some StringProtocol) -> Language? {
        var counts = LetterCounts()
        count(text, into: &counts)
        return language(of: counts)
    }

    /// A document's language; English when it has no letters at all.
    public static func language<S: Sequence>(of texts: S) -> Language where S.Element: StringProtocol {
        var counts = LetterCounts()
        for text in texts { count(text, into: &counts) }
        return language(of: counts) ?? .en
    }
}
