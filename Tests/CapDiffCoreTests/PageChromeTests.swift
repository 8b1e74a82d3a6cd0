import Foundation
import Testing
@testable import CapDiffCore

/// A saved web page is read without its chrome: navigation, header and footer, cookie and
/// consent banners, forms, scripts and hidden elements (HTML5 elements and ARIA roles first,
/// then the glossary's class and id words); <main> and <article> are kept.
@Suite struct PageChromeTests {
    static let words = try! GlossaryReader.load(layers: []).chromeWords

    static func texts(_ html: String, words: Set<String> = PageChromeTests.words) throws -> [String] {
        try DocumentReader.read(bytes: Array(html.utf8), path: "page.html", options: ReadOptions(chromeWords: words)).units.map(\.text)
    }

    @Test func theSavedServicesPageKeepsOnlyItsContent() throws {
        let outline = try DocumentReader.read(path: TestPaths.fixture("partners/services.html"),
                                              options: ReadOptions(chromeWords: Self.words))
        #expect(outline.units.map(\.text) == [
            "Our services",
            "Volna Studio is an influencer agency with teams in Moscow and New York.",
            "What we do",
            "Creative direction and campaign concepts.",
            "Outreach and casting of creators.",
            "Content production in our own studio.",
            "Not in scope",
            "Paid media buying.",
            "Legal review of creator contracts.",
        ])
        // The cookie notice under "Not in scope" no longer reads as excluding performance analysis.
        let analysis = try Shared.pipeline().analyze(path: TestPaths.fixture("partners/services.html"))
        #expect(Set(analysis.claims.map(\.function)) == ["creative-direction", "outreach", "content-production", "paid-media", "legal-contracts"])
    }

    @Test func elementsRolesAndHiddenElementsWithoutAnyWords() throws {
        let html = """
            <body><header><p>We own paid media.</p></header><nav>We own logistics.</nav>
            <div role="navigation">We own outreach.</div><div role="banner">We own localization.</div>
            <div role="contentinfo">We own legal review.</div><div role="search">We own budgets.</div>
            <div role="alertdialog">We use cookies for analytics.</div><form><p>We own briefs.</p></form>
            <p hidden>We own hidden things.</p><p aria-hidden="true">We own aria things.</p>
            <p style="color: red; display : none">We own styled things.</p><p style="visibility:hidden">Invisible.</p>
            <template><p>We own templates.</p></template><noscript>Enable scripts.</noscript>
            <p>We own creative direction.</p><footer>We own client relations.</footer></body>
            """
        #expect(try Self.texts(html, words: []) == ["We own creative direction."])
    }

    @Test func mainContentIsReadAlone() throws {
        let html = """
            <body><div class="top">Northwind agency: we do it all.</div>
            <main><header><h1>What we bring</h1></header><p>We own creative direction.</p>
            <footer>Last updated in May.</footer></main>
            <div class="promo">We also own paid media.</div></body>
            """
        // Inside <main>, its own header (the title) and footer stay.
        #expect(try Self.texts(html) == ["What we bring", "We own creative direction.", "Last updated in May."])
        let role = #"<body><p>Site intro.</p><div role="main"><p>We own outreach.</p></div></body>"#
        #expect(try Self.texts(role) == ["We own outreach."])
    }

    @Test func classAndIdWordsComeFromTheGlossary() throws {
        let html = """
            <body><div id="cookieConsent">We use cookies to measure site performance.</div>
            <div class="site-navbar">We own paid media.</div><div class="social-links">Share on social media.</div>
            <div class="NavBar">Menu</div><ul class="breadcrumbs"><li>Home</li></ul>
            <article class="post share-enabled"><p>We own creative direction.</p></article>
            <div class="sidebar-wrapper"><main><p>We own outreach.</p></main></div></body>
            """
        // The wrapper holding <main> stays; <main> alone is read.
        #expect(try Self.texts(html) == ["We own outreach."])
        let noMain = html.replacingOccurrences(of: "<main>", with: "<div>").replacingOccurrences(of: "</main>", with: "</div>")
        // An article is never dropped for its class; what holds no article is.
        #expect(try Self.texts(noMain) == ["We own creative direction."])
        // Without the words, only elements, roles and hidden elements are chrome.
        #expect(try Self.texts(noMain, words: []).contains("We use cookies to measure site performance."))
    }

    @Test func aLayerAddsAndRemovesChromeWords() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layer = folder.appendingPathComponent("chrome.tsv")
        try "chrome\tword\npromo\tpromo\n-\tmenu\n".write(to: layer, atomically: true, encoding: .utf8)
        let glossary = try GlossaryReader.load(layers: [layer.path])
        #expect(glossary.chromeWords.contains("promo") && !glossary.chromeWords.contains("menu") && glossary.chromeWords.contains("cookie"))
        let html = #"<body><p>We own outreach.</p><div class="promo">We own paid media.</div><div class="menu">We own logistics.</div></body>"#
        #expect(try Self.texts(html, words: glossary.chromeWords) == ["We own outreach.", "We own logistics."])
    }

    @Test func classWordsSplitAtDashesAndCamelCase() {
        #expect(PageChrome.words(of: "cookie-banner siteFooter js_gdpr2") == ["cookie", "banner", "sitefooter", "js", "gdpr", "cookie", "banner", "site", "footer", "js", "gdpr"])
    }

    @Test func lintFindsChromeWordsThatNeverMatch() throws {
        let glossary = try GlossaryReader.load([[GlossaryReader.File(name: "chrome.tsv", text: "chrome\tword\nconsent\tcookie-banner\nconsent\tcookie\nconsent\tCookie\n")]])
        let findings = GlossaryLint().check(glossary).findings
        #expect(findings.contains { $0.rule == .neverMatches && $0.source.line == 2 })
        #expect(findings.contains { $0.rule == .duplicate && $0.source.line == 4 })
        // The default glossary's chrome words are clean.
        let defaults = GlossaryLint().check(try GlossaryReader.load(layers: [])).findings
        #expect(!defaults.contains { $0.source.file.hasSuffix("chrome.tsv") })
    }
}
