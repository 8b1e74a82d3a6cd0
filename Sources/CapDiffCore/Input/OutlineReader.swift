/// Reads plain text and Markdown outlines into units: headings, "Label:" lines, bullet and
/// numbered lists, Markdown tables and prose paragraphs (split into sentences), each with the
/// line where it starts.
public struct OutlineReader {
    let sentences: SentenceSplitter

    public init() {
        sentences = SentenceSplitter()
    }

    public func read(_ source: SourceText) -> Outline {
        var builder = Builder(sentences: sentences)
        // Split on bytes: faster than on Characters, and "\r\n" (one Character) splits too.
        let lines = source.text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            builder.add(String(Substring(line)), number: index + 1)
        }
        builder.finish()
        return Outline(path: source.path, units: builder.units, warnings: source.warnings)
    }
}

// MARK: - Line patterns

extension OutlineReader {
    /// A Markdown ATX heading: its level and text.
    static func heading(_ line: Substring) -> (level: Int, text: Substring)? {
        let hashes = line.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = line.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingWhitespace()
        while text.hasSuffix("#") { text = text.dropLast().trimmingWhitespace() }
        return (hashes.count, text)
    }

    /// A list item: its marker ("-", "1.", "2.1", "(a)", "б)") and its text.
    static func listItem(_ line: Substring) -> (marker: Substring, text: Substring)? {
        // Most lines are prose that starts with a letter, Latin or Cyrillic: rule those out on
        // bytes (this runs for every line of every message in a batch). Such a line can only
        // be a "a)" or «б)» item, with ")" right after the letter.
        let utf8 = line.utf8
        if let b0 = utf8.first {
            let letterBytes = (0x41...0x5A).contains(b0) || (0x61...0x7A).contains(b0) ? 1 : (0xD0...0xD3).contains(b0) ? 2 : 0
            if letterBytes > 0 {
                let after = utf8.index(utf8.startIndex, offsetBy: letterBytes, limitedBy: utf8.endIndex) ?? utf8.endIndex
                if after == utf8.endIndex || utf8[after] != UInt8(ascii: ")") { return nil }
            }
        }
        guard let first = line.first else { return nil }
        // Bullets, and the ticks and crosses of a checklist ("✓ outreach", "✗ paid media").
        if "-*+•●▪◦–—·✓✔✗✘☑☒✅❌".contains(first) {
            let rest = line.dropFirst()
            guard let next = rest.first, next == " " || next == "\t" else { return nil }
            // "---" and "***" are rules, not items.
            return (line.prefix(1), rest.trimmingWhitespace())
        }
        // Numbered: "1.", "1)", "2.1", "2.1.3.", "(a)", "a)", "б)".
        var index = line.startIndex
        if first == "(" {
            guard let close = line.firstIndex(of: ")"), line.distance(from: index, to: close) <= 5 else { return nil }
            let inner = line[line.index(after: index)..<close]
            guard !inner.isEmpty, inner.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
            index = line.index(after: close)
        } else if first.isNumber {
            while index < line.endIndex, line[index].isNumber || line[index] == "." {
                index = line.index(after: index)
            }
            if index < line.endIndex, line[index] == ")" { index = line.index(after: index) }
            let marker = line[..<index]
            // "2027 was..." is prose: a number needs a "." or ")" (or a dotted number) to be a marker.
            guard marker.contains(".") || marker.contains(")") else { return nil }
        } else if first.isLetter, line.dropFirst(2).first != nil {  // more than two characters, without counting them all
            let second = line[line.index(after: index)]
            guard second == ")" else { return nil }
            index = line.index(index, offsetBy: 2)
        } else {
            return nil
        }
        guard index < line.endIndex, line[index] == " " || line[index] == "\t" else { return nil }
        return (line[..<index], line[index...].trimmingWhitespace())
    }

    /// The cells of a Markdown table row ("| a | b |" or "a | b").
    static func tableCells(_ line: Substring) -> [String]? {
        // Bytes, not Foundation's string search: this runs for every line.
        guard line.utf8.contains(UInt8(ascii: "|")) else { return nil }
        var body = line
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|") { body = body.dropLast() }
        let cells = body.split(separator: "|", omittingEmptySubsequences: false).map { String($0.trimmingWhitespace()) }
        return cells.count >= 2 ? cells : nil
    }

    /// A table's separator row: "|---|:---:|".
    static func isTableSeparator(_ line: Substring) -> Bool {
        guard let cells = tableCells(line) else { return false }
        return cells.allSatisfy { cell in
            !cell.isEmpty && cell.contains("-") && cell.allSatisfy { $0 == "-" || $0 == ":" || $0 == " " }
        }
    }

    /// A short line ending in ":" ("Our side:", «Что нам нужно от вас:»), or a line that is
    /// all bold ("**What we own**").
    static func labelText(_ line: Substring) -> Substring? {
        var text = line
        if text.hasPrefix("**"), text.hasSuffix("**"), text.count > 4 {
            text = text.dropFirst(2).dropLast(2).trimmingWhitespace()
            if text.hasSuffix(":") { text = text.dropLast() }
            return text
        }
        guard text.hasSuffix(":"), text.count <= 90 else { return nil }
        text = text.dropLast().trimmingWhitespace()
        let words = text.split(whereSeparator: \.isWhitespace)
        guard (1...12).contains(words.count) else { return nil }
        return text
    }

    /// A short line that does not end like a sentence: up to ten words, no final . ! ? ; ,
    static func isShortHeadingLike(_ line: Substring) -> Bool {
        guard let last = line.last, !".!?;,".contains(last) else { return false }
        let words = line.split(whereSeparator: \.isWhitespace)
        return (1...10).contains(words.count)
    }

    static func isRule(_ line: Substring) -> Bool {
        // Three or more of one of - * _ = and nothing else but spaces; checked on bytes, since
        // every list item starting with "- " comes through here.
        guard let first = line.utf8.first, [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "=")].contains(first) else {
            return false
        }
        var count = 0
        for byte in line.utf8 {
            if byte == first { count += 1 } else if byte != 0x20 && byte != 0x09 { return false }
        }
        return count >= 3
    }
}

// MARK: - Building units

extension OutlineReader {
    /// Internal (not private) so that the readers of structured documents (`OutlineBlock`)
    /// build units with the same rules.
    struct Builder {
        let sentences: SentenceSplitter
        var units: [Unit] = []
        /// Open Markdown headings: (level, unit index).
        var headings: [(level: Int, index: Int)] = []
        /// A "Label:" line governing the list that follows it.
        var label: Int?
        /// The paragraph being collected: its lines and their numbers.
        var paragraph: [(text: Substring, number: Int)] = []
        /// The list item being collected (continuation lines join it).
        var item: Unit?
        var itemIndent = 0
        /// The current table: its header unit's index.
        var tableHeader: Int?
        var pendingTableHeader: (cells: [String], number: Int, text: Substring)?
        var sawContent = false
        var firstContentLine: Int?
        var blankBefore = true
        /// A short line standing alone ("What we'll handle"): a label if a list follows it,
        /// else a paragraph. Held until the next line says which.
        var held: (text: Substring, number: Int)?
        /// The current heading's section has had list items: prose after them is commentary,
        /// not one of the heading's items.
        var sectionHadList = false

        var scope: Int? { label ?? headings.last?.index }
        var proseScope: Int? { label ?? (sectionHadList ? nil : headings.last?.index) }

        mutating func add(_ raw: String, number: Int) {
            let line = Substring(raw)
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                flushItem()
                flushPendingTableHeader()
                if held == nil, paragraph.count == 1, paragraph[0].number != firstContentLine,
                   OutlineReader.isShortHeadingLike(paragraph[0].text) {
                    held = paragraph[0]
                    paragraph = []
                }
                flushParagraph()
                tableHeader = nil
                blankBefore = true
                return
            }
            defer { blankBefore = false; sawContent = true }
            if firstContentLine == nil { firstContentLine = number }
            if let line = held {
                held = nil
                let startsList = OutlineReader.listItem(trimmed) != nil || OutlineReader.tableCells(trimmed) != nil
                if startsList { addLabel(line.text, number: line.number) } else { paragraph = [line]; flushParagraph() }
            }

            // A table: a header row, its separator, then rows.
            if let pending = pendingTableHeader {
                pendingTableHeader = nil
                if OutlineReader.isTableSeparator(trimmed) {
                    units.append(Unit(kind: .tableHeader, line: pending.number, text: pending.cells.joined(separator: " | "),
                                      scope: scope, cells: pending.cells))
                    tableHeader = units.count - 1
                    return
                }
                addParagraphLine(pending.text, number: pending.number)
            }
            if let header = tableHeader, let cells = OutlineReader.tableCells(trimmed) {
                units.append(Unit(kind: .tableRow, line: number, text: cells.joined(separator: " | "), scope: units[header].scope,
                                  cells: cells, tableHeader: header))
                return
            }
            tableHeader = nil

            if let (level, text) = OutlineReader.heading(trimmed) {
                addHeading(level: level, text: String(text), number: number)
                return
            }
            if OutlineReader.isRule(trimmed) {
                // A setext underline turns the one-line paragraph above it into a heading.
                if paragraph.count == 1, !trimmed.contains("*"), !trimmed.contains("_") {
                    let (text, lineNumber) = paragraph[0]
                    paragraph = []
                    let level = trimmed.first == "=" ? 1 : 2
                    while let last = headings.last, last.level >= level { headings.removeLast() }
                    label = nil
                    units.append(Unit(kind: .heading(level: level), line: lineNumber, text: String(text)))
                    headings.append((level, units.count - 1))
                    return
                }
                flushAll()
                return
            }
            if let (marker, text) = OutlineReader.listItem(trimmed) {
                flushItem()
                // "What we'll handle" right above a list is that list's label.
                if paragraph.count == 1, paragraph[0].number != firstContentLine, OutlineReader.isShortHeadingLike(paragraph[0].text) {
                    let line = paragraph[0]
                    paragraph = []
                    addLabel(line.text, number: line.number)
                }
                flushParagraph()
                item = Unit(kind: .item, line: number, text: String(text), scope: scope, marker: String(marker))
                sectionHadList = true
                itemIndent = line.prefix { $0 == " " || $0 == "\t" }.count + 1
                return
            }
            if OutlineReader.tableCells(trimmed) != nil, paragraph.isEmpty, item == nil {
                pendingTableHeader = (OutlineReader.tableCells(trimmed)!, number, trimmed)
                return
            }
            // An indented line right under a list item continues it.
            if var current = item, !blankBefore || line.prefix(while: { $0 == " " }).count >= itemIndent {
                if line.first == " " || line.first == "\t" || !blankBefore {
                    // Let go of the stored copy first, or the append copies the whole text: an
                    // item of many continuation lines would cost the square of its length.
                    item = nil
                    current.lineBreaks.appendLineBreak(at: current.text.utf8.count + 1,
                                                       from: current.line + current.lineBreaks.count, to: number)
                    current.text += " " + trimmed
                    item = current
                    return
                }
            }
            flushItem()
            if paragraph.isEmpty, let text = OutlineReader.labelText(trimmed) {
                flushParagraph()
                addLabel(text, number: number)
                return
            }
            addParagraphLine(trimmed, number: number)
        }

        mutating func addHeading(level: Int, text: String, number: Int) {
            flushAll()
            while let last = headings.last, last.level >= level { headings.removeLast() }
            label = nil
            sectionHadList = false
            let isTitle = !sawContent && level == 1
            units.append(Unit(kind: isTitle ? .title : .heading(level: level), line: number, text: text))
            if !isTitle { headings.append((level, units.count - 1)) }
        }

        mutating func addLabel(_ text: Substring, number: Int) {
            units.append(Unit(kind: .label, line: number, text: String(text), scope: headings.last?.index))
            label = units.count - 1
        }

        mutating func addParagraphLine(_ text: Substring, number: Int) {
            // Prose after a list ends the list's label.
            if paragraph.isEmpty, blankBefore, label != nil { label = nil }
            paragraph.append((text, number))
        }

        mutating func flushItem() {
            if let item { units.append(item) }
            item = nil
        }

        mutating func flushPendingTableHeader() {
            if let pending = pendingTableHeader { addParagraphLine(pending.text, number: pending.number) }
            pendingTableHeader = nil
        }

        mutating func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            defer { paragraph = [] }
            // The document's first line, standing alone and not ending like a sentence, is its title.
            if units.isEmpty, paragraph.count == 1, paragraph[0].number == firstContentLine,
               !".!?".contains(paragraph[0].text.last ?? ".") {
                units.append(Unit(kind: .title, line: paragraph[0].number, text: String(paragraph[0].text)))
                return
            }
            // Chat and notes end lines without a full stop. There (three lines in four start
            // with a capital letter, which wrapped prose's lines do not), a line that ends with no
            // punctuation and is followed by one that starts with a capital letter ends its sentence.
            let capitals = paragraph.filter { $0.text.first?.isUppercase == true }.count
            let chat = paragraph.count >= 3 && capitals * 4 >= paragraph.count * 3
            var start = 0
            for index in paragraph.indices.dropFirst() where chat && paragraph[index].text.first?.isUppercase == true
                && Self.endsUnpunctuated(paragraph[index - 1].text) {
                addSentences(of: paragraph[start..<index])
                start = index
            }
            addSentences(of: paragraph[start...])
        }

        static func endsUnpunctuated(_ line: Substring) -> Bool {
            guard let end = line.lastIndex(where: { !$0.isWhitespace }) else { return false }
            let last = line[end]
            guard last.isLetter || last.isNumber || last == ")" else { return false }
            // The last word, found from the end (this runs for every line of a paragraph).
            let start = line[..<end].lastIndex(where: { !$0.isLetter }).map { line.index(after: $0) } ?? line.startIndex
            let word = line[start...end]
            return word.count > 5 || !Self.joiningWords.contains(word.lowercased())
        }

        /// Words a wrapped line may end on: the sentence goes on after them.
        static let joiningWords: Set<String> = [
            "and", "or", "but", "the", "a", "an", "of", "to", "for", "with", "in", "on", "at", "by", "from", "our", "your",
            "и", "или", "а", "но", "с", "со", "в", "во", "на", "по", "для", "к", "от", "за", "из", "о", "об", "наш", "ваш",
        ]

        mutating func addSentences(of paragraph: ArraySlice<(text: Substring, number: Int)>) {
            var text = ""
            var breaks: [Int] = []
            for (index, line) in zip(paragraph.indices, paragraph) {
                if index > paragraph.startIndex {
                    text += " "
                    breaks.appendLineBreak(at: text.utf8.count, from: paragraph[index - 1].number, to: line.number)
                }
                text += line.text
            }
            let first = paragraph[paragraph.startIndex].number
            let utf8 = Array(text.utf8)
            // Sentences come in order, so one pass over the breaks finds each one's lines (a
            // search per sentence would cost sentences × lines in a long paragraph).
            var passed = 0  // breaks at or before the sentence's start
            for range in sentences.split(text) {
                let leading = utf8[range].prefix { $0 == 0x20 }.count
                let start = range.lowerBound + leading
                var end = range.upperBound
                while end > start, utf8[end - 1] == 0x20 { end -= 1 }
                guard end > start else { continue }
                let sentence = String(decoding: utf8[start..<end], as: UTF8.self)
                while passed < breaks.count, breaks[passed] <= start { passed += 1 }
                var inner: [Int] = []
                var k = passed
                while k < breaks.count, breaks[k] < end {
                    inner.append(breaks[k] - start)
                    k += 1
                }
                units.append(Unit(kind: .prose, line: first + passed, text: sentence, lineBreaks: inner, scope: proseScope))
            }
        }

        mutating func flushAll() {
            if let line = held {
                held = nil
                flushParagraph()
                paragraph = [line]
            }
            flushItem()
            flushPendingTableHeader()
            flushParagraph()
        }

        mutating func finish() {
            flushAll()
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace.
    func trimmingWhitespace() -> SubSequence {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
