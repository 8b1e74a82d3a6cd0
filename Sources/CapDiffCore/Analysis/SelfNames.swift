import Foundation

/// The writer's own name, as the document gives it in its title ("Harborline Digital:
/// capability outline", «Команда «Сибирь Инфлюенс» — роли») or its signature ("Redwood &
/// Finch"): outlines often say "Harborline runs paid social" or "Led by Harborline" where
/// they could have said "we".
enum SelfNames {
    /// Words that introduce a name rather than being one.
    static let generic: Set<String> = ["subject", "тема", "re", "fwd", "the", "команда", "агентство", "студия", "компания",
                                       "продакшн-студия", "team", "agency", "studio"]

    /// Name candidates, as texts.
    static func find(in outline: Outline) -> [String] {
        var names: [String] = []
        if let title = outline.units.first, title.kind == .title {
            names += fromTitle(title.text)
        }
        if let last = outline.units.last, last.kind == .prose, let name = signature(last.text) {
            names.append(name)
        }
        // "Harborline Digital" is often just "Harborline".
        for name in names {
            let words = name.split(whereSeparator: \.isWhitespace)
            if words.count > 1, words[0].count >= 4, !generic.contains(words[0].lowercased()) { names.append(String(words[0])) }
        }
        return names.filter { !$0.isEmpty }
    }

    /// The part of a title before its first separator; a name in «» or "" wins.
    static func fromTitle(_ text: String) -> [String] {
        var head = Substring(text)
        for prefix in ["Subject:", "Тема:"] where head.hasPrefix(prefix) { head = head.dropFirst(prefix.count) }
        // A title naming both partners ("Lakeshore / Sever: roles", "Linen x Sever") names nobody alone.
        if head.contains(" / ") || head.contains(" x ") || head.contains(" × ") || head.contains(" и ") { return [] }
        if let open = head.firstIndex(where: { $0 == "«" || $0 == "\"" || $0 == "“" }),
           let close = head[head.index(after: open)...].firstIndex(where: { $0 == "»" || $0 == "\"" || $0 == "”" }) {
            let quoted = head[head.index(after: open)..<close].trimmingWhitespace()
            if isName(quoted) { return [String(quoted)] }
        }
        let separators: [Character] = [":", "—", "–", "(", "|", ",", "·"]
        if let cut = head.firstIndex(where: separators.contains) { head = head[..<cut] }
        if let dash = head.range(of: " - ") { head = head[..<dash.lowerBound] }
        var words = head.split(whereSeparator: \.isWhitespace)
        while let first = words.first, generic.contains(first.lowercased()) { words.removeFirst() }
        let name = words.joined(separator: " ")
        return isName(Substring(name)) ? [name] : []
    }

    /// A closing line that is only a name ("Pinecrest Communications", «Север Медиа»).
    static func signature(_ text: String) -> String? {
        let stripped = text.trimmingCharacters(in: CharacterSet(charactersIn: "«»\"“” "))
        return isName(Substring(stripped)) ? stripped : nil
    }

    /// One to four words, each starting with a capital letter (or "&"), and no sentence end.
    static func isName(_ text: Substring) -> Bool {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard (1...4).contains(words.count), !".!?".contains(text.last ?? ".") else { return false }
        return words.allSatisfy { $0 == "&" || ($0.first?.isUppercase ?? false) }
    }
}
