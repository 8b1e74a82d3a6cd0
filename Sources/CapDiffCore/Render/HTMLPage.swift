/// One self-contained HTML page: the frame every HTML output shares (doctype, language,
/// inline style sheet, title, footer). Views supply the body's sections.
struct HTMLPage {
    var title: String
    var language: Language
    var header: [HTMLNode]
    var sections: [HTMLNode]
    var footer: String

    func render() -> String {
        let lang = HTMLPage.lang(language) ?? "en"
        // xmlns makes the file valid XHTML when read as XML; browsers reading it as HTML
        // ignore it. No XML declaration: HTML parsers would take it for a comment.
        let html = HTMLNode.tag("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", lang), ("xml:lang", lang)], [
            .tag("head", [], [
                .tag("meta", [("charset", "utf-8")]),
                .tag("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                .tag("meta", [("name", "generator"), ("content", "capdiff")]),
                .tag("title", [], title),
                .styleSheet(HTMLStyle.css),
            ]),
            .tag("body", [], [
                .tag("header", [], [.tag("h1", [], title)] + header),
                .tag("main", [], sections),
                .tag("footer", [], [.tag("p", [], footer)]),
            ]),
        ])
        var out = "<!DOCTYPE html>\n"
        html.render(into: &out)
        return out
    }

    /// The `lang` attribute for text in a language (nil for mixed: no claim is better than a wrong one).
    static func lang(_ language: Language) -> String? {
        language == .mixed ? nil : language.rawValue
    }
}
