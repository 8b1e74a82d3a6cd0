import Foundation

/// Mail read as one document, for `analyze`, `compare` and `drift`: an .eml, an mbox (or, by
/// path, a Maildir folder) becomes one outline of the text its messages' senders wrote —
/// quoted replies and signatures removed, HTML turned into text, text-like attachments
/// included — message after message. Units keep the lines of the input file (see `MailText`).
/// `capdiff batch` reads mail per thread and side instead; this view credits everything to
/// one writer.
public enum MailDocument {
    /// Messages beyond this size are skipped with a warning, as in `batch`.
    public static let maximumMessage = 64 << 20

    /// An .eml or mbox file's bytes.
    public static func outline(bytes: [UInt8], path: String) throws(Diagnostic) -> Outline {
        var raws: [RawMessage] = []
        var warnings: [Diagnostic] = []
        if MailInput.sniff(Array(bytes.prefix(4096))) == .mbox {
            let reader = MboxReader(bytes: bytes, path: path, maximumMessage: maximumMessage)
            while let event = try reader.next() {
                switch event {
                case .message(let raw): raws.append(raw)
                case .oversized(let number, _, let line, let size):
                    warnings.append(.warning(path, line: line, "message \(number) is \(size >> 20) MB, over the limit; skipped"))
                }
            }
        } else {
            var body = bytes
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
            raws.append(RawMessage(file: path, number: 1, offset: 0, line: 1, bytes: body))
        }
        return try outline(of: raws, path: path, warnings: warnings)
    }

    /// A file or a Maildir folder (its cur/ and new/ messages, in name order).
    public static func outline(path: String) throws(Diagnostic) -> Outline {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            let input = MailInput(paths: [path], maximumMessage: maximumMessage)
            var raws: [RawMessage] = []
            var warnings: [Diagnostic] = []
            while let event = input.nextEvent() {
                switch event {
                case .message(let raw): raws.append(raw)
                case .problem(let problem): warnings.append(.warning(problem.file, problem.description))
                }
            }
            return try outline(of: raws, path: path, warnings: warnings)
        }
        return try outline(bytes: SourceFile.readBytes(path), path: path)
    }

    private static func outline(of raws: [RawMessage], path: String, warnings: [Diagnostic]) throws(Diagnostic) -> Outline {
        let reader = MessageTextReader()
        let outlines = OutlineReader()
        var units: [Unit] = []
        var warnings = warnings
        func append(_ outline: Outline) {
            let base = units.count
            for var unit in outline.units {
                unit.scope = unit.scope.map { $0 + base }
                unit.tableHeader = unit.tableHeader.map { $0 + base }
                units.append(unit)
            }
            warnings += outline.warnings
        }
        for raw in raws {
            let texts: MessageTextReader.Texts
            do {
                texts = try reader.texts(raw)
            } catch {
                warnings.append(.warning(raw.file, line: raw.line, "\(error.description)"))
                continue
            }
            for note in texts.notes { warnings.append(.warning(raw.file, line: raw.line, note)) }
            if let body = texts.body, !body.isBlank { append(body.outline(path: path, reader: outlines)) }
            for (name, document) in texts.documents {
                switch document {
                case .mail(let text): append(text.outline(path: path, reader: outlines))
                case .outline:
                    warnings.append(.warning(raw.file, line: raw.line, "attachment \(name) is read by capdiff batch, not here"))
                }
            }
        }
        guard !units.isEmpty else {
            throw .error(path, raws.isEmpty ? "holds no messages" : "holds no text its senders wrote (only quotes, signatures or attachments)")
        }
        return Outline(path: path, units: units, warnings: warnings)
    }
}
