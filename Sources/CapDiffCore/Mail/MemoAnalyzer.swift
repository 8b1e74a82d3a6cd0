import Foundation

/// The analyser, remembering what each unit said: mail repeats itself (greetings, sign-offs,
/// boilerplate, standard wording pasted into message after message), and reading a unit again
/// costs more than everything else done for a message. The result is the analyser's own: each
/// unit is analysed as a small outline of the unit, the heading or label that governs it, and
/// the title and closing line the writer's own name is read from (`SelfNames`) — a unit's
/// claims and flags depend on nothing else — and the units' results are combined as
/// `Analyzer.analyze` combines them. Outlines holding tables are analysed whole.
/// Not thread-safe (it holds an analyser): one per thread.
final class MemoAnalyzer {
    let analyzer: Analyzer
    /// Entries kept before the memo starts afresh, bounding its memory (a few MB).
    let capacity: Int
    private var memo: [Key: Result] = [:]
    /// The writer's names by title and closing line (mail closes with the same few lines).
    private var names: [NamesKey: [String]] = [:]

    init(analyzer: Analyzer, capacity: Int = 8192) {
        self.analyzer = analyzer
        self.capacity = capacity
    }

    /// A unit's kind, text and line layout, its governing heading's kind and text, and the
    /// writer's names: all that its claims and flags depend on. Hashed over the texts' bytes
    /// (String's own hashing normalises Unicode first, which costs more than the lookup saves).
    private struct Key: Hashable {
        var kind: UInt8
        var text: String
        var lineBreaks: [Int]
        var scopeKind: UInt8
        var scopeText: String
        var names: [String]

        func hash(into hasher: inout Hasher) {
            hasher.combine(kind)
            hasher.combine(scopeKind)
            Self.combine(text, into: &hasher)
            Self.combine(scopeText, into: &hasher)
            hasher.combine(lineBreaks)
            for name in names { Self.combine(name, into: &hasher) }
        }

        static func combine(_ s: String, into hasher: inout Hasher) {
            var s = s
            s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(s.utf8.count)
        }

        static func == (a: Key, b: Key) -> Bool {
            a.kind == b.kind && a.scopeKind == b.scopeKind && a.lineBreaks == b.lineBreaks
                && same(a.text, b.text) && same(a.scopeText, b.scopeText)
                && a.names.count == b.names.count && zip(a.names, b.names).allSatisfy(same)
        }

        /// Byte equality (String's == compares canonical equivalence, which costs more).
        static func same(_ a: String, _ b: String) -> Bool {
            var a = a, b = b
            return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
        }
    }

    /// The title and closing line the writer's names are read from, hashed as `Key` is.
    private struct NamesKey: Hashable {
        var title: String?
        var closing: String?

        func hash(into hasher: inout Hasher) {
            Key.combine(title ?? "\u{0}", into: &hasher)
            Key.combine(closing ?? "\u{0}", into: &hasher)
        }

        static func == (a: NamesKey, b: NamesKey) -> Bool {
            func same(_ x: String?, _ y: String?) -> Bool {
                switch (x, y) {
                case (nil, nil): true
                case let (x?, y?): Key.same(x, y)
                default: false
                }
            }
            return same(a.title, b.title) && same(a.closing, b.closing)
        }
    }

    /// A unit's claims and flags, with lines relative to the unit's first line.
    private struct Result {
        var claims: [Claim]
        var ambiguities: [Ambiguity]
    }

    /// - Parameter language: the outline's language when the caller knows it (counting its
    ///   letters again costs time).
    func analyze(_ outline: Outline, language: Language? = nil) -> Analysis {
        if outline.units.contains(where: { $0.kind == .tableRow || $0.kind == .tableHeader }) {
            return analyzer.analyze(outline)
        }
        var claims: [Claim] = []
        var ambiguities: [Ambiguity] = []
        var lineOfAmbiguity: [Int: Int] = [:]
        let context = self.context(outline)
        for unit in outline.units {
            let scope = unit.scope.map { outline.units[$0] }
            let result = self.result(unit, scope: scope, context: context, path: outline.path)
            for var claim in result.claims {
                claim.line += unit.line
                claims.append(claim)
            }
            // Flags of one line are merged as the analyser's collector merges them.
            for var ambiguity in result.ambiguities {
                ambiguity.line += unit.line
                if let i = lineOfAmbiguity[ambiguity.line] {
                    for kind in ambiguity.kinds where !ambiguities[i].kinds.contains(kind) {
                        ambiguities[i].kinds.append(kind)
                        ambiguities[i].kinds.sort()
                    }
                    for reason in ambiguity.reasons where !ambiguities[i].reasons.contains(reason) {
                        ambiguities[i].reasons.append(reason)
                    }
                    for function in ambiguity.functions where !ambiguities[i].functions.contains(function) {
                        ambiguities[i].functions.append(function)
                    }
                } else {
                    lineOfAmbiguity[ambiguity.line] = ambiguities.count
                    ambiguities.append(ambiguity)
                }
            }
        }
        let kept = Analyzer.onePerLine(claims)
        // Conflicts are between lines of one message, so they are found once its units are combined.
        return Analysis(path: outline.path, language: language ?? outline.language, claims: kept,
                        ambiguities: Conflicts.flag(kept, in: ambiguities), warnings: outline.warnings)
    }

    /// What the analyser reads from the whole outline: the units the writer's name comes from.
    private struct Context {
        var title: Unit?
        var closing: Unit?
        var names: [String]

    }

    private func context(_ outline: Outline) -> Context {
        let title = outline.units.first.flatMap { $0.kind == .title ? $0 : nil }
        let closing = outline.units.last.flatMap { $0.kind == .prose ? $0 : nil }
        // SelfNames reads only the title and the closing line (so those decide the key).
        let key = NamesKey(title: title?.text, closing: closing?.text)
        if let known = names[key] { return Context(title: title, closing: closing, names: known) }
        let found = SelfNames.find(in: outline)
        if names.count >= capacity { names.removeAll(keepingCapacity: true) }
        names[key] = found
        return Context(title: title, closing: closing, names: found)
    }

    private func result(_ unit: Unit, scope: Unit?, context: Context, path: String) -> Result {
        let key = Self.key(unit, scope: scope, names: context.names)
        if let known = memo[key] { return known }
        // The small outline: [title], [governing heading], the unit, [closing line]. Each gets
        // a line of its own: in a base64 part every unit has the same line, and claims and flags
        // of one line are merged, which must happen only when the units' results are combined.
        let own = 1_000_000
        var units: [Unit] = []
        func append(_ u: Unit, line: Int, scope: Int? = nil) {
            var copy = u
            copy.line = line
            copy.scope = scope
            units.append(copy)
        }
        if let title = context.title, title != unit { append(title, line: 1) }
        if let heading = scope { append(heading, line: 2) }
        append(unit, line: own, scope: scope == nil ? nil : units.count - 1)
        if let closing = context.closing, closing != unit { append(closing, line: 3 * own) }
        let analysis = analyzer.analyze(Outline(path: path, units: units))
        let mine = own...(own + unit.lineBreaks.count)
        let result = Result(
            claims: analysis.claims.filter { mine.contains($0.line) }.map { var c = $0; c.line -= own; return c },
            ambiguities: analysis.ambiguities.filter { mine.contains($0.line) }.map { var a = $0; a.line -= own; return a })
        if memo.count >= capacity { memo.removeAll(keepingCapacity: true) }
        memo[key] = result
        return result
    }

    private static func key(_ unit: Unit, scope: Unit?, names: [String]) -> Key {
        Key(kind: kindTag(unit.kind), text: unit.text, lineBreaks: unit.lineBreaks,
            scopeKind: scope.map { kindTag($0.kind) } ?? 0, scopeText: scope?.text ?? "", names: names)
    }

    private static func kindTag(_ kind: Unit.Kind) -> UInt8 {
        switch kind {
        case .title: 2
        case .heading(let level): 10 + UInt8(level)
        case .label: 3
        case .item: 4
        case .tableHeader: 5
        case .tableRow: 6
        case .prose: 7
        }
    }
}
