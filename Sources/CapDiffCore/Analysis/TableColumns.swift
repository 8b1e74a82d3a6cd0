/// Reads a capability table such as "| Function | Us | You |" or "| Function | Owner |":
/// which column names the function, which stands for the writer, which for the partner,
/// and which states an owner in words.
struct TableColumns {
    var ours: [Int] = []
    var theirs: [Int] = []
    var owner: [Int] = []
    let index: GlossaryIndex

    static let ownerHeaders: Set<String> = ["owner", "owners", "who", "stance", "role", "lead", "responsible",
                                            "кто", "ответственный", "владелец", "роль", "статус"]

    init(header: [String], index: GlossaryIndex) {
        self.index = index
        for (column, cell) in header.enumerated() where column > 0 {
            let facts = TextFacts(cell, index: index, heading: true)
            let roles = Set(facts.cues.flatMap(\.entries).map(\.role))
            let words = facts.tokens.filter(\.isWord).map(\.normalized)
            if roles.contains(.we) || ["us", "ours", "нас", "наше", "наши"].contains(words.first ?? "") {
                ours.append(column)
            } else if roles.contains(.you) || ["partner", "партнер", "вас", "ваше", "ваши"].contains(words.first ?? "") {
                theirs.append(column)
            } else if let first = words.first, Self.ownerHeaders.contains(first) {
                owner.append(column)
            }
        }
        // "| Area | Harbor | Partner | Notes |": when only the partner's column is named, the
        // other party column is the writer's (notes and comments are no party).
        if ours.isEmpty, !theirs.isEmpty, owner.isEmpty,
           let writer = header.indices.dropFirst().first(where: { column in
               !theirs.contains(column) && !Self.isNotes(header[column])
           }) {
            ours.append(writer)
        }
    }

    static let notesHeaders: Set<String> = ["notes", "note", "comment", "comments", "remarks", "details", "how",
                                            "примечание", "примечания", "комментарий", "комментарии", "детали"]

    static func isNotes(_ header: String) -> Bool {
        let first = header.lowercased().split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? ""
        return first.isEmpty || notesHeaders.contains(first)
    }

    enum Mark { case none, yes, stance(Stance) }

    static let yesMarks: Set<String> = ["✓", "✔", "☑", "x", "yes", "y", "да", "+", "●", "•", "r", "a", "r/a", "own", "owns",
                                        "owner", "lead", "leads", "ведем", "ведём", "мы"]
    static let noMarks: Set<String> = ["", "-", "—", "–", "no", "n", "нет", "n/a", "i", "✗", "✘", "0", "?", "??", "tbd", "tbc"]
    /// A hand in someone else's work: "Input", "Review", RACI C and S, «согласует».
    static let supportMarks: Set<String> = ["c", "s", "input", "review", "reviews", "advise", "advises", "consult", "consulted",
                                            "support", "supports", "assist", "assists", "help", "helps", "approve", "approves",
                                            "sign-off", "помогаем", "помогает", "согласует", "согласуем", "ревью",
                                            "консультируем", "консультирует", "поддержка"]
    static let sharedMarks: Set<String> = ["both", "joint", "jointly", "shared", "together", "вместе", "совместно", "оба", "обе"]

    /// A cell's mark: empty, "yes" (a tick, "lead", RACI R or A), or a stance in words.
    func mark(_ cell: String) -> Mark {
        let folded = cell.lowercased().trimmingWhitespace()
        if Self.noMarks.contains(String(folded)) { return .none }
        if Self.yesMarks.contains(String(folded)) { return .yes }
        if Self.supportMarks.contains(String(folded)) { return .stance(.supports) }
        if Self.sharedMarks.contains(String(folded)) { return .stance(.shares) }
        let facts = TextFacts(cell, index: index, heading: true)
        for clause in facts.clauses {
            let reading = ClauseReading(clause, facts: facts, headingCues: true)
            if let stance = reading.strong?.stance ?? reading.weak?.stance { return .stance(stance) }
        }
        return .yes
    }

    /// Our stance from a row's cells, or nil when the table says nothing about it.
    func stance(cells: [String]) -> (Stance, Claim.Basis)? {
        func cell(_ i: Int) -> String { i < cells.count ? cells[i] : "" }
        for column in owner {
            let text = cell(column)
            let words = TextFacts(text, index: index).cues.flatMap(\.entries).map(\.role)
            if Self.sharedMarks.contains(text.lowercased()) { return (.shares, .table(text)) }
            if words.contains(.we) { return (.owns, .table(text)) }
            if words.contains(.you) { return (.needs, .table(text)) }
            if case .stance(let s) = mark(text) { return (s, .table(text)) }
        }
        guard !ours.isEmpty || !theirs.isEmpty else { return nil }
        let our = ours.map { mark(cell($0)) }.first { if case .none = $0 { false } else { true } } ?? .none
        // A partner's cell says what the partner does: "ведёте" (you lead) is their doing it.
        let their = theirs.map { column -> Mark in
            switch mark(cell(column)) {
            case .stance(.supports): .stance(.supports)
            case .stance(.excludes), .none: .none
            default: .yes
            }
        }.first { if case .none = $0 { false } else { true } } ?? .none
        let basis = Claim.Basis.table(cells.dropFirst().joined(separator: " | "))
        switch (our, their) {
        case (.none, .none): return nil
        case (.none, .yes), (.none, .stance(.owns)): return (.needs, basis)
        case (.none, .stance): return nil
        case (.yes, .yes), (.yes, .stance(.owns)), (.stance(.owns), .yes), (.stance(.owns), .stance(.owns)): return (.shares, basis)
        case (.yes, _): return (.owns, basis)
        // We help, they lead: both a need and support; the contract's precedence says need.
        case (.stance(.supports), .yes), (.stance(.supports), .stance(.owns)): return (.needs, basis)
        case (.stance(let s), _): return (s, basis)
        }
    }
}
