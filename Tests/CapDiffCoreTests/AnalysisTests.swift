import Testing
@testable import CapDiffCore

/// Stance, negation, heading scope and the ambiguity kinds, on small outlines.
@Suite struct AnalysisTests {
    let pipeline: Pipeline

    init() throws { pipeline = try Shared.pipeline() }

    func analyze(_ text: String, path: String = "t.md") -> Analysis {
        pipeline.analyze(SourceText(path: path, text: text))
    }

    /// Each function's document-level stance.
    func stances(_ text: String) -> [ClaimKey: Stance] { analyze(text).stances }

    func kinds(_ text: String, line: Int) -> [AmbiguityKind] {
        analyze(text).ambiguities.first { $0.line == line }?.kinds ?? []
    }

    // MARK: Stance cues

    @Test func cuesInTheItemGiveTheStance() {
        #expect(stances("- We own the creative concept.") == ["creative-direction": .owns])
        #expect(stances("- We co-produce the videos with your team.") == ["content-production": .shares])
        #expect(stances("- Content production: we co-produce the hero videos.") == ["content-production": .shares])
        #expect(stances("- We can advise on paid media.") == ["paid-media": .supports])
        #expect(stances("- We need you to handle creator outreach.") == ["outreach": .needs])
        #expect(stances("- Paid media is out of scope for us.") == ["paid-media": .excludes])
    }

    @Test func workAskedOfSomeoneNamedIsANeed() {
        #expect(stances("- We need Volna to run the creator payments.") == ["budget-payments": .needs])
        #expect(stances("- We expect Anna to lead outreach.") == ["outreach": .needs])
        // Nobody else is named: the work is ours.
        #expect(stances("- We need to run paid media ourselves.") == ["paid-media": .owns])
        #expect(stances("- We need our team to run paid media.") == ["paid-media": .owns])
    }

    @Test func intensifiersDoNotHideACue() {
        #expect(stances("- Client communication stays entirely with you.") == ["client-relations": .needs])
        #expect(stances("- Логистика полностью на вашей стороне.") == ["logistics": .needs])
    }

    @Test func aStanceWordInsideAnotherPhraseStatesNoStance() {
        // "put together" is assembled, not shared; its passive names no owner.
        #expect(stances("We put together the monthly reports.") == ["performance-analysis": .owns])
        #expect(stances("Wrap reports will be put together after each wave.").isEmpty)
        #expect(kinds("Wrap reports will be put together after each wave.", line: 1) == [.vagueOwner])
        #expect(stances("## Off the table for us\n- Media buying and boosted posts.") == ["paid-media": .excludes])
    }

    @Test func aPhraseHangingOffAnotherNamesItsFunctionInPassing() {
        #expect(stances("- We handle location permits and travel for the LA shoot.") == ["logistics": .owns])
        #expect(stances("- Бюджет съёмок ведём совместно.") == ["budget-payments": .shares])
        #expect(stances("- We own legal review of the US creator contracts.") == ["legal-contracts@us": .owns])
        // Joined by "and", both are named in their own right.
        #expect(stances("- We handle travel and the shoot.") == ["logistics": .owns, "content-production": .owns])
        #expect(stances("- We do talent management for our US creator roster.") == ["influencer-relations@us": .owns])
        #expect(stances("- We adapt captions for a Russian-speaking audience.") == ["localization@ru": .owns])
        // Named in its own right, it is a claim.
        #expect(stances("- We own outreach and Russian market knowledge.") == ["outreach": .owns, "ru-market": .owns])
    }

    @Test func aTableNamingOnlyThePartnerHasTheWritersColumnBesideIt() {
        let table = """
        | Area | Harbor | Partner | Notes |
        |---|---|---|---|
        | Creative concept | Lead | Input | media budget sits with the client |
        | Creator outreach | — | Lead | |
        | Reporting & KPIs | Joint | Joint | |
        | Localization | ? | ? | to be confirmed |
        """
        // The notes column names no function of its own; "Input" is a hand, not a lead.
        #expect(stances(table) == ["creative-direction": .owns, "outreach": .needs, "performance-analysis": .shares])
    }

    @Test func checklistTicksAndCrosses() {
        let list = "Can we do it?\n✓ creator outreach\n✗ paid ads and boosting\n"
        #expect(stances(list) == ["outreach": .owns, "paid-media": .excludes])
    }

    @Test func aQuestionnairesYesAtTheEndOfTheLineClaimsTheFunction() {
        #expect(stances("1. Написание ТЗ для блогеров — да\n2. Закупка рекламы — нет") == ["brief-writing": .owns, "paid-media": .excludes])
        #expect(stances("- Reporting: yes") == ["performance-analysis": .owns])
        // Not at the end, a "yes" answers the label before it.
        #expect(stances("- Together: yes, campaign timeline and weekly sync") == ["campaign-management": .shares])
    }

    @Test func chatLinesWithoutFullStopsAreSentencesOfTheirOwn() {
        let chat = "Аутрич и кастинг блогеров ведём мы\nПродакшн не к нам, съёмки на вашей стороне\nБюджет и выплаты блогерам держим мы"
        #expect(stances(chat) == ["outreach": .owns, "content-production": .excludes, "budget-payments": .owns])
        // A wrapped line that ends mid-sentence goes on, and so does wrapped prose whose lines
        // mostly start in lower case, whatever word the next line starts with.
        #expect(stances("We handle outreach and\nRussian market knowledge.") == ["outreach": .owns, "ru-market": .owns])
        #expect(stances("Hi Anna, for the spring launch we will handle\nRussian outreach and the creator shortlist,\nwith weekly syncs.")
                == ["outreach@ru": .owns])
    }

    @Test func russianCues() {
        #expect(stances("- Берём на себя продакшн.") == ["content-production": .owns])
        #expect(stances("- Брифы пишем вместе с вами.") == ["brief-writing": .shares])
        #expect(stances("- Консультируем по российскому рынку.") == ["ru-market": .supports])
        #expect(stances("- Аналитику ожидаем от вас.") == ["performance-analysis": .needs])
        #expect(stances("- Юридическое сопровождение — вне нашей зоны.") == ["legal-contracts": .excludes])
    }

    @Test func everyInflectedRussianFormMatches() {
        for form in ["Ведём работу с блогерами.", "Отвечаем за работу с блогерами.", "Работа с блогерами за нами."] {
            #expect(stances("- " + form)["influencer-relations"] == .owns, "\(form)")
        }
    }

    @Test func theSubjectDecidesWhoDoesIt() {
        // "handle" claims ownership for "we" but is a need when the partner handles it.
        #expect(stances("- You handle the shipping.") == ["logistics": .needs])
        #expect(stances("- We handle the shipping.") == ["logistics": .owns])
        #expect(stances("- Вы отвечаете за логистику.") == ["logistics": .needs])
        #expect(stances("- Мы отвечаем за логистику.") == ["logistics": .owns])
    }

    @Test func theSubjectMayStandAnywhereInTheClause() {
        #expect(stances("- За логистику отвечает ваша команда.") == ["logistics": .needs])
        #expect(stances("- Кастинг блогеров берёт на себя партнёр.") == ["outreach": .needs])
        #expect(stances("- Нам бы хотелось, чтобы аналитику вели вы.") == ["performance-analysis": .needs])
        #expect(stances("- The Partner will manage outreach.") == ["outreach": .needs])
    }

    @Test func aClauseThatIsOnlyASubjectNamesTheOwner() {
        #expect(stances("- Paid media — you.") == ["paid-media": .needs])
        #expect(stances("- Логистика — на нас.") == ["logistics": .owns])
        #expect(stances("- Creative direction: us.") == ["creative-direction": .owns])
    }

    @Test func aFirstPersonVerbClaimsWorkWhenNothingElseDoes() {
        #expect(stances("- We negotiate creator fees.") == ["budget-payments": .owns])
        #expect(stances("- Организуем доставку продукта.") == ["logistics": .owns])
        // A verb that claims no work does not.
        #expect(stances("We see the budget differently.")["budget-payments"] == nil)
    }

    // MARK: Negation

    @Test func negationFlipsToExcludes() {
        #expect(stances("- We don't handle paid media.") == ["paid-media": .excludes])
        #expect(stances("- We can't cover the Russian market.") == ["ru-market": .excludes])
        #expect(stances("- Мы не занимаемся закупкой рекламы.") == ["paid-media": .excludes])
    }

    @Test func russianNegationFarFromTheVerb() {
        let s = stances("- Ни закупкой рекламы, ни отчётностью мы не занимаемся.")
        #expect(s == ["paid-media": .excludes, "performance-analysis": .excludes])
    }

    @Test func negationStaysInItsClause() {
        let s = stances("- We advise on paid media; we own the big idea.")
        #expect(s == ["paid-media": .supports, "creative-direction": .owns])
        #expect(stances("- We can advise on paid amplification, but we do not buy media.")["paid-media"] == .excludes)
    }

    @Test func phrasesWhereNegationDoesNotNegate() {
        #expect(stances("- We deliver the final report no later than May 1.") == ["performance-analysis": .owns])
        #expect(stances("- Отчёт готовим не позднее 1 мая.")["performance-analysis"] == .owns)
    }

    // MARK: Headings

    @Test func aHeadingSetsTheStanceOfItsItems() {
        let text = """
            ## What we need from you
            - Outreach and casting.
            - Creator briefs, written together with us.

            ## Чего мы не делаем
            - Продакшн видео.
            """
        let s = stances(text)
        #expect(s["outreach"] == .needs)
        #expect(s["brief-writing"] == .shares)  // words in the item override the heading
        #expect(s["content-production"] == .excludes)
    }

    @Test func labelLinesScopeTheListUnderThem() {
        let text = """
            Our side:
            - Campaign management and the master timeline.

            Your side:
            - Russian market expertise.

            Budget is split evenly.
            """
        let s = stances(text)
        #expect(s["campaign-management"] == .owns)
        #expect(s["ru-market"] == .needs)
        #expect(s["budget-payments"] == .shares)
    }

    @Test func aNeutralHeadingGivesNoStance() {
        let a = analyze("## Notes\n- Paid boosting: to be confirmed.")
        #expect(a.claims.isEmpty)
        #expect(a.ambiguities.first?.kinds == [.vagueOwner])
    }

    @Test func aHeadingThatNamesAFunctionLendsItToItsItems() {
        let s = stances("## Paid media\n- We don't do this in Russia.")
        #expect(s == ["paid-media@ru": .excludes])
    }

    // MARK: Precedence and lines

    @Test func theStrongestStatementWins() {
        let s = stances("- We help with reporting.\n- We own reporting.\n- We don't do reporting in Q3.")
        #expect(s["performance-analysis"] == .excludes)
    }

    @Test func claimsKeepTheirOriginalLines() {
        let a = analyze("# Title\n\nIntro sentence here.\n\n## What we own\n- Creative direction.\n- Paid media.")
        #expect(a.claims.map(\.line) == [6, 7])
    }

    @Test func oneClaimPerFunctionAndLine() {
        let a = analyze("- We own the big idea and the creative concept.")
        #expect(a.claims.count == 1)
    }

    @Test func proseSentencesCarryTheirOwnLine() {
        let a = analyze("Hi Anna,\n\nWe lead the creative strategy. Paid media is out of scope\nfor us this time.")
        #expect(a.claims.first { $0.function == "creative-direction" }?.line == 3)
        #expect(a.claims.first { $0.function == "paid-media" }?.line == 3)
    }

    @Test func tablesGiveStancesFromTheirColumns() {
        let text = """
            | Function | Us | You |
            |---|---|---|
            | Creator payments | ✓ | |
            | Outreach | | ✓ |
            | Legal review | ✓ | ✓ |
            | Reporting | support | lead |
            """
        let s = stances(text)
        #expect(s["budget-payments"] == .owns)
        #expect(s["outreach"] == .needs)
        #expect(s["legal-contracts"] == .shares)
        #expect(s["performance-analysis"] == .needs)  // we support, they lead: needs wins
    }

    @Test func aPartnersTableCellSaysThePartnerDoesIt() {
        let text = "| Функция | Мы | Вы |\n|---|---|---|\n| ТЗ для блогеров | помогаем | ведёте |\n| Подбор блогеров | — | ведёте |"
        #expect(stances(text) == ["brief-writing": .needs, "outreach": .needs])
    }

    @Test func aClauseWithACueAndNoFunctionSpeaksOfTheOneBefore() {
        let s = stances("- С договорами при необходимости поможем, но основную работу по ним ждём от вас.")
        #expect(s["legal-contracts"] == .needs)
    }

    @Test func synonymFamiliesWidenPhrases() {
        // «отбор блогеров» is in the glossary; «автор» reads as «блогер».
        #expect(stances("- Отбор авторов делаем вместе.") == ["outreach": .shares])
        #expect(stances("- We run influencer payments.") == ["budget-payments": .owns])
    }

    @Test func shortLinesAboveListsAreLabels() {
        let s = stances("Intro.\n\nWhat we'll handle\n* The master timeline.\n\nWhat we'll need\n* Shoots and edits.")
        #expect(s == ["campaign-management": .owns, "content-production": .needs])
    }

    @Test func theWritersOwnNameIsASubject() {
        let s = stances("Harborline Digital: capability outline\n\nLed by Harborline:\n- Creator outreach in the US.\n\nPaid media is run by Harborline.")
        #expect(s == ["outreach@us": .owns, "paid-media": .owns])
    }

    // MARK: Ambiguity kinds

    @Test func hedge() {
        #expect(kinds("- We help with content production where possible.", line: 1) == [.hedge])
        #expect(kinds("- При необходимости поможем с переводом.", line: 1) == [.hedge])
        #expect(kinds("- Reporting, dashboards, etc. are not something we do.", line: 1) == [.hedge])
    }

    @Test func vagueOwnerFromPassives() {
        #expect(kinds("Campaign reporting will be prepared after each flight.", line: 1) == [.vagueOwner])
        #expect(kinds("Отчёт по KPI будет подготовлен по итогам этапа.", line: 1) == [.vagueOwner])
        #expect(kinds("Бюджет и оплата работ согласовываются отдельно.", line: 1) == [.vagueOwner])
        #expect(analyze("Client communication will be handled through one account lead.").claims.isEmpty)
    }

    @Test func aPassiveNamingItsAgentIsNotVague() {
        let a = analyze("Reporting will be handled by your team.")
        #expect(a.ambiguities.isEmpty)
        #expect(a.stances == ["performance-analysis": .needs])
    }

    @Test func multiFunction() {
        #expect(kinds("- We run influencer marketing.", line: 1) == [.multiFunction])
        #expect(kinds("- Берём на себя продвижение.", line: 1) == [.multiFunction])
        // A line that simply names two functions is not ambiguous.
        #expect(kinds("- We handle outreach and contracts.", line: 1).isEmpty)
    }

    @Test func ownerlessWordingClosesItsClause() {
        let a = analyze("- Кастинг блогеров пока не закреплён ни за одной из сторон.")
        #expect(a.claims.isEmpty)
        #expect(a.ambiguities.first?.kinds == [.vagueOwner])
    }

    @Test func legendsAndSentencesAreNotUnmapped() {
        #expect(kinds("Lead = we own it, Support = we help, Joint = shared.", line: 1).isEmpty)
        #expect(kinds("## Notes\n- Happy to adjust any of this before we sign.", line: 2).isEmpty)
        #expect(kinds("## Open\n- Discord server moderation for the community", line: 2) == [.unmapped])
    }

    @Test func anOfferInProseNamingNoFunctionIsUnmapped() {
        #expect(kinds("Last point: we can put together a fan-merch capsule if the brand is interested.", line: 1) == [.unmapped])
        #expect(kinds("Short version of what we discussed last week.", line: 1) == [])
    }

    @Test func unmapped() {
        #expect(kinds("- We also design branded merchandise.", line: 1) == [.unmapped])
        #expect(kinds("- Также делаем дизайн мерча.", line: 1) == [.unmapped])
        // Prose that claims nothing is not a capability.
        #expect(kinds("Happy to walk through this on Thursday's call.", line: 1).isEmpty)
    }

    @Test func mixedScript() {
        let a = analyze("- Берём на себя отнoшения с блогерами.")  // Latin "o"
        #expect(a.ambiguities.first?.kinds == [.mixedScript])
        #expect(a.stances == ["influencer-relations": .owns])
    }

    @Test func loanwordsInTheOtherScriptStillMatch() {
        #expect(stances("- Берём на себя кпи.")["performance-analysis"] == .owns)
        #expect(stances("- Ведём таргетинг.")["paid-media"] == .owns)
    }

    @Test func documentLanguage() {
        #expect(analyze("- Мы отвечаем за креативную концепцию и big idea.\n- Аналитика и KPI — вместе.").language == .ru)
        #expect(analyze("- We own the KPIs.").language == .en)
    }
}
