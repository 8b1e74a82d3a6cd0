/// HTML built as a tree rather than pasted together as strings, so that every element is
/// closed, every text and attribute is escaped, and the output parses both as HTML and as XML
/// (XHTML-compatible): the same file opens in a browser and passes an XML parser.
struct HTMLNode: Sendable {
    indirect enum Content: Sendable {
        case element(name: String, attributes: [(String, String)], children: [HTMLNode])
        case text(String)
        /// A style sheet, written as is: in HTML, `<style>` content is never unescaped, so it
        /// must hold nothing that XML would need escaped.
        case styleSheet(String)
    }

    var content: Content

    /// An element; attributes whose value is nil are left out.
    static func tag(_ name: String, _ attributes: [(String, String?)] = [], _ children: [HTMLNode] = []) -> HTMLNode {
        HTMLNode(content: .element(name: name, attributes: attributes.compactMap { key, value in value.map { (key, $0) } },
                                   children: children))
    }

    static func tag(_ name: String, _ attributes: [(String, String?)] = [], _ text: String) -> HTMLNode {
        tag(name, attributes, [.text(text)])
    }

    static func text(_ text: String) -> HTMLNode { HTMLNode(content: .text(text)) }

    static func styleSheet(_ css: String) -> HTMLNode {
        precondition(!css.contains("<") && !css.contains("&"), "a style sheet must not need escaping")
        return HTMLNode(content: .element(name: "style", attributes: [], children: [HTMLNode(content: .styleSheet(css))]))
    }

    /// Elements that never have content: written `<meta … />`, which both parsers accept.
    static let voidElements: Set<String> = ["meta", "br", "hr", "col"]

    /// Elements after which a line break keeps the output readable (and golden diffs small);
    /// whitespace between them does not change the rendering.
    static let blockElements: Set<String> = [
        "html", "head", "body", "meta", "title", "style", "header", "main", "footer", "section", "aside", "nav",
        "h1", "h2", "h3", "p", "ul", "ol", "li", "dl", "dt", "dd", "div", "table", "caption", "colgroup", "col",
        "thead", "tbody", "tr", "th", "td",
    ]

    func render(into out: inout String) {
        switch content {
        case .text(let text): out += Self.escape(text, quotes: false)
        case .styleSheet(let css): out += css
        case .element(let name, let attributes, let children):
            if Self.voidElements.contains(name) {
                out += Self.startTag(name, attributes, void: true) + "\n"
                return
            }
            out += Self.startTag(name, attributes)
            if children.first?.isBlock == true { out += "\n" }
            for child in children { child.render(into: &out) }
            out += Self.endTag(name)
        }
    }

    /// Whether this is an element a line break follows.
    var isBlock: Bool {
        if case .element(let name, _, _) = content { return Self.blockElements.contains(name) }
        return false
    }

    /// `<name a="…">` (`<name … />` for a void element), escaped: the first half of an element
    /// whose content is written piece by piece (a page streamed as its parts are made).
    static func startTag(_ name: String, _ attributes: [(String, String)], void: Bool = false) -> String {
        var out = "<" + name
        for (key, value) in attributes { out += " \(key)=\"\(escape(value, quotes: true))\"" }
        return out + (void ? " />" : ">")
    }

    /// `</name>`, and the line break after a block element.
    static func endTag(_ name: String) -> String {
        "</\(name)>" + (blockElements.contains(name) ? "\n" : "")
    }

    /// Escapes markup characters, and replaces characters XML 1.0 forbids (control characters,
    /// U+FFFE, U+FFFF), which an input document may hold, with U+FFFD.
    static func escape(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
