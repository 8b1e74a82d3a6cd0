/// A clause of an agreement as drift compares it: a numbered item or paragraph, a heading, or
/// an unnumbered paragraph, with its number and the lines it spans.
struct AgreementClause: Sendable {
    enum Role: Sendable { case title, heading, body }

    var role: Role
    /// The clause number as written, composed with its parents' ("13.1" for item "1." under
    /// "Article 13", "2.2(b)" for "(b)" under "2.2"); for an unnumbered paragraph under a
    /// numbered heading, the heading's.
    var number: String?
    /// The number was inherited from a heading or an introducing clause rather than written on
    /// the clause.
    var inherited = false
    /// A list item: left out or added, it is reported however short it is.
    var isListItem = false
    /// The 1-based index of the paragraph among the document's body paragraphs (0 for headings).
    var paragraph: Int
    /// The text without its number.
    var text: String
    var line: Int
    /// UTF-8 offsets in `text` where each further original line begins.
    var lineBreaks: [Int] = []

    /// The name reports give the clause: its number, else its paragraph's index, else (for an
    /// unnumbered heading) its text.
    var label: String {
        if let number { return number }
        if role == .body { return String(paragraph) }
        return String(text.prefix(40))
    }

    /// The number's key for matching across languages (see `ClauseNumbering.key`).
    var numberKey: String? { number.map(ClauseNumbering.key) }

    func line(atOffset offset: Int) -> Int {
        line + lineBreaks.prefix { $0 <= offset }.count
    }
}

/// Groups an outline's units into clauses: list items and prose paragraphs (which the outline
/// reader splits into sentences) become one clause each, and each gets its full number from
/// the number it starts with and the article or clause it sits under.
enum ClauseSplitter {
    static func clauses(of outline: Outline) -> [AgreementClause] {
        var builder = Builder()
        var paragraph: [Unit] = []
        func flushParagraph() {
            guard let first = paragraph.first else { return }
            var text = ""
            var breaks: [Int] = []
            for unit in paragraph {
                if !text.isEmpty {
                    text += " "
                    if unit.line > (breaks.count + first.line) { breaks.append(text.utf8.count) }
                }
                let base = text.utf8.count
                breaks += unit.lineBreaks.map { $0 + base }
                text += unit.text
            }
            builder.addBody(text, line: first.line, lineBreaks: breaks, marker: nil)
            paragraph = []
        }
        for unit in outline.units {
            if unit.kind == .prose {
                // Sentences of one paragraph follow each other line by line; a blank line (or any
                // other unit) starts the next paragraph.
                if let last = paragraph.last, unit.line > last.line + last.lineBreaks.count + 1 { flushParagraph() }
                paragraph.append(unit)
                continue
            }
            flushParagraph()
            switch unit.kind {
            case .title: builder.addHeading(unit.text, line: unit.line, title: true)
            case .heading, .label: builder.addHeading(unit.text, line: unit.line, title: false)
            case .item: builder.addBody(unit.text, line: unit.line, lineBreaks: unit.lineBreaks, marker: unit.marker)
            case .tableRow, .tableHeader: builder.addBody(unit.cells.joined(separator: " | "), line: unit.line, lineBreaks: [], marker: nil)
            case .prose: break
            }
        }
        flushParagraph()
        return builder.clauses
    }

    private struct Builder {
        var clauses: [AgreementClause] = []
        /// The number of the heading the clauses sit under ("13" under "Article 13").
        var context: String?
        /// The last number written on a clause, for items such as "(b)" under "2.2".
        var parent: String?
        var paragraphs = 0

        mutating func addHeading(_ text: String, line: Int, title: Bool) {
            let leading = ClauseNumbering.leading(Substring(text))
            context = leading?.number.written
            parent = nil
            let rest = leading.map { String($0.rest) } ?? text
            // "Article 13" alone only numbers what follows it.
            guard !rest.isEmpty else { return }
            clauses.append(AgreementClause(role: title && leading == nil ? .title : .heading, number: context,
                                           paragraph: 0, text: rest, line: line))
        }

        mutating func addBody(_ text: String, line: Int, lineBreaks: [Int], marker: String?) {
            paragraphs += 1
            var body = Substring(text)
            var number = marker.flatMap(ClauseNumbering.marker)
            if number == nil, let leading = ClauseNumbering.leading(body) {
                number = leading.number
                body = leading.rest
            }
            let removed = text.utf8.count - body.utf8.count
            let breaks = lineBreaks.filter { $0 > removed }.map { $0 - removed }
            var clause = AgreementClause(role: .body, number: nil, paragraph: paragraphs, text: String(body), line: line,
                                         lineBreaks: breaks)
            clause.isListItem = marker != nil
            if let number {
                clause.number = compose(number)
            } else if let owner = marker != nil ? parent ?? context : context {
                // A bulleted item belongs to the clause that introduces it ("2.1 The Partner
                // shall provide:"), an unnumbered paragraph to its article.
                clause.number = owner
                clause.inherited = true
            }
            clauses.append(clause)
        }

        /// The full number of a clause: "1." under "Article 13" is "13.1", "(b)" under "2.2"
        /// is "2.2(b)"; a number complete on its own stays as written.
        mutating func compose(_ number: ClauseNumbering.Number) -> String {
            switch number.form {
            case .full:
                parent = number.written
                return number.written
            case .integer:
                let full = context.map { "\($0).\(number.written)" } ?? number.written
                parent = full
                return full
            case .item:
                return (parent ?? context ?? "") + number.written
            }
        }
    }
}
