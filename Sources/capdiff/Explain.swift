import ArgumentParser
import CapDiffCore
import Foundation

extension CapDiff {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each pipeline step for a phrase or a line of a file: why it was read as it was.")

        @Argument(help: ArgumentHelp("A phrase in quotes, or FILE:LINE.", valueName: "phrase|file:line"))
        var target: String

        @OptionGroup var options: CommonOptions

        func run() throws {
            let glossary = try options.loadGlossary()
            let pipeline = Pipeline(glossary: glossary)
            CapDiff.keepAlive.append(pipeline)
            if let colon = target.lastIndex(of: ":"), let line = Int(target[target.index(after: colon)...]),
               FileManager.default.fileExists(atPath: String(target[..<colon])) {
                let path = String(target[..<colon])
                let outline = OutlineReader().read(try SourceFile.readText(path))
                guard let explanation = pipeline.analyzer.explain(outline, line: line) else {
                    throw Diagnostic.error(path, line: line, "no text on this line; give a line with a list item, heading or sentence")
                }
                Output.write(ExplainRenderer().render(explanation))
            } else {
                Output.write(ExplainRenderer().render(pipeline.analyzer.explain(target)))
            }
        }
    }
}
