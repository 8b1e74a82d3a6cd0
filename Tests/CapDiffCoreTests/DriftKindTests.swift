import Testing
@testable import CapDiffCore

/// Each drift kind of the contract, found in a small agreement and its translation, and the
/// faithful renderings of the same clauses that must not count as drift.
@Suite struct DriftKindTests {
    let checker: DriftChecker

    init() throws {
        checker = DriftChecker(glossary: try GlossaryReader.load(layers: []))
    }

    static let parties = "1.1 Northwind Agency LLC (the \"Agency\") and Sever Media LLC (the \"Partner\") agree as follows."
    static let стороны = "1.1 Northwind Agency LLC («Агентство») и ООО «Север Медиа» («Партнёр») договорились о следующем."

    /// "clause kind" for every drift between two agreements that share the parties clause.
    func drift(_ en: String, _ ru: String) -> Set<String> {
        let source = OutlineReader().read(SourceText(path: "a.en.md", text: Self.parties + "\n" + en))
        let translation = OutlineReader().read(SourceText(path: "a.ru.md", text: Self.стороны + "\n" + ru))
        return Set(checker.check(source: source, translation: translation).items.map { "\($0.clause) \($0.kind.rawValue)" })
    }

    @Test func party() {
        #expect(drift("2.1 The Agency shall handle outreach.", "2.1 Партнёр обязуется вести аутрич.") == ["2.1 party"])
        #expect(drift("2.1 The Agency shall pay the Partner.", "2.1 Партнёр обязуется заплатить Агентству.") == ["2.1 party"])
        #expect(drift("2.1 The Agency shall pay the Partner.", "2.1 Агентство обязуется заплатить Партнёру.").isEmpty)
        // An English passive names its actor after "by".
        #expect(drift("2.1 The Partner shall be paid by the Agency.", "2.1 Агентство выплачивает Партнёру вознаграждение.").isEmpty)
        #expect(drift("2.1 The Partner shall be paid by the Agency.", "2.1 Партнёр выплачивает Агентству вознаграждение.") == ["2.1 party"])
        // «(далее — «Партнёр»)» defines the same party as (hereinafter the "Partner").
        let source = OutlineReader().read(SourceText(path: "a.en.md", text: "1.1 Sever Media LLC (hereinafter the \"Partner\") agrees.\n2.1 The Partner shall pay."))
        let translation = OutlineReader().read(SourceText(path: "a.ru.md", text: "1.1 ООО «Север Медиа» (далее — «Партнёр») соглашается.\n2.1 Партнёр обязуется платить."))
        #expect(checker.check(source: source, translation: translation).items.isEmpty)
        // Parties named without a legal form are parties when both sides name them so.
        let named = OutlineReader().read(SourceText(path: "b.en.md", text: "1.1 Northwind (the \"Agency\") and Sever (the \"Partner\") agree.\n2.1 The Agency shall pay."))
        let названы = OutlineReader().read(SourceText(path: "b.ru.md", text: "1.1 Northwind («Агентство») и Север («Партнёр») договорились.\n2.1 Партнёр обязуется платить."))
        #expect(checker.check(source: named, translation: названы).items.map(\.kind) == [.party])
    }

    @Test func partiesActingTogetherInEitherOrderAreNoSwap() {
        #expect(drift("2.1 The Agency and the Partner shall jointly produce the videos.",
                      "2.1 Агентство и Партнёр совместно производят видео.").isEmpty)
        #expect(drift("2.1 The Agency and the Partner shall jointly produce the videos.",
                      "2.1 Партнёр и Агентство совместно производят видео.").isEmpty)
    }

    @Test func freeOfChargeIsNoNegation() {
        #expect(drift("2.1 The Agency shall correct errors at no additional charge.",
                      "2.1 Агентство без дополнительной оплаты исправляет ошибки.").isEmpty)
        #expect(drift("2.1 The Agency shall at no time disclose the data.",
                      "2.1 Агентство раскрывает данные.") == ["2.1 negation"])
    }

    @Test func stance() {
        #expect(drift("2.3 The Agency shall develop the concept jointly with the Partner.", "2.3 Агентство самостоятельно разрабатывает концепцию.")
            == ["2.3 stance"])
        #expect(drift("2.3 The Agency shall develop the concept jointly with the Partner.", "2.3 Агентство разрабатывает концепцию совместно с Партнёром.")
            .isEmpty)
        // Helping that became being responsible.
        #expect(drift("2.4 The Partner shall assist the Agency with performance analysis.", "2.4 Партнёр отвечает за анализ эффективности Агентства.")
            == ["2.4 stance"])
        #expect(drift("2.4 The Partner shall assist the Agency with performance analysis.", "2.4 Партнёр помогает Агентству с анализом эффективности.")
            .isEmpty)
        // Whatever else the helping side says ("by sharing" reads as working jointly).
        #expect(drift("2.4 The Agency assists the Partner with casting by sharing its creator database.",
                      "2.4 Агентство отвечает за кастинг и предоставляет свою базу блогеров.") == ["2.4 stance"])
    }

    @Test func modality() {
        #expect(drift("4.2 The Partner shall provide weekly reports.", "4.2 Партнёр вправе предоставлять еженедельные отчёты.") == ["4.2 modality"])
        #expect(drift("4.2 The Partner may request two rounds of revisions.", "4.2 Партнёр обязуется запросить два раунда правок.") == ["4.2 modality"])
        // Russian present tense renders "shall"; "shall not" and «не вправе» both forbid.
        #expect(drift("4.2 The Agency shall be responsible for analytics.", "4.2 Агентство отвечает за аналитику.").isEmpty)
        #expect(drift("4.3 Neither Party shall publish content.", "4.3 Ни одна из Сторон не вправе публиковать материалы.").isEmpty)
        // "where possible" leaves the obligation to the party.
        #expect(drift("4.2 The Partner shall provide weekly reports.", "4.2 Партнёр по возможности предоставляет еженедельные отчёты.") == ["4.2 modality"])
        #expect(drift("4.2 The Partner shall, where possible, provide weekly reports.", "4.2 Партнёр по возможности предоставляет еженедельные отчёты.").isEmpty)
        // «Агентство» is neuter: «обязано».
        #expect(drift("4.4 The Agency may terminate this Agreement.", "4.4 Агентство обязано расторгнуть настоящее Соглашение.") == ["4.4 modality"])
    }

    @Test func negation() {
        #expect(drift("6.2 This restriction does not apply to organic posts.", "6.2 Ограничение распространяется на органические публикации.")
            == ["6.2 negation"])
        #expect(drift("6.2 This restriction does not apply to organic posts.", "6.2 Ограничение не распространяется на органические публикации.")
            .isEmpty)
        // «не позднее» is "no later than", not a negation; neither is «не подлежащую отмене».
        #expect(drift("5.2 Videos are delivered by March 29, 2027.", "5.2 Ролики сдаются не позднее 29 марта 2027 г.").isEmpty)
        #expect(drift("2.1 The Agency grants an irrevocable licence.", "2.1 Агентство предоставляет не подлежащую отмене лицензию.").isEmpty)
        // Bounds negate nothing: «не ниже» is "at least", "not exceeding" is «не более».
        #expect(drift("5.1 Engagement rate of at least 4.2%.", "5.1 Уровень вовлечённости не ниже 4,2 %.").isEmpty)
        #expect(drift("5.1 A discount not exceeding 10%.", "5.1 Скидка не более 10 %.").isEmpty)
        #expect(drift("5.1 Posts appear at least once a week.", "5.1 Публикации выходят не реже одного раза в неделю.").isEmpty)
        #expect(drift("5.1 The cost per click shall not be higher than $0.50.", "5.1 Стоимость клика должна быть не выше 0,50 доллара США.").isEmpty)
        // A prohibition forbids as "must not" does.
        #expect(drift("6.3 Creators must not mention competitors.", "6.3 Блогерам запрещено упоминать конкурентов.").isEmpty)
        #expect(drift("6.3 Creators may mention competitors.", "6.3 Блогерам запрещается упоминать конкурентов.") == ["6.3 negation"])
        // Two negations in a row cancel: «не запрещаются» allows.
        #expect(drift("6.3 Price comparisons are prohibited.", "6.3 Сравнение цен не запрещается.") == ["6.3 negation"])
        #expect(drift("6.3 Price comparisons are not prohibited.", "6.3 Сравнение цен допускается.").isEmpty)
        // A verb negated is still a negation: "shall not exceed" is no bound phrase.
        #expect(drift("5.2 Each fee shall not exceed $300.", "5.2 Каждый гонорар превышает 300 долларов США.") == ["5.2 negation"])
        // "unless" is «если … не» as often as not.
        #expect(drift("8.3 A term is waived unless the Agency objects.", "8.3 Условие считается отменённым, если Агентство не возражает.")
            .isEmpty)
    }

    @Test func numberAndDate() {
        #expect(drift("3.2 Each invoice is paid within thirty (30) days.", "3.2 Каждый счёт оплачивается в течение шестидесяти (60) дней.")
            == ["3.2 number"])
        #expect(drift("3.2 The fee is $36,000.", "3.2 Вознаграждение составляет 36 000 руб.") == ["3.2 number"])
        #expect(drift("5.1 Shooting starts on March 1, 2027.", "5.1 Съёмки начинаются 1 апреля 2027 г.") == ["5.1 date"])
        #expect(drift("5.1 Shooting starts on March 1, 2027.", "5.1 Съёмки начинаются 01.03.2027.").isEmpty)
        // A figure written out in words, an ordinal most often, is the same number.
        #expect(drift("4.1 Wave 1: March 15, 2027; Wave 2: May 10, 2027.", "4.1 Первая волна: 15.03.2027; вторая волна: 10.05.2027.").isEmpty)
        #expect(drift("4.1 Wave 1: March 15, 2027; Wave 2: May 10, 2027.", "4.1 Первая волна: 15.03.2027; третья волна: 10.05.2027.")
            == ["4.1 number"])
        #expect(drift("4.1 Phase two starts on May 10, 2027.", "4.1 Этап 2 начинается 10.05.2027.").isEmpty)
        // «часам» is hours, and watches too.
        #expect(drift("4.3 The Partner shall ship one watch to each creator.", "4.3 Партнёр отправляет каждому блогеру по одним часам.").isEmpty)
        #expect(drift("4.3 Reports are due within two weeks.", "4.3 Отчёты предоставляются в течение трёх недель.") == ["4.3 number"])
        // A range of days writes the month once.
        #expect(drift("4.2 Hiking shoots: June 7–18, 2027.", "4.2 Съёмки в походах: с 7 по 18 июня 2027 г.").isEmpty)
        #expect(drift("4.2 Hiking shoots: June 7–18, 2027.", "4.2 Съёмки в походах: с 7 по 28 июня 2027 г.") == ["4.2 date"])
    }

    @Test func function() {
        #expect(drift("4.1 The Partner shall be responsible for performance analysis.", "4.1 Партнёр отвечает за разработку брифов.")
            == ["4.1 function"])
        #expect(drift("4.1 The Partner shall be responsible for performance analysis.", "4.1 Партнёр отвечает за анализ эффективности.")
            .isEmpty)
        // The glossary reads "status reports" as client relations and «отчёты» as reporting on
        // results; either phrase could name the other's function, so neither changed.
        #expect(drift("4.2 The Partner shall provide weekly status reports to the Agency.", "4.2 Партнёр обязуется предоставлять Агентству еженедельные отчёты.")
            .isEmpty)
        // A word the glossary matches as written ("localization") is not its stem ("local").
        #expect(drift("4.3 The Partner shall be responsible for localization of scripts.", "4.3 Партнёр отвечает за креативное руководство.")
            == ["4.3 function"])
        // «ТЗ для блогеров» holds no more of «договоры с блогерами» than the word «блогеров».
        #expect(drift("4.3 The Partner shall be responsible for writing the creator briefs.", "4.3 Партнёр отвечает за договоры с блогерами.")
            == ["4.3 function"])
        // "key messages" are what «ключевые сообщения» are: brief writing.
        #expect(drift("2.1 The Agency shall be responsible for: (a) the key messages; (b) approval of all scripts.",
                      "2.1 Агентство отвечает за: а) ключевые сообщения; б) утверждение всех сценариев.").isEmpty)
        // An English phrase before another is its modifier: these are reports.
        #expect(drift("4.2 The Partner shall provide weekly production status reports.", "4.2 Партнёр предоставляет еженедельные отчёты о ходе производства.")
            .isEmpty)
        // One word in common with another function's phrase ("performance marketing") is not
        // enough to read the phrase as that function.
        #expect(drift("5.2 The Partner shall be responsible for performance analysis.", "5.2 Партнёр отвечает за платное продвижение.")
            == ["5.2 function"])
        // What a function works on is no function of its own: promoting videos is not making them.
        #expect(drift("2.3 The Partner shall produce short-form videos with creators.",
                      "2.3 Партнёр обязуется вести платное продвижение коротких видео блогеров.") == ["2.3 function"])
        #expect(drift("2.3 The Partner shall produce short-form videos with creators.",
                      "2.3 Партнёр обязуется снимать короткие видео с блогерами.").isEmpty)
        // After a one-word match the next words say which: «расходов на проезд» are travel costs.
        #expect(drift("3.3 The Partner may request reimbursement of travel costs.", "3.3 Партнёр вправе запросить возмещение расходов на проезд.")
            .isEmpty)
        // The function of an item only one side has is that item's addition, not a change.
        #expect(drift("2.2 The Partner shall handle: (a) creator outreach; (b) coordination of restaurant visits for shoots.",
                      "2.2 Партнёр отвечает за: а) аутрич блогеров; б) организацию посещений ресторанов для съёмок; в) выплату гонораров блогерам.")
            == ["2.2 addition"])
    }

    @Test func name() {
        // A company whose name is made of words the text also uses in lower case.
        let en = OutlineReader().read(SourceText(path: "z.en.md", text: "1.1 Zvezda Creators LLC (the \"Partner\") will engage food creators."))
        let ru = OutlineReader().read(SourceText(path: "z.ru.md", text: "1.1 ООО «Заря Криэйторс» («Партнёр») привлекает блогеров."))
        let same = OutlineReader().read(SourceText(path: "s.ru.md", text: "1.1 ООО «Звезда Криэйторс» («Партнёр») привлекает блогеров."))
        #expect(checker.check(source: en, translation: ru).items.map { "\($0.clause) \($0.kind.rawValue)" } == ["1.1 name"])
        #expect(checker.check(source: en, translation: same).items.isEmpty)
        #expect(drift("7.2 Partner: Anna Petrova, Creative Director.", "7.2 Партнёр: Анна Смирнова, креативный директор.") == ["7.2 name"])
        #expect(drift("7.2 Partner: Anna Petrova, Creative Director.", "7.2 Партнёр: Анна Петрова, креативный директор.").isEmpty)
        #expect(drift("7.2 Partner: Anna Petrova, Creative Director.", "7.2 Партнёр: Мария Смирнова, креативный директор.") == ["7.2 name"])
        #expect(drift("7.1 Agency: Sever Media LLC, Moscow.", "7.1 Агентство: ООО «Север Групп», Москва.") == ["7.1 name"])
        // One sound more is another name: Gusev is not Guseinov.
        #expect(drift("7.2 Partner: Artyom Gusev, CEO.", "7.2 Партнёр: Артём Гусейнов, генеральный директор.") == ["7.2 name"])
        // A company renamed whole, its name starting a sentence.
        #expect(drift("7.3 Partner: Bluegate Partners Inc.", "7.3 Партнёр: «Грингейт Партнерс Инк.»") == ["7.3 name"])
        #expect(drift("7.3 Partner: Bluegate Partners Inc.", "7.3 Партнёр: «Блюгейт Партнерс Инк.»").isEmpty)
    }

    @Test func omissionAndAddition() {
        #expect(drift("6.2 Posts carry a disclosure.\n6.3 The Agency may use the content.", "6.2 Публикации содержат пометку.")
            == ["6.3 omission"])
        #expect(drift("6.2 Posts carry a disclosure.", "6.2 Публикации содержат пометку.\n6.3 Партнёр вправе привлекать субподрядчиков.")
            == ["6.3 addition"])
        // An item missing inside a clause is an omission of that clause.
        #expect(drift("2.2 The Partner shall be responsible for: (a) creator outreach; (b) scheduling; (c) localization of captions.",
                      "2.2 Партнёр отвечает за: а) аутрич блогеров; б) планирование.") == ["2.2 omission"])
        // So is an item on a line of its own: the clause is "2.2", not its item "(b)".
        #expect(drift("2.2 The Partner shall be responsible for:\n(a) creator outreach;\n(b) collecting signed contracts;\n(c) shipping products.",
                      "2.2 Партнёр отвечает за:\nа) аутрич блогеров;\nб) отправку продукции.") == ["2.2 omission"])
        // Items numbered "1)" under a clause that introduces them are its items too.
        #expect(drift("2.2 The Partner shall handle:\n1) creator outreach;\n2) contracts with creators;\n3) shipping products.",
                      "2.2 Партнёр отвечает за:\n1) аутрич блогеров;\n2) договоры с блогерами.") == ["2.2 omission"])
        // What a left-out item states is part of its omission.
        #expect(drift("2.2 The Partner shall handle: (a) creator outreach; (b) contracts; (c) shipping 50 products to Anna Petrova.",
                      "2.2 Партнёр отвечает за: а) аутрич блогеров; б) договоры.") == ["2.2 omission"])
        // "(i)" and «1)» both number items, not quantities.
        #expect(drift("2.2 The Partner shall: (i) find creators; (ii) sign contracts; (iii) ship products.",
                      "2.2 Партнёр обязуется: 1) находить блогеров; 2) подписывать договоры; 3) отправлять продукцию.").isEmpty)
        // So is a bulleted item, however short.
        #expect(drift("2.1 The Partner shall provide:\n- creator outreach;\n- product seeding;\n- reporting.",
                      "2.1 Партнёр обязуется обеспечить:\n- аутрич блогеров;\n- рассылку продукта.") == ["2.1 omission"])
        // A sentence the translation adds inside a clause is an addition to that clause.
        #expect(drift("""
            2.1 The Agency shall be responsible for content production, including shoots and editing.
            2.2 The Partner shall be responsible for performance analysis and paid amplification.
            3.1 Everyone has the right to rest and leisure, including paid holidays.
            """, """
            2.1 Агентство отвечает за производство контента, включая съёмки и монтаж.
            2.2 Партнёр отвечает за анализ эффективности и платное продвижение.
            3.1 Каждый имеет право на отдых и досуг, включая оплачиваемый отпуск. Это право может быть ограничено законом.
            """) == ["3.1 addition"])
    }

    @Test func eitherLanguageMayBeTheSource() {
        let en = OutlineReader().read(SourceText(path: "a.en.md", text: Self.parties + "\n3.2 Each invoice is paid within 30 days."))
        let ru = OutlineReader().read(SourceText(path: "a.ru.md", text: Self.стороны + "\n3.2 Каждый счёт оплачивается в течение 60 дней."))
        let report = checker.check(source: ru, translation: en)
        #expect(report.source.language == .ru && report.translation.language == .en)
        #expect(report.items.map { "\($0.clause) \($0.kind.rawValue) \($0.source) → \($0.translation)" } == ["3.2 number 60 дней → 30 days"])
    }
}
