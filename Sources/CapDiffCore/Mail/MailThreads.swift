/// Groups messages into threads as they arrive: a message joins the thread of every id its
/// In-Reply-To and References name (union–find over Message-IDs, so the order messages arrive
/// in does not matter, and a reply whose parent is missing still joins its siblings). A message
/// with neither header falls back on its subject, stripped of reply and forward prefixes (Re:,
/// Fwd:, Ответ:, Пересл:, …): it joins the first thread seen with that subject.
///
/// Memory per message is a few integers: ids are kept as 64-bit hashes, not strings.
struct MailThreads {
    private var parent: [Int32] = []
    private var nodeOfID: [UInt64: Int32] = [:]
    /// Ids that belong to a message read (not only referenced), to spot duplicates.
    private var isMessage: [Bool] = []
    private var subjectOwner: [UInt64: Int32] = [:]

    /// Adds a message; returns its node, or nil when a message with the same Message-ID was
    /// already added (a duplicate, such as one message in two exported folders).
    mutating func add(id: String?, inReplyTo: [String], references: [String], subject: String?) -> Int32? {
        let node: Int32
        if let id, let key = Self.key(id) {
            let existing = nodeOfID[key]
            if let existing, isMessage[Int(existing)] { return nil }
            node = existing ?? newNode(key)
            isMessage[Int(node)] = true
        } else {
            node = newNode(nil)
            isMessage[Int(node)] = true
        }
        let links = (references + inReplyTo).compactMap(Self.key)
        for link in links {
            union(node, nodeOfID[link] ?? newNode(link))
        }
        if let subject = subject.flatMap(Self.subjectKey) {
            let key = Self.hash(subject)
            if let owner = subjectOwner[key] {
                if links.isEmpty { union(node, owner) }
            } else {
                subjectOwner[key] = node
            }
        }
        return node
    }

    /// The node standing for a message's whole thread.
    mutating func root(_ node: Int32) -> Int32 {
        var n = node
        while parent[Int(n)] != n {
            parent[Int(n)] = parent[Int(parent[Int(n)])]  // path halving
            n = parent[Int(n)]
        }
        return n
    }

    private mutating func newNode(_ key: UInt64?) -> Int32 {
        let node = Int32(parent.count)
        parent.append(node)
        isMessage.append(false)
        if let key { nodeOfID[key] = node }
        return node
    }

    private mutating func union(_ a: Int32, _ b: Int32) {
        let ra = root(a), rb = root(b)
        if ra != rb { parent[Int(max(ra, rb))] = min(ra, rb) }
    }

    // MARK: - Keys

    /// A Message-ID's key: without angle brackets and surrounding space, ASCII letters folded
    /// to lower case (ids are ASCII; this runs for every id of every References field).
    static func key(_ id: String) -> UInt64? {
        var utf8 = Substring(id).utf8[...]
        while let first = utf8.first, first == 0x20 || first == 0x09 || first == 0x0D || first == 0x0A || first == 0x3C {
            utf8 = utf8.dropFirst()
        }
        while let last = utf8.last, last == 0x20 || last == 0x09 || last == 0x0D || last == 0x0A || last == 0x3E {
            utf8 = utf8.dropLast()
        }
        guard !utf8.isEmpty else { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            h ^= UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    /// FNV-1a, 64 bits: stable across runs (Swift's Hasher is seeded per process).
    static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in s.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    static let replyPrefixes: Set<String> = ["re", "fw", "fwd", "aw", "wg", "sv", "vs", "tr", "ответ", "отв", "пересл", "переслать"]

    /// "RE: Fwd: Ответ: Roles [2]" → "roles"; nil when nothing is left. Works on scalars, with
    /// ASCII and Cyrillic handled without Unicode tables: this runs for every message.
    static func subjectKey(_ subject: String) -> String? {
        let scalars = Array(subject.unicodeScalars)
        var start = 0
        func skipSpaces() { while start < scalars.count, isSpace(scalars[start]) { start += 1 } }
        skipSpaces()
        while start < scalars.count {
            // "[list] " tags.
            if scalars[start] == "[", let close = scalars[start...].firstIndex(of: "]") {
                start = close + 1
                skipSpaces()
                continue
            }
            // "Re:", "Re[2]:", "Re(2):", "Ответ:".
            var end = start
            while end < scalars.count, end - start <= 9, isLetter(scalars[end]) { end += 1 }
            guard end > start, end - start <= 9 else { break }
            var word = String.UnicodeScalarView()
            for scalar in scalars[start..<end] { word.append(folded(scalar)) }
            guard replyPrefixes.contains(String(word)) else { break }
            var rest = end
            if rest < scalars.count, scalars[rest] == "[" || scalars[rest] == "(" {
                while rest < scalars.count, scalars[rest] != "]" && scalars[rest] != ")" { rest += 1 }
                rest += 1
            }
            while rest < scalars.count, scalars[rest] == " " { rest += 1 }
            guard rest < scalars.count, scalars[rest] == ":" else { break }
            start = rest + 1
            skipSpaces()
        }
        // Runs of white space become one space; case is folded.
        var key = String.UnicodeScalarView()
        var space = false
        for scalar in scalars[start...] {
            if isSpace(scalar) { space = true; continue }
            if space, !key.isEmpty { key.append(" ") }
            space = false
            key.append(folded(scalar))
        }
        return key.isEmpty ? nil : String(key)
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? s.value == 0x20 || (0x09...0x0D).contains(s.value) : s.properties.isWhitespace
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x41...0x5A, 0x61...0x7A, 0x400...0x4FF: true
        case 0..<0x80: false
        default: s.properties.isAlphabetic
        }
    }

    /// Lower case for ASCII and Russian letters; other scalars as they are (a key only needs
    /// the forms people actually vary: "RE:" and "Re:", «ОТВЕТ:» and «Ответ:»).
    private static func folded(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x41...0x5A, 0x410...0x42F: Unicode.Scalar(s.value + 0x20)!
        case 0x400...0x40F: Unicode.Scalar(s.value + 0x50)!
        default: s
        }
    }
}
