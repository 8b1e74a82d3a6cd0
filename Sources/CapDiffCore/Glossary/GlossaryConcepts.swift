/// A glossary seen as a termbase, for `glossary export`: one concept per function (or per
/// "a+b" set of functions) holding the phrases that name it, and the facts TBX and CSV have no
/// field for (group, required, labels) on the first concept of each function alone.
struct GlossaryConcept {
    var functions: [String]
    /// The phrases could mean any one of the functions ("a|b"), not all of them at once.
    var eitherOf = false
    /// The subject as capdiff's files write it: "a", "a+b" or "a|b".
    var subject: String { functions.joined(separator: eitherOf ? "|" : "+") }
    /// In glossary order; `exact` phrases stay marked.
    var phrases: [PhraseEntry]
    var facts: [FunctionFact]

    /// Concepts in order of each set's first phrase; a function named by no phrase of its own
    /// gets a concept with only its facts, at the end.
    static func concepts(of glossary: Glossary) -> [GlossaryConcept] {
        var concepts: [GlossaryConcept] = []
        var position: [String: Int] = [:]
        for phrase in glossary.phrases {
            if let i = position[phrase.functionField] {
                concepts[i].phrases.append(phrase)
            } else {
                position[phrase.functionField] = concepts.count
                concepts.append(GlossaryConcept(functions: phrase.functions, eitherOf: phrase.eitherOf, phrases: [phrase], facts: []))
            }
        }
        for function in glossary.functions {
            var facts: [FunctionFact] = [.group(id: function.id, function.group)]
            if function.required { facts.append(.required(id: function.id)) }
            for (language, label) in function.labels.sorted(by: { $0.key < $1.key }) {
                facts.append(.label(id: function.id, language: language, label.collapsingWhitespace))
            }
            if let i = position[function.id] {
                concepts[i].facts += facts
            } else {
                concepts.append(GlossaryConcept(functions: [function.id], phrases: [], facts: facts))
            }
        }
        return concepts
    }

    /// The concept's languages, English first.
    var languages: [String] {
        var result: [String] = []
        for phrase in phrases where !result.contains(phrase.language) { result.append(phrase.language) }
        return result.sorted { ($0 == "en" ? 0 : $0 == "ru" ? 1 : 2, $0) < ($1 == "en" ? 0 : $1 == "ru" ? 1 : 2, $1) }
    }
}
