/// A line of a structured document's text, with the line it comes from in the source (for
/// DOCX, the paragraph's index), and whether all of it is bold.
struct SourceLine: Sendable, Equatable {
    var text: String
    var line: Int
    var bold = false
}

/// A block of a structured document (HTML, XHTML, XML, DOCX) as its markup tells it apart.
/// The readers of those formats produce blocks; `OutlineReader.read(blocks:)` turns them into
/// the units the same outline written in Markdown gives, by the same rules: a heading scopes
/// what follows it, a "Label:" paragraph the list after it, prose is split into sentences.
enum OutlineBlock: Sendable, Equatable {
    case heading(level: Int, SourceLine)
    /// A paragraph's lines, split where the source's lines are.
    case paragraph([SourceLine])
    /// Lines that hard line breaks (<br>, w:br) or preformatting set apart, read one by one as
    /// the lines of a plain-text outline are: "- item" lines are items, "Label:" lines labels.
    /// People write lists that way in mail editors.
    case lines([SourceLine])
    /// A list item: its marker as numbered ("1.", "2.1", "a)", "-" for bullets) and its lines.
    case item(marker: String, [SourceLine])
    /// A table's rows; the first is its header.
    case table([TableRow])

    struct TableRow: Sendable, Equatable {
        var cells: [String]
        var line: Int
    }

    var firstLine: Int? {
        switch self {
        case .heading(_, let line): line.line
        case .paragraph(let lines), .lines(let lines), .item(_, let lines): lines.first?.line
        case .table(let rows): rows.first?.line
        }
    }
}

extension OutlineReader {
    func read(blocks: [OutlineBlock], path: String, warnings: [Diagnostic] = []) -> Outline {
        var builder = Builder(sentences: sentences)
        for block in blocks { builder.add(block) }
        builder.finish()
        return Outline(path: path, units: builder.units, warnings: warnings)
    }
}

extension OutlineReader.Builder {
    /// Adds a block as Markdown would read it set apart by blank lines.
    mutating func add(_ block: OutlineBlock) {
        guard let first = block.firstLine else { return }
        switch block {
        case .lines:
            break  // Their first line settles a held line, as in plain text.
        case .item, .table:
            // A short line standing alone right above a list or table is its label.
            if let line = held {
                held = nil
                addLabel(line.text, number: line.number)
            }
            flushAll()
        case .heading, .paragraph:
            flushAll()
        }
        if firstContentLine == nil { firstContentLine = first }
        defer { sawContent = true }
        switch block {
        case .heading(let level, let line):
            addHeading(level: level, text: line.text, number: line.line)
        case .paragraph(let lines):
            addParagraph(lines)
        case .lines(let lines):
            // As after a blank line; a last blank line ends the paragraph or list they make.
            blankBefore = true
            for line in lines {
                if let text = Self.boldLabel(line) {
                    flushAll()
                    addLabel(text, number: line.line)
                } else {
                    add(line.text, number: line.line)
                }
            }
            add("", number: first)
        case .item(let marker, let lines):
            let (text, breaks) = Self.joined(lines)
            units.append(Unit(kind: .item, line: first, text: text, lineBreaks: breaks, scope: scope, marker: marker))
            sectionHadList = true
        case .table(let rows):
            let header = rows[0]
            units.append(Unit(kind: .tableHeader, line: header.line, text: header.cells.joined(separator: " | "),
                              scope: scope, cells: header.cells))
            let headerIndex = units.count - 1
            for row in rows.dropFirst() {
                units.append(Unit(kind: .tableRow, line: row.line, text: row.cells.joined(separator: " | "),
                                  scope: units[headerIndex].scope, cells: row.cells, tableHeader: headerIndex))
            }
        }
    }

    /// A short paragraph ending in ":" or all bold is a label; a first line ending in ":" is a
    /// label over the rest; other prose ends the label before it, as after a blank line; a short
    /// line standing alone is held until the next block says whether it labels a list.
    private mutating func addParagraph(_ lines: [SourceLine]) {
        let whole = SourceLine(text: lines.map(\.text).joined(separator: " "), line: lines[0].line,
                               bold: lines.allSatisfy(\.bold))
        if let text = Self.boldLabel(whole) ?? OutlineReader.labelText(whole.text[...]) {
            addLabel(text, number: whole.line)
            return
        }
        var rest = lines[...]
        if lines.count > 1, let text = OutlineReader.labelText(lines[0].text[...]) {
            addLabel(text, number: lines[0].line)
            rest = rest.dropFirst()
        } else {
            label = nil
        }
        paragraph = rest.map { (Substring($0.text), $0.line) }
        if paragraph.count == 1, paragraph[0].number != firstContentLine, OutlineReader.isShortHeadingLike(paragraph[0].text) {
            held = paragraph[0]
            paragraph = []
        }
        flushParagraph()
    }

    /// A short all-bold line is a label, like a Markdown "**What we own**" line.
    private static func boldLabel(_ line: SourceLine) -> Substring? {
        guard line.bold, line.text.split(whereSeparator: \.isWhitespace).count <= 12 else { return nil }
        return line.text.hasSuffix(":") ? line.text.dropLast().trimmingWhitespace() : line.text[...]
    }

    /// Lines joined by spaces, with the UTF-8 offsets where each further line begins.
    private static func joined(_ lines: [SourceLine]) -> (text: String, breaks: [Int]) {
        var text = lines[0].text
        var breaks: [Int] = []
        for (previous, line) in zip(lines, lines.dropFirst()) {
            text += " "
            breaks.appendLineBreak(at: text.utf8.count, from: previous.line, to: line.line)
            text += line.text
        }
        return (text, breaks)
    }
}

extension [Int] {
    /// Notes in a unit's `lineBreaks` that its text from `offset` on comes from line `line`, the
    /// text before from `previous`: one break per line passed. Markdown's lines follow one
    /// another; a structured document's may share a number (the lines of a DOCX paragraph) or
    /// skip some (an HTML paragraph with a blank line in it).
    mutating func appendLineBreak(at offset: Int, from previous: Int, to line: Int) {
        append(contentsOf: repeatElement(offset, count: Swift.max(0, line - previous)))
    }
}
