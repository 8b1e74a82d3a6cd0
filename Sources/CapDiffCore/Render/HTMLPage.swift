/// One self-contained HTML page: the frame every HTML output shares (doctype, language,
/// inline style sheet, title, footer). Views supply the body's sections.
///
/// A page too long to hold (a batch run's threads) is written in three parts: `opening`, its
/// sections one by one as they are made, then `closing`; `render()` is the three at once.
struct HTMLPage {
    var title: String
    var language: Language
    var header: [HTMLNode]
    var sections: [HTMLNode]
    var footer: String

    func render() -> String {
        var out = opening(lineBreak: sections.first?.isBlock ?? false)
        for section in sections { section.render(into: &out) }
        return out + closing()
    }

    /// Everything up to and including `<main>`: the doctype, the head with the style sheet, the
    /// header. `lineBreak` after `<main>` when the first section is a block element (as every
    /// view's sections are).
    func opening(lineBreak: Bool = true) -> String {
        let lang = HTMLPage.lang(language) ?? "en"
        // xmlns makes the file valid XHTML when read as XML; browsers reading it as HTML
        // ignore it. No XML declaration: HTML parsers would take it for a comment.
        var out = "<!DOCTYPE html>\n"
        out += HTMLNode.startTag("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", lang), ("xml:lang", lang)]) + "\n"
        HTMLNode.tag("head", [], [
            .tag("meta", [("charset", "utf-8")]),
            .tag("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
            .tag("meta", [("name", "generator"), ("content", "capdiff")]),
            .tag("title", [], title),
            .styleSheet(HTMLStyle.css),
        ]).render(into: &out)
        out += HTMLNode.startTag("body", []) + "\n"
        HTMLNode.tag("header", [], [.tag("h1", [], title)] + header).render(into: &out)
        return out + HTMLNode.startTag("main", []) + (lineBreak ? "\n" : "")
    }

    /// Everything after the sections: `</main>`, the footer, the end of the page.
    func closing() -> String {
        var out = HTMLNode.endTag("main")
        HTMLNode.tag("footer", [], [.tag("p", [], footer)]).render(into: &out)
        return out + HTMLNode.endTag("body") + HTMLNode.endTag("html")
    }

    /// The `lang` attribute for text in a language (nil for mixed: no claim is better than a wrong one).
    static func lang(_ language: Language) -> String? {
        language == .mixed ? nil : language.rawValue
    }
}
