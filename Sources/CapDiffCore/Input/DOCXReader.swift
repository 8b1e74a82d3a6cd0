/// Reads a Word document (DOCX: a ZIP archive whose word/document.xml holds the text) into an
/// outline: paragraphs in heading styles are headings, numbered or bulleted paragraphs
/// (w:numPr, directly or through their style) list items with their counted markers, tables
/// rows under a header (the first row), a short all-bold paragraph a label.
///
/// A DOCX has no source lines: a unit's line is the 1-based index of its paragraph in the
/// document body, counting every paragraph capdiff reads in document order, empty ones and
/// those in table cells included (a table row's line is its first paragraph's). Text boxes,
/// headers, footers, footnotes, comments and deleted text (tracked changes) are not read.
enum DOCXReader {
    static let documentPart = "word/document.xml"

    static func read(_ bytes: [UInt8], path: String) throws(Diagnostic) -> Outline {
        try read(try BoundedZIP(bytes, path: path), path: path)
    }

    static func read(_ archive: BoundedZIP, path: String) throws(Diagnostic) -> Outline {
        func part(_ name: String) throws(Diagnostic) -> XMLElement? {
            guard let bytes = try archive.read(name) else { return nil }
            return try XMLTree.parse(bytes, html: false, path: "\(path) (\(name))")
        }
        guard let root = try part(documentPart) else {
            throw .error(path, "is a ZIP archive without \(documentPart), so not a Word document; save it as .docx")
        }
        let styles = try part("word/styles.xml")
        let numbering = try part("word/numbering.xml")
        guard let body = root.elements("body").first else {
            throw .error(path, "has a \(documentPart) without a body; save the document again")
        }
        var walker = Walker(styles: DOCXStyles(styles), numbering: DOCXNumbering(numbering))
        walker.blocks(of: body)
        return OutlineReader().read(blocks: walker.blocks, path: path)
    }

    private struct Walker {
        let styles: DOCXStyles
        var numbering: DOCXNumbering
        var blocks: [OutlineBlock] = []
        /// Paragraphs read so far: the line of the next one is this plus one.
        var paragraphs = 0

        mutating func blocks(of container: XMLElement) {
            for child in container.elements() {
                switch child.name {
                case "p": paragraph(child)
                case "tbl": table(child)
                // Content controls and custom XML wrap ordinary paragraphs and tables.
                case "sdt": child.elements("sdtContent").forEach { blocks(of: $0) }
                case "customXml": blocks(of: child)
                default: break
                }
            }
        }

        mutating func paragraph(_ p: XMLElement) {
            paragraphs += 1
            let lines = Self.lines(of: p, number: paragraphs)
            guard !lines.isEmpty else { return }
            let properties = p.elements("pPr").first
            let style = properties?.elements("pStyle").first?.attributes["val"]
            if let level = properties.flatMap(DOCXStyles.outlineLevel) ?? style.flatMap(styles.headingLevel) {
                blocks.append(.heading(level: level, SourceLine(text: lines.map(\.text).joined(separator: " "), line: paragraphs)))
            } else if let list = properties.flatMap(DOCXNumbering.Reference.init) ?? style.flatMap(styles.numbering) {
                blocks.append(.item(marker: numbering.marker(for: list), lines))
            } else {
                // Lines a paragraph's breaks (Shift+Enter) set apart are read one by one.
                blocks.append(lines.count > 1 ? .lines(lines) : .paragraph(lines))
            }
        }

        mutating func table(_ table: XMLElement) {
            var rows: [OutlineBlock.TableRow] = []
            for row in table.elements("tr") {
                let line = paragraphs + 1
                let cells = row.elements("tc").map { cellText($0) }
                if cells.contains(where: { !$0.isEmpty }) { rows.append(.init(cells: cells, line: line)) }
            }
            if !rows.isEmpty { blocks.append(.table(rows)) }
        }

        /// A cell's paragraphs on one line; a table nested in it is flattened into it.
        mutating func cellText(_ container: XMLElement) -> String {
            var parts: [String] = []
            for child in container.elements() {
                switch child.name {
                case "p":
                    paragraphs += 1
                    parts += Self.lines(of: child, number: paragraphs).map(\.text)
                case "tbl":
                    for row in child.elements("tr") { parts += row.elements("tc").map { cellText($0) } }
                case "sdt", "sdtContent", "customXml":
                    parts.append(cellText(child))
                default:
                    break
                }
            }
            return parts.filter { !$0.isEmpty }.joined(separator: " ")
        }

        /// Elements whose text is not the paragraph's: properties, deleted and moved-away text,
        /// field instructions, and text boxes (mc:Fallback repeats a text box's content).
        static let hidden: Set<String> = ["pPr", "rPr", "del", "moveFrom", "delText", "instrText", "txbxContent", "Fallback"]

        /// A paragraph's text, split at its line breaks, each line bold when all its runs are.
        static func lines(of p: XMLElement, number: Int) -> [SourceLine] {
            var lines = [SourceLine(text: "", line: number, bold: true)]
            func walk(_ element: XMLElement, runIsBold: Bool) {
                for child in element.elements() where !hidden.contains(child.name) {
                    switch child.name {
                    case "t":
                        lines[lines.count - 1].text += child.text
                        if !runIsBold, child.text.contains(where: { !$0.isWhitespace }) { lines[lines.count - 1].bold = false }
                    case "tab", "ptab": lines[lines.count - 1].text += " "
                    case "noBreakHyphen": lines[lines.count - 1].text += "-"
                    case "br", "cr": lines.append(SourceLine(text: "", line: number, bold: true))
                    case "r": walk(child, runIsBold: isBold(child))
                    default: walk(child, runIsBold: runIsBold)
                    }
                }
            }
            walk(p, runIsBold: false)
            return lines.compactMap { line in
                let text = line.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                return text.isEmpty ? nil : SourceLine(text: text, line: number, bold: line.bold)
            }
        }

        /// w:b in a run's properties, unless switched off (w:val="0" or "false").
        static func isBold(_ run: XMLElement) -> Bool {
            guard let b = run.elements("rPr").first?.elements("b").first else { return false }
            return !["0", "false", "off"].contains(b.attributes["val"] ?? "1")
        }
    }
}
