/// Turns the lines Poppler lays out on a PDF's pages into an outline's blocks, as a reader sees
/// the pages: a list marker joined to its text, a table's cells gathered into rows, running
/// headers, footers and page numbers dropped, lines numbered per page in reading order, and
/// then headings told by their font size, list items by their markers, labels by their weight,
/// paragraphs by their spacing, with words hyphenated at a line's end joined again.
///
/// Poppler's reading order is kept (it reads multi-column pages column by column); only what
/// sits on one baseline is put together here.
struct PDFLayout {
    /// A line as a reader sees it: text on one baseline (a list item's marker with its text, or
    /// a table row's cells), with its running line number.
    struct Line: Equatable {
        var page: Int
        var x0: Double, y0: Double, x1: Double, y1: Double
        var fontSize: Double
        var bold: Bool
        var text: String
        /// A table row's cells (each a cell's text, lines joined); nil for a line of text.
        var cells: [String]?
        /// Running line number, once numbered.
        var number = 0

        var height: Double { max(y1 - y0, 1) }
        var words: Int { text.split(whereSeparator: \.isWhitespace).count }
    }

    let text: PDFText

    /// The lines of every page in reading order, headers, footers and page numbers dropped,
    /// numbered through the document; and where each page ends (for the `PageMap`).
    func lines() -> (lines: [Line], ends: [Int]) {
        var byPage = [[PDFText.Line]](repeating: [], count: text.pages.count + 1)
        for line in text.lines where line.page >= 1 && line.page <= text.pages.count {
            byPage[line.page].append(line)
        }
        var pages = byPage.indices.dropFirst().map { Self.readingLines(byPage[$0]) }
        Self.dropRunningLines(&pages, sizes: text.pages)
        var number = 0
        var ends: [Int] = []
        var result: [Line] = []
        for page in pages {
            for var line in page {
                number += 1
                line.number = number
                // A table's rows are lines of their own.
                number += max((line.cells?.count ?? 1) - 1, 0)
                result.append(line)
            }
            ends.append(number)
        }
        return (result, ends)
    }

    // MARK: One page's lines

    /// A page's lines in reading order: fragments on one baseline put together where they
    /// belong together (a marker and its text, a table row), others left apart (two columns).
    static func readingLines(_ fragments: [PDFText.Line]) -> [Line] {
        let fragments = fragments.filter { $0.text.contains { !$0.isWhitespace } }
        guard !fragments.isEmpty else { return [] }
        // Rows: fragments whose vertical centres are close, in top-to-bottom order.
        let order = fragments.indices.sorted { (fragments[$0].y0 + fragments[$0].y1, fragments[$0].x0) < (fragments[$1].y0 + fragments[$1].y1, fragments[$1].x0) }
        var rows: [[Int]] = []
        for i in order {
            let f = fragments[i]
            let centre = (f.y0 + f.y1) / 2
            if let last = rows.last?.last {
                let g = fragments[last]
                let tolerance = 0.35 * min(f.y1 - f.y0, g.y1 - g.y0)
                if abs(centre - (g.y0 + g.y1) / 2) <= max(tolerance, 1) {
                    rows[rows.count - 1].append(i)
                    continue
                }
            }
            rows.append([i])
        }
        // Segments: a row's fragments joined where they read as one (a marker and its text,
        // words Poppler split); each keeps the Poppler index it is read at.
        struct Segment {
            var line: Line
            var key: Int
            var fragments: [Int]
        }
        var segmented: [[Segment]] = rows.map { row in
            let sorted = row.sorted { fragments[$0].x0 < fragments[$1].x0 }
            var segments: [Segment] = []
            for i in sorted {
                let f = fragments[i]
                let text = normalizedMarker(f.text.trimmingWhitespace())
                if var last = segments.last {
                    let gap = f.x0 - last.line.x1
                    let size = max(f.fontSize, last.line.fontSize, 1)
                    if gap <= 0.6 * size || (isMarker(last.line.text) && last.fragments.count == 1 && gap <= 3 * size) {
                        last.line.text += " " + text
                        last.line.x1 = max(last.line.x1, f.x1)
                        last.line.y0 = min(last.line.y0, f.y0)
                        last.line.y1 = max(last.line.y1, f.y1)
                        // The text, not its marker, sets the size, the weight and the place in Poppler's order.
                        if isMarker(segments[segments.count - 1].line.text) {
                            last.line.fontSize = f.fontSize
                            last.line.bold = f.bold
                            last.key = i
                        }
                        last.fragments.append(i)
                        segments[segments.count - 1] = last
                        continue
                    }
                }
                segments.append(Segment(line: Line(page: f.page, x0: f.x0, y0: f.y0, x1: f.x1, y1: f.y1, fontSize: f.fontSize,
                                                   bold: f.bold, text: String(text)), key: i, fragments: [i]))
            }
            return segments
        }
        // Tables: runs of rows with two or more short segments on common column starts; on a
        // page in two columns, within each column.
        let rowLines = segmented.map { $0.map(\.line) }
        segmented.removeAll()
        let gutter = gutter(rowLines.flatMap { $0 })
        var lines: [Line] = []
        if let gutter {
            lines += tables(rowLines.map { $0.filter { $0.x1 <= gutter.lowerBound + 1 } })
            lines += tables(rowLines.map { $0.filter { $0.x0 >= gutter.upperBound - 1 } })
            lines += rowLines.flatMap { $0.filter { $0.x1 > gutter.lowerBound + 1 && $0.x0 < gutter.upperBound - 1 } }
        } else {
            lines = tables(rowLines)
        }
        return inColumnOrder(lines, gutter: gutter)
    }

    /// Rows' segments, with runs of rows that make a table as one line each.
    static func tables(_ rows: [[Line]]) -> [Line] {
        let rows = rows.filter { !$0.isEmpty }
        var lines: [Line] = []
        var r = 0
        while r < rows.count {
            if let (table, next) = table(at: r, in: rows) {
                lines.append(table)
                r = next
                continue
            }
            lines += rows[r]
            r += 1
        }
        return lines
    }

    /// Lines in reading order: top to bottom, and on a page set in two columns, the left
    /// column before the right one between lines that span both (a title over the columns).
    /// Poppler's own order is not used: on two-column pages it goes back and forth.
    static func inColumnOrder(_ lines: [Line], gutter: ClosedRange<Double>?) -> [Line] {
        let topDown = lines.sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
        guard let gutter else { return topDown }
        var result: [Line] = []
        var left: [Line] = [], right: [Line] = []
        func flushBand() {
            result += left + right
            left = []
            right = []
        }
        for line in topDown {
            if line.x1 <= gutter.lowerBound + 1 {
                left.append(line)
            } else if line.x0 >= gutter.upperBound - 1 {
                right.append(line)
            } else {
                flushBand()
                result.append(line)
            }
        }
        flushBand()
        return result
    }

    /// The space between two columns of prose: an empty vertical strip in the middle of the text,
    /// at least 8 pt wide, with four or more lines on each side, most of them filling their
    /// column, and words enough to be prose rather than a table's cells.
    static func gutter(_ lines: [Line]) -> ClosedRange<Double>? {
        let text = lines.filter { $0.cells == nil }
        guard text.count >= 8, let minX = text.map(\.x0).min(), let maxX = text.map(\.x1).max(), maxX - minX > 100 else { return nil }
        let width = maxX - minX
        // Lines narrower than most of the text width may sit in a column.
        let candidates = text.filter { $0.x1 - $0.x0 < 0.6 * width }
        var best: ClosedRange<Double>?
        var x = minX + 0.25 * width
        while x <= minX + 0.75 * width {
            // Lines across most of the width (a title over both columns) set bands apart; the
            // strip must be clear of the others.
            let crossing = candidates.contains { $0.x0 < x && $0.x1 > x }
            if !crossing {
                // Widen the strip around x to the nearest text on each side.
                let low = candidates.filter { $0.x1 <= x }.map(\.x1).max() ?? minX
                let high = candidates.filter { $0.x0 >= x }.map(\.x0).min() ?? maxX
                if high - low >= 8, best.map({ high - low > $0.upperBound - $0.lowerBound }) ?? true { best = low...high }
            }
            x += 2
        }
        guard let gutter = best else { return nil }
        let leftLines = text.filter { $0.x1 <= gutter.lowerBound + 1 }
        let rightLines = text.filter { $0.x0 >= gutter.upperBound - 1 }
        func fills(_ side: [Line]) -> Bool {
            guard side.count >= 4, let start = side.map(\.x0).min(), let end = side.map(\.x1).max() else { return false }
            let full = side.filter { $0.x1 - start >= 0.6 * (end - start) }.count
            let words = side.map(\.words).reduce(0, +)
            return full * 2 >= side.count && Double(words) / Double(side.count) >= 3.5
        }
        return fills(leftLines) && fills(rightLines) ? gutter : nil
    }

    /// A table starting at row `start`: two or more rows of two or more segments whose starts
    /// line up, short enough to be cells rather than the lines of two columns of prose; rows
    /// without a first cell just under a row continue its cells. Returns the table as one line
    /// with its first row's place, and the row after it.
    static func table(at start: Int, in rows: [[Line]]) -> (Line, Int)? {
        let first = rows[start]
        guard first.count >= 2 else { return nil }
        let columns = first.map(\.x0)
        func column(_ x: Double) -> Int? { columns.firstIndex { abs($0 - x) <= 3 } }
        func aligned(_ row: [Line]) -> Bool { row.allSatisfy { column($0.x0) != nil } }
        var cells: [[String]] = [Array(repeating: "", count: columns.count)]
        for segment in first { cells[0][column(segment.x0)!] = segment.text }
        var lines = [first]
        var next = start + 1
        while next < rows.count, aligned(rows[next]) {
            let row = rows[next]
            let above = lines.last!
            let gap = row.map(\.y0).min()! - above.map(\.y1).max()!
            let height = row.map(\.height).max()!
            if gap > 1.5 * height { break }
            // A cell's further line: no first cell, or boxes that overlap as a cell's wrapped
            // lines do (rows are set apart by their cells' padding).
            if !row.contains(where: { column($0.x0) == 0 }) || gap < -0.1 * height {
                for segment in row {
                    let c = column(segment.x0)!
                    cells[cells.count - 1][c] += (cells[cells.count - 1][c].isEmpty ? "" : " ") + segment.text
                }
            } else if row.count >= 2 {
                var newRow = Array(repeating: "", count: columns.count)
                for segment in row { newRow[column(segment.x0)!] = segment.text }
                cells.append(newRow)
            } else {
                break
            }
            lines.append(row)
            next += 1
        }
        guard cells.count >= 2 else { return nil }
        let all = lines.flatMap { $0 }
        // Prose in two columns has long lines; a table's cells are short, or many.
        let averageWords = Double(all.map(\.words).reduce(0, +)) / Double(all.count)
        guard columns.count >= 3 || averageWords <= 5 else { return nil }
        var line = first[0]
        line.x1 = all.map(\.x1).max()!
        line.y1 = all.map(\.y1).max()!
        line.text = cells.map { $0.joined(separator: " | ") }.joined(separator: " / ")
        line.cells = cells.map { $0.joined(separator: "\t") }
        return (line, next)
    }

    // MARK: Running headers, footers and page numbers

    /// Drops, in each page's top and bottom margins, page numbers ("3", "Page 3 of 10", «Стр. 3»)
    /// and lines that repeat (numbers aside) on at least half of the pages, two at least.
    static func dropRunningLines(_ pages: inout [[Line]], sizes: [PDFText.Page]) {
        func inMargin(_ line: Line, _ page: Int) -> Bool {
            let height = sizes[page].height > 0 ? sizes[page].height : 842
            let band = 0.12 * height
            return line.y1 <= band || line.y0 >= height - band
        }
        var counts: [String: Int] = [:]
        for (p, page) in pages.enumerated() {
            Set(page.filter { inMargin($0, p) && $0.cells == nil }.map { runningKey($0.text) }).forEach { counts[$0, default: 0] += 1 }
        }
        let repeated = pages.count >= 2 ? Set(counts.filter { $0.value >= 2 && $0.value * 2 >= pages.count }.map(\.key)) : []
        for p in pages.indices {
            pages[p].removeAll { line in
                line.cells == nil && inMargin(line, p) && (isPageNumber(line.text) || repeated.contains(runningKey(line.text)))
            }
        }
    }

    /// A line with its digits as "#", lowercased: "Page 3 of 10" and "Page 4 of 10" are one running line.
    static func runningKey(_ text: String) -> String {
        String(text.lowercased().map { $0.isNumber ? "#" : $0 }).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// "3", "- 3 -", "3 / 10", "Page 3", "Page 3 of 10", "p. 3", «Страница 3», «Стр. 3 из 10», «с. 3».
    static func isPageNumber(_ text: String) -> Bool {
        var words = text.lowercased().split { $0.isWhitespace || "-–—|/.".contains($0) }.map(String.init)
        guard words.contains(where: { $0.allSatisfy(\.isNumber) || isRoman($0) }) else { return false }
        words.removeAll { ["page", "p", "pg", "страница", "стр", "с", "of", "из", "slide", "слайд"].contains($0) }
        return !words.isEmpty && words.count <= 2 && words.allSatisfy { $0.allSatisfy(\.isNumber) || isRoman($0) }
    }

    static func isRoman(_ word: String) -> Bool {
        !word.isEmpty && word.count <= 6 && word.allSatisfy { "ivxlc".contains($0) }
    }

    // MARK: Markers

    /// Bullets drawn from symbol fonts (Word's and LibreOffice's: U+F0B7, U+F095, U+F0A7 and the
    /// rest of the private-use area) read as "•".
    static func normalizedMarker(_ text: Substring) -> Substring {
        guard let first = text.unicodeScalars.first, (0xE000...0xF8FF).contains(first.value) else { return text }
        return Substring("•" + String(String.UnicodeScalarView(text.unicodeScalars.dropFirst())))
    }

    /// A list marker standing alone: a bullet, or a number such as "1." or "a)".
    static func isMarker(_ text: String) -> Bool {
        let t = text.trimmingWhitespace()
        guard !t.isEmpty, t.count <= 4 else { return false }
        if t.count == 1, let c = t.first, !c.isLetter, !c.isNumber { return true }
        return OutlineReader.listItem(t + " x") != nil
    }
}

extension PDFLayout {
    // MARK: Blocks

    /// The outline's blocks: headings by font size (larger than the body text's, short),
    /// list items by their markers (with the lines under their text; nested items are items, as
    /// in every other format), tables, and paragraphs by spacing and indentation, joined across
    /// a column or page break when the sentence goes on.
    static func blocks(_ lines: [Line]) -> [OutlineBlock] {
        let body = bodySize(lines)
        let headingSizes = Set(lines.filter { isHeading($0, body: body) }.map { ($0.fontSize).rounded() }).sorted(by: >)
        func level(_ line: Line) -> Int { min((headingSizes.firstIndex(of: line.fontSize.rounded()) ?? 0) + 1, 6) }

        var blocks: [OutlineBlock] = []
        var current: (kind: Kind, lines: [Line])?

        func flush() {
            guard let (kind, group) = current else { return }
            current = nil
            let joined = joinHyphenated(group)
            switch kind {
            case .heading:
                let text = joined.map(\.text).joined(separator: " ")
                blocks.append(.heading(level: level(group[0]), SourceLine(text: text, line: group[0].number, bold: true)))
            case .paragraph:
                blocks.append(.paragraph(joined.filter { !$0.text.isEmpty }))
            case .item(let marker):
                blocks.append(.item(marker: marker, joined.filter { !$0.text.isEmpty }))
            }
        }

        for line in lines {
            if let rows = line.cells {
                flush()
                let table = rows.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
                blocks.append(.table(table.enumerated().map { OutlineBlock.TableRow(cells: $1, line: line.number + $0) }))
                continue
            }
            if isHeading(line, body: body) {
                if case .heading = current?.kind, let last = current?.lines.last, last.fontSize.rounded() == line.fontSize.rounded(),
                   line.page == last.page, line.y0 - last.y1 < 0.6 * line.height {
                    current?.lines.append(line)
                } else {
                    flush()
                    current = (.heading, [line])
                }
                continue
            }
            if let (marker, text) = OutlineReader.listItem(line.text[...]) {
                flush()
                var item = line
                item.text = String(text)
                let markerText = ["-", "•", "●", "▪", "◦", "–", "—", "·", "*", "+", "‣", "∙"].contains(String(marker)) ? "-" : String(marker)
                current = (.item(marker: markerText), [item])
                continue
            }
            if let (kind, group) = current, kind != .heading, continues(line, after: group.last!, first: group[0], kind: kind) {
                current?.lines.append(line)
                continue
            }
            flush()
            current = (.paragraph, [line])
        }
        flush()
        return blocks
    }

    enum Kind: Equatable { case heading, paragraph, item(marker: String) }

    /// Whether a line goes on with the block it follows: close below it, in the same size and
    /// weight, on the paragraph's left edge (or an item's text, right of its marker); or, over
    /// a column or page break, when the sentence is unfinished and the line starts in lower case.
    /// A line ending in ":" ends its paragraph: it leads in what follows.
    static func continues(_ line: Line, after last: Line, first: Line, kind: Kind) -> Bool {
        guard abs(line.fontSize - last.fontSize) < 0.6, line.bold == last.bold, !last.text.hasSuffix(":") else { return false }
        if line.page != last.page || line.y0 < last.y0 - 1 {
            return !(last.text.last.map { ".!?;".contains($0) } ?? true) && (line.text.first?.isLowercase ?? false)
        }
        guard line.y0 - last.y1 < 0.6 * max(line.height, last.height) else { return false }
        switch kind {
        // An item's further lines hang right of its marker, then line up with one another.
        case .item: return last == first ? line.x0 > first.x0 + 2 : abs(line.x0 - last.x0) <= 2
        // A paragraph's lines line up, but for its first line's indent (either way).
        case .paragraph: return abs(line.x0 - (last == first ? first.x0 : last.x0)) <= 2 * line.fontSize
        case .heading: return false
        }
    }

    /// The font size most of the text is set in.
    static func bodySize(_ lines: [Line]) -> Double {
        var weight: [Double: Int] = [:]
        for line in lines where line.cells == nil { weight[(line.fontSize * 2).rounded() / 2, default: 0] += line.text.count }
        return weight.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 12
    }

    /// A short line set larger than the body text.
    static func isHeading(_ line: Line, body: Double) -> Bool {
        line.cells == nil && line.fontSize >= body * 1.15 && line.words <= 15 && OutlineReader.listItem(line.text[...]) == nil
    }

    /// The lines of a block as source lines, a word hyphenated at a line's end joined again:
    /// "manage-" / "ment of the launch" reads "management" / "of the launch".
    static func joinHyphenated(_ lines: [Line]) -> [SourceLine] {
        var result = lines.map { SourceLine(text: $0.text.trimmingWhitespace().description, line: $0.number, bold: $0.bold) }
        for i in result.indices.dropLast() {
            var text = result[i].text
            guard text.hasSuffix("-") || text.hasSuffix("\u{AD}") else { continue }
            let next = result[i + 1].text
            let beforeHyphen = text.dropLast().last
            guard beforeHyphen?.isLetter == true, let first = next.first, first.isLowercase else { continue }
            text.removeLast()
            let word = next.prefix { !$0.isWhitespace }
            result[i].text = text + word
            result[i + 1].text = String(next.dropFirst(word.count).trimmingWhitespace())
        }
        return result
    }
}
