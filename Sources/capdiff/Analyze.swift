import ArgumentParser
import CapDiffCore

extension CapDiff {
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the functions one outline claims, with stances, and its ambiguous lines.")

        @Argument(help: ArgumentHelp("An outline in English or Russian: text, Markdown, HTML, XML, DOCX, PPTX, ODT, PDF, .eml, mbox or a Maildir folder.", valueName: "file"))
        var file: String

        @Option(name: .long, help: ArgumentHelp("The document's language, instead of detecting it; also the language of the report's labels.", valueName: "en|ru"))
        var lang: String?

        @OptionGroup var options: CommonOptions

        @OptionGroup var reading: ReadingOptions

        func validate() throws {
            if options.format == .html {
                throw ValidationError("--format html is for compare, drift and batch (reports to share); analyze prints text, json or markdown")
            }
        }

        func run() throws {
            let glossary = try options.loadGlossary()
            let pipeline = reading.pipeline(glossary)
            CapDiff.keepAlive.append(pipeline)
            var analysis = try pipeline.analyze(path: file)
            if let language = try parseLanguages(lang, count: 1)[0] { analysis.language = language }
            for warning in analysis.warnings { Output.error(warning.description) }
            switch options.format {
            case .json: Output.write(JSONViews.analysis(analysis).serialized(pretty: true) + "\n")
            case .markdown: Output.write(MarkdownRenderer(glossary: glossary, language: analysis.language).render(analysis))
            case .text: Output.write(TextRenderer(style: options.style(language: analysis.language), glossary: glossary).render(analysis))
            case .html: break  // refused in validate()
            }
        }
    }
}
