import Foundation

/// A temporary file holding message records while a batch run reads its input, so memory does
/// not grow with the export: only a few integers per message stay in memory (`MailMerge`), and
/// each thread's records are read back when the thread is reported. Records are stored in a
/// compact binary form (lengths as varints, strings as UTF-8): reading them back is a small part
/// of a run, where JSON would not be. The file is deleted when the spill goes away.
final class RecordSpill {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private(set) var size = 0

    init() throws(Diagnostic) {
        let dir = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        path = (dir as NSString).appendingPathComponent("capdiff-batch-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).spill")
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forUpdatingAtPath: path) else {
            throw .error(path, "cannot create a temporary file; check that \(dir) is writable (or set TMPDIR)")
        }
        self.handle = handle
        // Unlinked at once: the open handle keeps the data, and nothing is left behind if the
        // run is interrupted.
        unlink(path)
    }

    deinit { try? handle.close() }

    /// Appends a record; returns where it is (offset, length) for `read`.
    func append(_ record: MessageRecord) throws(Diagnostic) -> (offset: Int64, length: Int32) {
        // Encoded straight into the write buffer.
        var writer = SpillWriter(bytes: buffer)
        buffer = []
        let before = writer.bytes.count
        writer.record(record)
        let length = writer.bytes.count - before
        let offset = Int64(size)
        buffer = writer.bytes
        size += length
        if buffer.count >= 1 << 20 { try flush() }
        return (offset, Int32(length))
    }

    func flush() throws(Diagnostic) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: buffer)
        } catch {
            throw .error(path, "cannot write the temporary file: \(error.localizedDescription); free some disk space or set TMPDIR")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func read(offset: Int64, length: Int32) throws(Diagnostic) -> MessageRecord {
        // pread: one call, no file position to keep, no Data in between.
        var bytes = [UInt8](repeating: 0, count: Int(length))
        let got = bytes.withUnsafeMutableBytes { pread(handle.fileDescriptor, $0.baseAddress, Int(length), off_t(offset)) }
        guard got == Int(length) else {
            throw .error(path, "cannot read the temporary file back at byte \(offset): \(String(cString: strerror(errno)))")
        }
        var reader = SpillReader(bytes: bytes)
        guard let record = reader.record() else { throw .error(path, "the temporary file is damaged at byte \(offset)") }
        return record
    }
}

struct SpillWriter {
    var bytes: [UInt8] = []

    init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    mutating func int(_ value: Int64) {
        // Zig-zag, then 7 bits a byte.
        var v = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int) { int(Int64(value)) }

    mutating func string(_ s: String) {
        int(s.utf8.count)
        bytes += s.utf8
    }

    mutating func optional(_ s: String?) {
        if let s { int(1); string(s) } else { int(0) }
    }

    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }

    mutating func record(_ r: MessageRecord) {
        string(r.file); int(r.number); int(r.offset); int(r.line); int(r.sequence)
        optional(r.messageID); optional(r.id); strings(r.inReplyTo); strings(r.references)
        optional(r.subject); optional(r.from); optional(r.fromName)
        if let date = r.date { int(1); int(date) } else { int(0) }
        int(r.cyrillicLetters); int(r.latinLetters)
        int(r.claims.count)
        for c in r.claims {
            string(c.function); string(c.stance.rawValue); int(c.line); string(c.text); string(c.phrase); optional(c.attachment)
            optional(c.scope)
        }
        int(r.ambiguities.count)
        for a in r.ambiguities {
            int(a.line); strings(a.kinds.map(\.rawValue)); string(a.text); strings(a.reasons); optional(a.attachment)
            int(a.contradictions.count)
            for c in a.contradictions {
                string(c.key.function); optional(c.key.scope); int(c.line); string(c.text); string(c.stance.rawValue)
            }
        }
        strings(r.attachmentsRead); strings(r.attachmentsSkipped)
        optional(r.skip?.rawValue)
        strings(r.notes)
    }
}

struct SpillReader {
    let bytes: [UInt8]
    var at = 0
    var failed = false

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func int() -> Int64 {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while at < bytes.count, shift < 64 {
            let b = bytes[at]
            at += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1) }
            shift += 7
        }
        failed = true
        return 0
    }

    mutating func count() -> Int {
        let n = Int(int())
        if n < 0 || n > bytes.count - at { failed = true; return 0 }
        return n
    }

    mutating func string() -> String {
        let n = count()
        defer { at += n }
        return String(decoding: bytes[at..<(at + n)], as: UTF8.self)
    }

    mutating func optional() -> String? { int() == 1 ? string() : nil }

    mutating func strings() -> [String] { (0..<count()).map { _ in string() } }

    mutating func record() -> MessageRecord? {
        let file = string(), number = Int(int()), offset = Int(int()), line = Int(int()), sequence = Int(int())
        let messageID = optional(), id = optional(), inReplyTo = strings(), references = strings()
        let subject = optional(), from = optional(), fromName = optional()
        let date: Int64? = int() == 1 ? int() : nil
        let cyrillic = Int(int()), latin = Int(int())
        let claims: [MessageRecord.Claim] = (0..<count()).map { _ in
            let function = string(), stance = Stance(rawValue: string()), line = Int(int()), text = string(), phrase = string()
            if stance == nil { failed = true }
            let attachment = optional(), scope = optional()
            return .init(function: function, stance: stance ?? .supports, line: line, text: text, phrase: phrase,
                         attachment: attachment, scope: scope)
        }
        let ambiguities: [MessageRecord.Ambiguity] = (0..<count()).map { _ in
            let line = Int(int()), kinds = strings().compactMap(AmbiguityKind.init(rawValue:)), text = string(), reasons = strings()
            let attachment = optional()
            let contradictions: [Contradiction] = (0..<count()).map { _ in
                let function = string(), scope = optional(), line = Int(int()), text = string(), stance = Stance(rawValue: string())
                if stance == nil { failed = true }
                return Contradiction(key: ClaimKey(function: function, scope: scope), line: line, text: text, stance: stance ?? .owns)
            }
            return .init(line: line, kinds: kinds, text: text, reasons: reasons, attachment: attachment, contradictions: contradictions)
        }
        let read = strings(), skipped = strings()
        let skip = optional().flatMap(MessageRecord.Skip.init(rawValue:))
        let notes = strings()
        guard !failed else { return nil }
        return MessageRecord(file: file, number: number, offset: offset, line: line, messageID: messageID, id: id,
                             inReplyTo: inReplyTo, references: references, subject: subject, from: from, fromName: fromName,
                             date: date, cyrillicLetters: cyrillic, latinLetters: latin, claims: claims, ambiguities: ambiguities,
                             attachmentsRead: read, attachmentsSkipped: skipped, skip: skip, notes: notes, sequence: sequence)
    }
}
