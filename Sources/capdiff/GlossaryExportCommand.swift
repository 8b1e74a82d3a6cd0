import ArgumentParser
import CapDiffCore

extension CapDiff.GlossaryCommand {
    struct Export: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable { case tbx, csv, tsv }

        static let configuration = CommandConfiguration(
            abstract: "Write the loaded glossary (the default and any --glossary layers) as TBX, CSV or TSV.",
            discussion: """
                TBX and CSV hold the functions and their phrases, for CAT tools; what they have no \
                field for (group, required, labels, exact matching) travels in notes and extra columns \
                that `glossary import` reads back. TSV is capdiff's own format with every table \
                (cues, hedges and stop words too), all layers merged into one file.
                """)

        @Option(name: .long, help: ArgumentHelp("tbx, csv or tsv.", valueName: "format"))
        var format: Format = .tbx

        @Option(name: .long, help: ArgumentHelp("Write to this file instead of printing.", valueName: "file"))
        var output: String?

        @OptionGroup var layers: GlossaryOptions

        func run() throws {
            let glossary = try layers.load()
            let text: String
            switch format {
            case .tbx: text = GlossaryTBXWriter.tbx(glossary)
            case .csv: text = try GlossaryCSVWriter.csv(glossary)
            case .tsv: text = GlossaryWriter.tsv(glossary)
            }
            if let output {
                try GlossaryFiles.write(text, to: output)
            } else {
                Output.write(text)
            }
        }
    }
}
