import ArgumentParser
import CapDiffCore
import Foundation

/// What `batch` and `merge` share once every message is read: the threads and the closing
/// summary, written in the chosen format, and the exit status.
enum MailRun {
    /// Writes every thread of `merge`, then the summary; returns whether a thread has
    /// differences.
    static func finish(_ merge: MailMerge, format: BatchFormat, glossary: Glossary, language: Language, workers: Int,
                       sink: OutputSink) throws -> Bool {
        var differences = false
        let html = HTMLRenderer(glossary: glossary, language: language)
        let render: @Sendable (ThreadReport) -> String = switch format {
        case .jsonl: { MailJSONViews.thread($0, glossary: glossary).serialized() + "\n" }
        case .text: { BatchTextRenderer().render($0) }
        case .html: { html.batchThread($0) }
        }
        // The page is written as the threads come: its head first, its summary and end last.
        if format == .html { try sink.write(html.batchOpening(sides: merge.sides)) }
        try merge.finish(workers: workers, render: render) { report, text in
            if report.comparison.hasDifferences { differences = true }
            try sink.write(text)
        }
        return differences
    }

    /// The closing summary (for html, with the end of the page; `sides` is nil when no page was
    /// opened: `batch --emit messages` writes JSON lines whatever --format says).
    static func writeSummary(_ summary: BatchSummary, format: BatchFormat, sides: MailSides?, glossary: Glossary,
                             language: Language, sink: OutputSink) throws {
        switch format {
        case .jsonl: try sink.write(MailJSONViews.summary(summary).serialized() + "\n")
        case .text: try sink.write(BatchTextRenderer().render(summary))
        case .html:
            guard let sides else { return try sink.write(MailJSONViews.summary(summary).serialized() + "\n") }
            try sink.write(HTMLRenderer(glossary: glossary, language: language).batchClosing(summary, sides: sides))
        }
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
