import CICU

/// A failure reported by ICU, with what capdiff was doing when it happened.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let operation: String
    public let code: Int32
    public var description: String {
        "ICU \(operation) failed: \(String(cString: cicu_error_name(code)))"
    }
}

/// The one place that turns ICU status codes into Swift errors: ICU reports failures as
/// positive `UErrorCode` values and warnings as negative ones.
@inline(__always)
func checkICU(_ code: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
    if code > 0 { throw ICUError(operation: operation(), code: code) }
}

/// Calls an ICU function that writes UTF-16 into a caller-supplied buffer and returns the
/// length it needs, retrying once with a buffer of that length.
func withUTF16Output(
    capacity: Int, _ operation: String,
    _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
) throws(ICUError) -> String {
    var cap = max(capacity, 16)
    for _ in 0..<2 {
        var buffer = [UInt16](repeating: 0, count: cap)
        var err: Int32 = 0
        let needed = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(cap), &err) }
        try checkICU(err, operation)
        if Int(needed) <= cap { return String(decoding: buffer[0..<Int(needed)], as: UTF16.self) }
        cap = Int(needed)
    }
    throw ICUError(operation: operation, code: 15 /* U_BUFFER_OVERFLOW_ERROR */)
}

/// Unicode normalisation through ICU.
enum ICUNormalizer {
    /// NFKC with full case folding: "Ｋ", "K" and "k" all become "k"; ligatures and
    /// compatibility forms are unfolded.
    static func nfkcCasefold(_ text: String) -> String {
        let src = Array(text.utf16)
        let result = try? withUTF16Output(capacity: src.count + 8, "NFKC_Casefold") { dst, cap, err in
            src.withUnsafeBufferPointer { cicu_nfkc_casefold($0.baseAddress, Int32(src.count), dst, cap, &err) }
        }
        return result ?? text.lowercased()
    }
}

/// A segment of text found by an ICU break iterator, in UTF-16 or UTF-8 offsets.
struct BreakSegment {
    var start: Int
    var end: Int
    /// ICU's rule status: 0 for spaces and punctuation, 100..<200 numbers, 200..<500 words.
    var status: Int32
    var isWordLike: Bool { status >= 100 }
}

/// An ICU word or sentence break iterator. Not thread-safe: one per thread.
final class ICUBreaker {
    enum Kind: Int32 { case word = 0, sentence = 1 }
    private let handle: OpaquePointer

    init(_ kind: Kind, locale: String = "") throws(ICUError) {
        var err: Int32 = 0
        let h = cicu_breaker_open(kind.rawValue, locale, &err)
        try checkICU(err, "opening a \(kind) break iterator")
        guard let h else { throw ICUError(operation: "opening a break iterator", code: err) }
        handle = h
    }

    deinit { cicu_breaker_close(handle) }

    /// Segments of UTF-8 text, in UTF-8 offsets.
    func segments(utf8 text: String) -> [BreakSegment] {
        var text = text
        return text.withUTF8 { buffer in
            let count = buffer.count
            var cap = max(8, count / 2 + 8)
            while true {
                var starts = [Int32](repeating: 0, count: cap)
                var ends = [Int32](repeating: 0, count: cap)
                var statuses = [Int32](repeating: 0, count: cap)
                var err: Int32 = 0
                let n = buffer.withMemoryRebound(to: CChar.self) { chars in
                    cicu_breaker_segments_utf8(handle, chars.baseAddress, Int32(count), &starts, &ends, &statuses, Int32(cap), &err)
                }
                if err > 0 { return [BreakSegment(start: 0, end: count, status: 200)] }
                if Int(n) > cap { cap = Int(n); continue }
                return (0..<Int(n)).map { BreakSegment(start: Int(starts[$0]), end: Int(ends[$0]), status: statuses[$0]) }
            }
        }
    }

    /// Segments of UTF-16 text, in UTF-16 offsets.
    func segments(_ utf16: [UInt16]) -> [BreakSegment] {
        var cap = max(8, utf16.count / 2 + 8)
        while true {
            var starts = [Int32](repeating: 0, count: cap)
            var ends = [Int32](repeating: 0, count: cap)
            var statuses = [Int32](repeating: 0, count: cap)
            var err: Int32 = 0
            let n = utf16.withUnsafeBufferPointer { text in
                cicu_breaker_segments(handle, text.baseAddress, Int32(utf16.count), &starts, &ends,
                                      &statuses, Int32(cap), &err)
            }
            if err > 0 { return [BreakSegment(start: 0, end: utf16.count, status: 200)] }
            if Int(n) > cap { cap = Int(n); continue }
            return (0..<Int(n)).map { BreakSegment(start: Int(starts[$0]), end: Int(ends[$0]), status: statuses[$0]) }
        }
    }
}

/// An ICU transliterator, such as "Russian-Latin/BGN". Not thread-safe: one per thread.
final class ICUTransliterator {
    private let handle: OpaquePointer
    let id: String

    init(id: String) throws(ICUError) {
        self.id = id
        let idUnits = Array(id.utf16)
        var err: Int32 = 0
        let h = idUnits.withUnsafeBufferPointer { cicu_translit_open($0.baseAddress, Int32(idUnits.count), &err) }
        try checkICU(err, "opening transliterator \(id)")
        guard let h else { throw ICUError(operation: "opening transliterator \(id)", code: err) }
        handle = h
    }

    /// A transliterator compiled from ICU rules (no registry lookup; fast to open).
    init(id: String, rules: String) throws(ICUError) {
        self.id = id
        let idUnits = Array(id.utf16), ruleUnits = Array(rules.utf16)
        var err: Int32 = 0
        let h = idUnits.withUnsafeBufferPointer { i in
            ruleUnits.withUnsafeBufferPointer { r in
                cicu_translit_open_rules(i.baseAddress, Int32(idUnits.count), r.baseAddress, Int32(ruleUnits.count), &err)
            }
        }
        try checkICU(err, "compiling transliteration rules \(id)")
        guard let h else { throw ICUError(operation: "compiling transliteration rules \(id)", code: err) }
        handle = h
    }

    deinit { cicu_translit_close(handle) }

    func callAsFunction(_ text: String) -> String {
        let src = Array(text.utf16)
        var cap = src.count * 3 + 16
        while true {
            var buffer = src + [UInt16](repeating: 0, count: cap - src.count)
            var err: Int32 = 0
            let n = cicu_translit_apply(handle, &buffer, Int32(src.count), Int32(cap), &err)
            if err > 0 { return text }
            if Int(n) > cap { cap = Int(n) + 16; continue }
            return String(decoding: buffer[0..<Int(n)], as: UTF16.self)
        }
    }
}

/// ICU's spoof checker (UTS #39). Not thread-safe: one per thread.
final class ICUSpoofChecker {
    private let handle: OpaquePointer

    init() throws(ICUError) {
        var err: Int32 = 0
        let h = cicu_spoof_open(&err)
        try checkICU(err, "opening the spoof checker")
        guard let h else { throw ICUError(operation: "opening the spoof checker", code: err) }
        handle = h
    }

    deinit { cicu_spoof_close(handle) }

    /// True when the word mixes scripts that must not mix, such as Latin and Cyrillic.
    func isMixedScript(_ word: String) -> Bool {
        let src = Array(word.utf16)
        var err: Int32 = 0
        let r = src.withUnsafeBufferPointer { cicu_spoof_mixed_script(handle, $0.baseAddress, Int32(src.count), &err) }
        return err <= 0 && r == 1
    }

    /// The UTS #39 confusable skeleton: lookalikes from any script map to one prototype.
    func skeleton(_ text: String) -> String {
        let src = Array(text.utf16)
        let result = try? withUTF16Output(capacity: src.count * 2 + 8, "confusable skeleton") { dst, cap, err in
            src.withUnsafeBufferPointer { cicu_spoof_skeleton(handle, $0.baseAddress, Int32(src.count), dst, cap, &err) }
        }
        return result ?? text
    }
}
