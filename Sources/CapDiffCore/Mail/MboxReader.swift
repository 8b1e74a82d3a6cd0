import Foundation

/// Reads an mbox file a block at a time and yields its messages, so memory holds one block and
/// one message, never the file.
///
/// Messages are split here rather than by GMime's mbox mode, for two reasons: GMime reads one
/// stream from start to end, so a file could not be shared out across cores; and it starts a
/// message at every line beginning "From ", while real mboxes hold unquoted body lines such as
/// "From Russia with love" (mboxo writers did not escape them). A line starts a message only when
/// it looks like an envelope (`envelope`).
/// Body lines quoted as ">From " (mboxo) or ">>From " (mboxrd) lose one ">".
final class MboxReader {
    enum Event {
        case message(RawMessage)
        /// A message larger than `maximumMessage`, skipped without being held in memory.
        case oversized(number: Int, offset: Int, line: Int, size: Int)
    }

    let path: String
    let maximumMessage: Int
    /// Nil when the whole mbox was given in memory.
    private let handle: FileHandle?
    private let blockSize: Int
    private var buffer: [UInt8] = []
    /// The file offset of buffer[0].
    private var bufferOffset = 0
    private var eof = false
    private var started = false
    /// Where the current message's headers start in `buffer`, and where the search for its end
    /// resumes.
    private var start = 0
    private var scan = 0
    /// The current message's envelope offset and first header line in the file, and the file
    /// line at `start` as the message is consumed.
    private var messageOffset = 0
    private var headerLine = 1
    private var messageLine = 1
    /// The current message outgrew `maximumMessage`: its bytes are being dropped.
    private var skipping = false
    private var skippedBytes = 0
    private var number = 0
    /// Bytes consumed so far (for progress).
    private(set) var bytesDone = 0

    init(path: String, maximumMessage: Int, blockSize: Int = 1 << 20) throws(Diagnostic) {
        self.path = path
        self.maximumMessage = maximumMessage
        self.blockSize = blockSize
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .error(path, "cannot be read (permission denied?); check its permissions")
        }
        self.handle = handle
    }

    /// An mbox read from an open stream (standard input), whose first bytes were already read
    /// (to tell what it is).
    init(handle: FileHandle, start: [UInt8], path: String, maximumMessage: Int, blockSize: Int = 1 << 20) {
        self.path = path
        self.maximumMessage = maximumMessage
        self.blockSize = blockSize
        self.handle = handle
        buffer = start
    }

    /// An mbox already in memory (`path` names it in messages).
    init(bytes: [UInt8], path: String, maximumMessage: Int) {
        self.path = path
        self.maximumMessage = maximumMessage
        blockSize = 1 << 20
        handle = nil
        buffer = bytes
        eof = true
    }

    deinit { try? handle?.close() }

    func next() throws(Diagnostic) -> Event? {
        if !started {
            started = true
            try fill()
            skipToFirstMessage()
        }
        while true {
            if let boundary = try findBoundary() {
                let event = finishMessage(end: boundary.lineStart)
                beginMessage(envelopeStart: boundary.lineStart, headerStart: boundary.nextLine)
                if let event { return event }
                continue
            }
            if eof {
                guard start < buffer.count || skipping else { return nil }
                let event = finishMessage(end: buffer.count)
                start = buffer.count
                scan = buffer.count
                skipping = false
                if let event { return event }
                return nil
            }
            try fill()
        }
    }

    // MARK: - Finding messages

    /// The next envelope line after `scan`: where it starts and where the line after it starts.
    /// Nil when the buffer holds no further complete envelope (more must be read, or the file
    /// has ended).
    private func findBoundary() throws(Diagnostic) -> (lineStart: Int, nextLine: Int)? {
        while true {
            guard let newline = find("\nFrom ", from: scan) else {
                // Keep the last few bytes: the pattern may straddle the next block.
                scan = max(scan, buffer.count - 5)
                dropIfSkipping()
                return nil
            }
            let lineStart = newline + 1
            guard let lineEnd = find("\n", from: lineStart) else {
                if eof { scan = buffer.count; return nil }
                scan = newline
                return nil
            }
            let nextEnd = find("\n", from: lineEnd + 1) ?? (eof ? buffer.count : nil)
            guard let nextEnd else {
                scan = newline
                return nil
            }
            switch envelope(lineStart..<lineEnd) {
            case .strong: return (lineStart, lineEnd + 1)
            case .weak where isHeaderLine((lineEnd + 1)..<nextEnd): return (lineStart, lineEnd + 1)
            default: break
            }
            scan = lineStart
        }
    }

    private func skipToFirstMessage() {
        // A byte-order mark and blank lines may precede the first envelope.
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < buffer.count, buffer[start] == 0x0A || buffer[start] == 0x0D { start += 1 }
        let lineEnd = find("\n", from: start) ?? buffer.count
        if envelope(start..<lineEnd) != .none {
            messageOffset = start
            start = min(lineEnd + 1, buffer.count)
            messageLine = 2 + newlines(0..<messageOffset)
        } else {
            messageOffset = start
            messageLine = 1 + newlines(0..<start)
        }
        headerLine = messageLine
        scan = start == 0 ? 0 : start - 1
        // The search looks for "\n" + "From ", so let it see the newline before `start`.
    }

    private func beginMessage(envelopeStart: Int, headerStart: Int) {
        messageOffset = bufferOffset + envelopeStart
        start = headerStart
        scan = headerStart - 1
        messageLine += 1  // the envelope line itself
        headerLine = messageLine
    }

    /// The message from `start` to `end`, or the report of an oversized one; advances the line
    /// count past it.
    private func finishMessage(end: Int) -> Event? {
        let size = skippedBytes + max(0, end - start)
        let lines = newlines(start..<end)
        defer {
            messageLine += lines
            bytesDone = bufferOffset + end
        }
        number += 1
        if skipping || size > maximumMessage {
            skipping = false
            skippedBytes = 0
            return .oversized(number: number, offset: messageOffset, line: headerLine, size: size)
        }
        var bodyEnd = end
        // The blank line before the next envelope separates messages; it is not content.
        if bodyEnd > start, buffer[bodyEnd - 1] == 0x0A { bodyEnd -= 1 }
        if bodyEnd > start, buffer[bodyEnd - 1] == 0x0D { bodyEnd -= 1 }
        let bytes = unquoted(start..<max(start, bodyEnd))
        if bytes.allSatisfy({ $0 == 0x0A || $0 == 0x0D || $0 == 0x20 || $0 == 0x09 }) {
            number -= 1
            return nil
        }
        return .message(RawMessage(file: path, number: number, offset: messageOffset, line: headerLine, bytes: bytes))
    }

    /// A message that outgrows the limit is dropped as it is read, keeping memory flat.
    private func dropIfSkipping() {
        let size = skippedBytes + (scan - start)
        guard skipping || size > maximumMessage, scan > start else { return }
        skipping = true
        messageLine += newlines(start..<scan)
        skippedBytes += scan - start
        start = scan
    }

    // MARK: - Lines

    enum Envelope { case none, weak, strong }

    /// "From " with a sender that is an address, "-" or MAILER-DAEMON, and a ctime-style date
    /// ("Mon Jan 11 16:05:00 2027") is an envelope for sure. With only one of the two ("From -",
    /// "From 1844…@xxx" in Gmail exports), it is one when a header line follows. "From Russia
    /// with love" has neither.
    func envelope(_ range: Range<Int>) -> Envelope {
        guard range.count >= 5, buffer[range.lowerBound..<(range.lowerBound + 5)].elementsEqual("From ".utf8) else { return .none }
        var line = buffer[(range.lowerBound + 5)..<range.upperBound]
        if line.last == 0x0D { line = line.dropLast() }
        let text = String(decoding: line, as: UTF8.self)
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let sender = fields.first else { return .weak }  // a bare "From "
        let addressLike = sender == "-" || sender.contains("@") || sender == "MAILER-DAEMON"
        // A date: a clock time and a four-digit year among the fields.
        let rest = fields.dropFirst()
        let hasTime = rest.contains { f in f.split(separator: ":").count >= 2 && f.allSatisfy { $0.isNumber || $0 == ":" } }
        let hasYear = rest.contains { $0.count == 4 && $0.allSatisfy(\.isNumber) }
        let dated = hasTime && hasYear
        if addressLike && dated { return .strong }
        return addressLike || dated ? .weak : .none
    }

    /// "Name: value" (or a folded continuation): what follows an envelope line.
    func isHeaderLine(_ range: Range<Int>) -> Bool {
        var sawName = false
        for i in range {
            let b = buffer[i]
            if b == 0x3A { return sawName }
            // Field names are printable ASCII other than space and colon.
            guard b > 0x20, b < 0x7F else { return false }
            sawName = true
        }
        return false
    }

    // MARK: - Bytes

    /// The bytes of a range with mbox quoting undone: ">From " → "From ", ">>From " → ">From ".
    private func unquoted(_ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var copied = range.lowerBound
        var at = range.lowerBound
        while let quote = find("\n>", from: at, end: range.upperBound) {
            var i = quote + 1
            while i < range.upperBound, buffer[i] == 0x3E { i += 1 }
            if i + 5 <= range.upperBound, buffer[i..<(i + 5)].elementsEqual("From ".utf8) {
                out.append(contentsOf: buffer[copied...quote])
                copied = quote + 2  // drop one ">"
            }
            at = quote + 1
        }
        out.append(contentsOf: buffer[copied..<range.upperBound])
        return out
    }

    /// The position of `pattern` (which starts with a newline, or is one) at or after `from`.
    private func find(_ pattern: StaticString, from: Int, end: Int? = nil) -> Int? {
        let end = end ?? buffer.count
        guard from < end else { return nil }
        let length = pattern.utf8CodeUnitCount
        let rest = UnsafeRawBufferPointer(start: pattern.utf8Start + 1, count: length - 1)
        return buffer.withUnsafeBytes { raw -> Int? in
            let base = raw.baseAddress!
            var at = from
            // memchr finds each newline at memory speed; only those are compared further.
            while at < end, let hit = memchr(base + at, 0x0A, end - at) {
                let i = base.distance(to: UnsafeRawPointer(hit))
                if length == 1 { return i }
                if i + length <= end, memcmp(base + i + 1, rest.baseAddress!, length - 1) == 0 { return i }
                at = i + 1
            }
            return nil
        }
    }

    private func newlines(_ range: Range<Int>) -> Int {
        guard !range.isEmpty else { return 0 }
        return buffer.withUnsafeBytes { LineCounter.newlines(in: UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// Reads the next block, first dropping what earlier messages used.
    private func fill() throws(Diagnostic) {
        guard let handle else {
            eof = true
            return
        }
        let keep = min(start, scan)
        if keep > 0 {
            buffer.removeSubrange(0..<keep)
            bufferOffset += keep
            start -= keep
            scan -= keep
        }
        // Straight into the buffer with read(2): no Data in between.
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: blockSize))
        var got = 0
        repeat {
            got = buffer.withUnsafeMutableBytes { Foundation.read(handle.fileDescriptor, $0.baseAddress! + old, blockSize) }
        } while got < 0 && errno == EINTR
        buffer.removeLast(blockSize - max(got, 0))
        if got < 0 {
            throw .error(path, "cannot be read at byte \(bufferOffset + buffer.count): \(String(cString: strerror(errno)))")
        }
        if got == 0 { eof = true }
    }
}
