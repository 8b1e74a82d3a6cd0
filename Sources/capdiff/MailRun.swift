import ArgumentParser
import CapDiffCore
import Foundation

/// What `batch` and `merge` share once every message is read: the threads and the closing
/// summary, written in the chosen format, and the exit status.
enum MailRun {
    /// Writes every thread of `merge`, then the summary; returns whether a thread has
    /// differences.
    static func finish(_ merge: MailMerge, format: BatchFormat, glossary: Glossary, workers: Int,
                       sink: OutputSink) throws -> Bool {
        var differences = false
        let render: @Sendable (ThreadReport) -> String = switch format {
        case .jsonl: { MailJSONViews.thread($0, glossary: glossary).serialized() + "\n" }
        case .text: { BatchTextRenderer().render($0) }
        }
        try merge.finish(workers: workers, render: render) { report, text in
            if report.comparison.hasDifferences { differences = true }
            try sink.write(text)
        }
        return differences
    }

    static func writeSummary(_ summary: BatchSummary, json: Bool, sink: OutputSink) throws {
        try sink.write(json ? MailJSONViews.summary(summary).serialized() + "\n" : BatchTextRenderer().render(summary))
    }

    /// Trouble when a named path could not be read or nothing at all was; else differences or
    /// aligned.
    static func exitStatus(_ summary: BatchSummary, differences: Bool) -> ExitCode? {
        if summary.filesSkipped[MailProblem.Reason.unreadableFile("").key] != nil || summary.messagesRead == 0 {
            return ExitCode(ExitStatus.trouble.rawValue)
        }
        return differences ? ExitCode(ExitStatus.differences.rawValue) : nil
    }
}
