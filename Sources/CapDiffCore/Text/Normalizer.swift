/// Normalises words for matching: NFKC with case folding (ICU), ё → е, typographic
/// apostrophes to ASCII, and, in a word that mixes scripts, Latin lookalikes turned into the
/// Cyrillic letters they imitate (or the other way round), so «отнoшения» with a Latin "o"
/// still matches «отношения».
final class TextNormalizer {
    private lazy var spoof: ICUSpoofChecker? = try? ICUSpoofChecker()
    /// Lookalike pairs derived from ICU's confusable skeletons, built on first use.
    private lazy var lookalikes: (latinToCyrillic: [Character: Character], cyrillicToLatin: [Character: Character]) = {
        guard let spoof else { return ([:], [:]) }
        var bySkeleton: [String: Character] = [:]
        for scalar in UnicodeScalar("a").value...UnicodeScalar("z").value {
            let letter = Character(UnicodeScalar(scalar)!)
            bySkeleton[spoof.skeleton(String(letter))] = letter
        }
        var toCyrillic: [Character: Character] = [:]
        var toLatin: [Character: Character] = [:]
        for scalar in UnicodeScalar("а").value...UnicodeScalar("я").value {
            let letter = Character(UnicodeScalar(scalar)!)
            if let latin = bySkeleton[spoof.skeleton(String(letter))] {
                toCyrillic[latin] = letter
                toLatin[letter] = latin
            }
        }
        return (toCyrillic, toLatin)
    }()

    func normalize(_ word: String) -> String {
        var folded: String
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            folded = word.lowercased()
        } else {
            folded = ICUNormalizer.nfkcCasefold(word)
            if folded.unicodeScalars.contains(where: { $0 == "ё" || $0 == "\u{2019}" }) {
                folded = String(String.UnicodeScalarView(folded.unicodeScalars.map { $0 == "ё" ? "е" : $0 == "\u{2019}" ? "'" : $0 }))
            }
        }
        return folded
    }

    /// True when the word hides letters of one script among another's (ICU's spoof checker).
    func isMixedScript(_ word: String) -> Bool {
        var counts = LanguageDetector.LetterCounts()
        LanguageDetector.count(word, into: &counts)
        guard counts.cyrillic > 0, counts.latin > 0 else { return false }
        return spoof?.isMixedScript(word) ?? true
    }

    /// Replaces the minority script's lookalike letters with the majority script's.
    func repairMixedScript(_ normalized: String) -> String {
        var counts = LanguageDetector.LetterCounts()
        LanguageDetector.count(normalized, into: &counts)
        let table = counts.cyrillic >= counts.latin ? lookalikes.latinToCyrillic : lookalikes.cyrillicToLatin
        return String(normalized.map { table[$0] ?? $0 })
    }
}
