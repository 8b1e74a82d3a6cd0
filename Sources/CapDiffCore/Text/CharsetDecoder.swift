/// Turns bytes in a declared charset into text with ICU, and finds the real charset when the
/// label is missing or wrong: bytes that are invalid in the declared charset, or that decode
/// without error into mojibake (any byte is valid windows-1251, KOI8-R or ISO-8859-1, so a wrong
/// single-byte label raises no error). Then ICU's detector proposes candidates, Russian mail's
/// usual charsets join them (ICU cannot detect cp866 or x-mac-cyrillic), and the candidate whose
/// text looks least like mojibake wins. Not thread-safe: one per thread.
public final class CharsetDecoder {
    public struct Decoded: Sendable, Equatable {
        public var text: String
        /// The charset the text was read in, lower-cased: the declared label or the detected one.
        public var charset: String
        /// Why the declared label was not used; nil when it was (or when the text is ASCII).
        public var correction: Correction?
    }

    public enum Correction: Sendable, Equatable, CustomStringConvertible {
        /// No charset was declared, and the bytes are not ASCII or UTF-8.
        case missing
        /// ICU knows no charset by the declared name.
        case unknown(String)
        /// The bytes are not valid in the declared charset.
        case invalid(String)
        /// The bytes decode in the declared charset, but into mojibake.
        case mojibake(String)

        public var description: String {
            switch self {
            case .missing: "no charset declared"
            case .unknown(let label): "unknown charset \"\(label)\""
            case .invalid(let label): "bytes invalid in declared \(label)"
            case .mojibake(let label): "declared \(label) gives mojibake"
            }
        }
    }

    /// Charsets tried whenever the declared one fails, after ICU's candidates: those of Russian
    /// mail, then Western European.
    static let fallbacks = ["utf-8", "windows-1251", "koi8-r", "iso-8859-5", "ibm866", "x-mac-cyrillic", "windows-1252"]

    /// The words a note about a corrected label carries ("… read as koi8-r").
    public static let correctionNote = ", read as "

    private var decoders: [String: ICUDecoder?] = [:]
    private lazy var detector = ICUCharsetDetector()

    public init() {}

    public func decode(_ bytes: [UInt8], declared: String?, markup: Bool = false) -> Decoded {
        bytes.withUnsafeBytes { decode($0, declared: declared, markup: markup) }
    }

    /// - Parameter markup: the bytes are HTML or XML (the detector then ignores tags).
    public func decode(_ bytes: UnsafeRawBufferPointer, declared: String?, markup: Bool = false) -> Decoded {
        let label = declared.map(Self.normalizedLabel).flatMap { $0.isEmpty ? nil : $0 }
        let sevenBitEncoding = label.map { $0.hasPrefix("utf-7") || $0.hasPrefix("iso-2022") || $0 == "hz-gb-2312" } ?? false
        if !sevenBitEncoding, Self.isASCII(bytes) {
            return Decoded(text: String(decoding: bytes, as: UTF8.self), charset: label ?? "us-ascii", correction: nil)
        }
        if label == nil || label == "utf-8" || label == "utf8" {
            if let text = String(validating: bytes, as: UTF8.self) {
                return Decoded(text: text, charset: "utf-8", correction: nil)
            }
        }
        guard let label else { return detect(bytes, markup: markup, correction: .missing, rival: nil) }
        guard let decoder = decoder(label) else { return detect(bytes, markup: markup, correction: .unknown(label), rival: nil) }
        let (text, invalid) = decoder.decode(bytes)
        // A few bad sequences in text that is otherwise right are damage, not a wrong label
        // (a UTF-8 message cut inside a character, a stray byte): keep the label.
        if invalid > 0, invalid * 200 <= Self.nonASCIICount(bytes), Mojibake(text).score <= Mojibake.suspicious {
            return Decoded(text: text, charset: label, correction: nil)
        }
        if invalid > 0 { return detect(bytes, markup: markup, correction: .invalid(label), rival: nil) }
        let score = Mojibake(text).score
        if score <= Mojibake.suspicious { return Decoded(text: text, charset: label, correction: nil) }
        return detect(bytes, markup: markup, correction: .mojibake(label), rival: (Decoded(text: text, charset: label, correction: nil), score))
    }

    /// The best reading among ICU's candidates and the fallbacks. A declared label whose text
    /// merely looks odd (`rival`) is kept unless a candidate reads clearly better.
    private func detect(_ bytes: UnsafeRawBufferPointer, markup: Bool, correction: Correction,
                        rival: (decoded: Decoded, score: Double)?) -> Decoded {
        var labels: [String] = []
        for (name, confidence) in detector.candidates(bytes, markup: markup) where confidence >= 10 {
            if !labels.contains(name) { labels.append(name) }
        }
        for name in Self.fallbacks where !labels.contains(name) { labels.append(name) }
        var best: (decoded: Decoded, invalid: Int, score: Double)?
        for name in labels where name != rival?.decoded.charset {
            guard let decoder = decoder(name) else { continue }
            let (text, invalid) = decoder.decode(bytes)
            let score = Mojibake(text).score
            if let current = best, (current.invalid, current.score) <= (invalid, score) { continue }
            best = (Decoded(text: text, charset: name, correction: correction), invalid, score)
        }
        if let rival, best.map({ $0.invalid > 0 || $0.score + 0.1 >= rival.score }) ?? true {
            return rival.decoded
        }
        // Nothing decodes: UTF-8 with replacement characters says so honestly.
        return best?.decoded ?? Decoded(text: String(decoding: bytes, as: UTF8.self), charset: "utf-8", correction: correction)
    }

    private func decoder(_ label: String) -> ICUDecoder? {
        if let cached = decoders[label] { return cached }
        let decoder = ICUDecoder(label: label)
        decoders[label] = decoder
        return decoder
    }

    /// "KOI8-R", "\"windows-1251\"", " cp1251;" → "koi8-r", "windows-1251", "cp1251".
    static func normalizedLabel(_ label: String) -> String {
        label.lowercased().trimmingCharacters(in: " \t\"';")
    }

    static func nonASCIICount(_ bytes: UnsafeRawBufferPointer) -> Int {
        bytes.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
    }

    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        // Eight bytes at a time: a byte >= 0x80 sets its high bit.
        let count = bytes.count
        var i = 0
        while i + 8 <= count {
            if bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < count {
            if bytes[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    fileprivate func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        let start = firstIndex { !chars.contains($0) } ?? endIndex
        let end = lastIndex { !chars.contains($0) }.map { index(after: $0) } ?? start
        return String(self[start..<end])
    }
}
