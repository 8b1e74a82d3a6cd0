import Foundation

/// Aligns two sequences of text (clauses, or the sentences of one clause) in the spirit of
/// Gale–Church and hunalign: dynamic programming over beads of one-to-one, one-to-none,
/// none-to-one, two-to-one and one-to-two, scored by how well the lengths fit the documents'
/// length ratio, by shared anchors (numbers, names, functions) and by matching clause numbers.
/// A translation that splits one sentence in two, or joins two, still aligns; a clause with no
/// counterpart becomes a one-to-none bead: an omission or an addition.
enum Aligner {
    struct Item {
        /// Length in characters.
        var length: Int
        /// Values, names and functions the item states, in a form both languages share,
        /// hashed and sorted: the search compares them hundreds of thousands of times.
        var anchors: [Int]
        /// The clause number's key, when numbered.
        var key: String?
        /// The key was inherited from a heading ("Article 3") rather than written on the item.
        var keyIsWeak = false

        init(length: Int, anchors: Set<String>, key: String?, keyIsWeak: Bool = false) {
            self.length = length
            self.anchors = Set(anchors.map(\.hashValue)).sorted()
            self.key = key
            self.keyIsWeak = keyIsWeak
        }
    }

    struct Bead: Equatable {
        var source: Range<Int>
        var translation: Range<Int>
    }

    /// How a translation's length varies around the expected one: Gale and Church's variance
    /// per character, widened for English–Russian, whose official translations differ more.
    static let variance = 9.0

    /// −log of each bead's prior probability (Gale and Church's figures).
    static let oneToOne = -log(0.89)
    static let oneToNone = -log(0.005)
    static let twoToOne = -log(0.0445)

    /// The cheapest alignment of `source` with `translation`, where a translation is expected to
    /// be `ratio` times as long as its source.
    static func align(_ source: [Item], _ translation: [Item], ratio: Double) -> [Bead] {
        let n = source.count, m = translation.count
        if n == 0 || m == 0 {
            return (0..<n).map { Bead(source: $0..<($0 + 1), translation: 0..<0) }
                + (0..<m).map { Bead(source: n..<n, translation: $0..<($0 + 1)) }
        }
        // A band around the diagonal keeps long documents linear in time and memory: row i
        // keeps only the columns within `band` of the diagonal.
        let band = max(60, abs(n - m) + 40)
        let width = 2 * band + 1
        let centre = { (i: Int) in i * m / n }
        func cell(_ i: Int, _ j: Int) -> Int? {
            let offset = j - centre(i) + band
            return offset >= 0 && offset < width ? i * width + offset : nil
        }
        var cost = [Double](repeating: .infinity, count: (n + 1) * width)
        var back = [UInt8](repeating: 0, count: (n + 1) * width)
        cost[cell(0, 0)!] = 0
        let moves: [(Int, Int)] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)]
        for i in 0...n {
            for j in max(0, centre(i) - band)...min(m, centre(i) + band) {
                if i == 0 && j == 0 { continue }
                var best = Double.infinity
                var bestMove: UInt8 = 0
                for (k, (di, dj)) in moves.enumerated() where i >= di && j >= dj {
                    guard let previousCell = cell(i - di, j - dj), cost[previousCell].isFinite else { continue }
                    let total = cost[previousCell] + beadCost(source[(i - di)..<i], translation[(j - dj)..<j], ratio: ratio)
                    if total < best {
                        best = total
                        bestMove = UInt8(k)
                    }
                }
                let here = cell(i, j)!
                cost[here] = best
                back[here] = bestMove
            }
        }
        var beads: [Bead] = []
        var (i, j) = (n, m)
        while i > 0 || j > 0 {
            let (di, dj) = moves[Int(back[cell(i, j)!])]
            beads.append(Bead(source: (i - di)..<i, translation: (j - dj)..<j))
            i -= di
            j -= dj
        }
        return beads.reversed()
    }

    static func beadCost(_ a: ArraySlice<Item>, _ b: ArraySlice<Item>, ratio: Double) -> Double {
        if a.isEmpty || b.isEmpty { return oneToNone }
        let prior = a.count == 1 && b.count == 1 ? oneToOne : twoToOne
        let la = Double(a.reduce(0) { $0 + $1.length }), lb = Double(b.reduce(0) { $0 + $1.length })
        return prior + lengthCost(la, lb, ratio: ratio) + anchorCost(a, b) + keyCost(a, b)
    }

    /// −log of the chance that a translation of `la` characters has `lb` (Gale–Church: the
    /// difference is normally distributed with a variance proportional to the length).
    static func lengthCost(_ la: Double, _ lb: Double, ratio: Double) -> Double {
        let mean = max(1, (la + lb / ratio) / 2)
        let delta = (lb - la * ratio) / (mean * variance).squareRoot()
        let p = erfc(abs(delta) / 2.0.squareRoot())
        return -log(max(p, 1e-12))
    }

    /// Shared values, names and functions pull two items together; items that both state some
    /// and share none push apart.
    static func anchorCost(_ a: ArraySlice<Item>, _ b: ArraySlice<Item>) -> Double {
        let sa = a.count == 1 ? a.first!.anchors : union(a.first!.anchors, a.last!.anchors)
        let sb = b.count == 1 ? b.first!.anchors : union(b.first!.anchors, b.last!.anchors)
        // Joining an item that states something and shares none of it with the other side is
        // unlikely: it is more probably an addition or an omission of its own.
        var loose = 0.0
        if a.count > 1, a.contains(where: { !$0.anchors.isEmpty && sharedCount($0.anchors, sb) == 0 }) { loose += 2 }
        if b.count > 1, b.contains(where: { !$0.anchors.isEmpty && sharedCount($0.anchors, sa) == 0 }) { loose += 2 }
        guard !sa.isEmpty, !sb.isEmpty else { return loose }
        let shared = sharedCount(sa, sb)
        if shared == 0 { return loose + 1.5 }
        return loose - 4 * Double(2 * shared) / Double(sa.count + sb.count)
    }

    /// Matching clause numbers are the strongest anchor; numbers that differ count against a
    /// pair, and so does joining two differently numbered clauses.
    static func keyCost(_ a: ArraySlice<Item>, _ b: ArraySlice<Item>) -> Double {
        let ka = a.compactMap(\.key), kb = b.compactMap(\.key)
        guard !ka.isEmpty, !kb.isEmpty else { return 0 }
        let weak = a.contains(where: \.keyIsWeak) || b.contains(where: \.keyIsWeak)
        var cost = 0.0
        if ka.contains(where: { $0 != ka[0] }) || kb.contains(where: { $0 != kb[0] }) { cost += 4 }
        guard ka.contains(where: kb.contains) else { return cost + (weak ? 1.5 : 4) }
        return cost - (a.count == 1 && b.count == 1 ? (weak ? 4 : 10) : 3)
    }

    static func union(_ a: [Int], _ b: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) { out.append(a[i]); i += 1 }
            else if i == a.count || b[j] < a[i] { out.append(b[j]); j += 1 }
            else { out.append(a[i]); i += 1; j += 1 }
        }
        return out
    }

    static func sharedCount(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0, j = 0, n = 0
        while i < a.count, j < b.count {
            if a[i] < b[j] { i += 1 } else if b[j] < a[i] { j += 1 } else { n += 1; i += 1; j += 1 }
        }
        return n
    }
}
