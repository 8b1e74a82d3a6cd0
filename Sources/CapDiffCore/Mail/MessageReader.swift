/// Reads one raw message into a `MessageRecord`: MIME through GMime, each text part's bytes
/// through ICU from its charset, the body's own text (quotes and signature removed) and its
/// document attachments through the outline reader and the analyser. Not thread-safe (it holds
/// a pipeline and ICU converters): one per thread.
final class MessageReader {
    let pipeline: Pipeline
    private let charsets = CharsetDecoder()
    private let outlines = OutlineReader()
    private let memo: MemoAnalyzer

    /// Decoded text beyond this is cut (and noted): no message states its roles in 8 MB.
    static let maximumPartBytes = 8 << 20

    init(pipeline: Pipeline) {
        self.pipeline = pipeline
        memo = MemoAnalyzer(analyzer: pipeline.analyzer)
    }

    func read(_ raw: RawMessage) throws(MailProblem) -> MessageRecord {
        let parsed = raw.bytes.withUnsafeBytes { bytes in
            Result { () throws(MIMEError) in
                try GMime.parse(bytes, maximumContent: Self.maximumPartBytes, wants: MessageParts.wantsContent)
            }
        }
        let message: MIMEMessage
        switch parsed {
        case .success(let m): message = m
        case .failure(let error):
            throw MailProblem(file: raw.file, number: raw.number, offset: raw.offset, reason: .notAMessage(error.description))
        }
        let parts = MessageParts(message)
        var record = MessageRecord(
            file: raw.file, number: raw.number, offset: raw.offset, line: raw.line,
            messageID: message.messageIDHeader, id: message.messageID,
            inReplyTo: message.inReplyTo, references: message.references,
            subject: message.subject, from: message.fromAddress?.lowercased(), fromName: message.fromName,
            date: message.date, cyrillicLetters: 0, latinLetters: 0, claims: [], ambiguities: [],
            attachmentsRead: [], attachmentsSkipped: [], skip: nil, notes: [], sequence: raw.sequence)
        if message.truncatedParts > 0 {
            record.notes.append("\(message.truncatedParts) parts nested more than \(GMime.maximumDepth) deep were not read")
        }
        var letters = LanguageDetector.LetterCounts()

        if let body = parts.body, let text = self.text(of: message.parts[body], in: raw, record: &record) {
            let own = ReplyText.ownText(text)
            if own.isBlank {
                record.skip = .emptyText
            } else {
                var counts = LanguageDetector.LetterCounts()
                own.countLetters(into: &counts)
                letters.cyrillic += counts.cyrillic
                letters.latin += counts.latin
                add(analyze(own, path: raw.file, language: LanguageDetector.language(of: counts) ?? .en), attachment: nil, to: &record)
            }
        } else {
            record.skip = .noText
        }

        for index in parts.documents {
            let part = message.parts[index]
            let name = part.filename ?? part.type
            switch document(part, name: name, in: raw, record: &record) {
            case .success(let analysis):
                record.attachmentsRead.append(name)
                add(analysis, attachment: name, to: &record)
            case .failure(let diagnostic):
                record.attachmentsSkipped.append("\(name) (\(diagnostic.message))")
            }
        }
        for index in parts.skipped {
            let part = message.parts[index]
            record.attachmentsSkipped.append(part.filename.map { "\($0) (\(part.type))" } ?? part.type)
        }
        if record.skip != nil, !record.attachmentsRead.isEmpty { record.skip = nil }
        record.cyrillicLetters = letters.cyrillic
        record.latinLetters = letters.latin
        return record
    }

    // MARK: - Text

    /// A text part's lines: its bytes from their charset, HTML turned into text.
    private func text(of part: MIMEPart, in raw: RawMessage, record: inout MessageRecord) -> MailText? {
        guard let bytes = part.content else { return nil }
        let html = part.type == "text/html"
        let decoded = charsets.decode(bytes, declared: part.charset, markup: html)
        if let correction = decoded.correction, correction != .missing {
            record.notes.append("\(part.type) part: \(correction)\(CharsetDecoder.correctionNote)\(decoded.charset)")
        }
        if part.contentTruncated {
            record.notes.append("\(part.type) part cut at \(Self.maximumPartBytes >> 20) MB")
        }
        let lines = MailText(text: decoded.text, part: part, in: raw, markup: html)
        return html ? HTMLText.lines(lines, path: raw.file) : lines
    }

    private func document(_ part: MIMEPart, name: String, in raw: RawMessage,
                          record: inout MessageRecord) -> Result<Analysis, Diagnostic> {
        guard let bytes = part.content else { return .failure(.error(name, "empty")) }
        switch MessageParts.documentFormat(part) {
        case .text, .markdown, .html:
            guard let text = text(of: part, in: raw, record: &record), !text.isBlank else { return .failure(.error(name, "empty")) }
            return .success(analyze(text, path: raw.file))
        case .docx:
            do {
                var analysis = pipeline.analyzer.analyze(try DocumentReader.read(bytes: bytes, path: name))
                // A DOCX's lines are its paragraphs': they point into the attachment, not the file.
                analysis.path = raw.file
                return .success(analysis)
            } catch {
                return .failure(error)
            }
        case nil:
            return .failure(.error(name, "not a document"))
        }
    }

    /// Analyses mail text as an outline whose lines are the input file's lines.
    private func analyze(_ text: MailText, path: String, language: Language? = nil) -> Analysis {
        memo.analyze(text.outline(path: path, reader: outlines), language: language)
    }

    private func add(_ analysis: Analysis, attachment: String?, to record: inout MessageRecord) {
        for claim in analysis.claims {
            record.claims.append(.init(function: claim.function, stance: claim.stance, line: claim.line, text: claim.text,
                                       phrase: claim.phrase, attachment: attachment))
        }
        for ambiguity in analysis.ambiguities {
            record.ambiguities.append(.init(line: ambiguity.line, kinds: ambiguity.kinds, text: ambiguity.text,
                                            reasons: ambiguity.reasons, attachment: attachment))
        }
        for warning in analysis.warnings { record.notes.append(warning.message) }
    }
}

extension MailText {
    func countLetters(into counts: inout LanguageDetector.LetterCounts) {
        for line in lines { LanguageDetector.count(line.text, into: &counts) }
    }

    /// The outline of this text, its units' lines turned into the input file's lines. Mail has
    /// no title line: a first line standing alone ("Hi Anna,", "We'll run paid media") is read
    /// like any other. Runs of blank lines (where quotes were) are passed on as one.
    func outline(path: String, reader: OutlineReader) -> Outline {
        var kept: [Line] = []
        kept.reserveCapacity(lines.count)
        for line in lines {
            let blank = line.text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if blank && (kept.isEmpty || kept[kept.count - 1].text.isEmpty) { continue }
            kept.append(blank ? Line(text: "", fileLine: line.fileLine) : line)
        }
        let compact = MailText(lines: kept)
        var outline = reader.read(SourceText(path: path, text: compact.joined))
        for i in outline.units.indices {
            let index = outline.units[i].line - 1
            if kept.indices.contains(index) { outline.units[i].line = kept[index].fileLine }
            if outline.units[i].kind == .title { outline.units[i].kind = .prose }
        }
        return outline
    }
}
