import Testing
@testable import CapDiffCore

/// Normalisation, segmentation, stemming, transliteration and mixed-script detection.
@Suite struct TextPipelineTests {
    let tokenizer = Tokenizer()

    func words(_ text: String) -> [Token] { tokenizer.tokens(text).filter(\.isWord) }

    @Test func nfkcCaseFoldingAndYoFolding() {
        #expect(ICUNormalizer.nfkcCasefold("ＫＰＩ") == "kpi")
        #expect(words("Съёмка").first?.normalized == "съемка")
        #expect(words("ﬁnal").first?.normalized == "final")
    }

    @Test func wordsComeFromTheBreakIteratorNotWhitespace() {
        #expect(words("co-produce").map(\.normalized) == ["co", "produce"])
        // ICU keeps "т.д" together ("." between letters is MidNumLet); hedges.tsv lists both
        // spellings, so «и т.д.» and «и т. д.» are both found.
        #expect(words("и т.д.").map(\.normalized) == ["и", "т.д"])
        #expect(words("и т. д.").map(\.normalized) == ["и", "т", "д"])
        #expect(words("KPI-отчёт").map(\.normalized) == ["kpi", "отчет"])
    }

    @Test func contractionsSplitSoNegationHasOneSpelling() {
        #expect(words("We don't").map(\.normalized) == ["we", "do", "not"])
        #expect(words("can’t").map(\.normalized) == ["can", "not"])
        #expect(words("we'll").map(\.normalized) == ["we", "will"])
    }

    @Test func everyRussianFormOfAWordSharesAStem() {
        let forms = ["блогер", "блогеры", "блогерами", "блогеров", "блогеру"]
        #expect(Set(forms.map { tokenizer.key($0) }).count == 1)
        #expect(tokenizer.key("рынок") == tokenizer.key("рынка"))
        #expect(tokenizer.key("creators") == tokenizer.key("creator"))
    }

    @Test func russianFirstAndSecondPersonStayApartWhenMatchedExactly() {
        // Snowball gives both one stem: exact matching (match=exact) keeps them apart.
        #expect(tokenizer.key("отвечаем") == tokenizer.key("отвечаете"))
        #expect(words("отвечаем")[0].normalized != words("отвечаете")[0].normalized)
    }

    @Test func mixedScriptWordsAreDetectedAndRepaired() {
        let token = words("отнoшения")[0]  // Latin "o"
        #expect(token.isMixedScript)
        #expect(token.normalized == "отношения")
        #expect(!words("отношения")[0].isMixedScript)
        #expect(!words("KPI")[0].isMixedScript)
    }

    @Test func transliterationBothWays() throws {
        let toLatin = try ICUTransliterator(id: "Russian-Latin/BGN")
        let toCyrillic = try ICUTransliterator(id: "Latin-Cyrillic")
        #expect(toLatin("петрова") == "petrova")
        #expect(toCyrillic("kpi") == "кпи")
    }

    @Test func consonantSkeletonsMatchLoanwords() {
        #expect(GlossaryIndex.skeleton(latin: "kreativ") == GlossaryIndex.skeleton(latin: "creative"))
        #expect(GlossaryIndex.skeleton(latin: "autrich") == GlossaryIndex.skeleton(latin: "outreach"))
        #expect(GlossaryIndex.skeleton(latin: "prodakshn") == GlossaryIndex.skeleton(latin: "production"))
    }

    @Test func sentencesSplitInBothLanguages() {
        #expect(SentenceSplitter().split("We own it. Мы отвечаем за бриф! Done?").count == 3)
    }

    @Test func languageIsDetectedFromLetters() {
        #expect(LanguageDetector.language(of: "Мы отвечаем за KPI") == .ru)
        #expect(LanguageDetector.language(of: "We own the KPI framework") == .en)
        #expect(LanguageDetector.language(of: "Creative направление") == .mixed)
        #expect(LanguageDetector.language(of: "2027 — 15%") == nil)
    }
}
