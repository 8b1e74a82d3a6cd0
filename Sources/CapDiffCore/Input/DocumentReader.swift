/// How documents are read: choices that the user makes, and the glossary's data the readers use.
public struct ReadOptions: Sendable {
    /// Presentations: read the speaker notes too (`--notes`).
    public var notes: Bool
    /// Words in an HTML element's class or id that mark it as page chrome (the glossary's
    /// chrome.tsv): "cookie", "navbar", "footer"…
    public var chromeWords: Set<String>

    public init(notes: Bool = false, chromeWords: Set<String> = []) {
        self.notes = notes
        self.chromeWords = chromeWords
    }
}

/// Reads any document capdiff accepts into an outline, choosing the reader by sniffing the
/// content (the file extension is only a hint; see `sniff`).
public enum DocumentReader {
    /// What a file holds.
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, html, xml, docx, pptx, odt, pdf, eml, mbox, maildir

        var name: String {
            switch self {
            case .text: "plain text"
            case .markdown: "Markdown"
            case .html: "HTML"
            case .xml: "XML"
            case .docx: "a Word document (DOCX)"
            case .pptx: "a PowerPoint deck (PPTX)"
            case .odt: "an OpenDocument text (ODT)"
            case .pdf: "a PDF"
            case .eml: "an email (.eml)"
            case .mbox: "an mbox mailbox"
            case .maildir: "a Maildir folder"
            }
        }
    }

    public static func read(path: String, options: ReadOptions = ReadOptions()) throws(Diagnostic) -> Outline {
        if isMaildir(path) { return try read(.maildir, bytes: [], path: path, options: options) }
        // Any other folder is refused here.
        let bytes = try SourceFile.readBytes(path)
        return try read(bytes: bytes, path: path, options: options)
    }

    public static func read(bytes: [UInt8], path: String, options: ReadOptions = ReadOptions()) throws(Diagnostic) -> Outline {
        var format = sniff(bytes, path: path)
        // A ZIP archive: a Word document, a PowerPoint deck or an OpenDocument text, by its parts.
        if format == .docx {
            let archive = try BoundedZIP(bytes, path: path)
            format = archive.contains(PPTXReader.presentationPart) ? .pptx
                : !archive.contains(DOCXReader.documentPart) && archive.contains(ODTReader.contentPart) ? .odt : .docx
            return try read(format, archive: archive, path: path, options: options)
        }
        return try read(format, bytes: bytes, path: path, options: options)
    }

    private static func read(_ format: Format, archive: BoundedZIP, path: String, options: ReadOptions) throws(Diagnostic) -> Outline {
        let outline: Outline
        switch format {
        case .pptx: outline = try PPTXReader.read(archive, path: path, notes: options.notes)
        case .odt: outline = try ODTReader.read(archive, path: path)
        default: outline = try DOCXReader.read(archive, path: path)
        }
        return try nonEmpty(outline, format: format, path: path)
    }

    private static func read(_ format: Format, bytes: [UInt8], path: String, options: ReadOptions) throws(Diagnostic) -> Outline {
        let outline: Outline
        switch format {
        case .text, .markdown:
            return OutlineReader().read(try SourceFile.decode(bytes, path: path))
        case .html:
            outline = try HTMLReader.read(bytes, path: path, chromeWords: options.chromeWords)
        case .xml:
            outline = try XMLReader.read(bytes, path: path)
        case .docx, .pptx, .odt:
            return try read(bytes: bytes, path: path, options: options)
        case .pdf:
            outline = try PDFReader.read(bytes, path: path)
        // Mail: the new text of every message (quotes and signatures removed), one outline.
        case .eml, .mbox:
            outline = try MailDocument.outline(bytes: bytes, path: path)
        case .maildir:
            outline = try MailDocument.outline(path: path)
        }
        return try nonEmpty(outline, format: format, path: path)
    }

    private static func nonEmpty(_ outline: Outline, format: Format, path: String) throws(Diagnostic) -> Outline {
        // Plain text gets this check from SourceFile.decode.
        guard !outline.units.isEmpty else {
            throw .error(path, "holds no text (read as \(format.name)); there is nothing to analyse")
        }
        return outline
    }
}
