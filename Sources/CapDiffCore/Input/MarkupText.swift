/// Gathers the text of HTML or XML markup into source lines. The parser gives each element its
/// start line; text nodes have none, so the current line is carried along and advanced at
/// each newline of the text. Runs of whitespace collapse to one space, as a browser shows them.
struct MarkupText {
    /// The line where the next text starts.
    var line: Int
    /// Text on one source line, or after hard breaks on it.
    private struct Piece {
        var text: String
        var line: Int
        var breaksBefore: Int
        var hasPlainText = false
    }
    private var pieces: [Piece] = []
    private var breaksPending = 0

    init(line: Int = 1) {
        self.line = line
    }

    /// Moves to an element's start line (0 when libxml2 does not know it).
    mutating func enter(_ element: XMLElement) {
        if element.line > 0 { line = element.line }
    }

    /// Adds text; `bold` when it is inside b or strong.
    mutating func add(_ text: String, bold: Bool = false) {
        for (index, part) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { line += 1 }
            guard !part.isEmpty else { continue }
            if breaksPending == 0, let last = pieces.indices.last, pieces[last].line == line {
                pieces[last].text += part
            } else {
                pieces.append(Piece(text: String(part), line: line, breaksBefore: breaksPending))
                breaksPending = 0
            }
            if !bold, part.contains(where: { !$0.isWhitespace }) { pieces[pieces.count - 1].hasPlainText = true }
        }
    }

    /// A hard line break (<br>): the text after it starts a new line, even on the same source line.
    mutating func hardBreak() {
        breaksPending += 1
    }

    /// Adds all the text of an element, with <br> as a hard break; `skip` names elements whose
    /// text is not shown (HTML's script and style).
    mutating func addAll(_ element: XMLElement, skip: Set<String> = []) {
        enter(element)
        for child in element.children {
            switch child {
            case .text(let text): add(text)
            case .element(let e) where e.name.lowercased() == "br": hardBreak()
            case .element(let e) where !skip.contains(e.name.lowercased()): addAll(e, skip: skip)
            case .element: break
            }
        }
    }

    /// The source lines, whitespace collapsed, empty ones dropped.
    var collapsed: [SourceLine] {
        pieces.compactMap { line([$0]) }
    }

    /// The lines hard breaks set apart (each at the source line where its text starts), with an
    /// empty line where two breaks leave one ("<br><br>"); nil when there is no hard break.
    var hardLines: [SourceLine]? {
        guard pieces.dropFirst().contains(where: { $0.breaksBefore > 0 }) else { return nil }
        var groups: [[Piece]] = []
        for piece in pieces {
            if groups.isEmpty || piece.breaksBefore > 0 {
                if piece.breaksBefore > 1 { groups.append([]) }
                groups.append([piece])
            } else {
                groups[groups.count - 1].append(piece)
            }
        }
        var result: [SourceLine] = []
        for group in groups {
            if let line = line(group) {
                result.append(line)
            } else if let last = result.last, !last.text.isEmpty {
                result.append(SourceLine(text: "", line: last.line))
            }
        }
        while result.last?.text.isEmpty == true { result.removeLast() }
        return result
    }

    /// The source lines as written (preformatted text), without empty ones.
    var preformatted: [SourceLine] {
        pieces.filter { $0.text.contains { !$0.isWhitespace } }
            .map { SourceLine(text: $0.text, line: $0.line, bold: !$0.hasPlainText) }
    }

    /// The text as a block: a paragraph, or lines when hard breaks set them apart; nil when
    /// there is no text.
    var block: OutlineBlock? {
        if let lines = hardLines { return .lines(lines) }
        let lines = collapsed
        return lines.isEmpty ? nil : .paragraph(lines)
    }

    /// All the text on one line, at the line where it starts (headings, table cells).
    var singleLine: SourceLine? {
        line(pieces)
    }

    /// Pieces as one line, at the line of their first text; nil when they hold none.
    private func line(_ group: [Piece]) -> SourceLine? {
        let text = group.map(\.text).joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard let first = group.first(where: { $0.text.contains { !$0.isWhitespace } }), !text.isEmpty else { return nil }
        return SourceLine(text: text, line: first.line, bold: !group.contains(where: \.hasPlainText))
    }
}
