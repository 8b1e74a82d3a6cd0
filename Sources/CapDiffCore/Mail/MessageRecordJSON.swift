import Foundation

/// The JSON line form of a `MessageRecord`: what `capdiff batch --emit messages` prints for each
/// message and `capdiff merge` reads back. Lines holding a "summary" object are not records.
public enum MessageRecordJSON {
    public static func encode(_ r: MessageRecord) -> JSON {
        var fields: [(String, JSON)] = [
            ("file", .string(r.file)), ("message", .int(r.number)), ("offset", .int(r.offset)), ("line", .int(r.line)),
            ("message_id", JSON(r.messageID)), ("id", JSON(r.id)),
            ("in_reply_to", .array(r.inReplyTo.map { .string($0) })),
            ("references", .array(r.references.map { .string($0) })),
            ("subject", JSON(r.subject)), ("from", JSON(r.from)), ("from_name", JSON(r.fromName)),
            ("date", JSON(r.date.map(MailJSONViews.isoDate))), ("date_unix", r.date.map { .int(Int($0)) } ?? .null),
            ("letters", .object([("cyrillic", .int(r.cyrillicLetters)), ("latin", .int(r.latinLetters))])),
            ("claims", .array(r.claims.map { c in
                var f: [(String, JSON)] = [("function", .string(c.function))]
                if let scope = c.scope { f.append(("scope", .string(scope))) }
                f += [("stance", .string(c.stance.rawValue)), ("line", .int(c.line)), ("text", .string(c.text)),
                      ("phrase", .string(c.phrase))]
                if let a = c.attachment { f.append(("attachment", .string(a))) }
                return .object(f)
            })),
            ("ambiguities", .array(r.ambiguities.map { a in
                var f: [(String, JSON)] = [("line", .int(a.line)), ("kinds", .array(a.kinds.map { .string($0.rawValue) })),
                                           ("text", .string(a.text)), ("reasons", .array(a.reasons.map { .string($0) }))]
                if let att = a.attachment { f.append(("attachment", .string(att))) }
                if !a.contradictions.isEmpty { f.append(("contradicts", JSONViews.contradictions(a.contradictions))) }
                return .object(f)
            })),
            ("attachments", .object([("read", .array(r.attachmentsRead.map { .string($0) })),
                                     ("skipped", .array(r.attachmentsSkipped.map { .string($0) }))])),
        ]
        if let skip = r.skip { fields.append(("skipped", .string(skip.rawValue))) }
        fields.append(("notes", .array(r.notes.map { .string($0) })))
        return .object(fields)
    }

    public enum Line {
        case record(MessageRecord)
        /// A summary line (or a blank one): nothing to merge.
        case other
    }

    /// Why a line is not a record.
    public struct FormatError: Error, Sendable {
        public var reason: String
    }

    /// Reads one line; throws a one-line reason when it is not a record.
    public static func decode(_ line: Substring) throws(FormatError) -> Line {
        let trimmed = line.trimmingWhitespace()
        if trimmed.isEmpty { return .other }
        let object: [String: Any]
        do {
            guard let o = try JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                throw FormatError(reason: "not a JSON object")
            }
            object = o
        } catch let error as FormatError {
            throw error
        } catch {
            throw FormatError(reason: "not JSON")
        }
        if object["summary"] != nil { return .other }
        func string(_ key: String) -> String? { object[key] as? String }
        func int(_ key: String, in o: [String: Any]) -> Int? { (o[key] as? NSNumber)?.intValue }
        func strings(_ value: Any?) -> [String] { (value as? [Any])?.compactMap { $0 as? String } ?? [] }
        guard let file = string("file"), let number = int("message", in: object) else {
            throw FormatError(reason: "no \"file\" or \"message\" field")
        }
        var claims: [MessageRecord.Claim] = []
        for case let c as [String: Any] in object["claims"] as? [Any] ?? [] {
            guard let function = c["function"] as? String, let stance = (c["stance"] as? String).flatMap(Stance.init(rawValue:)),
                  let line = int("line", in: c) else {
                throw FormatError(reason: "a claim without function, stance or line")
            }
            claims.append(.init(function: function, stance: stance, line: line, text: c["text"] as? String ?? "",
                                phrase: c["phrase"] as? String ?? "", attachment: c["attachment"] as? String,
                                scope: c["scope"] as? String))
        }
        var ambiguities: [MessageRecord.Ambiguity] = []
        for case let a as [String: Any] in object["ambiguities"] as? [Any] ?? [] {
            guard let line = int("line", in: a) else { throw FormatError(reason: "an ambiguity without a line") }
            ambiguities.append(.init(line: line, kinds: strings(a["kinds"]).compactMap(AmbiguityKind.init(rawValue:)),
                                     text: a["text"] as? String ?? "", reasons: strings(a["reasons"]),
                                     attachment: a["attachment"] as? String,
                                     contradictions: contradictions(a["contradicts"])))
        }
        func contradictions(_ value: Any?) -> [Contradiction] {
            (value as? [Any] ?? []).compactMap { item in
                guard let c = item as? [String: Any], let function = c["function"] as? String, let line = int("line", in: c),
                      let stance = (c["stance"] as? String).flatMap(Stance.init(rawValue:)) else { return nil }
                return Contradiction(key: ClaimKey(function: function, scope: c["scope"] as? String), line: line,
                                     text: c["text"] as? String ?? "", stance: stance)
            }
        }
        let letters = object["letters"] as? [String: Any] ?? [:]
        let attachments = object["attachments"] as? [String: Any] ?? [:]
        return .record(MessageRecord(
            file: file, number: number, offset: int("offset", in: object) ?? 0, line: int("line", in: object) ?? 1,
            messageID: string("message_id"), id: string("id"),
            inReplyTo: strings(object["in_reply_to"]), references: strings(object["references"]),
            subject: string("subject"), from: string("from"), fromName: string("from_name"),
            date: (object["date_unix"] as? NSNumber).map { $0.int64Value },
            cyrillicLetters: int("cyrillic", in: letters) ?? 0, latinLetters: int("latin", in: letters) ?? 0,
            claims: claims, ambiguities: ambiguities,
            attachmentsRead: strings(attachments["read"]), attachmentsSkipped: strings(attachments["skipped"]),
            skip: string("skipped").flatMap(MessageRecord.Skip.init(rawValue:)), notes: strings(object["notes"])))
    }
}
