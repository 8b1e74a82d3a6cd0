import Foundation
import ZIPFoundation

/// A ZIP archive (a DOCX) read in memory, defensively. Entry names are only compared, never
/// used as file paths, and an archive naming an entry outside itself ("../x", "/etc/x") is
/// refused outright. An entry is inflated only up to a size and a compression ratio, counted
/// on the bytes actually produced, whatever its header claims (zip bombs).
struct BoundedZIP {
    /// No part of a document capdiff reads is anywhere near this large.
    static let maximumEntrySize = 64 << 20
    /// XML compresses well, typically 5–20 times; a bomb compresses thousands of times.
    static let maximumRatio = 100
    /// Small entries are not held to the ratio: a few kilobytes of repetitive XML may compress
    /// more than that and are harmless.
    static let ratioExemptSize = 1 << 20
    static let maximumEntries = 10_000

    let path: String
    private let archive: Archive
    private let entries: [String: Entry]

    init(_ bytes: [UInt8], path: String) throws(Diagnostic) {
        self.path = path
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .error(path, "is not a readable ZIP archive; save the document again")
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            guard entries.count < Self.maximumEntries else {
                throw .error(path, "holds more than \(Self.maximumEntries) ZIP entries; refusing it")
            }
            guard Self.isSafe(entry.path) else {
                throw .error(path, "holds a ZIP entry named \"\(entry.path)\" that points outside the archive (path traversal); refusing it")
            }
            entries[entry.path] = entry
        }
        self.entries = entries
    }

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
        guard entry.type == .file else {
            throw .error(path, "has a ZIP entry \(name) that is not a file; save the document again")
        }
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        func refuseBomb() -> Diagnostic {
            .error(path, "has a ZIP entry \(name) that unpacks to more than \(Self.maximumEntrySize >> 20) MB or more than \(Self.maximumRatio) times its packed size (a zip bomb?); refusing it")
        }
        func tooLarge(_ size: Int) -> Bool {
            size > Self.maximumEntrySize || (size > Self.ratioExemptSize && size / compressed > Self.maximumRatio)
        }
        // The header's claim first, then the bytes actually inflated: headers can lie.
        if tooLarge(Int(clamping: entry.uncompressedSize)) { throw refuseBomb() }
        struct Bomb: Error {}
        var bytes: [UInt8] = []
        do {
            _ = try archive.extract(entry) { chunk in
                bytes += chunk
                if tooLarge(bytes.count) { throw Bomb() }
            }
        } catch is Bomb {
            throw refuseBomb()
        } catch {
            throw .error(path, "has a ZIP entry \(name) that cannot be unpacked (a damaged archive?); save the document again")
        }
        return bytes
    }
}
