import ArgumentParser
import CapDiffCore
import Foundation

@main
struct CapDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capdiff",
        abstract: "Compare who owns what in two partners' capability outlines (English or Russian), check translated agreements, read mail exports.",
        discussion: """
            Exit status: 0 aligned, 1 differences found (contested, unclear or gap rows), \
            2 trouble (unreadable input, bad glossary, bad arguments).
            """,
        version: "0.1.0",
        subcommands: [Analyze.self, Compare.self, Explain.self, Playbook.self, GlossaryCommand.self, Drift.self, Batch.self, Merge.self]
    )

    /// Objects kept until the process exits: freeing a glossary index's few thousand trie nodes
    /// just before exiting costs milliseconds and buys nothing.
    nonisolated(unsafe) static var keepAlive: [AnyObject] = []

    /// Runs the command; every failure becomes one line on stderr and exit status 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let status as ExitCode {
            Foundation.exit(status.rawValue)
        } catch let diagnostic as Diagnostic {
            Output.error(diagnostic.description)
            Foundation.exit(ExitStatus.trouble.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            Output.error("\(message) (see capdiff --help)")
            Foundation.exit(ExitStatus.trouble.rawValue)
        }
    }
}
