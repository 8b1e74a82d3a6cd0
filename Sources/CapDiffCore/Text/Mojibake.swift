/// How much a decoded text looks like mojibake: text decoded with the wrong single-byte
/// charset. Any byte decodes in windows-1251, KOI8-R or ISO-8859-1, so a wrong label raises no
/// error; the damage shows in the letters instead:
/// - case flips inside words ("рТЙЧЕФ": KOI8-R read as windows-1251 swaps the cases), and long
///   Cyrillic words in capitals ("ДПУФБЧЛХ"), which Russian text keeps for short acronyms,
/// - words mixing scripts or alphabets that never meet (Cyrillic with Latin, Russian «ы» with
///   Serbian «ђ»), or Latin words made mostly of accented letters ("Ïðèâåò": windows-1251 read
///   as ISO-8859-1),
/// - symbols glued between letters ("я№шт"), control characters, U+FFFD,
/// - Cyrillic letters whose frequencies are not Russian ones (the 15 commonest letters make
///   up about 80% of Russian text; a scrambled decoding scatters them).
struct Mojibake {
    /// Words with at least one non-ASCII letter (the ones a wrong charset changes).
    var nonASCIIWords = 0
    /// Damaged words and stray characters.
    var anomalies = 0
    var cyrillicLetters = 0
    var commonCyrillicLetters = 0
    /// Letters of scripts capdiff's languages are not written in (CJK, Hangul, Arabic, …):
    /// what a wrong multi-byte charset (GB18030, Big5, Shift_JIS) makes of Russian or English.
    var foreignLetters = 0
    var letters = 0

    /// Lower is better; 0 for clean text. Above `suspicious`, a declared charset is doubted.
    var score: Double {
        var s = Double(anomalies) / Double(max(nonASCIIWords, 1))
        if cyrillicLetters >= 12 {
            s += max(0, 0.6 - Double(commonCyrillicLetters) / Double(cyrillicLetters)) * 2
        }
        if foreignLetters > 0 {
            s += Double(foreignLetters) / Double(letters + foreignLetters) * 2
        }
        return s
    }

    static let suspicious = 0.2

    /// «оеаинтсрвлкмдпу», the commonest Russian letters, as bits over а…я (U+0430…U+044F).
    private static let commonMask: UInt32 = "оеаинтсрвлкмдпу".unicodeScalars.reduce(0) { $0 | 1 << ($1.value - 0x430) }

    private static func isCommon(_ lower: UInt32) -> Bool {
        (0x430...0x44F).contains(lower) && commonMask & (1 << (lower - 0x430)) != 0
    }

    /// Letters of Serbian and Macedonian Cyrillic that Russian text never holds.
    private static func isSouthSlavic(_ v: UInt32) -> Bool {
        switch v {
        case 0x402, 0x403, 0x408, 0x409, 0x40A, 0x40B, 0x40C, 0x40F,
             0x452, 0x453, 0x458, 0x459, 0x45A, 0x45B, 0x45C, 0x45F: true
        default: false
        }
    }

    /// Letters only Russian (and Belarusian) text holds: ъ, ы, э.
    private static func isRussianOnly(_ v: UInt32) -> Bool {
        switch v {
        case 0x42A, 0x42B, 0x42D, 0x44A, 0x44B, 0x44D: true
        default: false
        }
    }

    /// Letters read at most: a wrong charset shows long before.
    static let sample = 2048

    init(_ text: String) {
        var word = WordState()
        var previousWasLetter = false
        var pendingSymbol = false
        for scalar in text.unicodeScalars.prefix(Self.sample) {
            let v = scalar.value
            if let letter = Letter(v) {
                letters += 1
                if pendingSymbol { anomalies += 1 }
                pendingSymbol = false
                word.add(letter, value: v)
                if letter.script == .cyrillic {
                    cyrillicLetters += 1
                    let lower = letter.upper ? Letter.lowercaseCyrillic(v) : v
                    if Self.isCommon(lower) { commonCyrillicLetters += 1 }
                }
                previousWasLetter = true
                continue
            }
            if Self.isForeign(v) { foreignLetters += 1 }
            finishWord(&word)
            pendingSymbol = previousWasLetter && Self.isOddSymbol(v)
            if !pendingSymbol { previousWasLetter = false }
            if Self.isBroken(v) { anomalies += 1 }
        }
        finishWord(&word)
    }

    private mutating func finishWord(_ word: inout WordState) {
        defer { word = WordState() }
        guard word.length > 0, word.nonASCII > 0 else { return }
        nonASCIIWords += 1
        if word.caseFlip { anomalies += 1; return }
        if word.scripts == Letter.Script.cyrillic.rawValue, word.length >= 5, word.upperCount == word.length { anomalies += 1; return }
        if word.scripts.nonzeroBitCount > 1 { anomalies += 1; return }
        if word.southSlavic && word.russianOnly { anomalies += 1; return }
        if word.scripts == Letter.Script.latin.rawValue, word.length >= 3, word.nonASCII * 2 >= word.length { anomalies += 1 }
    }

    /// U+FFFD, control characters other than line and tab ones, C1 controls, box drawing and
    /// private use: what a wrong code page leaves in text.
    private static func isBroken(_ v: UInt32) -> Bool {
        switch v {
        case 0xFFFD, 0x80...0x9F, 0x2500...0x259F, 0xE000...0xF8FF: true
        case 0..<0x20: v != 0x09 && v != 0x0A && v != 0x0D && v != 0x0C
        default: false
        }
    }

    /// Hebrew, Arabic, Thai, CJK, Hangul, Kana and the like.
    private static func isForeign(_ v: UInt32) -> Bool {
        switch v {
        case 0x0590...0x08FF, 0x0E00...0x0EFF, 0x1100...0x11FF, 0x3040...0x30FF, 0x3400...0x9FFF, 0xAC00...0xD7AF: true
        default: false
        }
    }

    /// Symbols that single-byte code pages hold between their letters («№», «§», «¤», «¦»).
    private static func isOddSymbol(_ v: UInt32) -> Bool {
        switch v {
        case 0xA4, 0xA6, 0xA7, 0xA9, 0xAE, 0xB1, 0xB5, 0xB6, 0x2116, 0x2122, 0x2020, 0x2021, 0x2030: true
        default: false
        }
    }

    private struct WordState {
        var length = 0
        var nonASCII = 0
        var caseFlip = false
        var lastLower = false
        var upperCount = 0
        var scripts: UInt8 = 0
        var southSlavic = false
        var russianOnly = false

        mutating func add(_ letter: Letter, value: UInt32) {
            length += 1
            if value >= 0x80 { nonASCII += 1 }
            if letter.upper && lastLower { caseFlip = true }
            if letter.upper { upperCount += 1 }
            lastLower = !letter.upper
            scripts |= letter.script.rawValue
            if Mojibake.isSouthSlavic(value) { southSlavic = true }
            if Mojibake.isRussianOnly(value) { russianOnly = true }
        }
    }

    /// A letter of the scripts mail in capdiff's languages is written in.
    private struct Letter {
        enum Script: UInt8 { case latin = 1, cyrillic = 2, greek = 4 }
        var script: Script
        var upper: Bool

        init?(_ v: UInt32) {
            switch v {
            case 0x41...0x5A: (script, upper) = (.latin, true)
            case 0x61...0x7A: (script, upper) = (.latin, false)
            case 0xC0...0xDE where v != 0xD7: (script, upper) = (.latin, true)
            case 0xDF...0xFF where v != 0xF7: (script, upper) = (.latin, false)
            case 0x100...0x17F: (script, upper) = (.latin, v % 2 == 0)
            case 0x391...0x3A9: (script, upper) = (.greek, true)
            case 0x3B1...0x3C9: (script, upper) = (.greek, false)
            case 0x400...0x42F: (script, upper) = (.cyrillic, true)
            case 0x430...0x45F: (script, upper) = (.cyrillic, false)
            case 0x460...0x4FF: (script, upper) = (.cyrillic, v % 2 == 0)
            default: return nil
            }
        }

        static func lowercaseCyrillic(_ v: UInt32) -> UInt32 {
            switch v {
            case 0x400...0x40F: v + 0x50
            case 0x410...0x42F: v + 0x20
            default: v
            }
        }
    }
}
