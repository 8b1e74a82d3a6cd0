/// Times of day: "6:00 p.m.", "6 pm", "9am", «18:00», «до 18.00». As plain numbers "6" and «18»
/// would differ; as minutes after midnight they are one value, 1 080.
extension ValueReader {
    /// Words that mark the hours before and after noon, as the tokenizer leaves them ("p.m"
    /// before its last dot).
    static let meridiems: [String: Int] = ["am": 0, "a.m": 0, "pm": 12, "p.m": 12]

    /// Russian words before «18.00» that make it a time: «с», «до», «в», «к», «по», «после».
    static let russianTimePrepositions: Set<String> = ["с", "до", "в", "к", "по", "после", "позднее", "ранее"]

    func timeOfDay(at i: Int, _ scan: Scan) -> ([Value], Int)? {
        let tokens = scan.tokens
        let token = tokens[i]
        var hours: Int?, minutes = 0, next = i + 1
        var meridiem: Int?
        if let (digits, suffix) = Self.splitDigits(token.surface), let marker = Self.meridiems[suffix] {
            // "9am"
            hours = Int(digits)
            meridiem = marker
        } else if token.kind == .number, token.surface.count <= 2 {
            hours = Int(token.surface)
            if i + 2 < tokens.count, tokens[i + 1].surface == ":", tokens[i + 1].range.lowerBound == token.range.upperBound {
                // "18:00", "9:30pm"
                let after = tokens[i + 2]
                if after.kind == .number, after.surface.count == 2, let m = Int(after.surface) {
                    minutes = m
                } else if let (digits, suffix) = Self.splitDigits(after.surface), digits.count == 2, let marker = Self.meridiems[suffix] {
                    minutes = Int(digits)!
                    meridiem = marker
                } else {
                    return nil
                }
                next = i + 3
            }
        } else if language == .ru, token.kind == .number, i > 0, Self.russianTimePrepositions.contains(tokens[i - 1].normalized) {
            // «с 10.00 до 18.00»
            let parts = token.surface.split(separator: ".")
            guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2 else { return nil }
            hours = Int(parts[0])
            minutes = Int(parts[1]) ?? 60
        }
        guard let h = hours, (0...24).contains(h), (0...59).contains(minutes) else { return nil }
        if meridiem == nil, next < tokens.count, let marker = Self.meridiems[tokens[next].normalized] {
            meridiem = marker
            next += 1
            if next < tokens.count, tokens[next].surface == "." { next += 1 }
        }
        // A lone figure is an hour only with "a.m." or "p.m.": "6" alone is a count.
        guard meridiem != nil || next > i + 1 || token.surface.contains(".") else { return nil }
        var hour = h
        if let meridiem, h <= 12 { hour = h % 12 + meridiem }
        let end = tokens[next - 1].range.upperBound
        return ([scan.value(Double(hour * 60 + minutes), .timeOfDay, from: i, toUTF8: end)], next)
    }

    /// "9am" as ("9", "am"), "30pm" as ("30", "pm").
    private static func splitDigits(_ surface: String) -> (String, String)? {
        let digits = surface.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count < surface.count else { return nil }
        return (String(digits), surface.dropFirst(digits.count).lowercased())
    }
}
