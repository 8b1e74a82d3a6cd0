/// What one message says, read on its own: who sent it, where it sits in its thread, and the
/// claims and ambiguous lines of the text its sender wrote (quotes and signatures removed) and
/// of its document attachments. Threads and sides are worked out later, from many records
/// (`MailMerge`), so records of different shards of an export can be merged.
///
/// `capdiff batch --emit messages` prints these as JSON lines (`MessageRecordJSON`).
public struct MessageRecord: Sendable, Equatable {
    public struct Claim: Sendable, Equatable {
        public var function: String
        public var stance: Stance
        /// The line in `file` (see `MailText` for how encoded parts map).
        public var line: Int
        public var text: String
        /// The words that named the function.
        public var phrase: String
        /// The attachment the claim was read from; nil for the message's own text.
        public var attachment: String?
        /// The market the claim is limited to; nil for every market.
        public var scope: String? = nil

        public var key: ClaimKey { ClaimKey(function: function, scope: scope) }
    }

    public struct Ambiguity: Sendable, Equatable {
        public var line: Int
        public var kinds: [AmbiguityKind]
        public var text: String
        public var reasons: [String]
        public var attachment: String?
        /// For a `conflict`: the other lines of the message that say the opposite.
        public var contradictions: [Contradiction] = []
    }

    /// Why a message's text could not be analysed (it still counts in its thread).
    public enum Skip: String, Sendable, Equatable, CaseIterable {
        case noText = "no text part"
        case emptyText = "no text of its own (only quotes or a signature)"
    }

    public var file: String
    /// 1-based number of the message in its file.
    public var number: Int
    /// Byte offset of the message in its file, and its first header line.
    public var offset: Int
    public var line: Int
    /// The Message-ID header as written (angle brackets included).
    public var messageID: String?
    /// Bare ids (no angle brackets) for threading: its own, and those it answers.
    public var id: String?
    public var inReplyTo: [String]
    public var references: [String]
    public var subject: String?
    /// The sender's address and display name.
    public var from: String?
    public var fromName: String?
    /// The Date header, Unix seconds.
    public var date: Int64?
    /// Letters of the text it was credited with, for the side's language.
    public var cyrillicLetters: Int
    public var latinLetters: Int
    public var claims: [Claim]
    public var ambiguities: [Ambiguity]
    /// Attachments read, and attachments skipped (name or type) with the reason.
    public var attachmentsRead: [String]
    public var attachmentsSkipped: [String]
    /// Nil when its text was analysed.
    public var skip: Skip?
    /// Problems worth a warning: a charset label that was wrong, a part that was cut.
    public var notes: [String]

    /// 0-based position in the run's input order (not part of the JSON form: a merge numbers
    /// the records it reads itself).
    public var sequence: Int = 0
}
