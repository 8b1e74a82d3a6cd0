/// The partner playbook as one self-contained HTML page (the same page frame and style sheet
/// as the reports): one language as headed lists, or both side by side, each item beside its
/// translation so the two teams can point at the same line.
public struct PlaybookHTML {
    public var glossary: Glossary
    /// `[.en]`, `[.ru]`, or `[.en, .ru]` for side by side.
    public var languages: [Language]

    public init(glossary: Glossary, languages: [Language]) {
        self.glossary = glossary
        self.languages = languages.isEmpty ? [.en] : languages
    }

    public func render(_ playbook: Playbook) -> String {
        let texts = languages.map { PlaybookText(playbook, glossary: glossary, language: $0) }
        let first = texts[0]
        // The page's language is the first one; anything in another language says so.
        func lang(_ text: PlaybookText) -> String? { text.language == first.language ? nil : text.language.rawValue }
        let sections = texts.map(\.sections)
        let body = sections[0].indices.map { index in
            let parts = sections.map { $0[index] }
            var children: [HTMLNode]
            if texts.count == 1 {
                children = [.tag("h2", [], "\(index + 1). " + parts[0].title),
                            .tag("ul", [], parts[0].items.map { item in
                                .tag("li", [("data-function", item.key?.function), ("data-scope", item.key?.scope)], inline(item.runs))
                            })]
            } else {
                children = [pair(zip(parts, texts).map { part, text in .tag("h2", [("lang", lang(text))], "\(index + 1). " + part.title) })]
                children += parts[0].items.indices.map { item in
                    pair(zip(parts, texts).map { part, text in
                        .tag("p", [("lang", lang(text)), ("data-function", part.items[item].key?.function), ("data-scope", part.items[item].key?.scope)], inline(part.items[item].runs))
                    })
                }
            }
            return HTMLNode.tag("section", [("class", "playbook"), ("id", parts[0].part.rawValue)], children)
        }
        let header = texts.dropFirst().map { HTMLNode.tag("p", [("class", "subtitle"), ("lang", lang($0))], $0.title) }
            + texts.map { HTMLNode.tag("p", [("class", "meta"), ("lang", lang($0))], $0.source) }
        return HTMLPage(title: first.title, language: first.language, header: header, sections: body,
                        footer: first.language == .ru ? "Подготовлено capdiff." : "Made by capdiff.").render()
    }

    private func pair(_ cells: [HTMLNode]) -> HTMLNode {
        .tag("div", [("class", "pair")], cells)
    }

    private func inline(_ runs: [PlaybookText.Run]) -> [HTMLNode] {
        runs.map { run in
            switch run {
            case .plain(let text): .text(text)
            case .strong(let text): .tag("strong", [], text)
            case .quote(let text, let language): .tag("q", [("lang", HTMLPage.lang(language))], text)
            }
        }
    }
}
