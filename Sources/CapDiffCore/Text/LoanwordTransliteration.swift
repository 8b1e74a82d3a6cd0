/// Transliteration for matching loanwords across scripts («кпи» ⇄ "kpi", «таргет» ⇄ "target").
///
/// ICU's own Russian-Latin/BGN and Latin-Cyrillic are opened by id through ICU's
/// transliterator registry, whose first use costs about 10 ms: a fifth of the time a whole
/// `compare` may take. Matching only needs letters mapped to the sounds they usually stand for
/// in loanwords, so these two small rule sets are compiled by ICU directly (about 0.1 ms).
/// `explain` and name comparison use the BGN standard itself.
enum LoanwordTransliteration {
    static let cyrillicToLatinRules = """
        щ > shch; ж > zh; х > kh; ц > ts; ч > ch; ш > sh; ю > yu; я > ya; ё > e;
        а > a; б > b; в > v; г > g; д > d; е > e; з > z; и > i; й > y; к > k; л > l; м > m;
        н > n; о > o; п > p; р > r; с > s; т > t; у > u; ф > f; ъ > ; ы > y; ь > ; э > e;
        """

    static let latinToCyrillicRules = """
        shch > щ; sch > ск; sh > ш; ch > ч; zh > ж; kh > х; ts > ц; ya > я; yu > ю; ph > ф; th > т;
        ck > к; qu > кв; oo > у; ee > и;
        a > а; b > б; c > к; d > д; e > е; f > ф; g > г; h > х; i > и; j > дж; k > к; l > л; m > м;
        n > н; o > о; p > п; q > к; r > р; s > с; t > т; u > у; v > в; w > в; x > кс; y > и; z > з;
        """

    static func cyrillicToLatin() -> ICUTransliterator? {
        try? ICUTransliterator(id: "capdiff-Cyrl-Latn", rules: cyrillicToLatinRules)
    }

    static func latinToCyrillic() -> ICUTransliterator? {
        try? ICUTransliterator(id: "capdiff-Latn-Cyrl", rules: latinToCyrillicRules)
    }
}
