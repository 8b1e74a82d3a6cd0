/// A document that contradicts itself: one line says it does a function (owns, shares), another
/// that it does not (excludes, needs), for the same function and scope. Both lines are flagged
/// `conflict`, each naming the other; the claims stay as they are and the contract's precedence
/// still decides the document's stance. An item whose own words replace its heading's stance
/// is one line, so no conflict; nor are stances for different scopes ("we own analytics" and
/// "not in Russia").
enum Conflicts {
    static func doesIt(_ stance: Stance) -> Bool { stance == .owns || stance == .shares }
    static func doesNot(_ stance: Stance) -> Bool { stance == .excludes || stance == .needs }

    /// The ambiguities with every conflict among `claims` added, in line order.
    static func flag(_ claims: [Claim], in ambiguities: [Ambiguity]) -> [Ambiguity] {
        var byKey: [ClaimKey: [Claim]] = [:]
        for claim in claims where doesIt(claim.stance) || doesNot(claim.stance) {
            byKey[claim.key, default: []].append(claim)
        }
        var found: [Int: [Contradiction]] = [:]
        var texts: [Int: String] = [:]
        for key in byKey.keys.sorted() {
            let mine = byKey[key]!
            let yes = mine.filter { doesIt($0.stance) }, no = mine.filter { doesNot($0.stance) }
            for a in yes {
                for b in no where a.line != b.line {
                    found[a.line, default: []].append(Contradiction(key: key, line: b.line, text: b.text, stance: b.stance))
                    found[b.line, default: []].append(Contradiction(key: key, line: a.line, text: a.text, stance: a.stance))
                    texts[a.line] = a.text
                    texts[b.line] = b.text
                }
            }
        }
        guard !found.isEmpty else { return ambiguities }
        var result = ambiguities
        for line in found.keys.sorted() {
            let contradictions = found[line]!.sorted { ($0.line, $0.key) < ($1.line, $1.key) }
            let reasons = contradictions.map { "line \($0.line) says the opposite: \"\(Self.excerpt($0.text))\"" }
            if let i = result.firstIndex(where: { $0.line == line }) {
                if !result[i].kinds.contains(.conflict) { result[i].kinds.append(.conflict); result[i].kinds.sort() }
                for reason in reasons where !result[i].reasons.contains(reason) { result[i].reasons.append(reason) }
                for c in contradictions where !result[i].contradictions.contains(c) { result[i].contradictions.append(c) }
            } else {
                let at = result.firstIndex { $0.line > line } ?? result.endIndex
                result.insert(Ambiguity(line: line, kinds: [.conflict], text: texts[line] ?? "", reasons: reasons,
                                        contradictions: contradictions), at: at)
            }
        }
        return result
    }

    /// A quoted line kept short enough for a reason: its first 60 characters.
    static func excerpt(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(59)) + "…"
    }
}
