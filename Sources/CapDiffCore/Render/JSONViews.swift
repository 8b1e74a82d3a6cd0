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
                var fields: [(String, JSON)] = [("function", .string(row.function))]
                if let scope = row.scope { fields.append(("scope", .string(scope))) }
                fields += [
                    ("stances", .object(zip(names, row.stances).map { ($0, .string($1?.rawValue ?? "absent")) })),
                    ("verdict", .string(row.verdict.rawValue)),
                    ("lead", JSON(row.lead.map { names[$0] })),
                    ("group", JSON(function?.group.rawValue)),
                    ("labels", .object(["en", "ru"].filter { function?.labels[$0] != nil }.map {
                        ($0, .string(glossary.label(function: row.function, scope: row.scope, language: $0)))
                    })),
                    ("evidence", .object(zip(names, row.evidence).map { name, claims in
                        (name, .array(claims.map { .object(lineFields($0.place) + [("text", .string($0.text))]) }))
                    })),
                ]
                // The sides whose document contradicts itself on this row's function and scope.
                let conflicted = names.indices.filter { row.conflicted[$0] }.map { JSON.string(names[$0]) }
                if !conflicted.isEmpty { fields.append(("conflicts", .array(conflicted))) }
                return .object(fields)
            })),
            ("ambiguities", .array(comparison.sides.flatMap { side in
                side.analysis.ambiguities.map { ambiguity($0, side: side.name) }
            })),
            ("splits", .array(comparison.splits.map { split in
                .object([("function", .string(split.function)),
                         ("owners", .object(split.owners.map { ($0.scope, .string(names[$0.side])) }))])
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
        .object([("function", .string(claim.function))] + (claim.scope.map { [("scope", JSON.string($0))] } ?? []) + [
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
        if !ambiguity.contradictions.isEmpty { fields.append(("contradicts", contradictions(ambiguity.contradictions))) }
        return .object(fields)
    }

    /// A conflict's other lines: `[{"function", "scope"?, "line", "stance", "text"}]`.
    static func contradictions(_ list: [Contradiction]) -> JSON {
        .array(list.map { c in
            .object([("function", .string(c.key.function))] + (c.key.scope.map { [("scope", JSON.string($0))] } ?? [])
                    + [("line", .int(c.line)), ("stance", .string(c.stance.rawValue)), ("text", .string(c.text))])
        })
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
