import ArgumentParser
import CapDiffCore
import Foundation

enum BatchFormat: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl
    /// One self-contained page: a section per thread with its matrix, then the summary.
    case html
}

enum BatchEmit: String, ExpressibleByArgument, CaseIterable {
    case threads, messages
}

extension CapDiff {
    struct Batch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare, per mail thread, what two sides claim: mbox files, Maildir folders, .eml files.",
            discussion: """
                Each side is named by its senders' domains: --side ours=@ours.com --side theirs=@theirs.ru \
                (repeat a side, or list domains with commas, for several). Per thread and side, the latest \
                message's statement about a function wins; quoted text and signatures are not credited, and \
                senders of neither side are reported, not credited. Broken messages and files are reported \
                on stderr and skipped. Exit status: 0 aligned, 1 differences in some thread, 2 trouble \
                (a path that cannot be read, or no message at all).

                --emit messages prints one JSON line per message (its claims) instead, for `capdiff merge`: \
                split a large export into shards, run batch --emit messages on each (on several machines), \
                and merge the outputs (docs/scaling.md).
                """)

        @Argument(help: ArgumentHelp("mbox files, Maildir folders, .eml files, folders holding them, or - (an mbox or message on stdin).", valueName: "path"))
        var paths: [String]

        @Option(name: .long, help: ArgumentHelp("A side and its senders' domains (repeatable).", valueName: "name=@domain[,@domain]"))
        var side: [String] = []

        @Option(name: .long, help: ArgumentHelp("text (a summary per thread), jsonl (contract JSON lines) or html (one page: each thread's matrix).", valueName: "text|jsonl|html"))
        var format: BatchFormat = .text

        @Option(name: .long, help: ArgumentHelp("threads (compare per thread) or messages (per-message JSON lines for capdiff merge, whatever --format says).", valueName: "threads|messages"))
        var emit: BatchEmit = .threads

        @Option(name: .long, help: ArgumentHelp("Write to this file (atomically: a temporary file renamed into place).", valueName: "file"))
        var output: String?

        @Option(name: .long, help: ArgumentHelp("Worker threads (default: every core).", valueName: "n"))
        var jobs: Int?

        @Option(name: .long, help: ArgumentHelp("Skip (and report) messages larger than this many MB.", valueName: "mb"))
        var maxMessageMb: Int = 64

        @Option(name: .long, help: ArgumentHelp("The language of the HTML page's headings and labels.", valueName: "en|ru"))
        var reportLang: ReportLanguage = .en

        @Flag(name: .long, help: "Count claims read from attachments for their sender's side (by default they are listed, not credited).")
        var creditAttachments = false

        @Flag(name: .long, help: "No progress bar (it shows only when stderr is a terminal).")
        var noProgress = false

        @OptionGroup var glossaryOptions: GlossaryOptions

        func validate() throws {
            if emit == .threads {
                do {
                    _ = try MailSides(arguments: side)
                } catch {
                    throw ValidationError(error.message)
                }
            }
            if let jobs, jobs < 1 { throw ValidationError("--jobs takes a number of threads, 1 or more") }
            if maxMessageMb < 1 { throw ValidationError("--max-message-mb takes a size in MB, 1 or more") }
        }

        func run() throws {
            let glossary = try glossaryOptions.load()
            let engine = BatchEngine(glossary: glossary, options: .init(workers: jobs, maximumMessage: maxMessageMb << 20))
            let sink = try OutputSink(path: output)
            let bar = ProgressBar(enabled: !noProgress)
            var summary = BatchSummary()
            var merge: MailMerge?
            if emit == .threads { merge = try MailMerge(sides: try MailSides(arguments: side), glossary: glossary,
                                                           creditAttachments: creditAttachments) }
            let start = Date()
            let report = { (problem: MailProblem) in
                bar.clear()
                Output.error(problem.description)
            }
            do {
                let totals = try engine.run(paths: paths, progress: bar.update, problem: { problem in
                    report(problem)
                    if let merge { merge.note(problem) } else { summary.add(problem) }
                }, record: { record in
                    for note in record.notes { bar.clear(); Output.error("\(record.file): message \(record.number): warning: \(note)") }
                    if let merge {
                        if let duplicate = try merge.add(record) { report(duplicate) }
                    } else {
                        summary.add(record)
                        try sink.write(MessageRecordJSON.encode(record).serialized() + "\n")
                    }
                })
                bar.clear()
                var differences = false
                if let merge {
                    differences = try MailRun.finish(merge, format: format, glossary: glossary, language: reportLang.language,
                                                     workers: engine.options.workers, sink: sink)
                    summary = merge.summary
                }
                summary.files = totals.files
                summary.bytes = totals.bytes
                summary.seconds = Date().timeIntervalSince(start)
                try MailRun.writeSummary(summary, format: emit == .messages ? .jsonl : format, sides: merge?.sides, glossary: glossary,
                                         language: reportLang.language, sink: sink)
                try sink.commit()
                if let status = MailRun.exitStatus(summary, differences: differences) { throw status }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                bar.clear()
                sink.discard()
                throw error
            }
        }
    }
}
