/// The playbook's words in one language: its title and six sections, each a list of items made
/// of runs (plain, strong, quoted). The Markdown and HTML printers only mark the runs up, so
/// both say exactly the same thing, and `--lang both` can pair the two languages item by item
/// (every section has as many items in English as in Russian).
struct PlaybookText {
    enum Run: Equatable {
        case plain(String)
        case strong(String)
        /// A side's own words, in the language that side wrote in.
        case quote(String, Language)
    }

    struct Item {
        var runs: [Run]
        /// The function (and scope) the item is about, if one (for `data-function` and
        /// `data-scope` in HTML).
        var key: ClaimKey?
    }

    /// The sections in the order the teams talk them through.
    enum Part: String, CaseIterable {
        case owned, collaborate, contested, gaps, escalate, questions
    }

    struct Section {
        var part: Part
        /// Without its number: printers number the sections.
        var title: String
        var items: [Item]
    }

    let playbook: Playbook
    let glossary: Glossary
    let language: Language

    init(_ playbook: Playbook, glossary: Glossary, language: Language) {
        self.playbook = playbook
        self.glossary = glossary
        self.language = language == .ru ? .ru : .en
    }

    private func t(_ en: String, _ ru: String) -> String { language == .ru ? ru : en }
    private func label(_ id: String) -> String { glossary.function(id)?.label(language.rawValue) ?? id }
    private func label(_ key: ClaimKey) -> String { glossary.label(function: key.function, scope: key.scope, language: language.rawValue) }
    private func scopeLabel(_ id: String) -> String { glossary.scope(id)?.label(language.rawValue) ?? id }
    private var names: [String] { playbook.sides }

    var title: String {
        t("Partner playbook", "Памятка для партнёров") + ": " + names.joined(separator: t(" and ", " и "))
    }

    /// "From northwind's outline (fixtures/northwind.md) and sever-media's (…)."
    var source: String {
        let files = zip(names, playbook.paths).map { "\($0) (\($1))" }.joined(separator: t(" and ", " и "))
        return t("From the outlines of ", "По описаниям ") + files + "."
    }

    var sections: [Section] {
        [
            Section(part: .owned, title: t("What each side owns", "Кто за что отвечает"), items: owned),
            Section(part: .collaborate, title: t("What we collaborate on, and who leads", "Где работаем вместе и кто ведёт"),
                    items: orNone(collaborations)),
            Section(part: .contested, title: t("Contested: decide before launch", "Спорные функции: решить до запуска"),
                    items: orNone(contested)),
            Section(part: .gaps, title: t("Gaps: close before launch", "Пробелы: закрыть до запуска"), items: orNone(gaps)),
            Section(part: .escalate, title: t("What escalates to leadership", "Что выносим на уровень руководства"),
                    items: orNone(escalations)),
            Section(part: .questions, title: t("Open questions", "Открытые вопросы"), items: orNone(questions)),
        ]
    }

    private func orNone(_ items: [Item]) -> [Item] {
        items.isEmpty ? [Item(runs: [.plain(t("None.", "Нет."))])] : items
    }

    private var owned: [Item] {
        zip(names, playbook.owned).map { name, functions in
            Item(runs: [.strong(name), .plain(functions.isEmpty
                ? t(" owns no function on its own.", " не отвечает единолично ни за одну функцию.")
                : t(" owns: ", " отвечает за: ") + functions.map(label).joined(separator: ", ") + ".")])
        } + playbook.splits.map { split in
            let parts = split.owners.map { "\(scopeLabel($0.scope)) — \(names[$0.side])" }.joined(separator: ", ")
            return Item(runs: [.strong(label(split.function)),
                               .plain(t(": split by market (", ": разделено по рынкам (") + parts
                                   + t("); each side executes in its own market.", "); каждая сторона работает на своём рынке."))],
                        key: ClaimKey(function: split.function))
        }
    }

    private var collaborations: [Item] {
        playbook.collaborations.map { c in
            let how = c.lead.map { t(" — led by \(names[$0]).", " — ведёт \(names[$0]).") }
                ?? t(" — shared, and nobody leads yet: agree who does.", " — совместно, ведущего пока нет: договоритесь, кто ведёт.")
            return Item(runs: [.strong(label(c.key)), .plain(how)], key: c.key)
        }
    }

    private var contested: [Item] {
        playbook.contested.map { row in
            let claims = zip(names, row.evidence).enumerated().map { side, pair in "\(pair.0) (\(lines(pair.1.map(\.line), side: side)))" }
            var decide = t(". Decide who owns it.", ". Решите, кто за неё отвечает.")
            if let proposal = playbook.splitProposals.first(where: { $0.function == row.function }) {
                let parts = zip(names, proposal.scopes).map { "\($0) — \(scopeLabel($1))" }.joined(separator: ", ")
                decide = t(". Their texts allow a split by market (", ". Тексты сторон позволяют разделить её по рынкам (") + parts
                    + t("): each executes in its own market; or decide who owns it.", "): каждая работает на своём рынке; или решите, кто за неё отвечает.")
            }
            return Item(runs: [.strong(label(row.key)),
                               .plain(t(" — both sides claim it: ", " — обе стороны считают функцию своей: ")
                                   + claims.joined(separator: ", ") + decide)],
                        key: row.key)
        }
    }

    private var gaps: [Item] {
        playbook.gaps.map { row in
            let stances = zip(names, row.stances).map { name, stance in "\(name) \(gapStance(stance))" }
            return Item(runs: [.strong(label(row.key)),
                               .plain(t(" — nobody owns it: ", " — никто не отвечает: ") + stances.joined(separator: ", ")
                                   + t(". Agree who takes it on.", ". Договоритесь, кто возьмёт это на себя."))],
                        key: row.key)
        }
    }

    /// What a side says about a function nobody owns.
    private func gapStance(_ stance: Stance?) -> String {
        switch stance {
        case .needs: t("expects the partner to do it", "ждёт этого от партнёра")
        case .excludes: t("does not do it", "этим не занимается")
        case nil: t("does not mention it", "об этом не пишет")
        // A gap row never holds these (see VerdictTable); worded anyway rather than trapped.
        case .owns, .shares, .supports: Words.stance(stance, language)
        }
    }

    private var escalations: [Item] {
        playbook.escalations.map { escalation in
            let reasons = escalation.reasons.map { reason -> String in
                switch reason {
                case .contested: t("contested", "спорная функция")
                case .unclear: t("unclear: someone helps, nobody owns it", "неясно: кто-то помогает, но никто не отвечает")
                case .marked(let side, let line):
                    t("\(names[side]) asks to escalate it (\(lines([line], side: side)))", "\(names[side]) просит вынести на руководство (\(lines([line], side: side)))")
                }
            }
            let because = " — " + reasons.joined(separator: "; ") + "."
            switch escalation.subject {
            case .function(let key):
                return Item(runs: [.strong(label(key)), .plain(because)], key: key)
            case .line(let side, let line, let text):
                return Item(runs: [.strong(names[side] + ", " + lines([line], side: side)), .plain(": "),
                                   .quote(text, playbook.languages[side]), .plain(because)])
            }
        }
    }

    private var questions: [Item] {
        playbook.questions.map { q in
            Item(runs: [.strong(t("For \(names[q.side]):", "Вопрос к \(names[q.side]):")), .plain(" " + ask(q) + " ("
                    + t("your ", "ваша ") + lines([q.line], side: q.side) + ": "), .quote(q.text, playbook.languages[q.side]), .plain(")")],
                 key: q.functions.count == 1 ? ClaimKey(function: q.functions[0]) : nil)
        }
    }

    /// The question itself, addressed to the side that wrote the line ("you") by the other ("us").
    private func ask(_ q: Playbook.Question) -> String {
        let labels = q.functions.map(label)
        let topic = labels.isEmpty ? nil : labels.joined(separator: ", ")
        switch q.ask {
        case .whoDoesIt:
            return topic.map { t("\($0): who will do it, you or us?", "\($0): кто будет это делать — вы или мы?") }
                ?? t("Who will do this, you or us?", "Кто будет это делать — вы или мы?")
        case .whoOwnsItAndWhen:
            return topic.map { t("\($0): who owns it, and when does the condition apply?", "\($0): кто за это отвечает и когда действует оговорка?") }
                ?? t("Who owns this, and when does the condition apply?", "Кто за это отвечает и когда действует оговорка?")
        case .whichFunction:
            guard labels.count >= 2 else {
                return t("Which function do you mean here, and who owns it?", "Какую функцию вы имеете в виду и кто за неё отвечает?")
            }
            let choice = labels.dropLast().joined(separator: ", ") + t(" or ", " или ") + labels.last!
            return t("Which do you mean: \(choice)? And who owns it?", "Что вы имеете в виду: \(choice)? И кто за это отвечает?")
        case .whatItCovers:
            return t("What does this cover, and who owns it?", "Что сюда входит и кто за это отвечает?")
        case .whichIsIt:
            let others = Array(Set(q.contradictions.map(\.line))).sorted()
            let subject = topic ?? t("this", "это")
            return t("\(subject): which is it? Your \(lines(others, side: q.side)) says the opposite.",
                     "\(subject): как на самом деле? В вашем тексте (\(lines(others, side: q.side))) сказано обратное.")
        case .retype:
            return t("Could you retype this line? A word in it mixes Latin and Cyrillic letters, which search and translation miss.",
                     "Не могли бы вы перепечатать эту строку? В одном из слов смешаны латинские и кириллические буквы — поиск и перевод его не распознают.")
        }
    }

    /// "line 6", "lines 6, 27" / «строка 6», «строки 6, 27»; in a PDF or a deck "page 3, line 12;
    /// page 4, line 2", "slide 4, line 2".
    private func lines(_ numbers: [Int], side: Int) -> String {
        if let pages = playbook.pages[side] {
            return numbers.map { pages.location(ofLine: $0).text(language) }.joined(separator: "; ")
        }
        let list = numbers.map(String.init).joined(separator: ", ")
        return numbers.count == 1 ? t("line ", "строка ") + list : t("lines ", "строки ") + list
    }
}
