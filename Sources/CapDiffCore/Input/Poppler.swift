import CPoppler

/// A PDF's text as Poppler lays it out: each page's size and its lines, with their boxes,
/// font sizes and weights, in Poppler's order.
struct PDFText: Sendable {
    struct Line: Sendable, Equatable {
        var page: Int
        /// The line's box in points, from the page's top-left corner.
        var x0: Double, y0: Double, x1: Double, y1: Double
        var fontSize: Double
        var bold: Bool
        var text: String
    }

    struct Page: Sendable, Equatable {
        var width: Double
        var height: Double
    }

    var pages: [Page]
    var lines: [Line]
}

/// The one Swift file that calls the CPoppler facade: it reads a PDF in a child process under
/// limits, turns the facade's status into a one-line `Diagnostic`, and copies the lines out
/// before freeing them.
enum Poppler {
    /// What a document may cost. A capability deck or a proposal is a few dozen pages; these
    /// leave room for a long contract and stop a hostile file well within 10 s and 200 MB.
    struct Limits: Sendable {
        var pages = 2_000
        /// Objects the file declares (its cross-reference /Size): a 2,000-page document has
        /// tens of thousands.
        var objects = 2_000_000
        var milliseconds = 8_000
        /// Memory the reader may take beyond what capdiff already has.
        var memory = 160 << 20
        /// Bytes of text (the input file itself is capped at 256 MB).
        var text = 32 << 20
    }

    static func read(_ bytes: [UInt8], path: String, limits: Limits = Limits()) throws(Diagnostic) -> PDFText {
        var cLimits = cpdf_limits(max_pages: Int32(limits.pages), max_objects: Int64(limits.objects),
                                  max_milliseconds: Int64(limits.milliseconds), max_memory: Int64(limits.memory),
                                  max_text: Int64(limits.text))
        var message = [CChar](repeating: 0, count: 512)
        var pageCount: Int32 = 0
        var document: OpaquePointer?
        let status = bytes.withUnsafeBufferPointer { buffer in
            cpdf_read(buffer.baseAddress, Int64(buffer.count), &cLimits, &document, &message, Int32(message.count), &pageCount)
        }
        let detail = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard status == CPDF_OK, let document else {
            throw error(status, detail: detail, pages: Int(pageCount), path: path, limits: limits)
        }
        defer { cpdf_free(document) }
        let pages = (0..<Int(cpdf_page_count(document))).map { i in
            PDFText.Page(width: cpdf_page_width(document, Int32(i + 1)), height: cpdf_page_height(document, Int32(i + 1)))
        }
        var lines: [PDFText.Line] = []
        lines.reserveCapacity(Int(cpdf_line_count(document)))
        for i in 0..<cpdf_line_count(document) {
            guard let line = cpdf_line_at(document, i)?.pointee, let text = line.text else { continue }
            lines.append(PDFText.Line(page: Int(line.page), x0: line.x0, y0: line.y0, x1: line.x1, y1: line.y1,
                                      fontSize: line.font_size, bold: line.bold != 0, text: String(cString: text)))
        }
        return PDFText(pages: pages, lines: lines)
    }

    private static func error(_ status: Int32, detail: String, pages: Int, path: String, limits: Limits) -> Diagnostic {
        switch status {
        case Int32(CPDF_ENCRYPTED):
            return .error(path, "is an encrypted PDF that needs a password; save an unprotected copy (or print it to PDF) and read that")
        case Int32(CPDF_NOT_PDF):
            return .error(path, "is not a readable PDF (\(detail.isEmpty ? "Poppler cannot open it" : detail)); save or export it to PDF again")
        case Int32(CPDF_TOO_MANY_PAGES):
            return .error(path, "has \(pages) pages, more than the \(limits.pages) capdiff reads; split it and read the part that describes the capabilities")
        case Int32(CPDF_TOO_MANY_OBJECTS):
            return .error(path, "declares \(detail) PDF objects, more than the \(limits.objects) capdiff reads (a damaged or hostile file?); save or print it to PDF again")
        case Int32(CPDF_TIMEOUT):
            return .error(path, "took longer than \(limits.milliseconds / 1000) s to read\(pages > 0 ? " (\(pages) pages)" : "") (a damaged or hostile PDF?); capdiff stopped reading it; save or print it to PDF again")
        case Int32(CPDF_TOO_MUCH_MEMORY):
            return .error(path, "needs more than \(limits.memory >> 20) MB of memory to read (a damaged or hostile PDF, such as a compression bomb?); capdiff stopped reading it; save or print it to PDF again")
        case Int32(CPDF_TOO_MUCH_TEXT):
            return .error(path, "holds more than \(limits.text >> 20) MB of text; split it first")
        case Int32(CPDF_SYSTEM):
            return .error(path, "could not be read: \(detail)")
        default:
            return .error(path, "made the PDF reader stop (\(detail.isEmpty ? "a damaged file?" : detail)); save or print it to PDF again")
        }
    }
}
