/// `capdiff drift` in a terminal: each drifting clause with a one-line reason per drift, then
/// the source and the translation side by side with the differing words marked (in colour, or
/// in [brackets] without it), then a summary. Every line fits the width.
public struct DriftTextRenderer {
    public var style: TextStyle

    public init(style: TextStyle) {
        self.style = style
    }

    public func render(_ report: DriftReport) -> String {
        var lines = [fit("\(report.source.path) (\(report.source.language.rawValue))  →  \(report.translation.path) (\(report.translation.language.rawValue))", style.width)]
        for clause in report.clauses {
            lines.append("")
            for item in clause.items {
                let head = "\(clause.clause)  " + style.paint(item.kind.rawValue, Self.color(item.kind)) + "  "
                let headWidth = displayWidth("\(clause.clause)  \(item.kind.rawValue)  ")
                lines.append(head + fit(item.reason, style.width - headWidth))
            }
            lines += sideBySide(clause, report: report)
        }
        lines += [""] + wrap(Self.summary(report), width: style.width)
        return lines.joined(separator: "\n") + "\n"
    }

    static func color(_ kind: DriftKind) -> TextStyle.Color {
        switch kind {
        case .omission, .addition: .magenta
        case .negation, .modality, .party: .red
        case .number, .date: .yellow
        case .stance, .function, .name: .cyan
        }
    }

    // MARK: Side by side

    /// How a marked value looks in colour.
    private static let highlight = "\u{1B}[\(TextStyle.Color.yellow.rawValue)m"

    /// Zero-width stand-ins for the start and end of a marked value while wrapping.
    private static let open: Character = "\u{1}", close: Character = "\u{2}"

    private func sideBySide(_ clause: ClauseDrift, report: DriftReport) -> [String] {
        let gutter = " │ "
        let column = max(16, (style.width - 2 - displayWidth(gutter)) / 2)
        func side(_ text: ClauseText?, _ path: String, _ values: [String]) -> [String] {
            guard let text else { return [style.paint("(no counterpart)", .dim)] }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return [style.paint(fit("\(name):\(text.line)", column), .dim)] + wrap(Self.mark(text.text, values), width: column)
        }
        let left = side(clause.source, report.source.path, clause.items.map(\.source))
        let right = side(clause.translation, report.translation.path, clause.items.map(\.translation))
        return (0..<max(left.count, right.count)).map { i in
            let l = i < left.count ? left[i] : "", r = i < right.count ? right[i] : ""
            return ("  " + l + String(repeating: " ", count: max(0, column - visibleWidth(l))) + style.paint(gutter, .dim) + r)
                .trimmingTrailingSpaces()
        }
    }

    /// The text with each value's first occurrence between the zero-width markers.
    static func mark(_ text: String, _ values: [String]) -> String {
        var marked = text
        for value in Set(values) where !value.isEmpty {
            // An omitted or added clause is marked whole by the column itself.
            guard value != text, let range = marked.range(of: value) else { continue }
            marked.replaceSubrange(range, with: String(open) + value + String(close))
        }
        return marked
    }

    /// Word-wraps marked text to `width` visible columns, then turns the markers into colour or
    /// brackets.
    private func wrap(_ text: String, width: Int) -> [String] {
        let bracket = !style.color
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var w = String(word)
            var length = w.reduce(0) { $0 + ($1 == Self.open || $1 == Self.close ? (bracket ? 1 : 0) : displayWidth(String($1))) }
            while length > width {
                // A word longer than the column is cut.
                if !line.isEmpty { lines.append(line); line = ""; used = 0 }
                let head = String(w.prefix(width))
                lines.append(head)
                w = String(w.dropFirst(width))
                length -= width
            }
            if used > 0, used + 1 + length > width {
                lines.append(line)
                line = ""
                used = 0
            }
            line += (used > 0 ? " " : "") + w
            used += (used > 0 ? 1 : 0) + length
        }
        if !line.isEmpty { lines.append(line) }
        // A value cut across lines is closed and reopened at each line end.
        var inside = false
        return lines.map { raw in
            var out = inside ? (bracket ? "" : Self.highlight) : ""
            for char in raw {
                switch char {
                case Self.open: inside = true; out += bracket ? "[" : Self.highlight
                case Self.close: inside = false; out += bracket ? "]" : "\u{1B}[0m"
                default: out.append(char)
                }
            }
            if inside, !bracket { out += "\u{1B}[0m" }
            return out
        }
    }

    /// Width on screen, not counting colour codes.
    private func visibleWidth(_ text: String) -> Int {
        var width = 0
        var escape = false
        for char in text {
            if char == "\u{1B}" { escape = true; continue }
            if escape { if char == "m" { escape = false }; continue }
            width += displayWidth(String(char))
        }
        return width
    }

    // MARK: Summary

    static func summary(_ report: DriftReport) -> String {
        let items = report.items
        let kinds = DriftKind.allCases.compactMap { kind -> String? in
            let n = items.filter { $0.kind == kind }.count
            return n == 0 ? nil : "\(n) \(kind.rawValue)"
        }
        let aligned = "\(report.sourceClauses) source and \(report.translationClauses) translation clauses, \(report.alignedPairs) pairs aligned"
        guard !items.isEmpty else { return "Summary: no drift (\(aligned))." }
        return "Summary: \(items.count) drift\(items.count == 1 ? "" : "s") in \(report.clauses.count) clause\(report.clauses.count == 1 ? "" : "s") (\(kinds.joined(separator: ", "))); \(aligned)."
    }
}
