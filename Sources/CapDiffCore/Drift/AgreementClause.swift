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
    /// For an item numbered by a local marker ("(c)" on its own line under "2.2"), the number
    /// of the clause it belongs to. The clause as written is "2.2": a changed or missing item
    /// is a drift of that clause, while `number` ("2.2(c)") still pairs the item with its
    /// translation («в)»).
    var owner: String?
    /// The 1-based index of the paragraph among the document's body paragraphs (0 for headings).
    var paragraph: Int
    /// The text without its number.
    var text: String
    var line: Int
    /// UTF-8 offsets in `text` where each further original line begins.
    var lineBreaks: [Int] = []

    /// The name reports give the clause: the number written on it (or on the clause that owns
    /// the item), else its paragraph's index, else (for an unnumbered heading) its text.
    var label: String {
        if let owner { return owner }
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
        let units = outline.units
        var u = 0
        while u < units.count {
            let unit = units[u]
            u += 1
            if unit.kind == .prose {
                // "Article 4. Timeline" on a line of its own under a paragraph, which the
                // sentence splitter cut in two ("Article 4.", "Timeline").
                let startsLine = paragraph.last.map { unit.line > $0.line + $0.lineBreaks.count } ?? true
                var sameLine = u
                while sameLine < units.count, units[sameLine].kind == .prose, units[sameLine].line == unit.line, unit.lineBreaks.isEmpty {
                    sameLine += 1
                }
                let lineText = units[(u - 1)..<sameLine].map(\.text).joined(separator: " ")
                if startsLine, units[(u - 1)..<sameLine].allSatisfy(\.lineBreaks.isEmpty), ClauseNumbering.isPartHeading(Substring(lineText)) {
                    flushParagraph()
                    builder.addHeading(lineText, line: unit.line, title: false)
                    u = sameLine
                    continue
                }
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
            case .item:
                // Markdown runs a line on from the item above it: "3.3 … amount." then "Article
                // 4. Timeline" is one item to the outline reader, and two parts of an agreement.
                let (text, breaks, headings) = Self.splittingPartHeadings(unit.text, lineBreaks: unit.lineBreaks)
                builder.addBody(text, line: unit.line, lineBreaks: breaks, marker: unit.marker)
                for heading in headings {
                    builder.addHeading(heading.text, line: unit.line(atOffset: heading.offset), title: false)
                    if !heading.after.isEmpty {
                        builder.addBody(heading.after, line: unit.line(atOffset: heading.offset) + 1, lineBreaks: [], marker: nil)
                    }
                }
            case .tableRow, .tableHeader: builder.addBody(unit.cells.joined(separator: " | "), line: unit.line, lineBreaks: [], marker: nil)
            case .prose: break
            }
        }
        flushParagraph()
        return builder.clauses
    }

    /// An item's text up to the first of its lines that is a part heading, and each such
    /// heading with where it starts and the lines after it.
    static func splittingPartHeadings(_ text: String, lineBreaks: [Int])
        -> (text: String, lineBreaks: [Int], headings: [(text: String, offset: Int, after: String)]) {
        let bytes = Array(text.utf8)
        let starts = Array(Set(lineBreaks)).sorted()
        func piece(_ from: Int, _ to: Int) -> String {
            String(decoding: bytes[from..<to], as: UTF8.self).trimmingWhitespace().description
        }
        let cuts = starts.enumerated().filter { k, start in
            ClauseNumbering.isPartHeading(Substring(piece(start, k + 1 < starts.count ? starts[k + 1] : bytes.count)))
        }
        guard let first = cuts.first else { return (text, lineBreaks, []) }
        var headings: [(text: String, offset: Int, after: String)] = []
        for (n, (k, start)) in cuts.enumerated() {
            let lineEnd = k + 1 < starts.count ? starts[k + 1] : bytes.count
            let nextCut = n + 1 < cuts.count ? cuts[n + 1].element : bytes.count
            headings.append((piece(start, lineEnd), start, lineEnd < nextCut ? piece(lineEnd, nextCut) : ""))
        }
        return (piece(0, first.element), lineBreaks.filter { $0 < first.element }, headings)
    }

    private struct Builder {
        var clauses: [AgreementClause] = []
        /// The number of the heading the clauses sit under ("13" under "Article 13").
        var context: String?
        /// The last number written on a clause, for items such as "(b)" under "2.2".
        var parent: String?
        /// The clause that introduces the list going on ("2.2 The Partner shall:"), by its
        /// number ("" when unnumbered): figures such as "1)", "2)" under it number its items,
        /// not clauses, and so do numbers written in full on its items ("2.2(a)").
        var introducer: String?
        var paragraphs = 0

        mutating func addHeading(_ text: String, line: Int, title: Bool) {
            let leading = ClauseNumbering.leading(Substring(text))
            context = leading?.number.written
            parent = nil
            introducer = nil
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
            if let written = number, written.form == .integer, introducer != nil, parent != nil,
               (marker ?? String(text.prefix(written.written.count + 1))).hasSuffix(")") {
                number = ClauseNumbering.Number(written: "(\(written.written))", form: .item)
            }
            let removed = text.utf8.count - body.utf8.count
            let breaks = lineBreaks.filter { $0 > removed }.map { $0 - removed }
            var clause = AgreementClause(role: .body, number: nil, paragraph: paragraphs, text: String(body), line: line,
                                         lineBreaks: breaks)
            clause.isListItem = marker != nil
            if let number {
                clause.number = compose(number)
                if number.form == .item, let owner = parent ?? context { clause.owner = owner }
                // "2.2(a)" under "2.2 The Partner shall:" is an item of 2.2 written in full. (Under
                // "6(b) … reinstates:", an item itself, "6(b)(1)" is a clause of its own.)
                if number.form == .full, let introducer, !introducer.isEmpty, introducer.allSatisfy({ $0.isNumber || $0 == "." }),
                   number.written.hasPrefix(introducer + "("),
                   number.written.dropFirst(introducer.count).filter({ $0 == "(" }).count == 1 {
                    clause.owner = introducer
                }
            } else if let owner = marker != nil ? parent ?? context : context {
                // A bulleted item belongs to the clause that introduces it ("2.1 The Partner
                // shall provide:"), an unnumbered paragraph to its article.
                clause.number = owner
                clause.inherited = true
            }
            if clause.owner == nil, marker == nil || number != nil {
                introducer = body.trimmingWhitespace().hasSuffix(":") ? (clause.inherited ? "" : clause.number ?? "") : nil
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
