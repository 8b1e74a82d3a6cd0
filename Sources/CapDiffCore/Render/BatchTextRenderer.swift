/// The text form of `capdiff batch` and `capdiff merge`: per thread, its subject and rows (one
/// line per function: verdict and each side's stance), then the closing summary.
public struct BatchTextRenderer {
    public init() {}

    public func render(_ report: ThreadReport) -> String {
        let names = report.comparison.sides.map(\.name)
        var out = "Thread \(report.thread ?? "(no Message-ID)")"
        if let subject = report.subject { out += " — \(subject)" }
        out += " (\(report.messages) message\(report.messages == 1 ? "" : "s"))\n"
        let width = max(12, report.comparison.rows.map(\.key.description.count).max() ?? 0)
        for row in report.comparison.rows {
            let stances = row.stances.indices.map { side in
                "\(names[side]): \(row.stances[side]?.rawValue ?? "absent")\(row.conflicted[side] ? " !" : "")"
            }.joined(separator: "   ")
            out += "  " + pad(row.key.description, width) + "  " + pad(row.verdict.rawValue, 9) + "  " + stances + "\n"
        }
        if report.comparison.rows.isEmpty { out += "  (no claims from either side)\n" }
        let ambiguous = report.comparison.sides.reduce(0) { $0 + $1.analysis.ambiguities.count }
        if ambiguous > 0 { out += "  \(ambiguous) ambiguous line\(ambiguous == 1 ? "" : "s")\n" }
        for (side, listed) in report.attachmentClaims.enumerated() where !listed.isEmpty {
            out += "  not credited (in \(names[side])'s attachments): " + listed.map { claim, source in
                "\(claim.key) \(claim.stance.rawValue) (\(source.attachment ?? "?"))"
            }.joined(separator: ", ") + "\n"
        }
        if !report.unsidedSenders.isEmpty {
            out += "  not credited (no side): " + report.unsidedSenders.map { "\($0.address) (\($0.messages))" }.joined(separator: ", ") + "\n"
        }
        return out + "\n"
    }

    public func render(_ summary: BatchSummary) -> String {
        var out = "Read \(summary.messagesRead) message\(summary.messagesRead == 1 ? "" : "s") from \(summary.files) file\(summary.files == 1 ? "" : "s")"
        out += " (\(megabytes(summary.bytes)) MB) in \(format1(summary.seconds)) s: "
        out += "\(summary.messagesAnalysed) analysed, \(summary.messagesSkipped) skipped.\n"
        for (reason, count) in summary.skipped.sorted(by: { $0.key < $1.key }) { out += "  skipped, \(reason): \(count)\n" }
        for (reason, count) in summary.filesSkipped.sorted(by: { $0.key < $1.key }) { out += "  files skipped, \(reason): \(count)\n" }
        out += "\(summary.threads) thread\(summary.threads == 1 ? "" : "s"); rows: "
        out += Verdict.allCases.map { "\(summary.verdicts[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: ", ") + ".\n"
        if summary.attachmentsRead + summary.attachmentsSkipped > 0 {
            out += "Attachments: \(summary.attachmentsRead) read, \(summary.attachmentsSkipped) skipped.\n"
        }
        if summary.unsidedMessages > 0 {
            out += "\(summary.unsidedMessages) message\(summary.unsidedMessages == 1 ? "" : "s") from \(summary.unsidedSenders) sender\(summary.unsidedSenders == 1 ? "" : "s") of neither side, not credited.\n"
        }
        if summary.charsetCorrections > 0 {
            out += "\(summary.charsetCorrections) text part\(summary.charsetCorrections == 1 ? "" : "s") had a missing or wrong charset label; read in the detected charset.\n"
        }
        return out
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    private func megabytes(_ bytes: Int) -> String { format1(Double(bytes) / 1_048_576) }

    /// One decimal, without Foundation's formatters.
    private func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
