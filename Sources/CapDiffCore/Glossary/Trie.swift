/// A trie over token keys: finds the longest glossary phrase starting at a position.
final class Trie<Value> {
    final class Node {
        var children: [String: Node] = [:]
        var values: [Value] = []
    }

    let root = Node()
    private(set) var count = 0

    func insert(_ keys: [String], _ value: Value) {
        guard !keys.isEmpty else { return }
        var node = root
        for key in keys {
            if let next = node.children[key] {
                node = next
            } else {
                let next = Node()
                node.children[key] = next
                node = next
            }
        }
        node.values.append(value)
        count += 1
    }

    /// The longest path from `start` whose node holds values. `keysAt(i)` lists the keys
    /// position i may be read as (its stem, its exact form, then transliterated forms, which
    /// are marked alternate); nil ends the walk. At equal length a path without alternates wins.
    ///
    /// With `gaps` > 0, a phrase of two or more words may skip that many words inside it, so
    /// "booking Russian creators" matches "booking creators"; at equal length, fewer gaps win.
    /// `canSkip(i)` says whether position i may be skipped.
    func longestMatch(from start: Int, gaps: Int = 0, canSkip: (Int) -> Bool = { _ in false },
                      keysAt: (Int) -> [(key: String, alternate: Bool)]?) -> (length: Int, values: [Value], alternate: Bool)? {
        var best: (Int, [Value], Bool)?
        var bestGaps = 0
        func walk(_ node: Node, _ position: Int, _ alternate: Bool, _ gapsLeft: Int) {
            guard let keys = keysAt(position) else { return }
            if gapsLeft > 0, node !== root, !node.children.isEmpty, canSkip(position) {
                walk(node, position + 1, alternate, gapsLeft - 1)
            }
            for (key, isAlternate) in keys {
                guard let next = node.children[key] else { continue }
                let viaAlternate = alternate || isAlternate
                let length = position - start + 1
                let used = gaps - gapsLeft
                if !next.values.isEmpty, best == nil || length > best!.0
                    || (length == best!.0 && (used < bestGaps || (used == bestGaps && best!.2 && !viaAlternate))) {
                    best = (length, next.values, viaAlternate)
                    bestGaps = used
                }
                walk(next, position + 1, viaAlternate, gapsLeft)
            }
        }
        walk(root, start, false, gaps)
        return best
    }
}
