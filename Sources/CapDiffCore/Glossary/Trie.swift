/// A trie over interned token keys: finds the longest glossary phrase starting at a position.
final class Trie<Value> {
    final class Node {
        var children: [Int32: Node] = [:]
        var values: [Value] = []
    }

    let root = Node()
    private(set) var count = 0

    func insert(_ keys: [Int32], _ value: Value) {
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


    /// The longest path from `start` whose node holds values; at equal length a path without
    /// alternates wins.
    ///
    /// With `gaps` > 0, a phrase of two or more words may skip that many positions inside it
    /// for which `canSkip` holds, so "booking Russian creators" matches "booking creators"; at
    /// equal length, fewer gaps win.
    func longestMatch(from start: Int, in positions: [TriePosition], gaps: Int = 0,
                      canSkip: (Int) -> Bool = { _ in false }) -> (length: Int, values: [Value], alternate: Bool)? {
        var best: (Int, [Value], Bool)?
        var bestGaps = 0
        func walk(_ node: Node, _ position: Int, _ alternate: Bool, _ gapsLeft: Int) {
            guard position < positions.count else { return }
            let here = positions[position]
            if gapsLeft > 0, node !== root, !node.children.isEmpty, canSkip(position) {
                walk(node, position + 1, alternate, gapsLeft - 1)
            }
            for (key, isAlternate) in here.keys {
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

    /// Whether any phrase starts with one of these keys: most words start none, and skipping
    /// them spares the walk.
    func startsWith(_ position: TriePosition) -> Bool {
        position.keys.contains { root.children[$0.key] != nil }
    }
}

/// What one position of the text may be read as: its keys (stem, exact form, and for phrases
/// the stem in the other script, marked alternate).
struct TriePosition {
    var keys: [(key: Int32, alternate: Bool)]
}
