import CStemmer

/// Snowball stemmers (libstemmer) for English and Russian. Not thread-safe: one per thread.
/// Stems are cached, since the same words recur on every line.
final class SnowballStemmer {
    private let handle: OpaquePointer
    private var cache: [String: String] = [:]

    /// `algorithm` is a Snowball algorithm name: "english", "russian".
    init?(algorithm: String) {
        guard let h = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        handle = h
    }

    deinit { sb_stemmer_delete(handle) }

    func stem(_ word: String) -> String {
        if let hit = cache[word] { return hit }
        var utf8 = Array(word.utf8)
        let result: String = utf8.withUnsafeMutableBufferPointer { buf in
            guard let out = sb_stemmer_stem(handle, buf.baseAddress, Int32(buf.count)) else { return word }
            let n = Int(sb_stemmer_length(handle))
            return String(decoding: UnsafeBufferPointer(start: out, count: n), as: UTF8.self)
        }
        if cache.count < 100_000 { cache[word] = result }
        return result
    }
}
