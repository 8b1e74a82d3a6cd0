import ArgumentParser
import CapDiffCore
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
    /// A self-contained page (compare and drift; batch and merge have their own --format).
    case html
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// The glossary flags of every command that reads text: the default glossary and the user's
/// layers over it.
struct GlossaryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A glossary file or folder layered over the default (repeatable).", valueName: "path"))
    var glossary: [String] = []

    @Flag(name: .long, help: "Do not load the default glossary (functions, phrases, cues, hedges).")
    var noDefaultGlossary = false

    func load(adding extra: [String] = []) throws -> Glossary {
        try GlossaryReader.load(layers: glossary + extra, includeDefault: !noDefaultGlossary)
    }
}

/// How documents are read: what the user chooses beyond the glossary.
struct ReadingOptions: ParsableArguments {
    @Flag(name: .long, help: "Presentations (.pptx): read the speaker notes too.")
    var notes = false

    func pipeline(_ glossary: Glossary) -> Pipeline {
        Pipeline(glossary: glossary, notes: notes)
    }
}

/// Options the reporting commands share: the glossary and how to print.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "text|json|markdown|html"))
    var format: OutputFormat = .text

    @OptionGroup var glossaryOptions: GlossaryOptions

    @Option(name: .long, help: ArgumentHelp("Colour: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    func loadGlossary() throws -> Glossary {
        try glossaryOptions.load()
    }

    func style(language: Language) -> TextStyle {
        let useColor: Bool
        switch color {
        case .always: useColor = true
        case .never: useColor = false
        case .auto: useColor = Output.stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
        return TextStyle(width: Output.terminalWidth, color: useColor, language: language)
    }
}

/// Parses "--lang en" or "--lang en,ru" (one per side).
func parseLanguages(_ value: String?, count: Int) throws -> [Language?] {
    guard let value else { return Array(repeating: nil, count: count) }
    let parts = value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
    var result: [Language?] = []
    for part in parts {
        guard let lang = Language(rawValue: part), lang != .mixed else {
            throw ValidationError("--lang takes en or ru (or one per side: en,ru), not \"\(part)\"")
        }
        result.append(lang)
    }
    guard result.count == 1 || result.count == count else {
        throw ValidationError("--lang takes one language or one per side (\(count))")
    }
    return result.count == 1 ? Array(repeating: result[0], count: count) : result
}

/// `--names ours,theirs`: two different, non-empty names.
enum SideNames {
    static func validate(_ value: String?) throws {
        guard let value else { return }
        let parts = value.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }), parts[0] != parts[1] else {
            throw ValidationError("--names takes two different names separated by a comma, such as --names ours,theirs")
        }
    }

    /// The names given, else the files' stems ("A" and "B" when those are the same).
    static func resolve(_ value: String?, _ a: String, _ b: String) -> [String] {
        if let value { return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        func stem(_ path: String) -> String {
            ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        }
        let (sa, sb) = (stem(a), stem(b))
        return sa == sb ? ["A", "B"] : [sa, sb]
    }
}

/// The language of an HTML page (`--report-lang`) where the documents' own language is not it:
/// drift compares two languages, and a mailbox holds both.
enum ReportLanguage: String, ExpressibleByArgument, CaseIterable {
    case en, ru

    var language: Language { self == .ru ? .ru : .en }
}
