/// Reads an OpenDocument text (ODT: a ZIP archive whose content.xml holds the text, as
/// LibreOffice writes it) into an outline, as DOCX is read: text:h headings at their outline
/// level, lists (text:list, nested ones included) as items with the markers their list style
/// counts, tables as rows under a header, a short all-bold paragraph a label.
///
/// As in a DOCX, a unit's line is the 1-based index of its paragraph (text:p or text:h) in the
/// body, counting every paragraph in document order, empty ones and those in table cells
/// included. Notes, annotations and tracked deletions are not read.
enum ODTReader {
    static let contentPart = "content.xml"

    static func read(_ archive: BoundedZIP, path: String) throws(Diagnostic) -> Outline {
        func part(_ name: String) throws(Diagnostic) -> XMLElement? {
            guard let bytes = try archive.read(name) else { return nil }
            return try XMLTree.parse(bytes, html: false, path: "\(path) (\(name))")
        }
        guard let content = try part(contentPart),
              let text = content.elements("body").first?.elements("text").first else {
            throw .error(path, "is a ZIP archive without an OpenDocument text body (content.xml); save it as .odt or .docx")
        }
        var styles = Styles()
        styles.add(try part("styles.xml"))
        styles.add(content)
        var walker = Walker(styles: styles)
        walker.blocks(of: text, list: nil, level: 0)
        return OutlineReader().read(blocks: walker.blocks, path: path)
    }

    /// What capdiff needs of the document's styles: which text styles are bold, and how each
    /// list style marks its levels.
    struct Styles {
        var bold: Set<String> = []
        /// List style → level (1-based) → (counter, prefix, suffix); absent for bullets.
        var numbering: [String: [Int: (CounterStyle, String, String)]] = [:]

        mutating func add(_ root: XMLElement?) {
            guard let root else { return }
            for container in root.elements() where ["styles", "automatic-styles"].contains(container.name) {
                for style in container.elements("style") {
                    guard let name = style.attributes["name"] else { continue }
                    if style.elements("text-properties").first?.attributes["font-weight"] == "bold" { bold.insert(name) }
                }
                for list in container.elements("list-style") {
                    guard let name = list.attributes["name"] else { continue }
                    var levels: [Int: (CounterStyle, String, String)] = [:]
                    for level in list.elements("list-level-style-number") {
                        guard let n = level.attributes["level"].flatMap({ Int($0) }) else { continue }
                        levels[n] = (CounterStyle(htmlType: level.attributes["num-format"]), level.attributes["num-prefix"] ?? "",
                                     level.attributes["num-suffix"] ?? ".")
                    }
                    numbering[name] = levels
                }
            }
        }
    }

    private struct Walker {
        let styles: Styles
        var blocks: [OutlineBlock] = []
        var paragraphs = 0
        /// Per list style and level, the count so far.
        var counters: [String: [Int: Int]] = [:]

        mutating func blocks(of container: XMLElement, list: String?, level: Int) {
            for child in container.elements() {
                switch child.name {
                case "h":
                    paragraphs += 1
                    let outline = child.attributes["outline-level"].flatMap { Int($0) } ?? 1
                    if let line = line(child) { blocks.append(.heading(level: min(max(outline, 1), 6), line)) }
                case "p":
                    paragraphs += 1
                    if let line = line(child) { blocks.append(.paragraph([line])) }
                case "list":
                    self.list(child, style: child.attributes["style-name"] ?? list, level: level + 1)
                case "table":
                    table(child)
                case "section", "table-row-group", "table-rows", "table-header-rows":
                    blocks(of: child, list: list, level: level)
                default:
                    break
                }
            }
        }

        mutating func list(_ list: XMLElement, style: String?, level: Int) {
            for item in list.elements() where ["list-item", "list-header"].contains(item.name) {
                var marker = "-"
                if let style, let (counter, prefix, suffix) = styles.numbering[style]?[level], item.name == "list-item" {
                    var count = counters[style, default: [:]]
                    count[level] = item.attributes["start-value"].flatMap { Int($0) } ?? (count[level] ?? 0) + 1
                    for deeper in count.keys where deeper > level { count[deeper] = nil }
                    counters[style] = count
                    marker = prefix + counter.format(count[level]!) + suffix
                }
                var first = true
                for child in item.elements() {
                    switch child.name {
                    case "p", "h":
                        paragraphs += 1
                        guard let line = line(child) else { continue }
                        blocks.append(first ? .item(marker: marker, [line]) : .paragraph([line]))
                        first = false
                    case "list":
                        self.list(child, style: child.attributes["style-name"] ?? style, level: level + 1)
                    default:
                        break
                    }
                }
            }
        }

        mutating func table(_ table: XMLElement) {
            var rows: [OutlineBlock.TableRow] = []
            func addRows(_ container: XMLElement) {
                for child in container.elements() {
                    switch child.name {
                    case "table-row":
                        let line = paragraphs + 1
                        let cells = child.elements().filter { $0.name == "table-cell" }.map { cell in
                            cell.descendants("p").map { p -> String in
                                paragraphs += 1
                                return Self.text(of: p)
                            }.filter { !$0.isEmpty }.joined(separator: " ")
                        }
                        if cells.contains(where: { !$0.isEmpty }) { rows.append(.init(cells: cells, line: line)) }
                    case "table-header-rows", "table-rows", "table-row-group":
                        addRows(child)
                    default:
                        break
                    }
                }
            }
            addRows(table)
            if !rows.isEmpty { blocks.append(.table(rows)) }
        }

        func line(_ p: XMLElement) -> SourceLine? {
            let text = Self.text(of: p)
            guard !text.isEmpty else { return nil }
            return SourceLine(text: text, line: paragraphs, bold: isBold(p))
        }

        /// All bold: the paragraph's style, or every span with text in a bold style.
        func isBold(_ p: XMLElement) -> Bool {
            if let style = p.attributes["style-name"], styles.bold.contains(style) { return true }
            var sawText = false
            for child in p.children {
                switch child {
                case .text(let t) where t.contains(where: { !$0.isWhitespace }): return false
                case .element(let e) where e.name == "span":
                    guard e.text.contains(where: { !$0.isWhitespace }) else { continue }
                    guard let style = e.attributes["style-name"], styles.bold.contains(style) else { return false }
                    sawText = true
                default: continue
                }
            }
            return sawText
        }

        /// A paragraph's text: spans and links read, text:s as its spaces, tabs and line breaks
        /// as a space; notes, annotations and tracked changes left out.
        static func text(of element: XMLElement) -> String {
            var text = ""
            func walk(_ e: XMLElement) {
                for child in e.children {
                    switch child {
                    case .text(let t): text += t
                    case .element(let c):
                        switch c.name {
                        case "s": text += String(repeating: " ", count: c.attributes["c"].flatMap { Int($0) } ?? 1)
                        case "tab", "line-break": text += " "
                        case "note", "annotation", "annotation-end", "tracked-changes", "bookmark", "change", "change-start", "change-end": break
                        default: walk(c)
                        }
                    }
                }
            }
            walk(element)
            // Soft hyphens only say where a word may break.
            text.removeAll { $0 == "\u{AD}" }
            return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }
}
