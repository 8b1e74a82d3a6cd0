import ArgumentParser
import CapDiffCore
import Foundation

extension CapDiff {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge per-message JSON lines of `capdiff batch --emit messages` into per-thread rows.",
            discussion: """
                Reads the shards' outputs (files, or - for stdin) in the order given and prints what \
                `capdiff batch` prints for the whole export: threads are joined across shards by their \
                Message-IDs. Exit status as for batch.
                """)

        @Argument(help: ArgumentHelp("Outputs of batch --emit messages (- reads stdin).", valueName: "file"))
        var files: [String] = ["-"]

        @Option(name: .long, help: ArgumentHelp("A side and its senders' domains (repeatable).", valueName: "name=@domain[,@domain]"))
        var side: [String] = []

        @Option(name: .long, help: ArgumentHelp("text (a summary per thread), jsonl (contract JSON lines) or html (one page: each thread's matrix).", valueName: "text|jsonl|html"))
        var format: BatchFormat = .text

        @Option(name: .long, help: ArgumentHelp("Write to this file (atomically).", valueName: "file"))
        var output: String?

        @Option(name: .long, help: ArgumentHelp("The language of the HTML page's headings and labels.", valueName: "en|ru"))
        var reportLang: ReportLanguage = .en

        @Flag(name: .long, help: "Count claims read from attachments for their sender's side (by default they are listed, not credited).")
        var creditAttachments = false

        @OptionGroup var glossaryOptions: GlossaryOptions

        func validate() throws {
            do {
                _ = try MailSides(arguments: side)
            } catch {
                throw ValidationError(error.message)
            }
        }

        func run() throws {
            let glossary = try glossaryOptions.load()
            let merge = try MailMerge(sides: try MailSides(arguments: side), glossary: glossary,
                                                           creditAttachments: creditAttachments)
            let sink = try OutputSink(path: output)
            let start = Date()
            var sequence = 0
            var bytes = 0
            do {
                for file in files {
                    let name = file == "-" ? "stdin" : file
                    guard let handle = file == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: file) else {
                        let problem = MailProblem(file: name, reason: .unreadableFile("no such file, or permission denied"))
                        Output.error(problem.description)
                        merge.note(problem)
                        continue
                    }
                    var lineNumber = 0
                    try JSONLines.forEach(handle) { line in
                        lineNumber += 1
                        bytes += line.utf8.count + 1
                        do {
                            guard case .record(var record) = try MessageRecordJSON.decode(line) else { return }
                            record.sequence = sequence
                            sequence += 1
                            if let duplicate = try merge.add(record) { Output.error(duplicate.description) }
                        } catch let error as MessageRecordJSON.FormatError {
                            let problem = MailProblem(file: name, line: lineNumber, reason: .unreadableRecord(error.reason))
                            Output.error(problem.description)
                            merge.note(problem)
                        }
                    }
                }
                let differences = try MailRun.finish(merge, format: format, glossary: glossary, language: reportLang.language,
                                                     workers: ProcessInfo.processInfo.activeProcessorCount, sink: sink)
                var summary = merge.summary
                summary.files = files.count
                summary.bytes = bytes
                summary.seconds = Date().timeIntervalSince(start)
                try MailRun.writeSummary(summary, format: format, sides: merge.sides, glossary: glossary, language: reportLang.language, sink: sink)
                try sink.commit()
                if let status = MailRun.exitStatus(summary, differences: differences) { throw status }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                sink.discard()
                throw error
            }
        }
    }
}

/// Reads a stream line by line, a block at a time (splitting bytes, so a character cut by a
/// block boundary stays whole).
enum JSONLines {
    static func forEach(_ handle: FileHandle, _ body: (Substring) throws -> Void) throws {
        var pending: [UInt8] = []
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
            pending += data
            guard let last = pending.lastIndex(of: 0x0A) else { continue }
            for line in pending[..<last].split(separator: 0x0A, omittingEmptySubsequences: false) {
                try body(Substring(String(decoding: line, as: UTF8.self)))
            }
            pending.removeSubrange(...last)
        }
        if !pending.isEmpty { try body(Substring(String(decoding: pending, as: UTF8.self))) }
    }
}
