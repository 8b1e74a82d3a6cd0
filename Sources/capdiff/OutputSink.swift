import CapDiffCore
import Foundation

/// Where a long-running command writes its lines: stdout, or a file written atomically — into
/// a temporary file beside it, renamed over it only when the run succeeds, so a reader never
/// sees half a result and a failed run leaves the old file in place. Writes are buffered.
final class OutputSink {
    private let handle: FileHandle
    private let target: String?
    private let temporary: String?
    private var buffer: [UInt8] = []

    init(path: String?) throws {
        guard let path else {
            handle = FileHandle.standardOutput
            target = nil
            temporary = nil
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temp = ((directory.isEmpty ? "." : directory) as NSString)
            .appendingPathComponent(".\(name).capdiff-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        guard FileManager.default.createFile(atPath: temp, contents: nil), let h = FileHandle(forWritingAtPath: temp) else {
            throw Diagnostic.error(path, "cannot be written (is its folder writable?); choose another --output")
        }
        handle = h
        target = path
        temporary = temp
    }

    func write(_ text: String) throws {
        buffer += text.utf8
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw Diagnostic.error(target ?? "stdout", "cannot be written: \(error.localizedDescription)")
        }
    }

    /// Flushes, and for a file moves it into place.
    func commit() throws {
        try flush()
        guard let target, let temporary else { return }
        try? handle.close()
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Diagnostic.error(target, "cannot be replaced: \(reason); check the folder's permissions")
        }
    }

    /// Drops a file that will not be committed.
    func discard() {
        guard let temporary else { return }
        try? handle.close()
        unlink(temporary)
    }
}
