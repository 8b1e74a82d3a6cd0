/// `capdiff drift --format json`: the contract's shape (../shared/CONTRACT.md), with a reason
/// per drift, a summary and warnings after the contract's own fields.
extension JSONViews {
    public static func drift(_ report: DriftReport) -> JSON {
        .object([
            ("source", document(report.source)),
            ("translation", document(report.translation)),
            ("drift", .array(report.items.map { item in
                .object([
                    ("clause", .string(item.clause)),
                    ("kind", .string(item.kind.rawValue)),
                    ("source", .string(item.source)),
                    ("translation", .string(item.translation)),
                    ("source_line", item.sourceLine.map { .int($0) } ?? .null),
                    ("translation_line", item.translationLine.map { .int($0) } ?? .null),
                    ("reason", .string(item.reason)),
                ])
            })),
            ("summary", .object([
                ("clauses", .object([("source", .int(report.sourceClauses)), ("translation", .int(report.translationClauses)),
                                     ("aligned", .int(report.alignedPairs)), ("drifting", .int(report.clauses.count))])),
                ("kinds", .object(DriftKind.allCases.compactMap { kind in
                    let n = report.items.filter { $0.kind == kind }.count
                    return n == 0 ? nil : (kind.rawValue, .int(n))
                })),
            ])),
            ("warnings", .array(report.warnings.map { .string($0.description) })),
        ])
    }

    static func document(_ document: DriftReport.Document) -> JSON {
        .object([("path", .string(document.path)), ("language", .string(document.language.rawValue))])
    }
}
