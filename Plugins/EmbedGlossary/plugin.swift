import Foundation
import PackagePlugin

/// Compiles the default glossary (glossary/*.tsv at the package root) into CapDiffCore as
/// string constants. The files stay the one source of truth: edit them and rebuild.
@main
struct EmbedGlossary: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "glossary")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "tsv" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultGlossaryFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default glossary",
                executable: try context.tool(named: "embed-glossary").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
