/// Text read from a message, line by line, each line with the line of the input file it came
/// from, so claims point at the mbox, .eml or Maildir file itself.
///
/// A decoded line maps exactly onto a raw line when the part is not transfer-encoded; in
/// quoted-printable, soft line breaks ("=" at a line's end) join raw lines, and are followed;
/// base64 and uuencoded text cannot be located line by line, so every line of such a part
/// points at the part's first raw line.
struct MailText {
    struct Line: Equatable {
        var text: String
        var fileLine: Int
        /// A line quoted with ">": its text is not kept (it is never credited), only the fact.
        var quoted = false
    }

    var lines: [Line]

    init(lines: [Line]) {
        self.lines = lines
    }

    /// The lines of a decoded text part.
    /// - Parameters:
    ///   - message: the raw message the part belongs to (for its line in the file);
    ///   - part: the part (its encoding and where its content starts);
    ///   - quotes: lines starting with ">" quote an earlier message (true for a plain-text body;
    ///     in HTML or an attached document they are not quotes).
    init(text: String, part: MIMEPart, in message: RawMessage, quotes: Bool) {
        // Split on bytes: in Swift, "\r\n" is one Character and would not split at "\n".
        let raws = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        let map = LineMap(part: part, message: message, lines: raws.count)
        var lines: [Line] = []
        lines.reserveCapacity(raws.count)
        for (index, raw) in raws.enumerated() {
            // Replies quote whole messages; those lines are dropped unread (no string is made).
            if quotes, raw.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: ">") {
                lines.append(Line(text: "", fileLine: map.fileLine(ofDecodedLine: index), quoted: true))
                continue
            }
            var line = raw
            while line.last == 0x0D { line = line.dropLast() }
            let text = line.contains(0x0D) ? String(decoding: line.filter { $0 != 0x0D }, as: UTF8.self)
                : String(Substring(line))
            lines.append(Line(text: text, fileLine: map.fileLine(ofDecodedLine: index)))
        }
        if lines.last?.text.isEmpty == true { lines.removeLast() }
        self.lines = lines
    }

    /// The text with one "\n" between lines: line n of it (1-based) is `lines[n - 1]`.
    var joined: String {
        var out = ""
        out.reserveCapacity(lines.reduce(0) { $0 + $1.text.utf8.count + 1 })
        for (i, line) in lines.enumerated() {
            if i > 0 { out += "\n" }
            out += line.text
        }
        return out
    }

    var isBlank: Bool { lines.allSatisfy { $0.text.allSatisfy(\.isWhitespace) } }

    func countLetters(into counts: inout LanguageDetector.LetterCounts) {
        for line in lines { LanguageDetector.count(line.text, into: &counts) }
    }

    /// The outline of this text, its units' lines turned into the input file's lines. Mail has
    /// no title line: a first line standing alone ("Hi Anna,", "We'll run paid media") is read
    /// like any other. Runs of blank lines (where quotes were) are passed on as one.
    func outline(path: String, reader: OutlineReader) -> Outline {
        var kept: [Line] = []
        kept.reserveCapacity(lines.count)
        for line in lines {
            let blank = line.text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if blank && (kept.isEmpty || kept[kept.count - 1].text.isEmpty) { continue }
            kept.append(blank ? Line(text: "", fileLine: line.fileLine) : line)
        }
        let compact = MailText(lines: kept)
        var outline = reader.read(SourceText(path: path, text: compact.joined))
        for i in outline.units.indices {
            let index = outline.units[i].line - 1
            if kept.indices.contains(index) { outline.units[i].line = kept[index].fileLine }
            if outline.units[i].kind == .title { outline.units[i].kind = .prose }
        }
        return outline
    }
}

/// Maps the lines of a part's decoded content onto lines of the input file.
private struct LineMap {
    let firstLine: Int
    let encoding: MIMEPart.Encoding
    /// Quoted-printable: the raw line (relative to the first) where each decoded line starts.
    var starts: [Int] = []

    /// - Parameter lines: how many decoded lines the part has (how far to follow raw lines).
    init(part: MIMEPart, message: RawMessage, lines: Int) {
        encoding = part.encoding
        let offset = min(part.contentOffset ?? 0, message.bytes.count)
        let before = message.bytes.withUnsafeBytes { LineCounter.newlines(in: UnsafeRawBufferPointer(rebasing: $0[0..<offset])) }
        firstLine = message.line + before
        if encoding == .quotedPrintable, part.contentOffset != nil {
            starts = Self.quotedPrintableStarts(message.bytes, from: offset, lines: lines)
        }
    }

    func fileLine(ofDecodedLine index: Int) -> Int {
        switch encoding {
        case .identity: return firstLine + index
        case .quotedPrintable:
            guard !starts.isEmpty else { return firstLine }
            return firstLine + (index < starts.count ? starts[index] : starts[starts.count - 1])
        case .base64, .uuencode: return firstLine
        }
    }

    /// For each decoded line, the raw line it starts on: a raw line ending in "=" is joined
    /// to the next one.
    static func quotedPrintableStarts(_ bytes: [UInt8], from offset: Int, lines: Int) -> [Int] {
        var starts = [0]
        var rawLine = 0
        var i = offset
        while i < bytes.count, starts.count < lines {
            guard let end = bytes[i...].firstIndex(of: 0x0A) else { break }
            var last = end
            while last > i, bytes[last - 1] == 0x0D || bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
            rawLine += 1
            if !(last > i && bytes[last - 1] == 0x3D) { starts.append(rawLine) }
            i = end + 1
        }
        return starts
    }
}
