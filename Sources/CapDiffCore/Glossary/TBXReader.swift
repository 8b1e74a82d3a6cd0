/// Reads TBX (TermBase eXchange) termbases in both of their shapes:
///
///     ISO 30042:2019   tbx > text > body > conceptEntry > langSec > termSec > term
///     2008 (martif)    martif > text > body > termEntry > langSet > tig | ntig > termGrp > term
///
/// and the early TBX-Min (TBX > body > conceptEntry > langGroup > termGroup > term). A data
/// category is found whether written as an attribute (`<descrip type="subjectField">`, TBX-Basic
/// and the "DCA" style) or as an element (`<subjectField>`, `<min:subjectField>`: TBX-Min and
/// the "DCT" style). The XML goes through `XMLTree`, with its safe settings: no network, no
/// DTD, no entities.
enum TBXReader {
    static let namespace = "urn:iso:std:iso:30042:ed-2"
    static let roots: Set<String> = ["tbx", "martif", "TBX"]
    static let entryNames: Set<String> = ["conceptEntry", "termEntry"]
    static let languageSectionNames: Set<String> = ["langSec", "langSet", "langGroup"]
    static let termSectionNames: Set<String> = ["termSec", "tig", "ntig", "termGroup"]
    /// Where TBX dialects keep a term's status: TBX-Basic's administrativeStatus, the older
    /// normativeAuthorization, TBX-Min's termStatus.
    static let statusTypes = ["administrativeStatus", "normativeAuthorization", "termStatus"]

    /// Reads a TBX file; `functionFrom` names the entry-level data category that holds the
    /// function (subjectField by default).
    static func read(_ bytes: [UInt8], path: String, functionFrom: String) throws(Diagnostic) -> Termbase {
        let root = try XMLTree.parse(bytes, html: false, path: path)
        guard roots.contains(root.name) else {
            throw .error(path, line: root.line, "is XML but not TBX (its root is <\(root.name)>, not <tbx> or <martif>); give a TBX, CSV or TSV termbase")
        }
        if root.name == "tbx", let ns = root.namespace, ns != namespace {
            throw .error(path, line: root.line, "declares namespace \(ns), not TBX's \(namespace); check that it is a TBX file")
        }
        guard let body = root.descendants("body").first else {
            throw .error(path, line: root.line, "has no <body>, so no entries; check that it is a complete TBX file")
        }
        var termbase = Termbase(path: path)
        for entry in body.elements() where entryNames.contains(entry.name) {
            termbase.entries.append(try read(entry: entry, path: path, functionFrom: functionFrom,
                                             inheritedLanguage: root.attributes["lang"]))
        }
        return termbase
    }

    static func read(entry: XMLElement, path: String, functionFrom: String, inheritedLanguage: String?) throws(Diagnostic) -> Termbase.Entry {
        var terms: [Termbase.Term] = []
        for section in entry.elements() where languageSectionNames.contains(section.name) {
            // xml:lang is inherited in XML, so a section without one takes the root's.
            guard let language = section.attributes["lang"] ?? inheritedLanguage else {
                throw .error(path, line: section.line, "<\(section.name)> has no xml:lang; give each language section its language code")
            }
            for termSection in section.elements() where termSectionNames.contains(termSection.name) {
                guard let term = termSection.descendants("term").first else {
                    throw .error(path, line: termSection.line, "<\(termSection.name)> holds no <term>; add the term or delete the section")
                }
                let notes = values(of: ["note"], in: termSection, typed: false)
                terms.append(Termbase.Term(
                    language: language, text: term.text.collapsingWhitespace,
                    status: values(of: statusTypes, in: termSection).first,
                    exact: notes.contains { $0.trimmingWhitespace() == "capdiff match: exact" },
                    line: term.line))
            }
        }
        return Termbase.Entry(line: entry.line, subjects: values(of: [functionFrom], in: entry), terms: terms,
                              facts: values(of: ["note"], in: entry, typed: false).compactMap(FunctionFact.init(note:)))
    }

    /// The values of data categories on an element (not inside its language or term sections):
    /// `<descrip|admin|termNote type="T">` or an element named T in any namespace, also inside
    /// groups (`descripGrp`, `termGrp`, `termNoteGrp`…). `typed: false` reads elements named T only.
    static func values(of types: [String], in element: XMLElement, typed: Bool = true) -> [String] {
        let wanted = Set(types.map { $0.lowercased() })
        var found: [String] = []
        for child in element.elements() {
            if child.name.hasSuffix("Grp") {
                found += values(of: types, in: child, typed: typed)
            } else if wanted.contains(child.name.lowercased())
                        || (typed && ["descrip", "admin", "termNote"].contains(child.name)
                            && wanted.contains(child.attributes["type"]?.lowercased() ?? "")) {
                let value = child.text.collapsingWhitespace
                if !value.isEmpty { found.append(value) }
            }
        }
        return found
    }
}
