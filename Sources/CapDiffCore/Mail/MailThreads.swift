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

    /// A Message-ID's key: without angle brackets and surrounding space, lower-cased.
    static func key(_ id: String) -> UInt64? {
        var s = id.trimmingWhitespace()
        if s.hasPrefix("<") { s = s.dropFirst() }
        if s.hasSuffix(">") { s = s.dropLast() }
        guard !s.isEmpty else { return nil }
        return hash(s.lowercased())
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

    static let replyPrefixes = ["re", "fw", "fwd", "aw", "wg", "sv", "vs", "tr", "ответ", "отв", "пересл", "переслать", "fwd"]

    /// "RE: Fwd: Ответ: Roles [2]" → "roles"; nil when nothing is left.
    static func subjectKey(_ subject: String) -> String? {
        var s = Substring(subject.lowercased()).trimmingWhitespace()
        var changed = true
        while changed {
            changed = false
            // "[list] " tags and "Re:", "Re[2]:", "Re(2):", "Ответ:" prefixes.
            if s.hasPrefix("["), let close = s.firstIndex(of: "]") {
                s = s[s.index(after: close)...].trimmingWhitespace()
                changed = true
                continue
            }
            let word = s.prefix { $0.isLetter }
            guard replyPrefixes.contains(String(word)) else { break }
            var rest = s.dropFirst(word.count)
            if rest.first == "[" || rest.first == "(" {
                rest = rest.drop { $0 != "]" && $0 != ")" }.dropFirst()
            }
            rest = rest.drop { $0 == " " }
            guard rest.first == ":" else { break }
            s = rest.dropFirst().trimmingWhitespace()
            changed = true
        }
        let collapsed = s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }
}
