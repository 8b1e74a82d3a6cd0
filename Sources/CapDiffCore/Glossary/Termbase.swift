/// A termbase as CAT tools exchange it (TBX, CSV, TSV): concept entries, each with the subject
/// it belongs to and its terms by language. `TBXReader` and `CSVGlossaryReader` produce it;
/// `GlossaryImport` turns it into capdiff's glossary (subject → function, term → phrase).
struct Termbase {
    var path: String
    var entries: [Entry] = []

    struct Entry {
        /// Where the entry starts in the file.
        var line: Int
        /// The entry's subjects as written ("Paid media", "outreach+logistics"): function ids
        /// once `FunctionID.from` has tidied them.
        var subjects: [String]
        var terms: [Term]
        /// What capdiff wrote about its functions on export (group, required, labels).
        var facts: [FunctionFact] = []
    }

    struct Term {
        /// The language code as written ("en-US", "RU", "fr").
        var language: String
        var text: String
        /// The term's status as written (administrativeStatus, termStatus…), if any.
        var status: String?
        /// Match the words as written rather than by stem (capdiff's own `match` column).
        var exact: Bool = false
        var line: Int
    }
}

/// A fact about a function that TBX and CSV have no field for, written by `glossary export` so
/// that importing its output gives back the same glossary.
enum FunctionFact: Equatable {
    case group(id: String, FunctionInfo.Group)
    case required(id: String)
    case label(id: String, language: String, String)

    var function: String {
        switch self {
        case .group(let id, _), .required(let id), .label(let id, _, _): id
        }
    }

    // MARK: As TBX notes

    /// The text of a TBX `<note>` carrying the fact: "capdiff outreach group: execution",
    /// "capdiff outreach label en: Outreach and casting". A CAT tool shows it as a plain note.
    var note: String {
        switch self {
        case .group(let id, let group): "capdiff \(id) group: \(group.rawValue)"
        case .required(let id): "capdiff \(id) required: yes"
        case .label(let id, let language, let label): "capdiff \(id) label \(language): \(label)"
        }
    }

    /// The fact a note states, or nil for any other note.
    init?(note: String) {
        let text = String(note.trimmingWhitespace())
        guard text.hasPrefix("capdiff "), let colon = text.firstIndex(of: ":") else { return nil }
        let head = text[text.index(text.startIndex, offsetBy: 8)..<colon].split(separator: " ").map(String.init)
        let value = String(text[text.index(after: colon)...].trimmingWhitespace())
        switch (head.count, head.last) {
        case (2, "group"):
            guard let group = FunctionInfo.Group(rawValue: value) else { return nil }
            self = .group(id: head[0], group)
        case (2, "required"):
            guard value == "yes" else { return nil }
            self = .required(id: head[0])
        case (3, _) where head[1] == "label":
            guard !value.isEmpty else { return nil }
            self = .label(id: head[0], language: head[2], value)
        default:
            return nil
        }
    }
}

/// Language codes as termbases write them, mapped to capdiff's two languages.
enum LanguageCode {
    /// "en", "en-US", "EN", "en_GB", "eng", "English" → "en"; the same for Russian → "ru";
    /// any other language → nil.
    static func capdiff(_ code: String) -> String? {
        switch subtags(code).first {
        case "en", "eng", "english": "en"
        case "ru", "rus", "russian": "ru"
        default: nil
        }
    }

    /// The code's primary language, lower-cased ("fr" for "fr-CA"), for counting what was left out.
    static func primary(_ code: String) -> String {
        subtags(code).first ?? code
    }

    static func subtags(_ code: String) -> [String] {
        code.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}

/// A term's status (TBX administrativeStatus, normativeAuthorization, TBX-Min termStatus, a
/// CSV status column): whether the termbase forbids the term or prefers it.
enum TermStatus {
    /// Deprecated, superseded, forbidden and obsolete terms are kept out of matching: the
    /// termbase says not to use them.
    static func isForbidden(_ status: String?) -> Bool {
        guard let word = core(status) else { return false }
        return ["deprecated", "superseded", "forbidden", "obsolete", "notrecommended", "rejected"].contains(word)
    }

    /// Preferred and approved terms name a function best, so they become its label.
    static func isPreferred(_ status: String?) -> Bool {
        guard let word = core(status) else { return false }
        return ["preferred", "approved", "standardized"].contains(word)
    }

    /// "deprecatedTerm-admn-sts" → "deprecated", "notRecommended" → "notrecommended".
    private static func core(_ status: String?) -> String? {
        guard let status else { return nil }
        var word = String(status.lowercased().trimmingWhitespace())
        if word.hasSuffix("-admn-sts") { word.removeLast(9) }
        if word.hasSuffix("term") { word.removeLast(4) }
        return word.filter(\.isLetter)
    }
}

/// Function ids made from the subjects termbases give their entries.
enum FunctionID {
    /// "Paid Media" → "paid-media", "Hardware \ Devices" → "hardware-devices": lower case,
    /// letters, digits and "_" kept, anything else one "-". A lower-case id comes back unchanged.
    static func from(_ subject: String) -> String {
        var id = ""
        var gap = false
        for character in subject.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                if gap, !id.isEmpty { id.append("-") }
                gap = false
                id.append(character)
            } else {
                gap = true
            }
        }
        return id
    }

    /// The ids a subject names: "a+b" names both, "a|b" either, as in capdiff's phrase files.
    static func all(in subjects: [String]) -> [String] {
        var ids: [String] = []
        for subject in subjects {
            for part in subject.split(whereSeparator: { $0 == "+" || $0 == "|" }) {
                let id = from(String(part))
                if !id.isEmpty, !ids.contains(id) { ids.append(id) }
            }
        }
        return ids
    }

    /// A subject written "a|b": its terms could mean any one of the functions.
    static func isEitherOf(_ subjects: [String]) -> Bool {
        subjects.count == 1 && subjects[0].contains("|") && !subjects[0].contains("+")
    }

    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }
}

extension StringProtocol {
    /// Runs of whitespace (tabs and line breaks included) as one space, trimmed: terms and
    /// labels must fit on one line of a tab-separated file.
    var collapsingWhitespace: String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
