/// A DOCX's list numbering (word/numbering.xml): what marker each numbered paragraph shows.
/// Word stores no numbers, only counters' definitions (start, format, a text such as
/// "%1.%2."), so the markers are counted here, in document order, per list (w:num).
struct DOCXNumbering {
    /// A paragraph's place in a list: w:numPr's list id and level.
    struct Reference: Equatable {
        var list: String
        var level: Int

        /// From paragraph (or style) properties; nil without w:numPr, or with list id 0,
        /// which Word writes to take a paragraph out of its style's list.
        init?(_ properties: XMLElement) {
            guard let numbering = properties.elements("numPr").first,
                  let list = numbering.elements("numId").first?.attributes["val"], list != "0" else { return nil }
            self.list = list
            level = numbering.elements("ilvl").first?.attributes["val"].flatMap { Int($0) } ?? 0
        }
    }

    private struct Level {
        var format = "decimal"
        var text = ""
        var start = 1
    }

    /// Each list's levels, by list id and level.
    private var levels: [String: [Int: Level]] = [:]
    /// Each list's counters so far, by level.
    private var counters: [String: [Int: Int]] = [:]

    /// `root` is numbering.xml's w:numbering element; a DOCX may have none (then every list
    /// item is a bullet).
    init(_ root: XMLElement?) {
        guard let root else { return }
        var abstract: [String: [Int: Level]] = [:]
        for definition in root.elements("abstractNum") {
            guard let id = definition.attributes["abstractNumId"] else { continue }
            abstract[id] = Self.levels(definition)
        }
        for list in root.elements("num") {
            guard let id = list.attributes["numId"],
                  let base = list.elements("abstractNumId").first?.attributes["val"] else { continue }
            var resolved = abstract[base] ?? [:]
            for override in list.elements("lvlOverride") {
                guard let level = override.attributes["ilvl"].flatMap({ Int($0) }) else { continue }
                if let start = override.elements("startOverride").first?.attributes["val"].flatMap({ Int($0) }) {
                    resolved[level, default: Level()].start = start
                }
                if let redefined = Self.levels(override)[level] { resolved[level] = redefined }
            }
            levels[id] = resolved
        }
    }

    private static func levels(_ element: XMLElement) -> [Int: Level] {
        var result: [Int: Level] = [:]
        for level in element.elements("lvl") {
            guard let index = level.attributes["ilvl"].flatMap({ Int($0) }) else { continue }
            result[index] = Level(format: level.elements("numFmt").first?.attributes["val"] ?? "decimal",
                                  text: level.elements("lvlText").first?.attributes["val"] ?? "",
                                  start: level.elements("start").first?.attributes["val"].flatMap { Int($0) } ?? 1)
        }
        return result
    }

    /// Counts the next item of a list and returns its marker ("1.", "2.1", "b)"; "-" for a
    /// bullet or a list numbering.xml does not define).
    mutating func marker(for reference: Reference) -> String {
        guard let definition = levels[reference.list], let level = definition[reference.level],
              level.format != "bullet", level.format != "none" else { return "-" }
        var count = counters[reference.list, default: [:]]
        count[reference.level] = (count[reference.level] ?? level.start - 1) + 1
        // A new item at a level restarts the levels below it.
        for deeper in count.keys where deeper > reference.level { count[deeper] = nil }
        counters[reference.list] = count
        var marker = level.text
        for index in 0...reference.level {
            let style = CounterStyle(wordFormat: definition[index]?.format ?? "decimal")
            let value = count[index] ?? definition[index]?.start ?? 1
            marker = marker.replacingOccurrences(of: "%\(index + 1)", with: style.format(value))
        }
        return marker.isEmpty ? "-" : marker
    }
}
