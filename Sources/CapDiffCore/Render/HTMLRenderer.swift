/// Reports as one self-contained HTML file each: inline style sheet, no scripts, fonts or
/// images, printable on A4 and Letter, well-formed as XML. One entry point per result model;
/// each builds an `HTMLPage` from views (`HTMLComparisonView`, …), so a drift or batch page is
/// another method here composing its own view with the shared page, style and legend. (The
/// playbook, a different document, has its own printers: `PlaybookHTML`, `PlaybookMarkdown`.)
public struct HTMLRenderer {
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
}
