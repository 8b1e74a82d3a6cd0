/// `capdiff drift --format markdown`: one table row per drift, for tickets and email.
public struct DriftMarkdownRenderer {
    public init() {}

    public func render(_ report: DriftReport) -> String {
        var lines = ["## Drift: \(report.source.path) (\(report.source.language.rawValue)) → \(report.translation.path) (\(report.translation.language.rawValue))", ""]
        if report.hasDrift {
            lines.append("| Clause | Kind | Source | Translation | Lines | Why |")
            lines.append("|---|---|---|---|---|---|")
            for item in report.items {
                let place = [item.sourceLine, item.translationLine].map { $0.map(String.init) ?? "—" }.joined(separator: " / ")
                let cells = [item.clause, item.kind.rawValue, item.source.isEmpty ? "—" : item.source,
                             item.translation.isEmpty ? "—" : item.translation, place, item.reason]
                lines.append("| " + cells.map(MarkdownRenderer.cell).joined(separator: " | ") + " |")
            }
        } else {
            lines.append("No drift: every clause of the translation says what its source says.")
        }
        lines += ["", DriftTextRenderer.summary(report)]
        return lines.joined(separator: "\n") + "\n"
    }
}
