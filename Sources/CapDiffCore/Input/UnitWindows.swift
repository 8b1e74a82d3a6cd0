/// Over-long units cut into bounded windows before analysis, so that reading a unit costs at
/// most a bounded amount per byte whatever its length: a sentence of a few kilobytes is read
/// whole, while minified HTML, a CSV pasted as one line or a base64 blob (megabytes in one
/// unit) is read window by window instead of with work that grows with the square of its length.
///
/// A window ends after its 64th clause mark, else at the last sentence end in its second
/// half, else at the last clause mark (a comma, a semicolon, a colon, a dash), else at the last
/// space, else at a character boundary; it keeps its kind, its scope and the original line of
/// every offset.
enum UnitWindows {
    /// The longest unit read whole, in UTF-8 bytes: about three hundred words, far past any
    /// sentence people write on purpose.
    static let maximum = 2048
    /// The most clause marks a window holds: reading a clause looks at its whole unit, so a
    /// dense list ("a, b, c, …" or a table row of "—" marks) is cut sooner than plain text.
    static let maximumClauses = 64

    /// The outline's units with every over-long unit cut into windows; `scope` and
    /// `tableHeader` point at the first window of the unit they pointed at. `firstWindow`
    /// gives, for each window after a unit's first, the index of that first window (whose
    /// stance the rest of the unit keeps, as a sentence's later clauses do).
    static func split(_ outline: Outline) -> (outline: Outline, firstWindow: [Int: Int]) {
        guard outline.units.contains(where: { $0.text.utf8.count > maximum }) else { return (outline, [:]) }
        var units: [Unit] = []
        var first: [Int] = []
        var firstWindow: [Int: Int] = [:]
        first.reserveCapacity(outline.units.count)
        for unit in outline.units {
            first.append(units.count)
            let windows = windows(of: unit)
            for k in windows.indices.dropFirst() { firstWindow[units.count + k] = units.count }
            units.append(contentsOf: windows)
        }
        for i in units.indices {
            if let scope = units[i].scope { units[i].scope = first[scope] }
            if let header = units[i].tableHeader { units[i].tableHeader = first[header] }
        }
        var result = outline
        result.units = units
        return (result, firstWindow)
    }

    /// A unit's windows: the unit itself when it is short enough. The first window keeps a
    /// table row's cells (the table's columns read them); the others are the rest of its text.
    static func windows(of unit: Unit, maximum: Int = maximum) -> [Unit] {
        let bytes = Array(unit.text.utf8)
        guard bytes.count > maximum else { return [unit] }
        var result: [Unit] = []
        var breakIndex = 0  // unit.lineBreaks before this one are at or before the window's start
        var start = 0
        while start < bytes.count {
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            guard start < bytes.count else { break }
            let end = afterClauses(bytes, from: start, maximum: maximum)
                ?? (bytes.count - start <= maximum ? bytes.count : cut(bytes, from: start, maximum: maximum))
            var last = end
            while last > start, bytes[last - 1] == 0x20 { last -= 1 }
            while breakIndex < unit.lineBreaks.count, unit.lineBreaks[breakIndex] <= start { breakIndex += 1 }
            var inner: [Int] = []
            var k = breakIndex
            while k < unit.lineBreaks.count, unit.lineBreaks[k] < last {
                inner.append(unit.lineBreaks[k] - start)
                k += 1
            }
            var window = unit
            window.line = unit.line + breakIndex
            window.text = String(decoding: bytes[start..<last], as: UTF8.self)
            window.lineBreaks = inner
            if !result.isEmpty {
                window.cells = []
                window.tableHeader = nil
            }
            result.append(window)
            start = end
        }
        return result.isEmpty ? [unit] : result
    }

    /// Just after the `maximumClauses`th clause mark from `start`, when there are that many
    /// within `maximum` bytes and text follows the mark.
    static func afterClauses(_ bytes: [UInt8], from start: Int, maximum: Int) -> Int? {
        var marks = 0
        var i = start
        let end = min(bytes.count, start + maximum)
        while i < end {
            if isClauseMark(bytes, i) {
                marks += 1
                if marks == maximumClauses {
                    let after = i + (bytes[i] == 0xE2 ? 3 : 1)
                    return after < bytes.count ? after : nil
                }
            }
            i += 1
        }
        return nil
    }

    /// What the clause splitter breaks at: , ; : . ! ? ( ) [ ] and the dashes and ellipsis
    /// (– — …), here at the byte where the mark starts.
    static func isClauseMark(_ bytes: [UInt8], _ i: Int) -> Bool {
        switch bytes[i] {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"):
            return true
        case 0xE2:
            return i + 2 < bytes.count && bytes[i + 1] == 0x80 && [0x93, 0x94, 0xA6].contains(bytes[i + 2])
        default:
            return false
        }
    }

    /// Where the window starting at `start` ends (exclusive): after the last sentence end in
    /// its second half, else the last clause mark, else before the last space, else at the
    /// last character boundary.
    static func cut(_ bytes: [UInt8], from start: Int, maximum: Int) -> Int {
        let limit = start + maximum
        let half = start + maximum / 2
        var clause: Int?
        var space: Int?
        var i = limit
        // Scanning back from the limit: the first sentence end found is the last one; a
        // clause mark or a space is remembered in case no sentence end comes.
        while i > half {
            let byte = bytes[i - 1]
            let followedBySpace = i < bytes.count && bytes[i] == 0x20
            if followedBySpace, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
                || byte == UInt8(ascii: ";") {
                return i
            }
            if clause == nil, followedBySpace, byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") || isDashEnd(bytes, i) {
                clause = i
            }
            if space == nil, byte == 0x20 { space = i }
            i -= 1
        }
        if let clause { return clause }
        if let space { return space }
        // No space in half a window (a base64 blob, a long URL): any character boundary will
        // do, the first byte of a UTF-8 sequence.
        var end = limit
        while end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }

    /// Whether the bytes just before `i` are an en or em dash ("–", "—").
    static func isDashEnd(_ bytes: [UInt8], _ i: Int) -> Bool {
        i >= 3 && bytes[i - 3] == 0xE2 && bytes[i - 2] == 0x80 && (bytes[i - 1] == 0x93 || bytes[i - 1] == 0x94)
    }
}
