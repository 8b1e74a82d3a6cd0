import ArgumentParser
import CapDiffCore
import Foundation

extension CapDiff {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each pipeline step for a phrase or a line of a file: why it was read as it was.",
            discussion: """
                Prints the normalised text, tokens with stems and transliterations, the detected \
                language, glossary matches with the file and line of each entry, stance cues, \
                hedges, clauses with their stance and negation, the claims and ambiguity flags, \
                and the words the glossary does not cover.
                """)

        @Argument(help: ArgumentHelp("A phrase in quotes, or FILE:LINE.", valueName: "phrase|file:line"))
        var target: String

        @OptionGroup var options: CommonOptions

        func validate() throws {
            if options.format == .markdown || options.format == .html {
                throw ValidationError("explain prints text or json, not \(options.format.rawValue)")
            }
        }

        func run() throws {
            let glossary = try options.loadGlossary()
            let pipeline = Pipeline(glossary: glossary)
            CapDiff.keepAlive.append(pipeline)
            let explanation: Explanation
            if let (path, line) = Self.fileAndLine(target) {
                let outline = try DocumentReader.read(path: path)
                guard let found = pipeline.analyzer.explain(outline, line: line) else {
                    throw Diagnostic.error(path, line: line, "no text on this line; give a line with a list item, heading or sentence")
                }
                explanation = found
            } else {
                explanation = pipeline.analyzer.explain(target)
            }
            switch options.format {
            case .json: Output.write(ExplainRenderer().json(explanation).serialized(pretty: true) + "\n")
            case .text, .markdown, .html: Output.write(ExplainRenderer().render(explanation))  // the last two refused in validate()
            }
        }

        /// "notes.md:12" names a line of a file when the file exists; anything else is a phrase.
        static func fileAndLine(_ target: String) -> (String, Int)? {
            guard let colon = target.lastIndex(of: ":"), let line = Int(target[target.index(after: colon)...]), line > 0 else { return nil }
            let path = String(target[..<colon])
            return FileManager.default.fileExists(atPath: path) ? (path, line) : nil
        }
    }
}
