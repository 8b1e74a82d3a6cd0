/// `capdiff batch` (and `merge`) as HTML sections: a section per thread (its subject, Message-ID,
/// messages and sides, then its capability matrix as `HTMLComparisonView` draws it, a heading
/// level down, each quoted line naming its message), and the closing summary of what was read,
/// analysed and skipped, and why.
struct HTMLBatchView {
    var glossary: Glossary
    var language: Language

    private func t(_ en: String, _ ru: String) -> String { language == .ru ? ru : en }

    /// "us: @northwind-agency.com, @northwind.us · ru: @sever-media.ru", for the page header.
    func sidesLine(_ sides: MailSides) -> HTMLNode {
        .tag("p", [("class", "meta")], t("Sides by sender: ", "Стороны по отправителям: ")
            + sides.sides.map { "\($0.name): \($0.patterns.joined(separator: ", "))" }.joined(separator: " · "))
    }

    /// Where to find what: threads in input order, the summary at the end.
    var guide: HTMLNode {
        .tag("p", [("class", "meta")], [
            .text(t("A section per mail thread, in the order of its first message; ", "По разделу на каждую ветку писем, в порядке первого письма; ")),
            .tag("a", [("href", "#summary")], t("what was read and skipped", "что прочитано и что пропущено")),
            .text(t(" is at the end.", " — в конце.")),
        ])
    }

    // MARK: A thread

    func thread(_ report: ThreadReport) -> HTMLNode {
        let view = HTMLComparisonView(comparison: report.comparison, glossary: glossary, language: language, headingLevel: 3,
                                      claimPlaces: places(report.claimSources, report),
                                      ambiguityPlaces: places(report.ambiguitySources, report))
        var meta: [(String, String)] = [
            (t("Thread", "Ветка"), report.thread ?? t("(no Message-ID)", "(без Message-ID)")),
            (t("Messages", "Писем"), String(report.messages)),
            (t("Sides", "Стороны"), sidesOf(report)),
        ]
        for (side, listed) in report.attachmentClaims.enumerated() where !listed.isEmpty {
            meta.append((t("Not credited (in attachments of ", "Не учтены (во вложениях стороны ") + report.comparison.sides[side].name + ")",
                         listed.map { claim, source in
                             "\(glossary.label(function: claim.function, scope: claim.scope, language: language.rawValue)) — \(claim.stance.rawValue) (\(source.attachment ?? "?"))"
                         }.joined(separator: "; ")))
        }
        if !report.unsidedSenders.isEmpty {
            meta.append((t("Not credited (no side)", "Не учтены (ни одной стороны)"), report.unsidedSenders.map { sender in
                "\(sender.address) (\(sender.messages) " + messages(sender.messages) + ")"
            }.joined(separator: ", ")))
        }
        let list = HTMLNode.tag("dl", [("class", "thread-meta")], meta.flatMap { key, value in
            [HTMLNode.tag("dt", [], key), .tag("dd", [], value)]
        })
        return .tag("section", [("class", "thread"), ("data-thread", report.thread)], [
            .tag("h2", [], report.subject.flatMap { $0.isEmpty ? nil : $0 } ?? t("(no subject)", "(без темы)")),
            list,
            view.summaryLine,
        ] + view.sections)
    }

    /// "us (en), ru (ru)": each side's name and the language of its messages; a side none of
    /// whose lines is credited says so (its language would be a guess).
    private func sidesOf(_ report: ThreadReport) -> String {
        report.comparison.sides.map { side in
            side.analysis.claims.isEmpty && side.analysis.ambiguities.isEmpty
                ? side.name + t(": nothing credited", ": ничего не учтено")
                : "\(side.name) (\(side.analysis.language.rawValue))"
        }.joined(separator: ", ")
    }

    /// "message 3, 2027-01-13 14:00 UTC": the message a line belongs to (its file too, when a
    /// side's messages are files of their own, as in a Maildir), and the attachment it is in.
    private func places(_ sources: [[ThreadReport.Source]], _ report: ThreadReport) -> [[HTMLComparisonView.Place]] {
        sources.enumerated().map { side, sources in
            let sidePath = side < report.comparison.sides.count ? report.comparison.sides[side].analysis.path : ""
            return sources.map { source in
                var parts: [String] = []
                let message = t("message", "письмо") + " \(source.number)"
                if source.file != sidePath {
                    parts.append((source.file.split(separator: "/").last.map(String.init) ?? source.file) + ", " + message)
                } else {
                    parts.append(message)
                }
                if let date = source.date { parts.append(Self.date(date)) }
                if let attachment = source.attachment { parts.append(t("attachment ", "вложение ") + attachment) }
                return HTMLComparisonView.Place(text: parts.joined(separator: ", "), title: source.messageID)
            }
        }
    }

    /// "2027-01-13 14:00 UTC".
    static func date(_ seconds: Int64) -> String {
        let iso = MailJSONViews.isoDate(seconds)  // 2027-01-13T14:00:00Z
        return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5) + " UTC"
    }

    private func messages(_ n: Int) -> String {
        language == .ru ? (n % 10 == 1 && n % 100 != 11 ? "письмо" : (2...4).contains(n % 10) && !(12...14).contains(n % 100) ? "письма" : "писем")
            : n == 1 ? "message" : "messages"
    }

    // MARK: The summary

    /// What was read, analysed and skipped (and why), the threads and their rows by verdict, and
    /// the first problems. No timing: the page is a report, not a benchmark.
    func summary(_ summary: BatchSummary) -> HTMLNode {
        var rows: [(String, Int, detail: Bool)] = [
            (t("Files", "Файлов"), summary.files, false),
            (t("Messages read", "Писем прочитано"), summary.messagesRead, false),
            (t("Messages analysed", "Писем разобрано"), summary.messagesAnalysed, false),
            (t("Messages skipped", "Писем пропущено"), summary.messagesSkipped, false),
        ]
        rows += summary.skipped.sorted { $0.key < $1.key }.map { (t("skipped: ", "пропущено: ") + $0.key, $0.value, true) }
        if !summary.filesSkipped.isEmpty {
            rows.append((t("Files skipped", "Файлов пропущено"), summary.filesSkipped.values.reduce(0, +), false))
            rows += summary.filesSkipped.sorted { $0.key < $1.key }.map { (t("skipped: ", "пропущено: ") + $0.key, $0.value, true) }
        }
        if summary.attachmentsRead + summary.attachmentsSkipped > 0 {
            rows.append((t("Attachments read", "Вложений прочитано"), summary.attachmentsRead, false))
            rows.append((t("Attachments skipped", "Вложений пропущено"), summary.attachmentsSkipped, false))
        }
        if summary.unsidedMessages > 0 {
            rows.append((t("Messages from senders of neither side, not credited", "Писем от отправителей вне сторон (не учтены)"),
                         summary.unsidedMessages, false))
            rows.append((t("their senders", "их отправителей"), summary.unsidedSenders, true))
        }
        if summary.charsetCorrections > 0 {
            rows.append((t("Text parts read in a detected charset (label missing or wrong)",
                           "Текстов, прочитанных в определённой кодировке (метка отсутствует или неверна)"),
                         summary.charsetCorrections, false))
        }
        rows.append((t("Threads", "Веток"), summary.threads, false))
        let body = rows.map { label, count, detail in
            HTMLNode.tag("tr", detail ? [("class", "detail")] : [], [.tag("th", [("scope", "row")], label), .tag("td", [("class", "count")], String(count))])
        }
        let table = HTMLNode.tag("table", [("class", "batch-summary")], [
            .tag("caption", [], t("What was read, analysed and skipped", "Что прочитано, разобрано и пропущено")),
            .tag("colgroup", [], [.tag("col", [("class", "col-what")]), .tag("col", [("class", "col-count")])]),
            .tag("thead", [], [.tag("tr", [], [.tag("th", [("scope", "col")], t("What", "Что")),
                                               .tag("th", [("scope", "col")], t("How many", "Сколько"))])]),
            .tag("tbody", [], body),
        ])
        let verdicts = Verdict.allCases.map { "\(summary.verdicts[$0.rawValue] ?? 0) \(Words.verdict($0, language))" }.joined(separator: ", ")
        var children: [HTMLNode] = [
            .tag("h2", [], t("Summary", "Итог")),
            .tag("p", [("class", "summary")],
                 t("Read \(summary.messagesRead) \(messages(summary.messagesRead)) from \(summary.files) file\(summary.files == 1 ? "" : "s"): \(summary.messagesAnalysed) analysed, \(summary.messagesSkipped) skipped. ",
                   "Прочитано писем: \(summary.messagesRead), файлов: \(summary.files); разобрано: \(summary.messagesAnalysed), пропущено: \(summary.messagesSkipped). ")
                 + t("\(summary.threads) thread\(summary.threads == 1 ? "" : "s"); rows: ", "Веток: \(summary.threads); строк: ") + verdicts + "."),
            table,
        ]
        if !summary.problems.isEmpty {
            var items = summary.problems.map { HTMLNode.tag("li", [("lang", "en")], $0.description) }
            if summary.problemsOmitted > 0 {
                items.append(.tag("li", [], t("and \(summary.problemsOmitted) more (each was reported on stderr)",
                                              "и ещё \(summary.problemsOmitted) (каждая выведена в stderr)")))
            }
            children += [.tag("h3", [], t("Problems", "Проблемы")), .tag("ul", [("class", "problems")], items)]
        }
        return .tag("section", [("class", "batch-summary"), ("id", "summary")], children)
    }
}
