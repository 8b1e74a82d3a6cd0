/// The stages wired together: read → segment → normalise → match → classify → compare.
/// One pipeline per thread (its stages hold ICU and Snowball state).
public final class Pipeline {
    public let glossary: Glossary
    public let analyzer: Analyzer
    private let reader = OutlineReader()
    /// How documents are read: the glossary's chrome words, and the user's choices (`--notes`).
    public var readOptions: ReadOptions

    public init(glossary: Glossary, notes: Bool = false) {
        self.glossary = glossary
        analyzer = Analyzer(glossary: glossary)
        readOptions = ReadOptions(notes: notes, chromeWords: glossary.chromeWords)
    }

    /// Reads one document, in any format `DocumentReader` accepts.
    public func read(path: String) throws(Diagnostic) -> Outline {
        try DocumentReader.read(path: path, options: readOptions)
    }

    /// Reads and analyses one document, in any format `DocumentReader` accepts.
    public func analyze(path: String) throws(Diagnostic) -> Analysis {
        analyzer.analyze(try read(path: path))
    }

    public func analyze(_ source: SourceText) -> Analysis {
        analyzer.analyze(reader.read(source))
    }

    public func compare(_ a: (name: String, analysis: Analysis), _ b: (name: String, analysis: Analysis)) -> Comparison {
        Comparison(.init(name: a.name, analysis: a.analysis), .init(name: b.name, analysis: b.analysis), glossary: glossary)
    }
}

/// capdiff's exit statuses, like diff's.
public enum ExitStatus: Int32, Sendable {
    /// Aligned: no contested, unclear or gap rows; no drift.
    case aligned = 0
    /// Differences found.
    case differences = 1
    /// Trouble: unreadable input, a bad glossary, bad arguments.
    case trouble = 2
}
