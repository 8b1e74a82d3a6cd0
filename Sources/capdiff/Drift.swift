import ArgumentParser
import CapDiffCore

extension CapDiff {
    struct Drift: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a translated agreement against its source, clause by clause.",
            discussion: """
                Reports where the translation no longer says what the source says: parties, \
                stance, modality, negation, numbers, dates, functions, names, and clauses or items \
                left out or added. Either document may be the English one. --format html writes one \
                self-contained page: the drifting clauses side by side, the differing values marked. \
                Exit status: 0 no drift, 1 drift found, 2 trouble.
                """)

        @Argument(help: ArgumentHelp("The source agreement.", valueName: "source"))
        var source: String

        @Argument(help: ArgumentHelp("Its translation.", valueName: "translation"))
        var translation: String

        @Option(name: .long, help: ArgumentHelp("The language of the HTML page's headings and labels.", valueName: "en|ru"))
        var reportLang: ReportLanguage = .en

        @OptionGroup var options: CommonOptions

        func run() throws {
            let glossary = try options.loadGlossary()
            let checker = DriftChecker(glossary: glossary)
            CapDiff.keepAlive.append(checker)
            let report = try checker.check(sourcePath: source, translationPath: translation)
            for warning in report.warnings { Output.error(warning.description) }
            switch options.format {
            case .json: Output.write(JSONViews.drift(report).serialized(pretty: true) + "\n")
            case .markdown: Output.write(DriftMarkdownRenderer().render(report))
            case .text: Output.write(DriftTextRenderer(style: options.style(language: .en)).render(report))
            case .html: Output.write(HTMLRenderer(glossary: glossary, language: reportLang.language).render(report))
            }
            if report.hasDrift { throw ExitCode(ExitStatus.differences.rawValue) }
        }
    }
}
