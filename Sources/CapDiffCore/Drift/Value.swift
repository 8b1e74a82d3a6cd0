/// A number, amount, percentage, duration, date or cross-reference read from a clause, as a
/// value: "$5,000" and «5 000 долларов США» are one value, "30 days" and «30 дней» another.
struct Value: Sendable, Equatable, CustomStringConvertible {
    enum Unit: Sendable, Equatable, Hashable {
        /// A number with no unit ("25,000 installs").
        case plain
        /// Money, with an ISO 4217 code when the text names the currency.
        case money(String?)
        case percent
        case duration(DurationUnit)
        /// A calendar date; the magnitude counts days since 1970-01-01.
        case date
        /// A date written without its year ("May 10", «10 мая»); the magnitude is month × 100 + day.
        case dayOfYear
        /// A number naming a part of the document ("Section 2(b)", «п. 5.1»), one part each.
        case reference
    }

    enum DurationUnit: String, Sendable, Hashable {
        case hour, day, businessDay = "business day", week, month, year
    }

    var magnitude: Double
    var unit: Unit
    /// As written.
    var surface: String
    /// UTF-8 offsets in the clause text.
    var range: Range<Int>

    var isDate: Bool { unit == .date || unit == .dayOfYear }

    /// The value as alignment compares it across languages.
    var anchor: String { isDate ? "d\(Int(magnitude))" : "v\(magnitude)" }

    var description: String { "\(surface) = \(magnitude) \(unit)" }

    /// A date's month × 100 + day.
    private var dayOfYear: Double {
        guard unit == .date else { return magnitude }
        let parts = Self.components(ofDay: magnitude)
        return parts[1] * 100 + parts[0]
    }

    /// Weeks count as seven days, so "two weeks" and «14 дней» agree.
    private var normalized: (Double, Unit) {
        if case .duration(.week) = unit { return (magnitude * 7, .duration(.day)) }
        return (magnitude, unit)
    }

    /// Whether two values may be the same one written in two languages: equal magnitudes, and
    /// units that do not contradict each other (a side may leave the unit out: "25,000" and
    /// «25 000 долларов»); a date equals only a date.
    func agrees(with other: Value) -> Bool {
        // "May 10" agrees with May 10 of any year.
        if unit == .dayOfYear || other.unit == .dayOfYear {
            guard isDate, other.isDate else { return false }
            return dayOfYear == other.dayOfYear
        }
        let (a, ua) = normalized, (b, ub) = other.normalized
        guard abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) else { return false }
        switch (ua, ub) {
        case (.date, .date): return true
        case (.date, _), (_, .date): return false
        case (.reference, .reference), (.reference, .plain), (.plain, .reference): return true
        case (.reference, _), (_, .reference): return false
        case (.plain, _), (_, .plain): return true
        case let (.money(x), .money(y)): return x == nil || y == nil || x == y
        case (.percent, .percent): return true
        case let (.duration(x), .duration(y)): return x == y
        default: return false
        }
    }

    /// Day, month and year of a day count since 1970-01-01 (the civil calendar).
    static func components(ofDay day: Double) -> [Double] {
        let z = Int(day) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return [Double(d), Double(m), Double(y)]
    }
}
