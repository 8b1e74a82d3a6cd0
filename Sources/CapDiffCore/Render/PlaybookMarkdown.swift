/// The partner playbook as Markdown, for pasting into email, chat or a shared doc: one
/// language as headed lists, or both side by side as two-column tables, one row per item.
public struct PlaybookMarkdown {
    public var glossary: Glossary
    /// `[.en]`, `[.ru]`, or `[.en, .ru]` for side by side.
    public var languages: [Language]

    public init(glossary: Glossary, languages: [Language]) {
        self.glossary = glossary
        self.languages = languages.isEmpty ? [.en] : languages
    }

    public func render(_ playbook: Playbook) -> String {
        let texts = languages.map { PlaybookText(playbook, glossary: glossary, language: $0) }
        var lines = ["# " + Self.escape(texts.map(\.title).joined(separator: " · ")), ""]
        lines += texts.map { Self.escape($0.source) }
        let sections = texts.map(\.sections)
        for index in sections[0].indices {
            let parts = sections.map { $0[index] }
            lines += ["", "## \(index + 1). " + Self.escape(parts.map(\.title).joined(separator: " · ")), ""]
            if texts.count == 1 {
                lines += parts[0].items.map { "- " + inline($0.runs, texts[0].language) }
            } else {
                lines.append("| " + texts.map { $0.language == .ru ? "Русский" : "English" }.joined(separator: " | ") + " |")
                lines.append("|" + String(repeating: "---|", count: texts.count))
                for item in parts[0].items.indices {
                    let cells = zip(parts, texts).map { part, text in inline(part.items[item].runs, text.language) }
                    lines.append("| " + cells.joined(separator: " | ") + " |")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs as Markdown; quotes take the quotation marks of the language they sit in.
    func inline(_ runs: [PlaybookText.Run], _ language: Language) -> String {
        runs.map { run in
            switch run {
            case .plain(let text): Self.escape(text)
            case .strong(let text): "**" + Self.escape(text) + "**"
            case .quote(let text, _): (language == .ru ? "«" : "“") + Self.escape(text) + (language == .ru ? "»" : "”")
            }
        }.joined()
    }

    /// Escapes what Markdown would read as markup, including `|` (tables), and folds line breaks.
    static func escape(_ text: String) -> String {
        var out = ""
        for char in text {
            switch char {
            case "\\", "*", "_", "`", "[", "]", "<", "|": out += "\\" + String(char)
            case "\n", "\r", "\r\n": out += " "
            default: out.append(char)
            }
        }
        return out
    }
}
