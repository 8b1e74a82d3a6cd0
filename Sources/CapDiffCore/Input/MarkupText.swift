/// Gathers the text of HTML or XML markup into source lines. The parser gives each element its
/// start line; text nodes have none, so the current line is carried along and advanced at
/// each newline of the text. Runs of whitespace collapse to one space, as a browser shows them.
struct MarkupText {
    /// The line where the next text starts.
    var line: Int
    private var lines: [SourceLine] = []
    private var breakPending = false

    init(line: Int = 1) {
        self.line = line
    }

    /// Moves to an element's start line (0 when libxml2 does not know it).
    mutating func enter(_ element: XMLElement) {
        if element.line > 0 { line = element.line }
    }

    mutating func add(_ text: String) {
        for (index, piece) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { line += 1 }
            guard !piece.isEmpty else { continue }
            if !breakPending, let last = lines.indices.last, lines[last].line == line {
                lines[last].text += piece
            } else {
                lines.append(SourceLine(text: String(piece), line: line))
                breakPending = false
            }
        }
    }

    /// A hard line break (<br>): the text after it starts a new line, even on the same source line.
    mutating func hardBreak() {
        breakPending = true
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

    /// The lines with whitespace collapsed, empty ones dropped.
    var collapsed: [SourceLine] {
        lines.compactMap { line in
            let text = line.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return text.isEmpty ? nil : SourceLine(text: text, line: line.line)
        }
    }

    /// All the text on one line, at the line where it starts (headings, table cells).
    var singleLine: SourceLine? {
        let all = collapsed
        guard let first = all.first else { return nil }
        return SourceLine(text: all.map(\.text).joined(separator: " "), line: first.line)
    }
}
