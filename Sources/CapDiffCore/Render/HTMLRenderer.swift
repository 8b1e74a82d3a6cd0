/// Reports as one self-contained HTML file each: inline style sheet, no scripts, fonts or
/// images, printable on A4 and Letter, well-formed as XML. One entry point per result model;
/// each builds an `HTMLPage` from views (`HTMLComparisonView`, `HTMLDriftView`, `HTMLBatchView`)
/// with the shared page, style and legend. A batch page is written as it is made (`batchOpening`,
/// `batchThread` per thread, `batchClosing`), so a large export never has to be held whole.
/// (The playbook, a different document, has its own printers: `PlaybookHTML`, `PlaybookMarkdown`.)
public struct HTMLRenderer: Sendable {
    public var glossary: Glossary
    public var language: Language

    public init(glossary: Glossary, language: Language = .en) {
        self.glossary = glossary
        self.language = language == .ru ? .ru : .en
    }

    private func t(_ en: String, _ ru: String) -> String { language == .ru ? ru : en }

    /// `capdiff compare --format html`: the capability matrix with its legend, the ambiguous
    /// lines and the notes.
    public func render(_ comparison: Comparison) -> String {
        let view = HTMLComparisonView(comparison: comparison, glossary: glossary, language: language)
        let names = comparison.sides.map(\.name).joined(separator: " / ")
        return HTMLPage(
            title: t("Capability matrix", "Матрица ответственности") + ": " + names,
            language: language,
            header: [view.sidesLine, view.summaryLine],
            sections: [HTMLComparisonView.legend(language)] + view.sections,
            footer: t("Made by capdiff from ", "Подготовлено capdiff по файлам ")
                + comparison.sides.map(\.analysis.path).joined(separator: t(" and ", " и ")) + "."
        ).render()
    }

    /// `capdiff drift --format html`: the drifting clauses side by side with what changed, or
    /// a plain "no drift".
    public func render(_ report: DriftReport) -> String {
        let view = HTMLDriftView(report: report, language: language)
        func name(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
        return HTMLPage(
            title: t("Translation drift", "Расхождения перевода") + ": " + name(report.source.path) + " → " + name(report.translation.path),
            language: language,
            header: [view.documentsLine, view.summaryLine],
            sections: view.sections,
            footer: t("Made by capdiff from ", "Подготовлено capdiff по файлам ") + report.source.path + t(" and ", " и ")
                + report.translation.path + "."
        ).render()
    }

    // MARK: Batch

    /// `capdiff batch --format html` and `merge --format html` in one go: the threads, then
    /// the summary. (The commands stream the same page: `batchOpening`, `batchThread`, `batchClosing`.)
    public func render(threads: [ThreadReport], summary: BatchSummary, sides: MailSides) -> String {
        batchOpening(sides: sides) + threads.map(batchThread).joined() + batchClosing(summary, sides: sides)
    }

    /// The page up to its first thread: the header naming the sides, and the verdicts' legend
    /// (once for every thread's matrix).
    public func batchOpening(sides: MailSides) -> String {
        var out = batchPage(sides).opening()
        HTMLComparisonView.legend(language).render(into: &out)
        return out
    }

    /// One thread's section. Safe to call from several threads at once.
    public func batchThread(_ report: ThreadReport) -> String {
        var out = ""
        batchView.thread(report).render(into: &out)
        return out
    }

    /// The summary of what was read and skipped, and the end of the page.
    public func batchClosing(_ summary: BatchSummary, sides: MailSides) -> String {
        var out = ""
        batchView.summary(summary).render(into: &out)
        return out + batchPage(sides).closing()
    }

    private var batchView: HTMLBatchView { HTMLBatchView(glossary: glossary, language: language) }

    private func batchPage(_ sides: MailSides) -> HTMLPage {
        HTMLPage(
            title: t("Mail threads", "Ветки писем") + ": " + sides.names.joined(separator: " / "),
            language: language,
            header: [batchView.sidesLine(sides), batchView.guide],
            sections: [],
            footer: t("Made by capdiff from the mail of ", "Подготовлено capdiff по переписке ") + sides.names.joined(separator: t(" and ", " и ")) + "."
        )
    }
}
