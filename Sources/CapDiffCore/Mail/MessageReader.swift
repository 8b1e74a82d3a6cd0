/// Reads one raw message into a `MessageRecord`: its texts (`MessageTextReader`), then their
/// claims and ambiguous lines through the outline reader and the analyser. Not thread-safe (it
/// holds a pipeline and ICU converters): one per thread.
final class MessageReader {
    let pipeline: Pipeline
    private let textReader = MessageTextReader()
    private let outlines = OutlineReader()
    private let memo: MemoAnalyzer

    init(pipeline: Pipeline) {
        self.pipeline = pipeline
        memo = MemoAnalyzer(analyzer: pipeline.analyzer)
    }

    func read(_ raw: RawMessage) throws(MailProblem) -> MessageRecord {
        let texts = try textReader.texts(raw)
        let message = texts.message
        var record = MessageRecord(
            file: raw.file, number: raw.number, offset: raw.offset, line: raw.line,
            messageID: message.messageIDHeader, id: message.messageID,
            inReplyTo: message.inReplyTo, references: message.references,
            subject: message.subject, from: message.fromAddress?.lowercased(), fromName: message.fromName,
            date: message.date, cyrillicLetters: 0, latinLetters: 0, claims: [], ambiguities: [],
            attachmentsRead: texts.documents.map(\.name), attachmentsSkipped: texts.skipped,
            skip: nil, notes: texts.notes, sequence: raw.sequence)
        var letters = LanguageDetector.LetterCounts()
        if let body = texts.body, !body.isBlank {
            var counts = LanguageDetector.LetterCounts()
            body.countLetters(into: &counts)
            letters.cyrillic += counts.cyrillic
            letters.latin += counts.latin
            let outline = body.outline(path: raw.file, reader: outlines)
            add(memo.analyze(outline, language: LanguageDetector.language(of: counts) ?? .en), attachment: nil, to: &record)
        } else if texts.documents.isEmpty {
            record.skip = texts.body == nil ? .noText : .emptyText
        }
        for (name, document) in texts.documents {
            switch document {
            case .mail(let text):
                text.countLetters(into: &letters)
                add(memo.analyze(text.outline(path: raw.file, reader: outlines)), attachment: name, to: &record)
            case .outline(let outline):
                for unit in outline.units { LanguageDetector.count(unit.text, into: &letters) }
                add(pipeline.analyzer.analyze(outline), attachment: name, to: &record)
            }
        }
        record.cyrillicLetters = letters.cyrillic
        record.latinLetters = letters.latin
        return record
    }

    private func add(_ analysis: Analysis, attachment: String?, to record: inout MessageRecord) {
        for claim in analysis.claims {
            record.claims.append(.init(function: claim.function, stance: claim.stance, line: claim.line, text: claim.text,
                                       phrase: claim.phrase, attachment: attachment, scope: claim.scope))
        }
        for ambiguity in analysis.ambiguities {
            record.ambiguities.append(.init(line: ambiguity.line, kinds: ambiguity.kinds, text: ambiguity.text,
                                            reasons: ambiguity.reasons, attachment: attachment,
                                            contradictions: ambiguity.contradictions))
        }
        for warning in analysis.warnings { record.notes.append(warning.message) }
    }
}
