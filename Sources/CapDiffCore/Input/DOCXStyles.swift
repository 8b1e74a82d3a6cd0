/// The paragraph styles of a DOCX (word/styles.xml), as far as capdiff needs them: which
/// styles are headings, and which number their paragraphs as a list. Styles inherit from the
/// style they are based on.
struct DOCXStyles {
    private struct Style {
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
        var numbering: DOCXNumbering.Reference?
    }

    private var styles: [String: Style] = [:]

    /// `root` is styles.xml's w:styles element; a DOCX may have none.
    init(_ root: XMLElement?) {
        for style in root?.elements("style") ?? [] where style.attributes["type"] ?? "paragraph" == "paragraph" {
            guard let id = style.attributes["styleId"] else { continue }
            let properties = style.elements("pPr").first
            styles[id] = Style(name: style.elements("name").first?.attributes["val"],
                               basedOn: style.elements("basedOn").first?.attributes["val"],
                               outlineLevel: properties.flatMap(Self.outlineLevel),
                               numbering: properties.flatMap(DOCXNumbering.Reference.init))
        }
    }

    /// A heading's level (1–6) from its style: "heading N" or "Title" by name (Word's names
    /// are English whatever the user's language), else the style's outline level. Without
    /// styles.xml, Word's style ids ("Heading2", "Title") are enough.
    func headingLevel(style id: String) -> Int? {
        for style in chain(id) {
            if let name = style.name?.lowercased() {
                if name == "title" { return 1 }
                if name.hasPrefix("heading "), let level = Int(name.dropFirst("heading ".count)) { return min(level, 6) }
            }
            if let level = style.outlineLevel { return level }
        }
        if styles[id] == nil {
            if id == "Title" { return 1 }
            if id.hasPrefix("Heading"), let level = Int(id.dropFirst("Heading".count)) { return min(level, 6) }
        }
        return nil
    }

    /// The list a style numbers its paragraphs in, if any.
    func numbering(style id: String) -> DOCXNumbering.Reference? {
        chain(id).lazy.compactMap(\.numbering).first
    }

    /// The style and those it is based on, nearest first (bounded: a cycle would loop).
    private func chain(_ id: String) -> [Style] {
        var result: [Style] = []
        var next: String? = id
        while let current = next, let style = styles[current], result.count < 10 {
            result.append(style)
            next = style.basedOn
        }
        return result
    }

    /// A paragraph property's outline level (w:outlineLvl 0–8) as a heading level; 9 is body text.
    static func outlineLevel(_ properties: XMLElement) -> Int? {
        guard let value = properties.elements("outlineLvl").first?.attributes["val"].flatMap({ Int($0) }),
              (0...8).contains(value) else { return nil }
        return min(value + 1, 6)
    }
}
