import CZlib

/// A ZIP archive (a DOCX) read in memory, defensively. Entry names are only compared, never
/// used as file paths, and an archive naming an entry outside itself ("../x", "/etc/x") is
/// refused outright. An entry is inflated only up to a size and a compression ratio, counted
/// on the bytes actually produced, whatever its header claims (zip bombs).
///
/// capdiff reads ZIP itself, with zlib for DEFLATE (the `CZlib` facade): every offset and
/// length in the archive is checked against its bytes before it is followed, and an entry's
/// inflation reads its packed bytes and nothing past them. (ZIPFoundation 0.9.20, used before,
/// trapped on an offset past the end — "Range requires lowerBound <= upperBound" in
/// MemoryFile.readData — and leaked its in-memory file when the archive had no end record,
/// both found by the fuzz target docx; and its inflation loop on Linux reads past an entry's
/// packed bytes and does not stop when a read comes back empty, so a DEFLATE stream cut short
/// at the archive's end would spin: seen in its code, not run.)
struct BoundedZIP {
    /// No part of a document capdiff reads is anywhere near this large.
    static let maximumEntrySize = 64 << 20
    /// XML compresses well, typically 5–20 times; a bomb compresses thousands of times.
    static let maximumRatio = 100
    /// Small entries are not held to the ratio: a few kilobytes of repetitive XML may compress
    /// more than that and are harmless.
    static let ratioExemptSize = 1 << 20
    static let maximumEntries = 10_000

    struct Entry {
        var method: Int
        var flags: Int
        var crc: UInt32
        var packedSize: Int
        var size: Int
        var isDirectory: Bool
        /// Where the entry's packed bytes start (past its local header).
        var dataStart: Int
    }

    let path: String
    private let bytes: [UInt8]
    private let entries: [String: Entry]

    init(_ bytes: [UInt8], path: String) throws(Diagnostic) {
        self.path = path
        self.bytes = bytes
        let unreadable = Diagnostic.error(path, "is not a readable ZIP archive; save the document again")
        guard let end = Self.endRecord(bytes) else { throw unreadable }
        let count = Self.u16(bytes, end + 10), size = Self.u32(bytes, end + 12), offset = Self.u32(bytes, end + 16)
        // ZIP64 (over 65,535 entries or 4 GB) is no DOCX capdiff would read.
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else {
            throw .error(path, "is a ZIP64 archive, which capdiff does not read; save the document again")
        }
        guard count <= Self.maximumEntries else {
            throw .error(path, "holds more than \(Self.maximumEntries) ZIP entries; refusing it")
        }
        guard offset + size <= end else { throw unreadable }
        var entries: [String: Entry] = [:]
        var p = offset
        for _ in 0..<count {
            // Central directory header: signature, fields, then name, extra field, comment.
            guard p + 46 <= offset + size, Self.u32(bytes, p) == 0x0201_4B50 else { throw unreadable }
            let nameLength = Self.u16(bytes, p + 28), extra = Self.u16(bytes, p + 30), comment = Self.u16(bytes, p + 32)
            guard p + 46 + nameLength + extra + comment <= offset + size else { throw unreadable }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            guard Self.isSafe(name) else {
                throw .error(path, "holds a ZIP entry named \"\(name)\" that points outside the archive (path traversal); refusing it")
            }
            let packedSize = Self.u32(bytes, p + 20), entrySize = Self.u32(bytes, p + 24), local = Self.u32(bytes, p + 42)
            guard packedSize != 0xFFFF_FFFF, entrySize != 0xFFFF_FFFF, local != 0xFFFF_FFFF else {
                throw .error(path, "is a ZIP64 archive, which capdiff does not read; save the document again")
            }
            // Local header: its own name and extra-field lengths say where the data starts.
            guard local + 30 <= offset, Self.u32(bytes, local) == 0x0403_4B50 else { throw unreadable }
            let dataStart = local + 30 + Self.u16(bytes, local + 26) + Self.u16(bytes, local + 28)
            guard dataStart + packedSize <= offset else { throw unreadable }
            if entries[name] == nil {  // the first of two entries with one name, as ZIP readers do
                entries[name] = Entry(method: Self.u16(bytes, p + 10), flags: Self.u16(bytes, p + 8), crc: UInt32(Self.u32(bytes, p + 16)),
                                      packedSize: packedSize, size: entrySize, isDirectory: name.hasSuffix("/"), dataStart: dataStart)
            }
            p += 46 + nameLength + extra + comment
        }
        self.entries = entries
    }

    /// The offset of the end-of-central-directory record: the signature nearest the end (at
    /// least 22 bytes from it), with its comment wholly inside the bytes.
    static func endRecord(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var p = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while p >= lowest {
            if u32(bytes, p) == 0x0605_4B50 {
                return p + 22 + u16(bytes, p + 20) <= bytes.count ? p : nil
            }
            p -= 1
        }
        return nil
    }

    static func hasEndRecord(_ bytes: [UInt8]) -> Bool { endRecord(bytes) != nil }

    /// Little-endian fields; callers check the bounds first.
    static func u16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    static func u32(_ bytes: [UInt8], _ at: Int) -> Int { u16(bytes, at) | u16(bytes, at + 2) << 16 }

    /// A relative path that stays inside the archive.
    static func isSafe(_ name: String) -> Bool {
        let components = name.split { $0 == "/" || $0 == "\\" }
        return !name.hasPrefix("/") && !name.hasPrefix("\\") && !name.contains("\0")
            && !(components.first?.contains(":") ?? false) && !components.contains("..")
    }

    func contains(_ name: String) -> Bool { entries[name] != nil }

    /// An entry's bytes, or nil when the archive has no such entry.
    func read(_ name: String) throws(Diagnostic) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        guard !entry.isDirectory else {
            throw .error(path, "has a ZIP entry \(name) that is not a file; save the document again")
        }
        let compressed = max(entry.packedSize, 1)
        func refuseBomb() -> Diagnostic {
            .error(path, "has a ZIP entry \(name) that unpacks to more than \(Self.maximumEntrySize >> 20) MB or more than \(Self.maximumRatio) times its packed size (a zip bomb?); refusing it")
        }
        func tooLarge(_ size: Int) -> Bool {
            size > Self.maximumEntrySize || (size > Self.ratioExemptSize && size / compressed > Self.maximumRatio)
        }
        let damaged = Diagnostic.error(path, "has a ZIP entry \(name) that cannot be unpacked (a damaged archive?); save the document again")
        // The header's claim first, then the bytes actually inflated: headers can lie.
        if tooLarge(entry.size) { throw refuseBomb() }
        guard entry.flags & 1 == 0 else {
            throw .error(path, "has an encrypted ZIP entry \(name); save the document without a password")
        }
        let packed = bytes[entry.dataStart..<(entry.dataStart + entry.packedSize)]
        var result: [UInt8]
        switch entry.method {
        case 0:  // stored
            result = Array(packed)
        case 8:  // DEFLATE
            result = []
            var status: Int32 = 0
            let bomb = packed.withUnsafeBufferPointer { input -> Bool in
                guard let inflater = czlib_inflater_open(input.baseAddress, input.count) else { status = -1; return false }
                defer { czlib_inflater_close(inflater) }
                var chunk = [UInt8](repeating: 0, count: 64 << 10)
                while true {
                    var produced = 0
                    status = chunk.withUnsafeMutableBufferPointer { czlib_inflater_next(inflater, $0.baseAddress, $0.count, &produced) }
                    result += chunk[..<produced]
                    if tooLarge(result.count) { return true }
                    if status != 0 { return false }
                }
            }
            if bomb { throw refuseBomb() }
            guard status == 1 else { throw damaged }
        default:
            throw .error(path, "has a ZIP entry \(name) packed with a method capdiff does not read (\(entry.method)); save the document again")
        }
        let crc = result.withUnsafeBufferPointer { czlib_crc32(0, $0.baseAddress, $0.count) }
        guard crc == entry.crc, result.count == entry.size else { throw damaged }
        return result
    }
}
