/// `capdiff drift` in a terminal: the drifting clauses side by side, the differing values
/// marked, a one-line reason each, then a summary.
public struct DriftTextRenderer {
    public var style: TextStyle

    public init(style: TextStyle) {
        self.style = style
    }

    public func render(_ report: DriftReport) -> String {
        var lines: [String] = []
        for clause in report.clauses {
            for item in clause.items { lines.append("\(clause.clause)  \(item.kind.rawValue): \(item.reason)") }
        }
        lines += ["", Self.summary(report)]
        return lines.joined(separator: "\n") + "\n"
    }

    static func summary(_ report: DriftReport) -> String {
        let items = report.items
        let kinds = DriftKind.allCases.compactMap { kind -> String? in
            let n = items.filter { $0.kind == kind }.count
            return n == 0 ? nil : "\(n) \(kind.rawValue)"
        }
        let aligned = "\(report.sourceClauses) source and \(report.translationClauses) translation clauses, \(report.alignedPairs) aligned"
        guard !items.isEmpty else { return "Summary: no drift (\(aligned))." }
        return "Summary: \(items.count) drift\(items.count == 1 ? "" : "s") in \(report.clauses.count) clause\(report.clauses.count == 1 ? "" : "s") (\(kinds.joined(separator: ", "))); \(aligned)."
    }
}
