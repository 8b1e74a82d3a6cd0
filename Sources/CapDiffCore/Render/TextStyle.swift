/// How text output should look: the width to fit, whether to colour, which language to
/// label functions, stances and verdicts in. The executable decides it (from the terminal,
/// NO_COLOR and flags); renderers only follow it.
public struct TextStyle: Sendable {
    public var width: Int
    public var color: Bool
    public var language: Language

    public init(width: Int = 100, color: Bool = false, language: Language = .en) {
        self.width = max(40, width)
        self.color = color
        self.language = language == .ru ? .ru : .en
    }

    enum Color: String {
        case red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36", dim = "2", bold = "1"
    }

    func paint(_ text: String, _ color: Color?) -> String {
        guard self.color, let color, !text.isEmpty else { return text }
        return "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m"
    }

    static func color(for verdict: Verdict) -> Color {
        switch verdict {
        case .contested: .red
        case .gap: .magenta
        case .unclear: .yellow
        case .shared: .cyan
        case .covered: .green
        }
    }
}

/// Words of the report in English and Russian.
enum Words {
    static func stance(_ stance: Stance?, _ language: Language) -> String {
        guard language == .ru else { return stance?.rawValue ?? "—" }
        switch stance {
        case .owns: return "отвечает"
        case .shares: return "совместно"
        case .supports: return "помогает"
        case .needs: return "ждёт от партнёра"
        case .excludes: return "не делает"
        case nil: return "—"
        }
    }

    static func verdict(_ verdict: Verdict, _ language: Language) -> String {
        guard language == .ru else { return verdict.rawValue }
        switch verdict {
        case .contested: return "спорно"
        case .shared: return "совместно"
        case .covered: return "закрыто"
        case .unclear: return "неясно"
        case .gap: return "пробел"
        }
    }

    static func kind(_ kind: AmbiguityKind, _ language: Language) -> String {
        guard language == .ru else { return kind.rawValue }
        switch kind {
        case .hedge: return "оговорка"
        case .vagueOwner: return "без владельца"
        case .multiFunction: return "несколько функций"
        case .unmapped: return "не распознано"
        case .mixedScript: return "смешение алфавитов"
        case .conflict: return "противоречие"
        }
    }

    /// A matrix cell: the stance, marked "!" where the side's document contradicts itself on it.
    static func cell(_ stance: Stance?, conflicted: Bool, _ language: Language) -> String {
        self.stance(stance, language) + (conflicted ? " !" : "")
    }

    /// "line 19 says the opposite: …", for a `conflict`.
    static func contradiction(_ c: Contradiction, _ language: Language) -> String {
        (language == .ru ? "строка \(c.line) говорит обратное: " : "line \(c.line) says the opposite: ") + "\"\(Conflicts.excerpt(c.text))\""
    }

    /// What the "!" mark in a matrix cell means.
    static func conflictLegend(_ language: Language) -> String {
        language == .ru ? "! — документ стороны противоречит сам себе (см. неоднозначные строки)"
                        : "! the side's document contradicts itself on this (see the ambiguous lines)"
    }

    /// "split by market: US northwind, Russia sever-media".
    static func split(_ split: Comparison.Split, names: [String], glossary: Glossary, _ language: Language) -> String {
        let parts = split.owners.map { "\(glossary.scope($0.scope)?.label(language.rawValue) ?? $0.scope) \(names[$0.side])" }
        return (language == .ru ? "разделено по рынкам: " : "split by market: ") + parts.joined(separator: ", ")
    }

    static func header(_ key: String, _ language: Language) -> String {
        let ru: [String: String] = ["Function": "Функция", "Verdict": "Вердикт", "Lead": "Ведёт", "Stance": "Позиция",
                                    "Line": "Строка", "Text": "Текст"]
        return language == .ru ? ru[key] ?? key : key
    }
}

/// The width of text in a terminal: one column per character, two for wide East Asian ones.
func displayWidth(_ text: some StringProtocol) -> Int {
    text.reduce(0) { total, char in
        guard let scalar = char.unicodeScalars.first else { return total }
        let v = scalar.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0x1F300...0x1FAFF).contains(v)
        return total + (wide ? 2 : 1)
    }
}

/// Cuts text to `width` columns, ending in "…" when cut.
func fit(_ text: String, _ width: Int) -> String {
    guard displayWidth(text) > width else { return text }
    guard width > 1 else { return String(text.prefix(max(0, width))) }
    var out = ""
    var used = 0
    for char in text {
        let w = displayWidth(String(char))
        if used + w > width - 1 { break }
        out.append(char)
        used += w
    }
    return out + "…"
}

func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - displayWidth(text)))
}

/// A plain-text table that fits a width: fixed columns keep their width, the flexible one
/// takes what is left, and cells that do not fit are cut with "…".
struct TextTable {
    struct Column {
        var title: String
        var flexible = false
    }

    var columns: [Column]
    var rows: [[(text: String, color: TextStyle.Color?)]] = []

    func render(_ style: TextStyle) -> [String] {
        let gap = 2
        var widths = columns.indices.map { i in
            max(displayWidth(columns[i].title), rows.map { displayWidth($0[i].text) }.max() ?? 0)
        }
        let total = { widths.reduce(0, +) + gap * (widths.count - 1) }
        if total() > style.width {
            // Shrink the flexible column first, then the widest others, down to 6 columns each.
            let flex = columns.firstIndex { $0.flexible } ?? 0
            widths[flex] = max(12, widths[flex] - (total() - style.width))
            while total() > style.width, let widest = widths.indices.filter({ widths[$0] > 6 }).max(by: { widths[$0] < widths[$1] }) {
                widths[widest] -= 1
            }
        }
        var lines: [String] = []
        let header = columns.indices.map { pad(fit(columns[$0].title, widths[$0]), widths[$0]) }
        lines.append(style.paint(header.joined(separator: "  ").trimmingTrailingSpaces(), .bold))
        for row in rows {
            let cells = columns.indices.map { i in
                style.paint(pad(fit(row[i].text, widths[i]), widths[i]), row[i].color)
            }
            lines.append(cells.joined(separator: "  ").trimmingTrailingSpaces())
        }
        return lines
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
