/// The text of an HTML mail part, one line per block (paragraph, line break, list item, table
/// row, heading), through libxml2's HTML parser (`XMLTree`). Quoted text is left out — a
/// <blockquote>, and the quote containers of Gmail ("gmail_quote") and Yahoo ("yahoo_quoted") —
/// and so are <head>, <script> and <style>. List items become "- " items and headings
/// Markdown headings, so the outline reader sees their structure.
///
/// A small step of the mail reader's own: the readers branch's HTML reader turns whole
/// documents into outlines; this one only needs a message's lines with their source lines.
enum HTMLText {
    static func lines(_ html: MailText, path: String) -> MailText {
        let source = html.joined
        let root: XMLElement
        do {
            root = try XMLTree.parse(Array(source.utf8), html: true, path: path, encoding: "UTF-8")
        } catch {
            return strippedTags(html)
        }
        var builder = Builder()
        builder.walk(root)
        builder.flush()
        return MailText(lines: builder.lines.map { line in
            let index = min(max(line.source - 1, 0), max(html.lines.count - 1, 0))
            return MailText.Line(text: line.text, fileLine: html.lines.isEmpty ? 1 : html.lines[index].fileLine)
        })
    }

    static let skipped: Set<String> = ["head", "script", "style", "title", "template", "noscript", "blockquote"]
    static let blocks: Set<String> = [
        "p", "div", "li", "tr", "table", "ul", "ol", "dl", "dt", "dd", "pre", "hr", "section", "article",
        "header", "footer", "address", "center", "form", "fieldset", "figure", "figcaption", "main", "nav",
        "h1", "h2", "h3", "h4", "h5", "h6", "body", "html",
    ]

    private struct Builder {
        var lines: [(text: String, source: Int)] = []
        var current = ""
        var currentSource = 1

        mutating func walk(_ element: XMLElement) {
            let name = element.name.lowercased()
            if HTMLText.skipped.contains(name) { return }
            let classes = (element.attributes["class"] ?? "").lowercased()
            if classes.contains("gmail_quote") || classes.contains("yahoo_quoted") { return }
            if name == "br" {
                flush(paragraph: false)
                return
            }
            let block = HTMLText.blocks.contains(name)
            if block { flush() }
            if name == "li" { current = "- "; currentSource = element.line }
            if name.count == 2, name.first == "h", let level = Int(String(name.last!)), (1...6).contains(level) {
                current = String(repeating: "#", count: level) + " "
                currentSource = element.line
            }
            // Text nodes carry no line of their own: each starts where the element before it
            // (or its parent) does, plus the newlines it starts with.
            var line = element.line
            for child in element.children {
                switch child {
                case .text(let text):
                    let leading = text.prefix { $0.isWhitespace }.filter { $0 == "\n" || $0 == "\r\n" }.count
                    append(text, line: line + leading)
                    line += text.filter { $0 == "\n" || $0 == "\r\n" }.count
                case .element(let e):
                    if e.name.lowercased() == "td" || e.name.lowercased() == "th", !current.isEmpty { append(" | ", line: e.line) }
                    walk(e)
                    line = max(line, e.line)
                }
            }
            if block { flush() }
        }

        mutating func append(_ text: String, line: Int) {
            // HTML collapses runs of whitespace into one space.
            var collapsed = ""
            var lastSpace = current.isEmpty || current.last == " "
            for c in text {
                if c.isWhitespace {
                    if !lastSpace { collapsed.append(" ") }
                    lastSpace = true
                } else {
                    collapsed.append(c)
                    lastSpace = false
                }
            }
            guard !collapsed.isEmpty else { return }
            if current.isEmpty || current == "- " || current.hasSuffix("# ") { currentSource = line }
            current += collapsed
        }

        /// Ends the current line; a block also ends its paragraph (one blank line between blocks
        /// keeps them apart for the outline reader), a <br> only the line.
        mutating func flush(paragraph: Bool = true) {
            let text = current.trimmingWhitespace()
            if !text.isEmpty, text != "-" {
                lines.append((String(text), currentSource))
            }
            if paragraph, lines.last.map({ !$0.text.isEmpty }) ?? false {
                lines.append(("", currentSource))
            }
            current = ""
        }
    }

    /// When libxml2 refuses the markup: the text with its tags removed.
    static func strippedTags(_ html: MailText) -> MailText {
        var inTag = false
        return MailText(lines: html.lines.map { line in
            var out = ""
            for c in line.text {
                if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
            }
            return MailText.Line(text: out, fileLine: line.fileLine)
        })
    }
}
