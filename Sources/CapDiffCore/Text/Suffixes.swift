extension StringProtocol {
    /// `hasSuffix` by UTF-8 bytes: the analysis asks it of every word, and byte comparison
    /// is many times faster than `hasSuffix`'s Unicode-aware one. Both sides are already
    /// normalised (NFKC), so bytes compare as characters do.
    @inline(__always)
    func endsWith(_ suffix: String) -> Bool {
        let tail = suffix.utf8
        let count = tail.count
        let bytes = utf8
        guard bytes.count >= count else { return false }
        return bytes.suffix(count).elementsEqual(tail)
    }

    /// Whether the text ends with any of the suffixes.
    func endsWith(anyOf suffixes: [String]) -> Bool {
        suffixes.contains { endsWith($0) }
    }
}
