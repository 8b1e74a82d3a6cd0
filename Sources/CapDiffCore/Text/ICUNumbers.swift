import CICU

/// ICU's number parsing in one locale and style: "1,250.00" (en) and «1 250,00» (ru, with a
/// plain or no-break space), "15%" and «15 %», "$5,000" and «5 000 долларов США», "thirty" and
/// «тридцати». Not thread-safe: one per thread.
final class ICUNumberParser {
    enum Style: Int32 { case decimal = 0, percent = 1, currency = 2, spellout = 3 }

    private let handle: OpaquePointer
    let style: Style
    let locale: String

    init(_ style: Style, locale: String) throws(ICUError) {
        var err: Int32 = 0
        let h = cicu_numfmt_open(style.rawValue, locale, &err)
        try checkICU(err, "opening a \(style) number format for \(locale)")
        guard let h else { throw ICUError(operation: "opening a \(style) number format for \(locale)", code: err) }
        handle = h
        self.style = style
        self.locale = locale
    }

    deinit { cicu_numfmt_close(handle) }

    /// The number at UTF-16 offset `start` of `text` and the offset just past it, or nil when
    /// none starts there. A percentage comes back as a fraction (15% → 0.15), as ICU reads it.
    func parse(_ text: [UInt16], at start: Int) -> (value: Double, end: Int)? {
        var pos = Int32(start), err: Int32 = 0
        let value = text.withUnsafeBufferPointer { cicu_numfmt_parse(handle, $0.baseAddress, Int32(text.count), &pos, &err) }
        guard err <= 0, Int(pos) > start, value.isFinite else { return nil }
        return (value, Int(pos))
    }

    /// An amount of money at `start`: its value, ISO 4217 currency code and end.
    func parseCurrency(_ text: [UInt16], at start: Int) -> (value: Double, currency: String, end: Int)? {
        var pos = Int32(start), err: Int32 = 0
        var code: (CChar, CChar, CChar, CChar) = (0, 0, 0, 0)
        let value = text.withUnsafeBufferPointer { buffer in
            withUnsafeMutableBytes(of: &code) { raw in
                cicu_numfmt_parse_currency(handle, buffer.baseAddress, Int32(text.count), &pos,
                                           raw.baseAddress!.assumingMemoryBound(to: CChar.self), &err)
            }
        }
        guard err <= 0, Int(pos) > start, value.isFinite else { return nil }
        let currency = withUnsafeBytes(of: code) { String(decoding: $0.prefix(3), as: UTF8.self) }
        return (value, currency, Int(pos))
    }
}

/// ICU's date parsing in one locale and date style ("March 1, 2027" in en_US long, "1 March
/// 2027" in en_GB long, «1 марта 2027 г.» in ru long, «01.03.2027» in ru short). Lenient, so a
/// plain space stands for the no-break spaces of ICU's patterns; it still refuses a lone year
/// or "30 days". Not thread-safe: one per thread.
final class ICUDateParser {
    enum Style: Int32 { case full = 0, long = 1, medium = 2, short = 3 }

    private let handle: OpaquePointer

    init(_ style: Style, locale: String) throws(ICUError) {
        var err: Int32 = 0
        let h = cicu_datefmt_open(style.rawValue, locale, &err)
        try checkICU(err, "opening a \(style) date format for \(locale)")
        guard let h else { throw ICUError(operation: "opening a \(style) date format for \(locale)", code: err) }
        handle = h
    }

    /// A format from an ICU pattern, such as "MMMM d" for a date written without its year.
    init(pattern: String, locale: String) throws(ICUError) {
        let units = Array(pattern.utf16)
        var err: Int32 = 0
        let h = units.withUnsafeBufferPointer { cicu_datefmt_open_pattern($0.baseAddress, Int32(units.count), locale, &err) }
        try checkICU(err, "opening date pattern \(pattern) for \(locale)")
        guard let h else { throw ICUError(operation: "opening date pattern \(pattern) for \(locale)", code: err) }
        handle = h
    }

    deinit { cicu_datefmt_close(handle) }

    /// The date at UTF-16 offset `start`, as whole days since 1970-01-01 (UTC), and its end.
    func parse(_ text: [UInt16], at start: Int) -> (day: Int, end: Int)? {
        var pos = Int32(start), err: Int32 = 0
        let millis = text.withUnsafeBufferPointer { cicu_datefmt_parse(handle, $0.baseAddress, Int32(text.count), &pos, &err) }
        guard err <= 0, Int(pos) > start, millis.isFinite else { return nil }
        return (Int((millis / 86_400_000).rounded(.down)), Int(pos))
    }
}
