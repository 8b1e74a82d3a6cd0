import ArgumentParser
import CapDiffCore
import Foundation

extension CapDiff.GlossaryCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a TBX, CSV or TSV termbase into capdiff's glossary format.",
            discussion: """
                TBX (2008 martif or ISO 30042:2019, TBX-Basic or TBX-Min): each entry's subjectField \
                names its function; English and Russian terms become phrases; deprecated, superseded, \
                forbidden and obsolete terms are left out. CSV or TSV: a header row with language codes \
                (en, en-US, ru, ru-RU…) and a subject (or function) column; several terms in one cell \
                separated by ";" or "|". Functions the loaded glossary already defines are not \
                redefined. Writes to standard output, or functions.tsv and phrases.tsv in --output; \
                use the result with --glossary.
                """)

        @Argument(help: ArgumentHelp("A .tbx, .csv or .tsv termbase.", valueName: "file"))
        var file: String

        @Option(name: .long, help: ArgumentHelp("The entry's data category (TBX) or column (CSV) naming its function (default: subjectField, or a subject/function column).", valueName: "type"))
        var functionFrom: String?

        @Option(name: .long, help: ArgumentHelp("One function for every entry.", valueName: "id"))
        var function: String?

        @Option(name: .long, help: ArgumentHelp("What separates alternatives in one CSV cell (default: \";\" and \"|\").", valueName: "chars"))
        var separator: String?

        @Option(name: .long, help: ArgumentHelp("Write functions.tsv and phrases.tsv into this folder instead of printing.", valueName: "dir"))
        var output: String?

        @OptionGroup var layers: GlossaryOptions

        func validate() throws {
            if functionFrom != nil && function != nil {
                throw ValidationError("give --function-from or --function, not both")
            }
            if separator?.isEmpty == true { throw ValidationError("--separator needs at least one character") }
        }

        func run() throws {
            let known = Set(try layers.load().functions.map(\.id))
            let result = try GlossaryImporter.read(path: file, options: GlossaryImportOptions(
                functionFrom: functionFrom, function: function, separator: separator, knownFunctions: known))
            var summary = "\(file): \(result.summary)"
            if let output {
                let written = try GlossaryFiles.write(GlossaryWriter.files(result.glossary), into: output)
                summary += "; wrote " + written.joined(separator: ", ")
            } else {
                Output.write(GlossaryWriter.tsv(result.glossary))
            }
            Output.error(summary)
        }
    }
}

/// Writing glossary files, for `import --output` and `export --output`.
enum GlossaryFiles {
    /// Writes each file into the folder (created if missing); returns their paths.
    static func write(_ files: [GlossaryWriter.File], into folder: String) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic.error(folder, "cannot create this folder: \(error.localizedDescription)")
        }
        var paths: [String] = []
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file.name)
            try write(file.text, to: path)
            paths.append(path)
        }
        return paths
    }

    static func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw Diagnostic.error(path, "cannot be written: \(error.localizedDescription)")
        }
    }
}
