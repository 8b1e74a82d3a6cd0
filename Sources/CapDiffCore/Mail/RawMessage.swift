/// One message's bytes as an input holds them, before MIME parsing, with where it was found.
public struct RawMessage: Sendable {
    /// The file it was read from (for a Maildir or .eml, the message's own file).
    public var file: String
    /// 1-based number of the message in its file (always 1 for .eml and Maildir files).
    public var number: Int
    /// Byte offset in the file where the message (its mbox From_ line, if any) starts.
    public var offset: Int
    /// 1-based line in the file of the message's first header line.
    public var line: Int
    /// The message: headers and body, without an mbox From_ line, ">From " unquoted.
    public var bytes: [UInt8]
    /// 0-based position among every message of the run, in input order.
    public var sequence: Int = 0
}

/// Counts "\n" bytes eight at a time, so locating messages by line costs little next to parsing
/// them.
enum LineCounter {
    static func newlines(in bytes: UnsafeRawBufferPointer) -> Int {
        var count = 0
        var i = 0
        let n = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        while i + 8 <= n {
            // Bytes equal to 0x0A become 0; the high bit of each byte of `t` is then set
            // exactly for the non-zero bytes (exact, unlike the classic haszero trick).
            let x = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ (ones &* 0x0A)
            let t = ((x & low7) &+ low7) | x
            count += (~t & (ones << 7)).nonzeroBitCount
            i += 8
        }
        while i < n {
            if bytes[i] == 0x0A { count += 1 }
            i += 1
        }
        return count
    }
}
