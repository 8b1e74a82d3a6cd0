/// Reads any document capdiff accepts into an outline, choosing the reader by sniffing the
/// content (the file extension is only a hint; see `sniff`).
public enum DocumentReader {
    /// What a file holds.
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, html, xml, docx, eml, mbox, maildir

        var name: String {
            switch self {
            case .text: "plain text"
            case .markdown: "Markdown"
            case .html: "HTML"
            case .xml: "XML"
            case .docx: "a Word document (DOCX)"
            case .eml: "an email (.eml)"
            case .mbox: "an mbox mailbox"
            case .maildir: "a Maildir folder"
            }
        }
    }

    public static func read(path: String) throws(Diagnostic) -> Outline {
        if isMaildir(path) { return try read(.maildir, bytes: [], path: path) }
        // Any other folder is refused here.
        let bytes = try SourceFile.readBytes(path)
        return try read(bytes: bytes, path: path)
    }

    public static func read(bytes: [UInt8], path: String) throws(Diagnostic) -> Outline {
        try read(sniff(bytes, path: path), bytes: bytes, path: path)
    }

    private static func read(_ format: Format, bytes: [UInt8], path: String) throws(Diagnostic) -> Outline {
        let outline: Outline
        switch format {
        case .text, .markdown:
            return OutlineReader().read(try SourceFile.decode(bytes, path: path))
        case .html:
            outline = try HTMLReader.read(bytes, path: path)
        case .xml:
            outline = try XMLReader.read(bytes, path: path)
        case .docx:
            outline = try DOCXReader.read(bytes, path: path)
        // Mail: the new text of every message (quotes and signatures removed), one outline.
        case .eml, .mbox:
            outline = try MailDocument.outline(bytes: bytes, path: path)
        case .maildir:
            outline = try MailDocument.outline(path: path)
        }
        // Plain text gets this check from SourceFile.decode.
        guard !outline.units.isEmpty else {
            throw .error(path, "holds no text (read as \(format.name)); there is nothing to analyse")
        }
        return outline
    }
}
