/// `capdiff glossary lint` as text (one "file:line: rule: message" line per finding, as
/// compilers print them, then a summary) or as JSON.
public enum LintRenderer {
    public static func text(_ result: GlossaryLint.Result) -> String {
        var out = ""
        for finding in result.findings {
            out += "\(finding.source): \(finding.rule.rawValue): \(finding.message)\n"
        }
        let count = result.findings.count
        out += count == 0 ? "no problems" : "\(count) problem\(count == 1 ? "" : "s")"
        out += " in \(result.functions) function\(result.functions == 1 ? "" : "s") and \(result.phrases) phrase\(result.phrases == 1 ? "" : "s")"
        if !result.multiFunction.isEmpty {
            out += "; \(result.multiFunction.count) phrase\(result.multiFunction.count == 1 ? " names" : "s name") several functions on purpose (a+b, a|b)"
        }
        return out + "\n"
    }

    public static func json(_ result: GlossaryLint.Result) -> JSON {
        func place(_ source: GlossarySource) -> [(String, JSON)] {
            [("file", .string(source.file)), ("line", .int(source.line))]
        }
        return .object([
            ("findings", .array(result.findings.map { finding in
                .object([("rule", .string(finding.rule.rawValue))] + place(finding.source) + [
                    ("message", .string(finding.message)),
                    ("related", .array(finding.related.map { .object(place($0)) })),
                ])
            })),
            ("multi_function", .array(result.multiFunction.map { phrase in
                .object([("phrase", .string(phrase.phrase)), ("language", .string(phrase.language)),
                         ("functions", .array(phrase.functions.map { .string($0) }))] + place(phrase.source))
            })),
            ("summary", .object([
                ("problems", .int(result.findings.count)),
                ("by_rule", .object(GlossaryLint.Rule.allCases.map { rule in
                    (rule.rawValue, .int(result.findings.filter { $0.rule == rule }.count))
                })),
                ("functions", .int(result.functions)),
                ("phrases", .int(result.phrases)),
            ])),
        ])
    }
}
