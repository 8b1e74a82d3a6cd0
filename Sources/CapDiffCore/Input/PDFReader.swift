/// Reads a PDF (a capability deck, an RFP response, a statement of work) into an outline,
/// through Poppler in a child process under limits (`Poppler`), laid out as a reader sees the
/// pages (`PDFLayout`). A unit's line is a running line through the document; the outline's
/// `PageMap` says which page and which line of it ("page 3, line 12": the page's lines in
/// reading order, running headers, footers and page numbers not counted, a table row one line).
enum PDFReader {
    static func read(_ bytes: [UInt8], path: String) throws(Diagnostic) -> Outline {
        let text = try Poppler.read(bytes, path: path)
        let layout = PDFLayout(text: text)
        let (lines, ends) = layout.lines()
        let hasText = { (line: PDFText.Line) in line.text.contains { $0.isLetter || $0.isNumber } }
        guard text.lines.contains(where: hasText) else {
            let pages = text.pages.count == 1 ? "its page" : "its \(text.pages.count) pages"
            throw .error(path, "has no text layer (no text on \(pages): a scan?); run OCR first, then read the PDF it makes")
        }
        var warnings: [Diagnostic] = []
        let textless = Set(1...max(text.pages.count, 1)).subtracting(text.lines.filter(hasText).map(\.page)).sorted()
        if !textless.isEmpty, textless.count < text.pages.count {
            warnings.append(.warning(path, "\(textless.count == 1 ? "page" : "pages") \(Self.ranges(textless)) \(textless.count == 1 ? "has" : "have") no text layer (a scanned page?) and \(textless.count == 1 ? "was" : "were") not read; run OCR on the PDF to read \(textless.count == 1 ? "it" : "them")"))
        }
        var outline = OutlineReader().read(blocks: PDFLayout.blocks(lines), path: path, warnings: warnings)
        outline.pages = PageMap(kind: .page, ends: ends)
        return outline
    }

    /// "2, 5–7": page numbers as ranges.
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < numbers.count {
            var j = i
            while j + 1 < numbers.count, numbers[j + 1] == numbers[j] + 1 { j += 1 }
            parts.append(i == j ? "\(numbers[i])" : "\(numbers[i])–\(numbers[j])")
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }
}
