import Foundation

/// The messages of the paths a user names — mbox files, Maildir folders (cur/ and new/), .eml
/// files, folders holding any of these, and "-" for an mbox or a message on standard input — read
/// one at a time, in a stable order (names sorted), so memory holds one message, not the export.
/// What is not mail is reported, never dropped silently.
public final class MailInput {
    /// One input file and how to read it.
    public enum Source: Sendable, Equatable {
        case mbox(String)
        /// A file holding one message (.eml, a Maildir entry).
        case message(String)
        /// "-": an mbox or one message on standard input.
        case standardInput
    }

    /// The name standard input goes by in reports.
    public static let standardInputName = "stdin"

    public enum Event {
        case message(RawMessage)
        case problem(MailProblem)
    }

    public let sources: [Source]
    /// Problems found while listing the paths (missing files, files that are not mail).
    public private(set) var listingProblems: [MailProblem] = []
    /// Total size of the input files, for progress.
    public let totalBytes: Int
    /// Bytes of finished files plus the current mbox's progress.
    public var bytesDone: Int { finishedBytes + (mbox?.bytesDone ?? 0) }

    public let maximumMessage: Int
    private var next = 0
    private var mbox: MboxReader?
    private var finishedBytes = 0
    private var sequence = 0
    private var pendingProblems: [MailProblem]

    public init(paths: [String], maximumMessage: Int) {
        self.maximumMessage = maximumMessage
        var sources: [Source] = []
        var problems: [MailProblem] = []
        for path in paths { Self.list(path, into: &sources, problems: &problems, top: true) }
        self.sources = sources
        listingProblems = problems
        pendingProblems = problems
        totalBytes = sources.reduce(0) { total, source in
            switch source {
            case .mbox(let p), .message(let p): total + Self.size(p)
            case .standardInput: total
            }
        }
    }

    /// The next message or problem; nil at the end of the input.
    public func nextEvent() -> Event? {
        if !pendingProblems.isEmpty { return .problem(pendingProblems.removeFirst()) }
        while true {
            if let reader = mbox {
                do {
                    switch try reader.next() {
                    case .message(var raw)?:
                        raw.sequence = sequence
                        sequence += 1
                        return .message(raw)
                    case .oversized(let number, let offset, _, let size)?:
                        return .problem(MailProblem(file: reader.path, number: number, offset: offset,
                                                    reason: .tooLarge(bytes: size, limit: maximumMessage)))
                    case nil:
                        finish(reader.path)
                    }
                } catch {
                    finish(reader.path)
                    return .problem(MailProblem(file: reader.path, reason: .unreadableFile(error.message)))
                }
                continue
            }
            guard next < sources.count else { return nil }
            let source = sources[next]
            next += 1
            switch source {
            case .mbox(let path):
                do {
                    mbox = try MboxReader(path: path, maximumMessage: maximumMessage)
                } catch {
                    finishedBytes += Self.size(path)
                    return .problem(MailProblem(file: path, reason: .unreadableFile(error.message)))
                }
            case .standardInput:
                let handle = FileHandle.standardInput
                let start = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
                switch Self.sniff(start) {
                case .mbox?:
                    mbox = MboxReader(handle: handle, start: start, path: Self.standardInputName, maximumMessage: maximumMessage)
                    continue
                case .message?:
                    var bytes = start + [UInt8]((try? handle.readToEnd()) ?? Data())
                    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                    defer { sequence += 1 }
                    return .message(RawMessage(file: Self.standardInputName, number: 1, offset: 0, line: 1,
                                               bytes: bytes, sequence: sequence))
                case nil:
                    return .problem(MailProblem(file: Self.standardInputName, reason: .notMail))
                }
            case .message(let path):
                defer { finishedBytes += Self.size(path) }
                let size = Self.size(path)
                if size > maximumMessage {
                    return .problem(MailProblem(file: path, number: 1, offset: 0, reason: .tooLarge(bytes: size, limit: maximumMessage)))
                }
                guard let data = FileManager.default.contents(atPath: path) else {
                    return .problem(MailProblem(file: path, reason: .unreadableFile("permission denied or gone")))
                }
                var bytes = [UInt8](data)
                // A byte-order mark is not part of the first header's name.
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                let raw = RawMessage(file: path, number: 1, offset: 0, line: 1, bytes: bytes, sequence: sequence)
                sequence += 1
                return .message(raw)
            }
        }
    }

    private func finish(_ path: String) {
        if path != Self.standardInputName { finishedBytes += Self.size(path) }
        mbox = nil
    }

    // MARK: - Listing

    static func list(_ path: String, into sources: inout [Source], problems: inout [MailProblem], top: Bool) {
        if top && path == "-" {
            sources.append(.standardInput)
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            problems.append(MailProblem(file: path, reason: .unreadableFile("no such file or folder")))
            return
        }
        if isDirectory.boolValue {
            let fm = FileManager.default
            let isMaildir = ["cur", "new"].contains { sub in
                var dir: ObjCBool = false
                return fm.fileExists(atPath: (path as NSString).appendingPathComponent(sub), isDirectory: &dir) && dir.boolValue
            }
            if isMaildir {
                // Maildir: every file of cur/ and new/ is one message (tmp/ holds deliveries in progress).
                for sub in ["cur", "new"] {
                    let dir = (path as NSString).appendingPathComponent(sub)
                    for name in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() where !name.hasPrefix(".") {
                        sources.append(.message((dir as NSString).appendingPathComponent(name)))
                    }
                }
                return
            }
            guard let names = try? fm.contentsOfDirectory(atPath: path) else {
                problems.append(MailProblem(file: path, reason: .unreadableFile("the folder cannot be listed")))
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                list((path as NSString).appendingPathComponent(name), into: &sources, problems: &problems, top: false)
            }
            return
        }
        switch sniff(path) {
        case .mbox?: sources.append(.mbox(path))
        case .message?: sources.append(.message(path))
        case nil:
            problems.append(MailProblem(file: path, reason: FileManager.default.isReadableFile(atPath: path)
                                        ? .notMail : .unreadableFile("permission denied")))
        }
    }

    enum Kind { case mbox, message }

    /// An mbox starts with an envelope line ("From "); a message file with a header field.
    /// The extension is not consulted: exports name their files every way.
    static func sniff(_ path: String) -> Kind? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 4096) else { return nil }
        return sniff([UInt8](data))
    }

    static func sniff(_ head: [UInt8]) -> Kind? {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        bytes = bytes.drop { $0 == 0x0A || $0 == 0x0D }
        if bytes.starts(with: Array("From ".utf8)) { return .mbox }
        let line = bytes.prefix { $0 != 0x0A }
        guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex else { return nil }
        return line[line.startIndex..<colon].allSatisfy { $0 > 0x20 && $0 < 0x7F } ? .message : nil
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
