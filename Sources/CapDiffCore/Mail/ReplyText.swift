import Foundation

/// The part of a message its sender wrote: quoted replies, forwarded messages and signatures
/// removed, so a side is credited only with its own words. Removed lines become blank (they
/// keep their place, so line numbers and paragraph breaks stay right).
///
/// What is removed:
/// - lines quoted with ">";
/// - an attribution line ("On Mon, Jan 11, 2027 … wrote:", «11.01.2027 16:05, Анна пишет:»);
///   when no ">" lines follow it, the quote is unmarked and everything after it goes;
/// - everything from an Outlook or forwarding separator ("-----Original Message-----",
///   «-----Исходное сообщение-----», "---------- Forwarded message ---------", "Begin forwarded
///   message:") or an unmarked header block ("From: … / Sent: … / To: …", «От: … / Отправлено: …»);
/// - everything from the signature separator "-- ";
/// - "Sent from my iPhone" and its kin.
enum ReplyText {
    static func ownText(_ text: MailText) -> MailText {
        var lines = text.lines
        var i = 0
        while i < lines.count {
            // Most lines are plain text or ">" quotes: their first and last bytes rule out every
            // other pattern before any string work is done.
            if lines[i].quoted {
                lines[i].text = ""
                i += 1
                continue
            }
            let shape = Shape(lines[i].text)
            if shape.first == UInt8(ascii: ">") {
                lines[i].text = ""
            } else if isSignatureSeparator(lines[i].text) || (shape.mayStartQuote && startsQuotedMessage(lines, at: i)) {
                blank(&lines, from: i)
                break
            } else if shape.mayBeAttribution, let span = attribution(lines, at: i) {
                let next = lines[(i + span)...].first { $0.quoted || !$0.text.trimmingWhitespace().isEmpty }
                if next.map({ $0.quoted || $0.text.trimmingWhitespace().hasPrefix(">") }) ?? true {
                    for j in i..<(i + span) { lines[j].text = "" }
                    i += span
                    continue
                }
                blank(&lines, from: i)
                break
            } else if shape.mayBeDeviceSignature, isDeviceSignature(lines[i].text.trimmingWhitespace()) {
                lines[i].text = ""
            }
            i += 1
        }
        return MailText(lines: lines)
    }

    /// A line's first and last non-blank bytes, which decide which patterns could match.
    private struct Shape {
        var first: UInt8 = 0
        var second: UInt8 = 0
        var last: UInt8 = 0
        var count = 0

        init(_ line: String) {
            let utf8 = line.utf8
            count = utf8.count
            // From each end to the first byte that is not blank: no walk over the whole line.
            guard let start = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
                  let end = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
            first = utf8[start]
            last = utf8[end]
            let next = utf8.index(after: start)
            if next < utf8.endIndex { second = utf8[next] }
        }

        /// Separators start with "-", "_" or "="; header blocks with "From:" / «От:»; "Begin
        /// forwarded message:" and «Начало …» with their letters.
        var mayStartQuote: Bool {
            "-_=FfBb".utf8.contains(first) || startsWithCyrillicONOrN
        }

        /// О, о, Н or н (UTF-8 D0 9E, D0 BE, D0 9D, D0 BD).
        var startsWithCyrillicONOrN: Bool {
            first == 0xD0 && (second == 0x9E || second == 0xBE || second == 0x9D || second == 0xBD)
        }

        /// Attributions end with ":" (or their first line starts "On").
        var mayBeAttribution: Bool {
            last == UInt8(ascii: ":") || ((first == UInt8(ascii: "O") || first == UInt8(ascii: "o")) && second == UInt8(ascii: "n"))
        }

        var mayBeDeviceSignature: Bool {
            count <= 80 && ("SsGg".utf8.contains(first) || startsWithCyrillicONOrN)
        }
    }

    /// The bytes with every line quoted with ">" cut down to its ">" (lines keep their places).
    static func emptyingQuotedLines(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var lineStart = 0
        var copied = 0
        bytes.withUnsafeBytes { buffer in
            let base = buffer.baseAddress!
            while lineStart < bytes.count {
                let hit = memchr(base + lineStart, 0x0A, bytes.count - lineStart)
                let lineEnd = hit.map { base.distance(to: UnsafeRawPointer($0)) } ?? bytes.count
                var first = lineStart
                while first < lineEnd, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
                if first < lineEnd, bytes[first] == 0x3E, lineEnd - first > 1 {
                    if out.isEmpty { out.reserveCapacity(bytes.count / 2) }
                    out += bytes[copied...first]
                    copied = lineEnd
                }
                lineStart = lineEnd + 1
            }
        }
        if copied == 0 { return bytes }
        out += bytes[copied...]
        return out
    }

    private static func blank(_ lines: inout [MailText.Line], from start: Int) {
        for j in start..<lines.count { lines[j].text = "" }
    }

    /// "-- " (RFC 3676), or "--" where a client trimmed the space.
    static func isSignatureSeparator(_ line: String) -> Bool {
        line == "-- " || line == "--" || line == "-- \u{00A0}" || line == "--\u{00A0}"
    }

    // MARK: - Attribution lines

    static let attributionEndings = ["wrote:", "writes:", "пишет:", "написал:", "написала:", "написал(а):",
                                     "schrieb:", "a écrit :", "a écrit:", "escribió:", "ha scritto:"]

    /// The number of lines (1 or 2) of an attribution starting at `i`: "On … wrote:" (which
    /// clients wrap), or a short line ending in "wrote:" / «пишет:».
    static func attribution(_ lines: [MailText.Line], at i: Int) -> Int? {
        let line = lines[i].text.trimmingWhitespace().lowercased()
        guard !line.isEmpty, line.count <= 250 else { return nil }
        if attributionEndings.contains(where: { line.hasSuffix($0) }) { return 1 }
        if line.hasPrefix("on "), i + 1 < lines.count {
            let next = lines[i + 1].text.trimmingWhitespace().lowercased()
            if next.count <= 200, attributionEndings.contains(where: { next.hasSuffix($0) }) { return 2 }
        }
        return nil
    }

    // MARK: - Quoted and forwarded messages

    /// Separator lines of Outlook, Thunderbird, Gmail, Apple Mail and Russian clients, without
    /// their dashes, lower-cased.
    static let separators: Set<String> = [
        "original message", "forwarded message", "begin forwarded message:", "forwarded message follows",
        "исходное сообщение", "пересылаемое сообщение", "пересланное сообщение", "перенаправленное сообщение",
        "начало переадресованного сообщения:",
    ]

    static let fromLabels = ["from:", "от:", "от кого:"]
    static let headerLabels = ["sent:", "date:", "to:", "subject:", "cc:", "отправлено:", "дата:", "кому:", "тема:", "копия:"]

    static func startsQuotedMessage(_ lines: [MailText.Line], at i: Int) -> Bool {
        let trimmed = lines[i].text.trimmingWhitespace()
        // A separator names itself with dashes around it, or ends in a colon.
        if let first = trimmed.first, first == "-" || first == "_" || first == "=" || trimmed.last == ":" {
            let line = trimmed.lowercased()
            let core = line.trimmingCharacters { $0 == "-" || $0 == "_" || $0 == " " || $0 == "=" }
            if !core.isEmpty, core.count < line.count || core.hasSuffix(":"), separators.contains(String(core)) { return true }
        }
        // An underscore rule then "From:" (Outlook on the web), or an unmarked header block:
        // "From:" followed by two more header labels within four lines.
        var start = i
        if trimmed.utf8.count >= 10, trimmed.utf8.allSatisfy({ $0 == UInt8(ascii: "_") }) { start = i + 1 }
        guard start < lines.count else { return false }
        let head = lines[start].text.trimmingWhitespace().prefix(10).lowercased()
        guard fromLabels.contains(where: { head.hasPrefix($0) }) else { return false }
        let following = lines[(start + 1)..<min(lines.count, start + 6)].map { $0.text.trimmingWhitespace().prefix(14).lowercased() }
        return following.filter { l in headerLabels.contains { l.hasPrefix($0) } }.count >= 2
    }

    static let deviceSignatures = ["sent from my iphone", "sent from my ipad", "sent from my android", "sent from outlook",
                                   "get outlook for", "sent from mail for windows", "отправлено с iphone",
                                   "отправлено из мобильной почты", "отправлено с моего", "sent from yandex"]

    static func isDeviceSignature(_ line: Substring) -> Bool {
        guard line.utf8.count <= 120 else { return false }
        let lower = line.prefix(32).lowercased()
        // Bytes: String's hasPrefix compares canonical equivalence, which costs more here.
        return deviceSignatures.contains { lower.utf8.starts(with: $0.utf8) }
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters for which `drop` holds.
    fileprivate func trimmingCharacters(_ drop: (Character) -> Bool) -> SubSequence {
        let start = firstIndex { !drop($0) } ?? endIndex
        let end = lastIndex { !drop($0) }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
