/// Which parts of a message capdiff reads: its body (the text its sender wrote) and its document
/// attachments; every other attachment is skipped and counted.
///
/// The body is found as Python's `email` package finds it (`get_body`): the first text/plain
/// part that is not an attachment, looking into every multipart (only the root of a
/// multipart/related) but never into attached messages; else the first text/html part. Unlike
/// Python, an HTML body is also taken when the plain one holds only whitespace (some clients
/// send an empty plain alternative).
struct MessageParts {
    /// The index of the body part in `MIMEMessage.parts`.
    var body: Int?
    /// Attachments capdiff reads (text, Markdown, HTML, DOCX).
    var documents: [Int]
    /// Other attachments, not read: their types or names.
    var skipped: [Int]
    /// Attached or forwarded messages (message/rfc822): someone else's text, not read.
    var attachedMessages: Int

    /// A document attachment's format, from its name (or, for text parts, its type).
    enum DocumentFormat: Equatable { case text, markdown, html, docx }

    static func documentFormat(_ part: MIMEPart) -> DocumentFormat? {
        let name = part.filename?.lowercased() ?? ""
        if name.hasSuffix(".docx") || part.type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document" {
            return .docx
        }
        if name.hasSuffix(".md") || name.hasSuffix(".markdown") || part.type == "text/markdown" { return .markdown }
        if name.hasSuffix(".html") || name.hasSuffix(".htm") || part.type == "text/html" { return .html }
        if name.hasSuffix(".txt") || part.type == "text/plain" { return .text }
        return nil
    }

    /// Whether a leaf's content must be decoded: text parts (a body candidate) and document
    /// attachments.
    static func wantsContent(_ part: MIMEPart) -> Bool {
        part.isText || documentFormat(part) != nil
    }

    init(_ message: MIMEMessage) {
        let parts = message.parts
        var children: [[Int]] = Array(repeating: [], count: parts.count)
        for (i, part) in parts.enumerated() {
            if let parent = part.parent, parent < parts.count { children[parent].append(i) }
        }
        func firstBody(_ i: Int, subtype: String) -> Int? {
            let part = parts[i]
            if part.disposition == .attachment { return nil }
            switch part.kind {
            case .leaf:
                return part.type == "text/\(subtype)" ? i : nil
            case .message:
                return nil
            case .multipart:
                let candidates = part.type == "multipart/related" ? Array(children[i].prefix(1)) : children[i]
                for child in candidates {
                    if let found = firstBody(child, subtype: subtype) { return found }
                }
                return nil
            }
        }
        let plain = parts.isEmpty ? nil : firstBody(0, subtype: "plain")
        let html = parts.isEmpty ? nil : firstBody(0, subtype: "html")
        if let plain, let html, Self.isBlank(parts[plain].content) {
            body = html
        } else {
            body = plain ?? html
        }

        documents = []
        skipped = []
        attachedMessages = 0
        // Parts inside an attached message belong to it, not to this message.
        var insideMessage = Array(repeating: false, count: parts.count)
        for (i, part) in parts.enumerated() {
            if let parent = part.parent, parent < i, insideMessage[parent] || parts[parent].kind == .message {
                insideMessage[i] = true
            }
            if part.kind == .message, !insideMessage[i] { attachedMessages += 1 }
            guard part.kind == .leaf, !insideMessage[i], i != body else { continue }
            let isAttachment = part.disposition == .attachment || part.filename != nil
            guard isAttachment else { continue }
            if Self.documentFormat(part) != nil { documents.append(i) } else { skipped.append(i) }
        }
    }

    static func isBlank(_ bytes: [UInt8]?) -> Bool {
        (bytes ?? []).allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
