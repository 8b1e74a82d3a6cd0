/// The contract's JSON shapes (../shared/CONTRACT.md), built from the result model. Fields
/// beyond the contract's are added after its own, never instead of them.
public enum JSONViews {
    public static func analysis(_ analysis: Analysis) -> JSON {
        .object([
            ("document", .object([("path", .string(analysis.path)), ("language", .string(analysis.language.rawValue))])),
            ("claims", .array(analysis.claims.map(claim))),
            ("ambiguities", .array(analysis.ambiguities.map { ambiguity($0, side: nil) })),
            ("warnings", .array(analysis.warnings.map { .string($0.description) })),
        ])
    }

    public static func comparison(_ comparison: Comparison, glossary: Glossary) -> JSON {
        let names = comparison.sides.map(\.name)
        return .object([
            ("sides", .array(comparison.sides.map { side in
                .object([("name", .string(side.name)), ("path", .string(side.analysis.path)),
                         ("language", .string(side.analysis.language.rawValue))])
            })),
            ("rows", .array(comparison.rows.map { row in
                let function = glossary.function(row.function)
                return .object([
                    ("function", .string(row.function)),
                    ("stances", .object(zip(names, row.stances).map { ($0, .string($1?.rawValue ?? "absent")) })),
                    ("verdict", .string(row.verdict.rawValue)),
                    ("lead", JSON(row.lead.map { names[$0] })),
                    ("group", JSON(function?.group.rawValue)),
                    ("labels", .object((function?.labels ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                    ("evidence", .object(zip(names, row.evidence).map { name, claims in
                        (name, .array(claims.map { .object(lineFields($0.place) + [("text", .string($0.text))]) }))
                    })),
                ])
            })),
            ("ambiguities", .array(comparison.sides.flatMap { side in
                side.analysis.ambiguities.map { ambiguity($0, side: side.name) }
            })),
            ("notes", .array(comparison.notes.map { note in
                .object([("kind", .string("subcontractor-trap")), ("side", .string(names[note.side])),
                         ("other", .string(names[note.other])),
                         ("other_strategic", .array(note.otherStrategic.map { .string($0) }))])
            })),
            ("summary", summary(comparison)),
            ("warnings", .array(comparison.sides.flatMap { $0.analysis.warnings.map { .string($0.description) } })),
        ])
    }

    /// The contract's "line", then "page" or "slide" where the document has them (the line
    /// then counts within the page or slide).
    static func lineFields(_ place: Location) -> [(String, JSON)] {
        guard let kind = place.kind else { return [("line", .int(place.line))] }
        return [("line", .int(place.line)), (kind.rawValue, .int(place.number))]
    }

    static func summary(_ comparison: Comparison) -> JSON {
        .object(Verdict.allCases.map { verdict in (verdict.rawValue, .int(comparison.rows.filter { $0.verdict == verdict }.count)) })
    }

    static func claim(_ claim: Claim) -> JSON {
        .object([
            ("function", .string(claim.function)),
            ("stance", .string(claim.stance.rawValue)),
        ] + lineFields(claim.place) + [
            ("text", .string(claim.text)),
            ("phrase", .string(claim.phrase)),
            ("basis", .string(claim.basis.description)),
            ("language", JSON(claim.language?.rawValue)),
        ])
    }

    static func ambiguity(_ ambiguity: Ambiguity, side: String?) -> JSON {
        var fields: [(String, JSON)] = []
        if let side { fields.append(("side", .string(side))) }
        fields += [
        ] + lineFields(ambiguity.place) + [
            ("kinds", .array(ambiguity.kinds.map { .string($0.rawValue) })),
            ("text", .string(ambiguity.text)),
            ("reasons", .array(ambiguity.reasons.map { .string($0) })),
        ]
        return .object(fields)
    }
}

extension Claim.Basis: CustomStringConvertible {
    public var description: String {
        switch self {
        case .cue(let s): "cue \"\(s)\""
        case .heading(let s): "heading \"\(s)\""
        case .firstPerson(let s): "subject \"\(s)\""
        case .table(let s): "table \"\(s)\""
        }
    }
}
