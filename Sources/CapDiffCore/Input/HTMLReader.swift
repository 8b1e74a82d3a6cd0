/// Reads HTML and XHTML (through libxml2's HTML parser, which decodes entities and forgives
/// sloppy markup) into an outline: h1–h6 are headings, p, div and other block elements
/// paragraphs, li items (numbered as the list counts them), tables rows under a header (the
/// first row), dt a label over its dd items. The head, scripts and styles are dropped, and so is
/// a web page's chrome: navigation, header and footer, cookie banners, forms, hidden elements
/// (`PageChrome`). Each unit's line is the source line where libxml2 saw its text start.
enum HTMLReader {
    static func read(_ bytes: [UInt8], path: String, chromeWords: Set<String> = []) throws(Diagnostic) -> Outline {
        let encoding = encoding(of: bytes)
        var warnings: [Diagnostic] = []
        if encoding == "UTF-8", let line = SourceFile.firstInvalidUTF8Line(bytes) {
            warnings.append(.warning(path, line: line, "invalid UTF-8, decoded with replacement characters (\u{FFFD}); save the file as UTF-8 or declare its charset"))
        }
        let root = try XMLTree.parse(bytes, html: true, path: path, encoding: encoding)
        let chrome = PageChrome(words: chromeWords)
        var walker = Walker(chrome: chrome)
        if let main = chrome.mainContent(root) {
            walker.element(main)
        } else {
            walker.element(root)
        }
        walker.flush()
        return OutlineReader().read(blocks: walker.blocks, path: path, warnings: warnings)
    }

    /// The encoding to parse with: the XML declaration's (libxml2's HTML parser ignores it),
    /// else libxml2's own detection when there is a byte-order mark or a charset, else UTF-8:
    /// libxml2 would assume ISO-8859-1, the HTML 4 default, and make Russian text mojibake.
    static func encoding(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return nil
        }
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        if head.hasPrefix("<?xml"), let end = head.firstIndex(of: ">") {
            let declaration = head[..<end]
            if let range = declaration.range(of: "encoding=") {
                let value = declaration[range.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" }
                if !value.isEmpty { return String(value) }
            }
        }
        return head.contains("charset") ? nil : "UTF-8"
    }

    static let skipped: Set<String> = ["head", "script", "style", "noscript", "template", "svg", "math"]
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "details", "dialog", "div",
        "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html", "legend", "main",
        "nav", "p", "section", "summary", "td", "th", "tr", "tbody", "thead", "tfoot",
    ]

    /// Walks the tree in document order, gathering inline text into the current paragraph
    /// until a block element ends it.
    private struct Walker {
        let chrome: PageChrome
        /// How many <main> or <article> elements enclose the current one.
        var inContent = 0
        var blocks: [OutlineBlock] = []
        var text = MarkupText()
        /// How many b or strong elements enclose the current text.
        var boldDepth = 0

        /// Dispatches on the element's name; each kind of block has its own function, which
        /// keeps this frame small: it recurses once per level of nesting.
        mutating func element(_ e: XMLElement) {
            let name = e.name.lowercased()
            guard !chrome.isChrome(e, inContent: inContent > 0) else { return }
            let content = PageChrome.isContent(e)
            if content { inContent += 1 }
            defer { if content { inContent -= 1 } }
            text.enter(e)
            switch name {
            case "br": text.hardBreak()
            case "h1", "h2", "h3", "h4", "h5", "h6": heading(e, level: Int(String(name.last!))!)
            case "ul", "ol", "menu", "dir": list(e, ordered: name == "ol")
            case "li", "dd": item(e, marker: "-")
            case "dt": term(e)
            case "pre": preformatted(e)
            case "table": table(e)
            case "b", "strong": bold(e)
            case _ where HTMLReader.blockElements.contains(name): block(e)
            default: children(e)
            }
        }

        mutating func children(_ e: XMLElement) {
            for child in e.children {
                switch child {
                case .text(let t):
                    text.add(t, bold: boldDepth > 0)
                case .element(let c):
                    element(c)
                }
            }
        }

        mutating func block(_ e: XMLElement) {
            flush()
            children(e)
            flush()
        }

        mutating func bold(_ e: XMLElement) {
            boldDepth += 1
            children(e)
            boldDepth -= 1
        }

        mutating func heading(_ e: XMLElement, level: Int) {
            flush()
            if let line = Self.singleLine(e) { blocks.append(.heading(level: level, line)) }
        }

        /// A definition list's term is a label over its definitions.
        mutating func term(_ e: XMLElement) {
            flush()
            if var line = Self.singleLine(e) {
                line.bold = true
                blocks.append(.paragraph([line]))
            }
        }

        mutating func preformatted(_ e: XMLElement) {
            flush()
            var pre = MarkupText()
            pre.addAll(e, skip: HTMLReader.skipped)
            let lines = pre.preformatted
            if !lines.isEmpty { blocks.append(.lines(lines)) }
            text = MarkupText(line: pre.line)
        }

        /// Ends the current paragraph: lines set apart by <br> are read one by one.
        mutating func flush() {
            if let block = text.block { blocks.append(block) }
            text = MarkupText(line: text.line)
        }

        mutating func list(_ e: XMLElement, ordered: Bool) {
            flush()
            let style = CounterStyle(htmlType: e.attributes["type"])
            var number = e.attributes["start"].flatMap { Int($0) } ?? 1
            for child in e.children {
                if case .element(let li) = child, li.name.lowercased() == "li" {
                    if let value = li.attributes["value"].flatMap({ Int($0) }) { number = value }
                    item(li, marker: ordered ? "\(style.format(number))." : "-")
                    number += 1
                } else if case .element(let other) = child {
                    element(other)
                    flush()
                }
            }
        }

        /// An item's text is what its own paragraphs say; lists and tables nested in it follow
        /// it as items and tables of their own.
        mutating func item(_ e: XMLElement, marker: String) {
            flush()
            var inner = Walker(chrome: chrome, inContent: inContent)
            inner.text.enter(e)
            inner.children(e)
            inner.flush()
            let nested = inner.blocks.firstIndex { block in
                switch block {
                case .item, .table: true
                case .heading, .paragraph, .lines: false
                }
            } ?? inner.blocks.endIndex
            let lines = inner.blocks[..<nested].flatMap { block -> [SourceLine] in
                switch block {
                case .heading(_, let line): [line]
                case .paragraph(let lines), .lines(let lines): lines.filter { !$0.text.isEmpty }
                case .item, .table: []
                }
            }
            if !lines.isEmpty { blocks.append(.item(marker: marker, lines)) }
            blocks += inner.blocks[nested...]
            text.line = inner.text.line
        }

        mutating func table(_ e: XMLElement) {
            flush()
            var rows: [OutlineBlock.TableRow] = []
            for child in e.elements() {
                switch child.name.lowercased() {
                case "caption":
                    if let line = Self.singleLine(child) { blocks.append(.paragraph([line])) }
                case "thead", "tbody", "tfoot":
                    rows += child.elements().compactMap(Self.row)
                case "tr":
                    if let row = Self.row(child) { rows.append(row) }
                default:
                    break
                }
            }
            if !rows.isEmpty { blocks.append(.table(rows)) }
        }

        static func row(_ tr: XMLElement) -> OutlineBlock.TableRow? {
            guard tr.name.lowercased() == "tr" else { return nil }
            let cells = tr.elements().filter { ["td", "th"].contains($0.name.lowercased()) }
            let text = cells.map { singleLine($0)?.text ?? "" }
            guard text.contains(where: { !$0.isEmpty }) else { return nil }
            return OutlineBlock.TableRow(cells: text, line: tr.line)
        }

        /// An element's text on one line (headings, cells, terms).
        static func singleLine(_ e: XMLElement) -> SourceLine? {
            var text = MarkupText()
            text.addAll(e, skip: HTMLReader.skipped)
            return text.singleLine
        }
    }
}
