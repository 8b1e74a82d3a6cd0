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

/// Options every command shares: the glossary and how to print.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "text|json|markdown|html"))
    var format: OutputFormat = .text

    @Option(name: .long, help: ArgumentHelp("A glossary file or folder layered over the default (repeatable).", valueName: "path"))
    var glossary: [String] = []

    @Flag(name: .long, help: "Do not load the default glossary (functions, phrases, cues, hedges).")
    var noDefaultGlossary = false

    @Option(name: .long, help: ArgumentHelp("Colour: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    func loadGlossary() throws -> Glossary {
        try GlossaryReader.load(layers: glossary, includeDefault: !noDefaultGlossary)
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
