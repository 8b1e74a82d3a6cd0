/// The JSON lines of `capdiff batch` and `capdiff merge` (../shared/CONTRACT.md): per thread,
/// "thread" and "messages" and then the fields of `compare` (built by `JSONViews.comparison`),
/// with evidence and ambiguities that also name their message (Message-ID, date, file);
/// a last `{"summary": …}` object.
public enum MailJSONViews {
    public static func thread(_ report: ThreadReport, glossary: Glossary) -> JSON {
        // The contract view's own evidence would be replaced below: leave it empty.
        var comparison = report.comparison
        for i in comparison.rows.indices { comparison.rows[i].evidence = comparison.rows[i].evidence.map { _ in [] } }
        let base = JSONViews.comparison(comparison, glossary: glossary)
        guard case .object(let compareFields) = base else { return base }
        var fields: [(String, JSON)] = [("thread", JSON(report.thread)), ("messages", .int(report.messages))]
        for (key, value) in compareFields {
            switch key {
            case "rows": fields.append((key, rows(value, report: report)))
            case "ambiguities": fields.append((key, ambiguities(report)))
            default: fields.append((key, value))
            }
        }
        fields.append(("subject", JSON(report.subject)))
        // Claims read from attachments are listed, not credited (unless --credit-attachments).
        fields.append(("attachment_claims", .object(report.comparison.sides.indices.map { side in
            (report.comparison.sides[side].name, .array(report.attachmentClaims[side].map { claim, source in
                .object([("function", .string(claim.function))] + (claim.scope.map { [("scope", JSON.string($0))] } ?? [])
                        + [("stance", .string(claim.stance.rawValue))]
                        + evidenceFields(line: claim.line, text: claim.text, source: source,
                                         sidePath: report.comparison.sides[side].analysis.path))
            }))
        })))
        fields.append(("unsided_senders", .array(report.unsidedSenders.map { sender in
            .object([("address", .string(sender.address)), ("messages", .int(sender.messages))])
        })))
        return .object(fields)
    }

    /// The contract's rows, their evidence replaced by one that names each claim's message.
    static func rows(_ rows: JSON, report: ThreadReport) -> JSON {
        guard case .array(let items) = rows else { return rows }
        let names = report.comparison.sides.map(\.name)
        return .array(items.enumerated().map { index, item in
            guard case .object(let fields) = item, index < report.comparison.rows.count else { return item }
            let row = report.comparison.rows[index]
            return .object(fields.map { key, value in
                guard key == "evidence" else { return (key, value) }
                return (key, .object(names.indices.map { side in
                    let analysis = report.comparison.sides[side].analysis
                    let items = report.comparison.evidenceIndices(row, side: side).map { i in
                        evidence(line: analysis.claims[i].line, text: analysis.claims[i].text,
                                 source: report.claimSources[side][i], sidePath: analysis.path)
                    }
                    return (names[side], .array(items))
                }))
            })
        })
    }

    static func ambiguities(_ report: ThreadReport) -> JSON {
        .array(report.comparison.sides.indices.flatMap { side in
            report.comparison.sides[side].analysis.ambiguities.enumerated().map { i, ambiguity in
                var fields: [(String, JSON)] = [
                    ("side", .string(report.comparison.sides[side].name)),
                    ("line", .int(ambiguity.line)),
                    ("kinds", .array(ambiguity.kinds.map { .string($0.rawValue) })),
                    ("text", .string(ambiguity.text)),
                    ("reasons", .array(ambiguity.reasons.map { .string($0) })),
                ]
                fields += sourceFields(report.ambiguitySources[side][i], sidePath: report.comparison.sides[side].analysis.path)
                return JSON.object(fields)
            }
        })
    }

    static func evidence(line: Int, text: String, source: ThreadReport.Source, sidePath: String) -> JSON {
        .object(evidenceFields(line: line, text: text, source: source, sidePath: sidePath))
    }

    static func evidenceFields(line: Int, text: String, source: ThreadReport.Source, sidePath: String) -> [(String, JSON)] {
        [("line", .int(line)), ("text", .string(text))] + sourceFields(source, sidePath: sidePath)
    }

    /// Message-ID, date and message number; the file only when it is not the side's "path"
    /// (a Maildir or folder of .eml files has one file per message).
    static func sourceFields(_ source: ThreadReport.Source, sidePath: String) -> [(String, JSON)] {
        var fields: [(String, JSON)] = [
            ("message_id", JSON(source.messageID)),
            ("date", JSON(source.date.map(isoDate))),
        ]
        if source.file != sidePath { fields.append(("file", .string(source.file))) }
        fields.append(("message", .int(source.number)))
        if let attachment = source.attachment { fields.append(("attachment", .string(attachment))) }
        return fields
    }

    public static func summary(_ summary: BatchSummary) -> JSON {
        .object([("summary", .object([
            ("files", .int(summary.files)),
            ("bytes", .int(summary.bytes)),
            ("messages_read", .int(summary.messagesRead)),
            ("messages_analysed", .int(summary.messagesAnalysed)),
            ("messages_skipped", .int(summary.messagesSkipped)),
            ("skipped", counts(summary.skipped)),
            ("files_skipped", counts(summary.filesSkipped)),
            ("threads", .int(summary.threads)),
            ("verdicts", .object(Verdict.allCases.map { ($0.rawValue, .int(summary.verdicts[$0.rawValue] ?? 0)) })),
            ("attachments_read", .int(summary.attachmentsRead)),
            ("attachments_skipped", .int(summary.attachmentsSkipped)),
            ("charset_corrections", .int(summary.charsetCorrections)),
            ("unsided_messages", .int(summary.unsidedMessages)),
            ("unsided_senders", .int(summary.unsidedSenders)),
            ("problems", .array(summary.problems.map(problem))),
            ("problems_omitted", .int(summary.problemsOmitted)),
            ("milliseconds", .int(Int(summary.seconds * 1000))),
        ]))])
    }

    static func problem(_ problem: MailProblem) -> JSON {
        var fields: [(String, JSON)] = [("file", .string(problem.file))]
        if let number = problem.number { fields.append(("message", .int(number))) }
        if let offset = problem.offset { fields.append(("offset", .int(offset))) }
        fields.append(("reason", .string(problem.reason.key)))
        fields.append(("detail", .string(problem.description)))
        return .object(fields)
    }

    static func counts(_ counts: [String: Int]) -> JSON {
        .object(counts.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })
    }

    /// "2027-01-11T21:05:00Z" (UTC), from Unix seconds.
    static func isoDate(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let rest = seconds - days * 86400
        let date = Value.components(ofDay: Double(days)).map { Int64($0) }  // day, month, year
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date[2])-\(two(date[1]))-\(two(date[0]))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }
}
