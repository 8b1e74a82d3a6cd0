import ArgumentParser
import CapDiffCore
import Foundation

extension CapDiff {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two outlines: who owns, shares, supports, needs or excludes each function.")

        @Argument(help: ArgumentHelp("The first side's outline (text, Markdown, HTML, XML, DOCX, PPTX, ODT, PDF or mail).", valueName: "a"))
        var a: String

        @Argument(help: ArgumentHelp("The second side's outline.", valueName: "b"))
        var b: String

        @Option(name: .long, help: ArgumentHelp("The two sides' names (default: the files' names).", valueName: "ours,theirs"))
        var names: String?

        @Option(name: .long, help: ArgumentHelp("The documents' language (one, or one per side), instead of detecting it; also the report's language.", valueName: "en|ru"))
        var lang: String?

        @OptionGroup var options: CommonOptions

        @OptionGroup var reading: ReadingOptions

        func validate() throws {
            try SideNames.validate(names)
            _ = try parseLanguages(lang, count: 2)
        }

        func run() throws {
            let glossary = try options.loadGlossary()
            let pipeline = reading.pipeline(glossary)
            CapDiff.keepAlive.append(pipeline)
            var analyses = [try pipeline.analyze(path: a), try pipeline.analyze(path: b)]
            for (i, language) in try parseLanguages(lang, count: 2).enumerated() {
                if let language { analyses[i].language = language }
            }
            for warning in analyses.flatMap(\.warnings) { Output.error(warning.description) }
            let sideNames = SideNames.resolve(names, a, b)
            let comparison = pipeline.compare((sideNames[0], analyses[0]), (sideNames[1], analyses[1]))
            let reportLanguage: Language = lang != nil ? analyses[0].language
                : analyses.allSatisfy { $0.language == .ru } ? .ru : .en
            switch options.format {
            case .json: Output.write(JSONViews.comparison(comparison, glossary: glossary).serialized(pretty: true) + "\n")
            case .markdown: Output.write(MarkdownRenderer(glossary: glossary, language: reportLanguage).render(comparison))
            case .html: Output.write(HTMLRenderer(glossary: glossary, language: reportLanguage).render(comparison))
            case .text: Output.write(TextRenderer(style: options.style(language: reportLanguage), glossary: glossary).render(comparison))
            }
            if comparison.hasDifferences { throw ExitCode(ExitStatus.differences.rawValue) }
        }
    }
}
