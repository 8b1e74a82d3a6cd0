/// A broken message or file that a batch run reports and skips: where it is (file, message
/// number, byte offset) and why. `description` is the one line the user sees.
public struct MailProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why a message or file was skipped; also the key of the closing summary's counts.
    public enum Reason: Sendable, Equatable, Hashable {
        case notAMessage(String)
        case tooLarge(bytes: Int, limit: Int)
        case duplicate(String)
        case unreadableFile(String)
        case notMail
        case unreadableRecord(String)

        /// A short, stable name for the summary's counts.
        public var key: String {
            switch self {
            case .notAMessage: "not a message"
            case .tooLarge: "too large"
            case .duplicate: "duplicate Message-ID"
            case .unreadableFile: "unreadable file"
            case .notMail: "not mail"
            case .unreadableRecord: "unreadable record"
            }
        }

        var explanation: String {
            switch self {
            case .notAMessage(let why): "is not a message: \(why); skipped"
            case .tooLarge(let bytes, let limit):
                "is \(bytes >> 20) MB, over the \(limit >> 20) MB limit for one message; skipped (split the attachment off, or raise --max-message-mb)"
            case .duplicate(let id): "repeats Message-ID \(id) of an earlier message; skipped"
            case .unreadableFile(let why): "cannot be read: \(why); check the path and its permissions"
            case .notMail: "is neither an mbox, a Maildir nor a message file; skipped"
            case .unreadableRecord(let why): "is not a message record of capdiff batch --emit messages: \(why); skipped"
            }
        }
    }

    public var file: String
    /// 1-based message number in the file, when the problem is one message.
    public var number: Int?
    /// Byte offset of the message in the file.
    public var offset: Int?
    /// For a record of `capdiff merge`'s input: its line.
    public var line: Int?
    public var reason: Reason

    public init(file: String, number: Int? = nil, offset: Int? = nil, line: Int? = nil, reason: Reason) {
        self.file = file
        self.number = number
        self.offset = offset
        self.line = line
        self.reason = reason
    }

    /// The problem is one message (or record), not a whole file.
    public var isMessage: Bool { number != nil || line != nil }

    public var description: String {
        var place = file
        if let line { place += ":\(line):" }
        if let number { place += ": message \(number)" }
        if let offset { place += " (byte \(offset))" }
        return "\(place) \(reason.explanation)"
    }
}
