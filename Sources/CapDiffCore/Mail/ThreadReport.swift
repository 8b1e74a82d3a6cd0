/// One thread's result: the two sides' latest stances compared with the `compare` verdict table,
/// with evidence pointing at messages.
///
/// Per side and function, the latest message that states a stance on the function wins (within
/// one message the contract's precedence picks among its statements). Messages are in date
/// order when every message of the thread has a date, else in input order. Senders of neither
/// side are listed, not credited. Claims read from attachments are listed, not credited, unless
/// the caller asks (`creditAttachments`): a side is held to what it wrote in the message itself,
/// and an attached deck or draft is often someone else's, or out of date. An ambiguous line stays reported unless every claim on it was
/// overridden by a later message of its side.
public struct ThreadReport: Sendable {
    /// Where a piece of evidence came from.
    public struct Source: Sendable, Equatable {
        public var messageID: String?
        public var date: Int64?
        public var file: String
        public var number: Int
        public var attachment: String?
    }

    /// The first message's Message-ID as written (angle brackets included).
    public var thread: String?
    public var messages: Int
    public var comparison: Comparison
    /// Per side, the source of each of its analysis' claims (same order).
    public var claimSources: [[Source]]
    /// Per side, the source of each of its analysis' ambiguities (same order).
    public var ambiguitySources: [[Source]]
    /// Senders of neither side, with their message counts, in order of first appearance.
    public var unsidedSenders: [(address: String, messages: Int)]
    public var subject: String?
    /// Per side, claims read from attachments and not credited, with their sources.
    public var attachmentClaims: [[(claim: MessageRecord.Claim, source: Source)]] = [[], []]

    public init(messages records: [MessageRecord], sides: MailSides, glossary: Glossary, creditAttachments: Bool = false) {
        thread = records.first?.messageID
        messages = records.count
        subject = records.first?.subject

        struct Latest {
            var stance: Stance
            var message: Int
            var claims: [MessageRecord.Claim]
        }
        var latest: [[ClaimKey: Latest]] = [[:], [:]]
        var letters = [LanguageDetector.LetterCounts(), LanguageDetector.LetterCounts()]
        var unsided: [(String, Int)] = []
        var sideOf: [Int?] = []
        for (index, record) in records.enumerated() {
            let side = sides.side(of: record.from)
            sideOf.append(side)
            guard let side else {
                let address = record.from ?? "(no sender)"
                if let i = unsided.firstIndex(where: { $0.0 == address }) { unsided[i].1 += 1 } else { unsided.append((address, 1)) }
                continue
            }
            letters[side].cyrillic += record.cyrillicLetters
            letters[side].latin += record.latinLetters
            // Per function and scope, the later message wins.
            var byKey: [ClaimKey: [MessageRecord.Claim]] = [:]
            for claim in record.claims {
                if claim.attachment != nil, !creditAttachments {
                    attachmentClaims[side].append((claim, Self.source(record, attachment: claim.attachment)))
                } else {
                    byKey[claim.key, default: []].append(claim)
                }
            }
            for (key, claims) in byKey {
                let stance = claims.map(\.stance).max()!
                latest[side][key] = Latest(stance: stance, message: index, claims: claims.filter { $0.stance == stance })
            }
        }
        unsidedSenders = unsided

        var analyses: [Analysis] = []
        var claimSources: [[Source]] = []
        var ambiguitySources: [[Source]] = []
        for side in 0..<2 {
            var claims: [Claim] = []
            var sources: [Source] = []
            for key in latest[side].keys.sorted() {
                let entry = latest[side][key]!
                for c in entry.claims {
                    claims.append(Claim(function: c.function, stance: c.stance, line: c.line, text: c.text,
                                        phrase: c.phrase, basis: .cue(c.phrase), scope: c.scope))
                    sources.append(Self.source(records[entry.message], attachment: c.attachment))
                }
            }
            var ambiguities: [Ambiguity] = []
            var ambiguitySourcesOfSide: [Source] = []
            for (index, record) in records.enumerated() where sideOf[index] == side {
                for a in record.ambiguities where a.attachment == nil || creditAttachments {
                    let onLine = record.claims.filter { $0.line == a.line && $0.attachment == a.attachment }
                    let stands = onLine.isEmpty || onLine.contains { latest[side][$0.key]?.message == index }
                    guard stands else { continue }
                    // A conflict marks a cell only while its message is the one that decides it.
                    let contradictions = a.contradictions.filter { latest[side][$0.key]?.message == index }
                    ambiguities.append(Ambiguity(line: a.line, kinds: a.kinds, text: a.text, reasons: a.reasons,
                                                 contradictions: contradictions))
                    ambiguitySourcesOfSide.append(Self.source(record, attachment: a.attachment))
                }
            }
            let path = zip(records, sideOf).first { $0.1 == side }?.0.file ?? records.first?.file ?? ""
            analyses.append(Analysis(path: path, language: LanguageDetector.language(of: letters[side]) ?? .en,
                                     claims: claims, ambiguities: ambiguities))
            claimSources.append(sources)
            ambiguitySources.append(ambiguitySourcesOfSide)
        }
        self.claimSources = claimSources
        self.ambiguitySources = ambiguitySources
        comparison = Comparison(.init(name: sides.sides[0].name, analysis: analyses[0]),
                                .init(name: sides.sides[1].name, analysis: analyses[1]), glossary: glossary)
    }

    static func source(_ record: MessageRecord, attachment: String?) -> Source {
        Source(messageID: record.messageID, date: record.date, file: record.file, number: record.number, attachment: attachment)
    }
}
