/// One parsed message, as GMime read it: its threading and sender headers, and its MIME tree
/// flattened into parts in document order. Only the parts capdiff reads (text, and document
/// attachments) carry their decoded bytes.
public struct MIMEMessage: Sendable {
    /// The Message-ID header as written (angle brackets included), or nil.
    public var messageIDHeader: String?
    /// Message-ID, In-Reply-To and References as bare ids (no angle brackets).
    public var messageID: String?
    public var inReplyTo: [String]
    public var references: [String]
    /// Decoded (RFC 2047) subject and sender.
    public var subject: String?
    public var fromName: String?
    public var fromAddress: String?
    /// The Date header, as Unix seconds, when it parses.
    public var date: Int64?
    public var parts: [MIMEPart]
    /// Parts left out because they were nested too deep.
    public var truncatedParts: Int
}

public struct MIMEPart: Sendable {
    public enum Kind: Sendable, Equatable {
        case leaf
        case multipart
        /// An attached or forwarded message (message/rfc822); its parts follow as children.
        case message
    }

    public enum Disposition: Sendable, Equatable { case none, inline, attachment }

    public enum Encoding: Sendable, Equatable {
        case identity, base64, quotedPrintable, uuencode

        /// Whether decoded lines map one to one onto the raw lines of the part.
        var keepsLines: Bool { self == .identity }
    }

    public var kind: Kind
    /// The index of the enclosing multipart or message part; nil for the top.
    public var parent: Int?
    /// "type/subtype", lower-cased.
    public var type: String
    public var charset: String?
    public var filename: String?
    public var disposition: Disposition
    public var encoding: Encoding
    /// The byte offset of the part's raw content in the message, when known.
    public var contentOffset: Int?
    /// The content with its transfer encoding undone; nil when capdiff does not read the part.
    public var content: [UInt8]?
    /// The content was longer than capdiff reads and was cut.
    public var contentTruncated = false

    public var isText: Bool { type.hasPrefix("text/") }
}
