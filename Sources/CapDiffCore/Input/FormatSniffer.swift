import Foundation

/// Tells a document's format from its content; the file's extension only settles what the
/// content leaves open (text or Markdown; an HTML fragment or Markdown that starts with HTML;
/// a memo with "From:" and "Subject:" lines or an email).
extension DocumentReader {
    public static func sniff(_ bytes: [UInt8], path: String) -> Format {
        let ext = (path as NSString).pathExtension.lowercased()
        let isMarkdownName = ["md", "markdown"].contains(ext)
        // A ZIP archive (DOCX, PPTX, ODT: `read` tells them apart by their parts).
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .docx
        }
        // "%PDF-" starts a PDF, anywhere in its first kilobyte (the standard allows leading junk).
        if isPDF(bytes) { return .pdf }
        let head = Self.head(bytes)
        if let markup = markup(head, bytes: bytes, ext: ext) {
            if markup.strong || !isMarkdownName { return markup.format }
        }
        if let mail = mail(head, ext: ext) { return mail }
        return isMarkdownName ? .markdown : .text
    }

    static func isPDF(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(1024)
        let magic: [UInt8] = Array("%PDF-".utf8)
        guard head.count >= magic.count else { return false }
        for start in head.startIndex...(head.endIndex - magic.count) where head[start] == 0x25 {
            if head[start..<(start + magic.count)].elementsEqual(magic) { return true }
        }
        return false
    }

    /// A Maildir: a folder with cur and new folders (tmp is often left out of copies).
    public static func isMaildir(_ path: String) -> Bool {
        func isFolder(_ p: String) -> Bool {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: p, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        // A Maildir has cur/ and new/; an export may keep only the one it uses.
        return isFolder(path) && (isFolder(path + "/cur") || isFolder(path + "/new"))
    }

    /// The first 4 KB as text, for sniffing: UTF-16 (by byte-order mark, or by the zero bytes
    /// of "<" in XML) read as such, anything else as UTF-8 (ASCII is all that matters here);
    /// without a byte-order mark or leading whitespace.
    static func head(_ bytes: [UInt8]) -> Substring {
        let prefix = Array(bytes.prefix(4096))
        let text: String
        if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0x3C, 0x00]) {
            text = String(decoding: stride(from: 0, to: prefix.count - 1, by: 2).map { UInt16(prefix[$0]) | UInt16(prefix[$0 + 1]) << 8 }, as: UTF16.self)
        } else if prefix.starts(with: [0xFE, 0xFF]) || prefix.starts(with: [0x00, 0x3C]) {
            text = String(decoding: stride(from: 0, to: prefix.count - 1, by: 2).map { UInt16(prefix[$0]) << 8 | UInt16(prefix[$0 + 1]) }, as: UTF16.self)
        } else {
            text = String(decoding: prefix, as: UTF8.self)
        }
        return text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
    }

    /// Elements that start an HTML document or fragment.
    static let htmlElements: Set<String> = [
        "html", "head", "body", "meta", "title", "link", "style", "script", "base", "div", "p", "span", "section",
        "article", "header", "footer", "main", "nav", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
        "table", "dl", "blockquote", "pre", "br", "hr", "a", "b", "i", "strong", "em", "font", "center", "form",
    ]

    /// HTML or XML, from the first tag after any XML declaration, comments and DOCTYPE.
    /// `strong` when the content says so beyond doubt (a DOCTYPE, an XML declaration, an html
    /// root, an XML root closed at the end).
    private static func markup(_ head: Substring, bytes: [UInt8], ext: String) -> (format: Format, strong: Bool)? {
        var rest = head
        var declared = false
        while rest.hasPrefix("<?") || rest.hasPrefix("<!--") {
            if rest.hasPrefix("<?xml") { declared = true }
            let end = rest.hasPrefix("<?") ? "?>" : "-->"
            guard let close = rest.range(of: end) else { return nil }
            rest = rest[close.upperBound...].drop(while: \.isWhitespace)
        }
        if rest.prefix(9).lowercased() == "<!doctype" {
            let name = rest.dropFirst(9).drop(while: \.isWhitespace).prefix { $0.isLetter || $0.isNumber || $0 == ":" }
            return (name.lowercased() == "html" ? .html : .xml, true)
        }
        guard rest.first == "<", let first = rest.dropFirst().first, first.isLetter else {
            return declared ? (.xml, true) : nil
        }
        let name = rest.dropFirst().prefix { $0.isLetter || $0.isNumber || "-_:.".contains($0) }
        let local = name.split(separator: ":").last.map { $0.lowercased() } ?? ""
        if local == "html" { return (.html, true) }
        if declared { return (.xml, true) }
        if htmlElements.contains(local) { return (.html, false) }
        // Any other root is XML when the document ends by closing it.
        let tail = String(decoding: bytes.suffix(name.utf8.count + 64), as: UTF8.self).trimmingWhitespace()
        if tail.hasSuffix("</\(name)>") || ["xml", "xhtml"].contains(ext) { return (.xml, true) }
        return nil
    }

    /// mbox (a "From " line, then headers) or an email (a block of headers).
    private static func mail(_ head: Substring, ext: String) -> Format? {
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var format = Format.eml
        if lines.first?.hasPrefix("From ") == true {
            format = .mbox
            lines.removeFirst()
        }
        let headers = lines.prefix { !$0.isEmpty }
        let names = headers.filter { $0.first?.isWhitespace != true }.compactMap { line -> String? in
            guard let colon = line.firstIndex(of: ":"), colon > line.startIndex,
                  line[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
            return line[..<colon].lowercased()
        }
        // Every line of the block must be a header (or a folded continuation).
        guard !names.isEmpty, names.count == headers.filter({ $0.first?.isWhitespace != true }).count else { return nil }
        let transport: Set<String> = ["received", "return-path", "message-id", "mime-version", "delivered-to", "dkim-signature", "x-mailer"]
        if format == .mbox || names.contains(where: transport.contains) { return format }
        // From:, To:, Subject: alone may be a memo written as an outline; the extension decides.
        return ext == "eml" && names.contains("from") ? .eml : nil
    }
}
