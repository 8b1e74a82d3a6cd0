import ArgumentParser
import CapDiffCore
import Foundation

extension CapDiff {
    /// `capdiff glossary …`. Named GlossaryCommand so that inside `CapDiff` the name `Glossary`
    /// still means CapDiffCore's glossary.
    struct GlossaryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "glossary",
            abstract: "Bring a termbase in (TBX, CSV, TSV), write the glossary out, or check it.",
            discussion: "The glossary's format, layering and these commands: glossary/README.md in capdiff's sources.",
            subcommands: [Import.self, Export.self, Lint.self])
    }
}
