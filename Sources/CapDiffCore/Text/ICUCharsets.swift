import CICU

/// An ICU converter from one charset to UTF-8. Not thread-safe: one per thread.
final class ICUDecoder {
    private let handle: OpaquePointer
    /// The label it was opened with, lower-cased ("koi8-r").
    let label: String

    /// Nil when ICU knows no charset by that name.
    init?(label: String) {
        var err: Int32 = 0
        guard let h = cicu_decoder_open(label, &err), err <= 0 else { return nil }
        handle = h
        self.label = label
    }

    deinit { cicu_decoder_close(handle) }

    /// The text, and how many byte sequences were invalid or unmapped (each became U+FFFD).
    func decode(_ bytes: UnsafeRawBufferPointer) -> (text: String, invalid: Int) {
        guard bytes.count > 0 else { return ("", 0) }
        // UTF-8 needs at most 3 bytes per input byte for the charsets mail uses (U+FFFD is 3).
        var capacity = bytes.count * 3 + 16
        while true {
            var invalid: Int32 = 0
            var err: Int32 = 0
            var needed: Int32 = 0
            let text = String(unsafeUninitializedCapacity: capacity) { buffer in
                needed = buffer.withMemoryRebound(to: CChar.self) { dst in
                    cicu_decoder_to_utf8(handle, bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                                         dst.baseAddress, Int32(capacity), &invalid, &err)
                }
                return err > 0 || Int(needed) > capacity ? 0 : Int(needed)
            }
            if err > 0 { return ("", bytes.count) }
            if Int(needed) > capacity { capacity = Int(needed) + 16; continue }
            return (text, Int(invalid))
        }
    }
}

/// ICU's statistical charset detector (ucsdet). Not thread-safe: one per thread.
final class ICUCharsetDetector {
    private let handle: OpaquePointer?

    init() {
        var err: Int32 = 0
        handle = cicu_detector_open(&err)
    }

    deinit { cicu_detector_close(handle) }

    /// Likely charsets of the bytes with ICU's confidence (0–100), best first.
    func candidates(_ bytes: UnsafeRawBufferPointer, markup: Bool, limit: Int = 6) -> [(name: String, confidence: Int)] {
        guard let handle, bytes.count > 0 else { return [] }
        var names = [UnsafePointer<CChar>?](repeating: nil, count: limit)
        var confidences = [Int32](repeating: 0, count: limit)
        var err: Int32 = 0
        let n = cicu_detector_detect(handle, bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                                     markup ? 1 : 0, &names, &confidences, Int32(limit), &err)
        guard err <= 0 else { return [] }
        return (0..<Int(n)).compactMap { i in names[i].map { (String(cString: $0).lowercased(), Int(confidences[i])) } }
    }
}
