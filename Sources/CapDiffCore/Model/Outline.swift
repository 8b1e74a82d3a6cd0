/// A document as the readers produce it: a list of units (headings, list items, table rows,
/// prose sentences), each with the line it starts on in the original file. Later stages add to
/// it; they never go back to the file.
public struct Outline: Sendable {
    public var path: String
    public var units: [Unit]
    /// Problems found while reading, such as invalid UTF-8.
    public var warnings: [Diagnostic]
    /// A PDF's pages or a presentation's slides: units' lines are running lines through the
    /// document, and this says which page (or slide) and line each is (see `Location`).
    public var pages: PageMap?

    public init(path: String, units: [Unit], warnings: [Diagnostic] = [], pages: PageMap? = nil) {
        self.path = path
        self.units = units
        self.warnings = warnings
        self.pages = pages
    }

    /// The document's language, from the letters of all its units.
    public var language: Language {
        LanguageDetector.language(of: units.lazy.map(\.text))
    }
}

/// One unit of an outline: the smallest piece the analysis reads on its own.
public struct Unit: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The document's title line: names the document, claims nothing.
        case title
        /// A Markdown heading (level 1–6); sets the stance of the units under it.
        case heading(level: Int)
        /// A line such as "Our side:" or «Наша зона:» that introduces the list under it.
        case label
        /// A bullet or numbered list item.
        case item
        /// A table's header row (its cells name the columns).
        case tableHeader
        /// A table row under a header.
        case tableRow
        /// A sentence of a prose paragraph.
        case prose
    }

    public var kind: Kind
    /// The 1-based line in the original file where the unit starts.
    public var line: Int
    /// The unit's text, without list markers, heading marks or table pipes.
    public var text: String
    /// UTF-8 offsets in `text` where each further original line begins (for units that span
    /// several lines), so any position maps back to its line.
    public var lineBreaks: [Int]
    /// The index (in `Outline.units`) of the heading or label that governs this unit.
    public var scope: Int?
    /// Table rows and headers: the cells, trimmed.
    public var cells: [String]
    /// Table rows: the index of the table's header unit.
    public var tableHeader: Int?
    /// The list marker as written ("1.", "2.1", "(a)", "-"), for readers that keep numbering.
    public var marker: String?

    public init(kind: Kind, line: Int, text: String, lineBreaks: [Int] = [], scope: Int? = nil,
                cells: [String] = [], tableHeader: Int? = nil, marker: String? = nil) {
        self.kind = kind
        self.line = line
        self.text = text
        self.lineBreaks = lineBreaks
        self.scope = scope
        self.cells = cells
        self.tableHeader = tableHeader
        self.marker = marker
    }

    /// The original line of a UTF-8 offset in `text`.
    public func line(atOffset offset: Int) -> Int {
        line + lineBreaks.prefix { $0 <= offset }.count
    }

    /// The unit's own language (en, ru or mixed); nil when it has no letters.
    public var language: Language? { LanguageDetector.language(of: text) }

    public var isHeadingLike: Bool {
        switch kind {
        case .heading, .label: true
        default: false
        }
    }
}
