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
    }

    @Test func modality() {
        #expect(drift("4.2 The Partner shall provide weekly reports.", "4.2 Партнёр вправе предоставлять еженедельные отчёты.") == ["4.2 modality"])
        #expect(drift("4.2 The Partner may request two rounds of revisions.", "4.2 Партнёр обязуется запросить два раунда правок.") == ["4.2 modality"])
        // Russian present tense renders "shall"; "shall not" and «не вправе» both forbid.
        #expect(drift("4.2 The Agency shall be responsible for analytics.", "4.2 Агентство отвечает за аналитику.").isEmpty)
        #expect(drift("4.3 Neither Party shall publish content.", "4.3 Ни одна из Сторон не вправе публиковать материалы.").isEmpty)
    }

    @Test func negation() {
        #expect(drift("6.2 This restriction does not apply to organic posts.", "6.2 Ограничение распространяется на органические публикации.")
            == ["6.2 negation"])
        #expect(drift("6.2 This restriction does not apply to organic posts.", "6.2 Ограничение не распространяется на органические публикации.")
            .isEmpty)
        // «не позднее» is "no later than", not a negation; neither is «не подлежащую отмене».
        #expect(drift("5.2 Videos are delivered by March 29, 2027.", "5.2 Ролики сдаются не позднее 29 марта 2027 г.").isEmpty)
        #expect(drift("2.1 The Agency grants an irrevocable licence.", "2.1 Агентство предоставляет не подлежащую отмене лицензию.").isEmpty)
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
    }

    @Test func name() {
        #expect(drift("7.2 Partner: Anna Petrova, Creative Director.", "7.2 Партнёр: Анна Смирнова, креативный директор.") == ["7.2 name"])
        #expect(drift("7.2 Partner: Anna Petrova, Creative Director.", "7.2 Партнёр: Анна Петрова, креативный директор.").isEmpty)
        #expect(drift("7.2 Partner: Anna Petrova, Creative Director.", "7.2 Партнёр: Мария Смирнова, креативный директор.") == ["7.2 name"])
        #expect(drift("7.1 Agency: Sever Media LLC, Moscow.", "7.1 Агентство: ООО «Север Групп», Москва.") == ["7.1 name"])
    }

    @Test func omissionAndAddition() {
        #expect(drift("6.2 Posts carry a disclosure.\n6.3 The Agency may use the content.", "6.2 Публикации содержат пометку.")
            == ["6.3 omission"])
        #expect(drift("6.2 Posts carry a disclosure.", "6.2 Публикации содержат пометку.\n6.3 Партнёр вправе привлекать субподрядчиков.")
            == ["6.3 addition"])
        // An item missing inside a clause is an omission of that clause.
        #expect(drift("2.2 The Partner shall be responsible for: (a) creator outreach; (b) scheduling; (c) localization of captions.",
                      "2.2 Партнёр отвечает за: а) аутрич блогеров; б) планирование.") == ["2.2 omission"])
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
