/// Reads glossaries that CAT tools and spreadsheets export as CSV or TSV: a header row naming
/// the columns, then one concept per row. Columns are found by their header:
///
/// - a language code (en, en-US, en_GB, ru, ru-RU, or English, Russian): the terms, several
///   alternatives in one cell separated as memoQ allows ("outreach; casting", "a | b");
/// - subject, subject field, function or domain (or the one `--function-from` names): the
///   function, "a+b" for two;
/// - status (or term status, administrative status): deprecated, forbidden… rows are left out;
/// - capdiff's own, written by `glossary export`: match (stem or exact), group, required,
///   "label en", "label ru".
///
/// Any other column (definitions, notes, "English_Def") is ignored.
struct CSVGlossaryReader {
    /// Separators between alternatives in one cell; nil: ";" and "|", whichever is not the
    /// file's own delimiter.
    var separator: String?
    var functionFrom: String?

    static let functionColumns: Set<String> = ["subject", "subjectfield", "function", "domain"]
    static let statusColumns: Set<String> = ["status", "termstatus", "administrativestatus"]
    /// Words after a language code that make a column something other than terms
    /// ("English_Def", "ru note").
    static let notTerms: Set<String> = ["def", "definition", "note", "notes", "info", "comment", "comments", "example",
                                        "context", "source", "status", "pos", "gender", "label", "match", "id"]
    /// Two- and three-letter headers that are not languages.
    static let notLanguages: Set<String> = ["id", "no", "nr", "pos", "ref", "url", "key", "tag", "num"]

    enum Column {
        case terms(language: String)
        case function, status, match, group, required
        case label(language: String)
        case ignored
    }

    func read(_ text: String, path: String) throws(Diagnostic) -> Termbase {
        let table = try CSVTable(text, path: path)
        guard let header = table.records.first else {
            throw .error(path, "is empty; a CSV glossary needs a header row naming its language columns")
        }
        let columns = header.fields.map(classify)
        if GlossaryReader.table(forHeader: header.fields.map { String($0.trimmingWhitespace()) }) != nil {
            throw .error(path, line: header.line, "is already in capdiff's glossary format; use it with --glossary")
        }
        guard columns.contains(where: { if case .terms = $0 { true } else { false } }) else {
            throw .error(path, line: header.line, "the header names no language column; name the term columns with language codes (en, ru, en-US, ru-RU)")
        }
        if let functionFrom, !columns.contains(where: { if case .function = $0 { true } else { false } }) {
            throw .error(path, line: header.line, "no column named \"\(functionFrom)\"; the header has: \(header.fields.joined(separator: ", "))")
        }
        let separators: [Character] = separator.map { Array($0) } ?? [";", "|"].filter { $0 != table.delimiter }

        var termbase = Termbase(path: path)
        for record in table.records.dropFirst() {
            if record.fields.count > columns.count, record.fields[columns.count...].contains(where: { !$0.trimmingWhitespace().isEmpty }) {
                throw .error(path, line: record.line, "\(record.fields.count) fields where the header has \(columns.count); quote fields that hold the delimiter \"\(table.delimiter)\"")
            }
            var entry = Termbase.Entry(line: record.line, subjects: [], terms: [])
            var status: String?
            var exact = false
            var group: FunctionInfo.Group?
            var required = false
            var labels: [(String, String)] = []
            for (column, field) in zip(columns, record.fields) {
                let value = field.collapsingWhitespace
                guard !value.isEmpty else { continue }
                switch column {
                case .terms(let language):
                    for alternative in field.split(whereSeparator: separators.contains) {
                        entry.terms.append(Termbase.Term(language: language, text: alternative.collapsingWhitespace, line: record.line))
                    }
                case .function: entry.subjects.append(value)
                case .status: status = value
                case .match:
                    guard value == "stem" || value == "exact" else {
                        throw .error(path, line: record.line, "match must be stem or exact, not \"\(value)\"")
                    }
                    exact = value == "exact"
                case .group:
                    guard let g = FunctionInfo.Group(rawValue: value) else {
                        throw .error(path, line: record.line, "group must be strategic or execution, not \"\(value)\"")
                    }
                    group = g
                case .required: required = ["yes", "true", "1", "required"].contains(value.lowercased())
                case .label(let language): labels.append((language, value))
                case .ignored: break
                }
            }
            for i in entry.terms.indices {
                entry.terms[i].status = status
                entry.terms[i].exact = exact
            }
            // Facts describe one function: a row naming one.
            let ids = FunctionID.all(in: entry.subjects)
            if ids.count == 1 {
                let id = ids[0]
                if let group { entry.facts.append(.group(id: id, group)) }
                if required { entry.facts.append(.required(id: id)) }
                entry.facts += labels.map { .label(id: id, language: $0.0, $0.1) }
            }
            termbase.entries.append(entry)
        }
        return termbase
    }

    /// What a column holds, from its header.
    func classify(_ header: String) -> Column {
        let words = LanguageCode.subtags(header)
        let squashed = words.joined()
        if let functionFrom {
            if squashed == LanguageCode.subtags(functionFrom).joined() { return .function }
        } else if Self.functionColumns.contains(squashed) {
            return .function
        }
        if Self.statusColumns.contains(squashed) { return .status }
        switch squashed {
        case "match": return .match
        case "group": return .group
        case "required": return .required
        default: break
        }
        if words.count == 2, words[0] == "label", let language = LanguageCode.capdiff(words[1]) { return .label(language: language) }
        guard let primary = words.first, !words.dropFirst().contains(where: Self.notTerms.contains) else { return .ignored }
        if LanguageCode.capdiff(primary) != nil { return .terms(language: String(header.trimmingWhitespace())) }
        if (2...3).contains(primary.count), primary.allSatisfy(\.isASCII), !Self.notLanguages.contains(primary) {
            return .terms(language: String(header.trimmingWhitespace()))
        }
        return .ignored
    }
}
