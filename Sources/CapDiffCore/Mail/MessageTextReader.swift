/// Reads the texts of one raw message: MIME through GMime, each text part's bytes through ICU
/// from its charset (`CharsetDecoder`), the body's own text (`ReplyText`: quotes and signature
/// removed; HTML through `HTMLText`) and its document attachments. Not thread-safe (it holds
/// ICU converters): one per thread.
final class MessageTextReader {
    private let charsets = CharsetDecoder()

    /// Decoded text beyond this is cut (and noted): no message states its roles in 8 MB.
    static let maximumPartBytes = 8 << 20

    /// What a message holds to be read.
    struct Texts {
        var message: MIMEMessage
        /// The body's own text (nil when there is no text part; blank when it is all quotes).
        var body: MailText?
        var documents: [(name: String, text: DocumentText)] = []
        /// Attachments not read: "name (type)", or "name (why)".
        var skipped: [String] = []
        var notes: [String] = []
    }

    enum DocumentText {
        /// Text, Markdown or HTML: lines of the input file.
        case mail(MailText)
        /// A DOCX, read by the document readers: lines of the attachment.
        case outline(Outline)
    }

    func texts(_ raw: RawMessage) throws(MailProblem) -> Texts {
        let message = try parse(raw)
        let parts = MessageParts(message)
        var texts = Texts(message: message)
        if message.truncatedParts > 0 {
            texts.notes.append("\(message.truncatedParts) parts nested more than \(GMime.maximumDepth) deep were not read")
        }
        if let body = parts.body, let text = text(of: message.parts[body], in: raw, reply: true, notes: &texts.notes) {
            texts.body = ReplyText.ownText(text)
        }
        for index in parts.documents {
            let part = message.parts[index]
            let name = part.filename ?? part.type
            switch document(part, name: name, in: raw, notes: &texts.notes) {
            case .success(let text): texts.documents.append((name, text))
            case .failure(let diagnostic): texts.skipped.append("\(name) (\(diagnostic.message))")
            }
        }
        for index in parts.skipped {
            let part = message.parts[index]
            texts.skipped.append(part.filename.map { "\($0) (\(part.type))" } ?? part.type)
        }
        // Attached and forwarded messages are someone else's words: counted, not read.
        texts.skipped += Array(repeating: "attached message (message/rfc822)", count: parts.attachedMessages)
        return texts
    }

    /// The message as GMime reads it, its header blocks repaired first (`HeaderRepair`) and
    /// its parts' offsets mapped back to the raw bytes. Bytes with no header at all that are
    /// plain text are read as a message of one text/plain part, as Python reads them.
    func parse(_ raw: RawMessage) throws(MailProblem) -> MIMEMessage {
        let repair = HeaderRepair(raw.bytes)
        let parsed = repair.bytes.withUnsafeBytes { bytes in
            Result { () throws(MIMEError) in
                try GMime.parse(bytes, maximumContent: Self.maximumPartBytes, wants: MessageParts.wantsContent)
            }
        }
        switch parsed {
        case .success(var message):
            for i in message.parts.indices {
                message.parts[i].contentOffset = message.parts[i].contentOffset.map(repair.rawOffset)
            }
            return message
        case .failure(let error):
            if Self.isPlainText(raw.bytes) {
                let body = MIMEPart(kind: .leaf, parent: nil, type: "text/plain", charset: nil, filename: nil,
                                    disposition: .none, encoding: .identity, contentOffset: 0,
                                    content: Array(raw.bytes.prefix(Self.maximumPartBytes)))
                return MIMEMessage(messageIDHeader: nil, messageID: nil, inReplyTo: [], references: [], subject: nil,
                                   fromName: nil, fromAddress: nil, date: nil, parts: [body], truncatedParts: 0)
            }
            throw MailProblem(file: raw.file, number: raw.number, offset: raw.offset, reason: .notAMessage(error.description))
        }
    }

    /// Text, not binary data: no NUL byte, and almost no other control characters.
    static func isPlainText(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(8192)
        guard !sample.isEmpty, !sample.contains(0) else { return false }
        let controls = sample.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }.count
        return controls * 100 <= sample.count
    }

    // MARK: - Text

    /// A text part's lines: its bytes from their charset, HTML turned into text.
    /// - Parameter reply: the part is the message's body, whose ">" lines quote an earlier
    ///   message (in an attachment they are the document's own).
    private func text(of part: MIMEPart, in raw: RawMessage, reply: Bool, notes: inout [String]) -> MailText? {
        guard var bytes = part.content else { return nil }
        let html = part.type == "text/html"
        let quotes = reply && !html
        // Quoted lines are never credited: empty them before decoding, which then costs what
        // the sender's own lines cost (a reply often quotes ten times what it says). Only
        // where ">" and line ends are ASCII bytes, as in every charset but UTF-16 and UTF-32.
        if quotes, !(part.charset.map(Self.isWideCharset) ?? false) { bytes = ReplyText.emptyingQuotedLines(bytes) }
        let decoded = charsets.decode(bytes, declared: part.charset, markup: html)
        if let correction = decoded.correction {
            notes.append("\(part.type) part: \(correction)\(CharsetDecoder.correctionNote)\(decoded.charset)")
        }
        if part.contentTruncated {
            notes.append("\(part.type) part cut at \(Self.maximumPartBytes >> 20) MB")
        }
        let lines = MailText(text: decoded.text, part: part, in: raw, quotes: quotes)
        return html ? HTMLText.lines(lines, path: raw.file) : lines
    }

    static func isWideCharset(_ label: String) -> Bool {
        let l = label.lowercased()
        return l.hasPrefix("utf-16") || l.hasPrefix("utf-32") || l.hasPrefix("ucs-") || l.hasPrefix("utf16") || l.hasPrefix("utf32")
    }

    private func document(_ part: MIMEPart, name: String, in raw: RawMessage,
                          notes: inout [String]) -> Result<DocumentText, Diagnostic> {
        guard let bytes = part.content, !bytes.isEmpty else { return .failure(.error(name, "empty")) }
        switch MessageParts.documentFormat(part) {
        case .text, .markdown, .html:
            guard let text = text(of: part, in: raw, reply: false, notes: &notes), !text.isBlank else { return .failure(.error(name, "empty")) }
            return .success(.mail(text))
        case .docx:
            do {
                return .success(.outline(try DocumentReader.read(bytes: bytes, path: name)))
            } catch {
                return .failure(error)
            }
        case nil:
            return .failure(.error(name, "not a document"))
        }
    }
}
