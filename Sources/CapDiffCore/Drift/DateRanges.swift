/// Ranges of days that write the month and year once: "June 7–18, 2027", «с 7 по 18 июня
/// 2027 г.», "between 1 and 31 March 2027". Each end is a date of its own, as a translation
/// that writes the range out in full ("June 7, 2027 to June 18, 2027") or in figures
/// («07.06.2027–18.06.2027») states it; read alone, the first day would be a bare number.
extension ValueReader {
    /// Words and dashes that join the two ends of a range (or two days of one month: "on 10
    /// and 18 June").
    static let rangeJoiners: Set<String> = ["–", "—", "-", "to", "through", "till", "until", "and", "по", "до", "и"]

    /// "7–18 June 2027", «с 7 по 18 июня 2027 г.»: a day, a joiner, and a date that starts with
    /// its own day; the first day takes the date's month and year.
    func dayFirstRange(at i: Int, _ scan: Scan) -> ([Value], Int)? {
        let tokens = scan.tokens
        guard let first = Self.dayNumber(tokens[i]), i + 2 < tokens.count, Self.rangeJoiners.contains(tokens[i + 1].normalized),
              let last = Self.dayNumber(tokens[i + 2]), first < last,
              let (values, next) = date(at: i + 2, scan), values.count == 1, let end = values.first else { return nil }
        let start: Value
        switch end.unit {
        case .date:
            // The date must start with the day just read ("18 June 2027", not "18, 2027").
            guard Value.components(ofDay: end.magnitude)[0] == Double(last) else { return nil }
            start = scan.value(end.magnitude - Double(last - first), .date, from: i, toUTF8: tokens[i].range.upperBound)
        case .dayOfYear:
            guard Int(end.magnitude) % 100 == last else { return nil }
            start = scan.value(end.magnitude - Double(last - first), .dayOfYear, from: i, toUTF8: tokens[i].range.upperBound)
        default:
            return nil
        }
        return ([start, end], next)
    }

    /// "June 7–18, 2027", "June 7 to 18": a month, a day, a joiner and a day, then the year if
    /// written.
    func monthFirstRange(at i: Int, _ scan: Scan) -> ([Value], Int)? {
        let tokens = scan.tokens
        guard i + 3 < tokens.count, let first = Self.dayNumber(tokens[i + 1]), Self.rangeJoiners.contains(tokens[i + 2].normalized),
              let last = Self.dayNumber(tokens[i + 3]), first < last, let month = month(named: tokens[i]) else { return nil }
        var next = i + 4
        if next < tokens.count, tokens[next].surface == "," { next += 1 }
        let year = next < tokens.count && tokens[next].kind == .number && tokens[next].surface.count == 4 ? Int(tokens[next].surface) : nil
        guard let year else {
            return ([scan.value(Double(month * 100 + first), .dayOfYear, from: i, toUTF8: tokens[i + 1].range.upperBound),
                     scan.value(Double(month * 100 + last), .dayOfYear, from: i + 3, toUTF8: tokens[i + 3].range.upperBound)], i + 4)
        }
        next = Self.afterYearWord(next + 1, tokens)
        return ([scan.value(Value.day(year: year, month: month, day: first), .date, from: i, toUTF8: tokens[i + 1].range.upperBound),
                 scan.value(Value.day(year: year, month: month, day: last), .date, from: i + 3, toUTF8: tokens[next - 1].range.upperBound)],
                next)
    }

    /// A day of a month written in figures: 1 to 31, one or two digits.
    static func dayNumber(_ token: Token) -> Int? {
        guard token.kind == .number, token.surface.count <= 2, let day = Int(token.surface), (1...31).contains(day) else { return nil }
        return day
    }

    /// The month a word names, read by ICU in the reader's language ("June", "Jun"): the word
    /// with a day after it must read as a date without a year.
    private func month(named token: Token) -> Int? {
        let probe = Array("\(token.surface) 1".utf16)
        for parser in daysOfYear {
            guard let (day, end) = parser.parse(probe, at: 0), end == probe.count else { continue }
            return Int(Value.components(ofDay: Double(day))[1])
        }
        return nil
    }
}
