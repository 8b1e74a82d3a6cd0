/// Reads any document capdiff accepts into an outline, choosing the reader by sniffing the
/// content (the file extension is only a hint).
public enum DocumentReader {
    /// What a file holds.
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, html, xml, docx, eml, mbox, maildir
    }

    public static func read(path: String) throws(Diagnostic) -> Outline {
        let bytes = try SourceFile.readBytes(path)
        return try read(bytes: bytes, path: path)
    }

    public static func read(bytes: [UInt8], path: String) throws(Diagnostic) -> Outline {
        switch sniff(bytes, path: path) {
        case .text, .markdown:
            return OutlineReader().read(try SourceFile.decode(bytes, path: path))
        case let format:
            throw .error(path, "looks like \(format.rawValue), which this build of capdiff cannot read yet; save it as text or Markdown")
        }
    }

    /// The format of a file from its first bytes; the extension decides only between formats
    /// the content cannot tell apart (text and Markdown).
    public static func sniff(_ bytes: [UInt8], path: String) -> Format {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown") ? .markdown : .text
    }
}
