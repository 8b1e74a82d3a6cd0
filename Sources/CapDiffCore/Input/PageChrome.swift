/// What on a saved web page is the site's chrome rather than what the page says: navigation,
/// the site's header and footer, cookie and consent banners, forms, scripts, hidden elements.
/// Found by HTML5 elements and ARIA roles first, then by words in an element's class or id
/// (the glossary's chrome.tsv: "cookie", "navbar", "footer"…). Where the page marks its main
/// content (<main> or role="main"), only that is read; <main> and <article> (and what holds
/// them) are never dropped for their class or id.
struct PageChrome {
    /// Class and id words, lowercased.
    let words: Set<String>

    init(words: Set<String>) {
        self.words = Set(words.map { $0.lowercased() })
    }

    /// Elements that are never content (the head, scripts, styles, templates, embedded
    /// drawings and formulas) or always chrome (navigation, forms, asides, dialogs).
    static let elements: Set<String> = [
        "head", "script", "style", "noscript", "template", "svg", "math",
        "nav", "aside", "form", "dialog", "button", "select", "iframe",
    ]
    /// The page's header and footer: chrome outside <main> and <article>, the article's own
    /// header (its title) and footer inside them.
    static let pageElements: Set<String> = ["header", "footer"]
    /// ARIA landmark and window roles that are chrome: a consent banner is often a dialog.
    static let roles: Set<String> = ["navigation", "banner", "contentinfo", "search", "dialog", "alertdialog", "complementary"]

    /// The element that holds the page's main content, when the page marks one.
    func mainContent(_ root: XMLElement) -> XMLElement? {
        if Self.isMain(root) { return root }
        for child in root.elements() where !isHidden(child) {
            if let found = mainContent(child) { return found }
        }
        return nil
    }

    static func isMain(_ e: XMLElement) -> Bool {
        e.name.lowercased() == "main" || Self.roles(of: e).contains("main")
    }

    static func isContent(_ e: XMLElement) -> Bool {
        isMain(e) || e.name.lowercased() == "article" || roles(of: e).contains("article")
    }

    static func roles(of e: XMLElement) -> [String] {
        (e.attributes["role"] ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Whether an element is chrome, and so not read. `inContent`: it sits inside <main> or <article>.
    func isChrome(_ e: XMLElement, inContent: Bool) -> Bool {
        let name = e.name.lowercased()
        if Self.elements.contains(name) { return true }
        if isHidden(e) { return true }
        if Self.isContent(e) { return false }
        if Self.roles(of: e).contains(where: Self.roles.contains) { return true }
        if !inContent, Self.pageElements.contains(name) { return !holdsContent(e) }
        guard !words.isEmpty, name != "body", name != "html" else { return false }
        let named = Self.words(of: (e.attributes["class"] ?? "") + " " + (e.attributes["id"] ?? ""))
        return named.contains { words.contains($0) || ($0.hasSuffix("s") && words.contains(String($0.dropLast()))) } && !holdsContent(e)
    }

    /// The hidden attribute, aria-hidden="true", or an inline style display:none / visibility:hidden.
    func isHidden(_ e: XMLElement) -> Bool {
        if e.attributes["hidden"] != nil { return true }
        if e.attributes["aria-hidden"]?.lowercased() == "true" { return true }
        guard let style = e.attributes["style"]?.lowercased() else { return false }
        let compact = style.filter { !$0.isWhitespace }
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }

    /// Whether <main> or <article> is inside it (a wrapper that must stay).
    func holdsContent(_ e: XMLElement) -> Bool {
        e.elements().contains { Self.isContent($0) || holdsContent($0) }
    }

    /// A class or id split into words: "cookie-banner", "siteFooter", "js_gdpr2" give
    /// cookie, banner; site, footer (and sitefooter); js, gdpr.
    static func words(of names: String) -> [String] {
        var result = names.split { !$0.isLetter }.map { $0.lowercased() }
        var current = ""
        var previousLower = false
        for c in names {
            if c.isLetter {
                if c.isUppercase, previousLower, !current.isEmpty {
                    result.append(current)
                    current = ""
                }
                current.append(Character(c.lowercased()))
                previousLower = c.isLowercase
            } else {
                if !current.isEmpty { result.append(current) }
                current = ""
                previousLower = false
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
