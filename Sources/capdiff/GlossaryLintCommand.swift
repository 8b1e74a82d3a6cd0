import ArgumentParser
import CapDiffCore

extension CapDiff.GlossaryCommand {
    struct Lint: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        static let configuration = CommandConfiguration(
            abstract: "Check a glossary: duplicates, phrases naming two functions, stem collisions, thin coverage, phrases that never match, mixed scripts.",
            discussion: """
                Checks the default glossary with any --glossary layers, and PATH layered last. \
                Exit status: 0 no problems, 1 problems found, 2 the glossary cannot be read.
                """)

        @Argument(help: ArgumentHelp("A glossary file or folder to check, layered over the others.", valueName: "path"))
        var path: String?

        @Option(name: .long, help: ArgumentHelp("The fewest phrases a function needs in each language.", valueName: "n"))
        var minPhrases = 15

        @Option(name: .long, help: ArgumentHelp("text or json.", valueName: "format"))
        var format: Format = .text

        @OptionGroup var layers: GlossaryOptions

        func validate() throws {
            if minPhrases < 0 { throw ValidationError("--min-phrases takes a number of 0 or more") }
        }

        func run() throws {
            let glossary = try layers.load(adding: path.map { [$0] } ?? [])
            let result = GlossaryLint(minimumPhrases: minPhrases).check(glossary)
            switch format {
            case .text: Output.write(LintRenderer.text(result))
            case .json: Output.write(LintRenderer.json(result).serialized(pretty: true) + "\n")
            }
            if !result.findings.isEmpty { throw ExitCode(ExitStatus.differences.rawValue) }
        }
    }
}
