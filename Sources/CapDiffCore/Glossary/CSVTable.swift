/// Comma-, semicolon- or tab-separated records as spreadsheets and CAT tools write them
/// (RFC 4180): a field in double quotes may hold the delimiter, line breaks and doubled
/// quotes (""). Each record keeps the line it starts on, for errors.
struct CSVTable {
    struct Record {
        var line: Int
        var fields: [String]
    }

    var delimiter: Character
    var records: [Record]

    /// Splits `text` (line ends already "\n") into records. The delimiter is the one of tab,
    /// ";" and "," that the first line uses most, outside quotes: Excel writes ";" where the
    /// decimal mark is a comma, and memoQ and Excel's "Unicode text" write tabs.
    init(_ text: String, path: String) throws(Diagnostic) {
        delimiter = Self.sniffDelimiter(text)
        records = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var quoted = false
        var closedQuote = false
        var fieldStarted = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            fieldStarted = false
            closedQuote = false
        }
        var quoteLine = 1
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let after = next() {
                        if after == "\"" { field.append("\""); continue }
                        pending = after
                    }
                    quoted = false
                    closedQuote = true
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case delimiter:
                fields.append(field)
                field = ""
                fieldStarted = false
                closedQuote = false
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            case "\"" where !fieldStarted && !closedQuote:
                quoted = true
                fieldStarted = true
                quoteLine = line
            default:
                if closedQuote {
                    if c == " " { continue }
                    throw .error(path, line: line, "text after a closing quote in a CSV field; write a quote inside a quoted field as \"\"")
                }
                fieldStarted = true
                field.append(c)
            }
        }
        if quoted {
            throw .error(path, line: quoteLine, "a quoted CSV field opened here is never closed; add the closing \"")
        }
        if fieldStarted || !fields.isEmpty || closedQuote { endRecord() }
    }

    static func sniffDelimiter(_ text: String) -> Character {
        var counts: [Character: Int] = ["\t": 0, ";": 0, ",": 0]
        var quoted = false
        for c in text {
            if c == "\n", !quoted { break }
            if c == "\"" { quoted.toggle() } else if !quoted, counts[c] != nil { counts[c]! += 1 }
        }
        // Ties go to tab, then ";", then ",": a lone column counts as comma-separated.
        let order: [Character] = ["\t", ";", ","]
        let best = order.max { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && order.firstIndex(of: $0)! > order.firstIndex(of: $1)!) }!
        return counts[best]! > 0 ? best : ","
    }
}
