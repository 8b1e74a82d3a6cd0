/// A line of a structured document's text, with the line it comes from in the source (for
/// DOCX, the paragraph's index).
struct SourceLine: Sendable, Equatable {
    var text: String
    var line: Int
}

/// A block of a structured document (HTML, XHTML, XML, DOCX) as its markup tells it apart.
/// The readers of those formats produce blocks; `OutlineReader.read(blocks:)` turns them into
/// the units the same outline written in Markdown gives, by the same rules: a heading scopes
/// what follows it, a "Label:" paragraph the list after it, prose is split into sentences.
enum OutlineBlock: Sendable, Equatable {
    case heading(level: Int, SourceLine)
    /// A paragraph's lines (split where the source's lines or hard line breaks are); `bold`
    /// when all its text is bold, as in a Markdown "**What we own**" line.
    case paragraph([SourceLine], bold: Bool = false)
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
        case .paragraph(let lines, _), .item(_, let lines): lines.first?.line
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
        flushAll()
        if firstContentLine == nil { firstContentLine = first }
        defer { sawContent = true }
        switch block {
        case .heading(let level, let line):
            addHeading(level: level, text: line.text, number: line.line)
        case .paragraph(let lines, let bold):
            addParagraph(lines, bold: bold)
        case .item(let marker, let lines):
            let (text, breaks) = Self.joined(lines)
            units.append(Unit(kind: .item, line: first, text: text, lineBreaks: breaks, scope: scope, marker: marker))
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
    /// label over the rest; other prose ends the label before it, as after a blank line.
    private mutating func addParagraph(_ lines: [SourceLine], bold: Bool) {
        let whole = lines.map(\.text).joined(separator: " ")
        if bold, whole.split(whereSeparator: \.isWhitespace).count <= 12 {
            let text = whole.hasSuffix(":") ? String(whole.dropLast()).trimmingWhitespace() : whole[...]
            addLabel(String(text), number: lines[0].line)
            return
        }
        if let text = OutlineReader.labelText(whole[...]) {
            addLabel(String(text), number: lines[0].line)
            return
        }
        var rest = lines[...]
        if lines.count > 1, let text = OutlineReader.labelText(lines[0].text[...]) {
            addLabel(String(text), number: lines[0].line)
            rest = rest.dropFirst()
        } else {
            label = nil
        }
        paragraph = rest.map { (Substring($0.text), $0.line) }
        flushParagraph()
    }

    /// Lines joined by spaces, with the UTF-8 offsets where each further line begins.
    private static func joined(_ lines: [SourceLine]) -> (text: String, breaks: [Int]) {
        var text = ""
        var breaks: [Int] = []
        for line in lines {
            if !text.isEmpty {
                text += " "
                breaks.append(text.utf8.count)
            }
            text += line.text
        }
        return (text, breaks)
    }
}
