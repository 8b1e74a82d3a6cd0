import Testing
@testable import CapDiffCore

/// Every cell of the contract's verdict table, both ways round (the table is symmetric).
@Suite struct VerdictTableTests {
    static let table: [(Stance?, Stance?, Verdict)] = [
        (.owns, .owns, .contested), (.owns, .shares, .shared), (.owns, .supports, .shared),
        (.owns, .needs, .covered), (.owns, .excludes, .covered), (.owns, nil, .covered),
        (.shares, .shares, .shared), (.shares, .supports, .shared), (.shares, .needs, .unclear),
        (.shares, .excludes, .unclear), (.shares, nil, .unclear),
        (.supports, .supports, .unclear), (.supports, .needs, .unclear), (.supports, .excludes, .unclear),
        (.supports, nil, .unclear),
        (.needs, .needs, .gap), (.needs, .excludes, .gap), (.needs, nil, .gap),
        (.excludes, .excludes, .gap), (.excludes, nil, .gap),
    ]

    @Test(arguments: 0..<table.count)
    func cell(_ i: Int) {
        let (a, b, verdict) = Self.table[i]
        #expect(VerdictTable.verdict(a, b) == verdict, "\(String(describing: a)) × \(String(describing: b))")
        #expect(VerdictTable.verdict(b, a) == verdict, "\(String(describing: b)) × \(String(describing: a))")
    }

    @Test func leadIsTheOwningSide() {
        #expect(VerdictTable.lead(.owns, .shares) == 0)
        #expect(VerdictTable.lead(.supports, .owns) == 1)
        #expect(VerdictTable.lead(.shares, .shares) == nil)
    }
}
