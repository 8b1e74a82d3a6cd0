import Foundation

/// Reads a PowerPoint deck (PPTX: a ZIP archive of slide XML parts) into an outline: slides in
/// the presentation's order, each slide's title placeholder a heading, its text in shape order
/// with bullet paragraphs as list items (items of every level under the slide's title, as nested
/// lists are read in every other format), tables as rows under a header; speaker notes only
/// when asked (`--notes`). Dates, footers and slide numbers are left out.
///
/// A unit's line is a running line through the deck; the outline's `PageMap` (of slides) says
/// which slide and which line of it ("slide 4, line 2"): the slide's non-empty paragraphs
/// counted in reading order, the title first, a table row one line, notes after the slide's text.
enum PPTXReader {
    static let presentationPart = "ppt/presentation.xml"
    static let slideType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide"
    static let notesType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide"

    static func read(_ archive: BoundedZIP, path: String, notes: Bool) throws(Diagnostic) -> Outline {
        func part(_ name: String) throws(Diagnostic) -> XMLElement? {
            guard let bytes = try archive.read(name) else { return nil }
            return try XMLTree.parse(bytes, html: false, path: "\(path) (\(name))")
        }
        guard let presentation = try part(presentationPart) else {
            throw .error(path, "is a ZIP archive without \(presentationPart), so not a PowerPoint deck; save it as .pptx")
        }
        let relations = try part("ppt/_rels/presentation.xml.rels").map(Self.relations) ?? [:]
        var slides: [String] = []
        for id in presentation.descendants("sldId") {
            // r:id and id share a local name; the relationship's is the one the rels part knows.
            if let target = id.attributes.values.lazy.compactMap({ relations[$0] }).first, target.type == slideType {
                slides.append(resolve(target.target, from: "ppt/"))
            }
        }
        if slides.isEmpty {
            slides = relations.values.filter { $0.type == slideType }.map { resolve($0.target, from: "ppt/") }
                .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        }
        var walker = Walker()
        var ends: [Int] = []
        for name in slides {
            guard let slide = try part(name) else { continue }
            walker.slide(slide)
            if notes, let rels = try part(relationsPart(of: name)).map(Self.relations),
               let target = rels.values.first(where: { $0.type == notesType }),
               let notesSlide = try part(resolve(target.target, from: directory(of: name))) {
                walker.notes(notesSlide)
            }
            walker.endSlide()
            ends.append(walker.line)
        }
        var outline = OutlineReader().read(blocks: walker.blocks, path: path)
        outline.pages = PageMap(kind: .slide, ends: ends)
        return outline
    }

    // MARK: Parts and relationships

    struct Relation {
        var type: String
        var target: String
    }

    /// A rels part: relationship id → its type and target.
    static func relations(_ root: XMLElement) -> [String: Relation] {
        var result: [String: Relation] = [:]
        for r in root.elements("Relationship") {
            guard let id = r.attributes["Id"], let target = r.attributes["Target"] else { continue }
            result[id] = Relation(type: r.attributes["Type"] ?? "", target: target)
        }
        return result
    }

    static func directory(of part: String) -> String {
        part.split(separator: "/").dropLast().map { $0 + "/" }.joined()
    }

    static func relationsPart(of part: String) -> String {
        directory(of: part) + "_rels/" + (part.split(separator: "/").last.map(String.init) ?? "") + ".rels"
    }

    /// A relationship's target as a part name: relative to `base` ("ppt/slides/"), ".." resolved.
    static func resolve(_ target: String, from base: String) -> String {
        var components = target.hasPrefix("/") ? [] : base.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = components.popLast() } else if piece != "." { components.append(String(piece)) }
        }
        return components.joined(separator: "/")
    }

    // MARK: Slides

    private struct Walker {
        var blocks: [OutlineBlock] = []
        /// Running lines so far.
        var line = 0
        private var counters: [Int: Int] = [:]

        mutating func slide(_ slide: XMLElement) {
            guard let tree = slide.elements("cSld").first?.elements("spTree").first else { return }
            let shapes = Self.shapes(tree)
            // The title first, then the other shapes in the slide's order.
            for shape in shapes where Self.isTitle(shape) { title(shape) }
            for shape in shapes where !Self.isTitle(shape) { content(shape) }
        }

        mutating func notes(_ notes: XMLElement) {
            guard let tree = notes.elements("cSld").first?.elements("spTree").first else { return }
            for shape in Self.shapes(tree) where Self.placeholder(shape)?.type == "body" { content(shape, bulletsByDefault: false) }
        }

        mutating func endSlide() {
            counters = [:]
        }

        /// Shapes and tables in order, groups opened.
        static func shapes(_ tree: XMLElement) -> [XMLElement] {
            tree.elements().flatMap { child -> [XMLElement] in
                switch child.name {
                case "sp", "graphicFrame": [child]
                case "grpSp": shapes(child)
                // mc:AlternateContent: the choice PowerPoint understands, else the fallback.
                case "AlternateContent": (child.elements("Choice").first ?? child.elements("Fallback").first).map(shapes) ?? []
                default: []
                }
            }
        }

        static func placeholder(_ shape: XMLElement) -> (type: String, isPlaceholder: Bool)? {
            guard let ph = shape.elements("nvSpPr").first?.elements("nvPr").first?.elements("ph").first else { return nil }
            // A placeholder without a type is a content ("obj") placeholder.
            return (ph.attributes["type"] ?? "obj", true)
        }

        static func isTitle(_ shape: XMLElement) -> Bool {
            ["title", "ctrTitle"].contains(placeholder(shape)?.type ?? "")
        }

        mutating func title(_ shape: XMLElement) {
            let lines = Self.paragraphs(shape).map(\.text).filter { !$0.isEmpty }
            guard !lines.isEmpty else { return }
            line += 1
            blocks.append(.heading(level: 1, SourceLine(text: lines.joined(separator: " "), line: line, bold: true)))
        }

        mutating func content(_ shape: XMLElement, bulletsByDefault: Bool? = nil) {
            if shape.name == "graphicFrame" {
                for table in shape.descendants("tbl") { self.table(table) }
                return
            }
            let type = Self.placeholder(shape)?.type
            // Dates, footers, slide numbers and headers repeat on every slide and say nothing.
            if let type, ["dt", "ftr", "sldNum", "hdr", "sldImg"].contains(type) { return }
            // Body and content placeholders are bulleted unless a paragraph says otherwise;
            // text boxes only where a paragraph asks for a bullet.
            let bulleted = bulletsByDefault ?? (type == "body" || type == "obj")
            for paragraph in Self.paragraphs(shape) where !paragraph.text.isEmpty {
                line += 1
                let source = SourceLine(text: paragraph.text, line: line, bold: paragraph.bold)
                let bullet = paragraph.bullet ?? (bulleted ? .char : nil)
                switch bullet {
                case .char?:
                    counters[paragraph.level] = nil
                    blocks.append(.item(marker: "-", [source]))
                case .number(let style, let suffix, let start)?:
                    let n = (counters[paragraph.level] ?? start - 1) + 1
                    counters[paragraph.level] = n
                    for deeper in counters.keys where deeper > paragraph.level { counters[deeper] = nil }
                    blocks.append(.item(marker: style.format(n) + suffix, [source]))
                case nil:
                    blocks.append(.paragraph([source]))
                }
            }
        }

        mutating func table(_ table: XMLElement) {
            var rows: [OutlineBlock.TableRow] = []
            for row in table.elements("tr") {
                let cells = row.elements("tc").map { cell in
                    Self.paragraphs(cell).map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
                }
                guard cells.contains(where: { !$0.isEmpty }) else { continue }
                line += 1
                rows.append(.init(cells: cells, line: line))
            }
            if !rows.isEmpty { blocks.append(.table(rows)) }
        }

        enum Bullet {
            case char
            case number(CounterStyle, suffix: String, start: Int)
        }

        struct Paragraph {
            var text: String
            var level: Int
            /// Set when the paragraph says: a bullet character or number, or none (buNone: `.some(nil)`).
            var bullet: Bullet??
            var bold: Bool
        }

        /// A shape's (or a table cell's) paragraphs: a:p in its a:txBody, text runs, fields
        /// and line breaks read as spaces.
        static func paragraphs(_ container: XMLElement) -> [Paragraph] {
            guard let body = container.elements("txBody").first else { return [] }
            return body.elements("p").map { p in
                let properties = p.elements("pPr").first
                var bullet: Bullet?? = nil
                if properties?.elements("buNone").first != nil {
                    bullet = .some(nil)
                } else if let number = properties?.elements("buAutoNum").first {
                    bullet = .some(Self.number(number))
                } else if properties?.elements("buChar").first != nil || properties?.elements("buBlip").first != nil {
                    bullet = .some(.char)
                }
                var text = ""
                var runs = 0, boldRuns = 0
                for child in p.elements() {
                    switch child.name {
                    case "r", "fld":
                        let t = child.elements("t").first?.text ?? ""
                        text += t
                        if t.contains(where: { !$0.isWhitespace }) {
                            runs += 1
                            if ["1", "true"].contains(child.elements("rPr").first?.attributes["b"] ?? "") { boldRuns += 1 }
                        }
                    case "br": text += " "
                    default: break
                    }
                }
                return Paragraph(text: text.split(whereSeparator: \.isWhitespace).joined(separator: " "),
                                 level: properties?.attributes["lvl"].flatMap { Int($0) } ?? 0,
                                 bullet: bullet, bold: runs > 0 && boldRuns == runs)
            }
        }

        /// a:buAutoNum's scheme ("arabicPeriod", "alphaLcParenR", "romanUcPeriod"…).
        static func number(_ element: XMLElement) -> Bullet {
            let scheme = element.attributes["type"] ?? "arabicPeriod"
            let style: CounterStyle = scheme.hasPrefix("alphaLc") ? .lowerLetter : scheme.hasPrefix("alphaUc") ? .upperLetter
                : scheme.hasPrefix("romanLc") ? .lowerRoman : scheme.hasPrefix("romanUc") ? .upperRoman : .decimal
            let suffix = scheme.hasSuffix("ParenR") || scheme.hasSuffix("ParenBoth") ? ")" : scheme.hasSuffix("Plain") ? "" : "."
            return .number(style, suffix: suffix, start: element.attributes["startAt"].flatMap { Int($0) } ?? 1)
        }
    }
}
