import CGMime

/// Why GMime could not read a message.
public enum MIMEError: Error, Sendable, Equatable, CustomStringConvertible {
    /// GMime produced no message from the bytes.
    case unparsable
    /// The bytes hold no header fields: they are not a message.
    case noHeaders

    public var description: String {
        switch self {
        case .unparsable: "GMime could not parse it as a message"
        case .noHeaders: "it has no header lines, so it is not a message"
        }
    }
}

/// The one Swift file that calls the GMime facade: it parses a message and copies what
/// capdiff needs into a `MIMEMessage`, freeing GMime's objects before returning.
enum GMime {
    /// GMime's version, e.g. 30213 for 3.2.13.
    static var version: Int { Int(cgmime_version()) }

    /// MIME trees nested deeper than this are cut (and the cut counted); GMime itself stops
    /// at 1024 levels.
    static let maximumDepth: Int32 = 64

    /// Parses one message (without its mbox From_ line).
    /// - Parameters:
    ///   - wants: which leaf parts to decode (the others keep `content == nil`);
    ///   - maximumContent: decoded content beyond this many bytes is cut.
    static func parse(_ bytes: UnsafeRawBufferPointer, maximumContent: Int,
                      wants: (MIMEPart) -> Bool) throws(MIMEError) -> MIMEMessage {
        var status: Int32 = 0
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) else { throw .noHeaders }
        guard let handle = cgmime_message_parse(base, bytes.count, maximumDepth, &status) else {
            throw status == Int32(CGMIME_NO_HEADERS) ? .noHeaders : .unparsable
        }
        defer { cgmime_message_free(handle) }

        func string(_ p: UnsafePointer<CChar>?) -> String? {
            guard let p else { return nil }
            let s = String(cString: p)
            return s.isEmpty ? nil : s
        }
        func ids(_ which: Int32) -> [String] {
            (0..<cgmime_message_reference_count(handle, which)).compactMap { string(cgmime_message_reference(handle, which, $0)) }
        }

        var date: Int64 = 0
        var message = MIMEMessage(
            messageIDHeader: string(cgmime_message_header(handle, "Message-ID")).map { $0.trimmingWhitespace() }.map(String.init),
            messageID: string(cgmime_message_id(handle)),
            inReplyTo: ids(1), references: ids(0),
            subject: string(cgmime_message_subject(handle)),
            fromName: string(cgmime_message_from_name(handle)),
            fromAddress: string(cgmime_message_from_address(handle)),
            date: cgmime_message_date(handle, &date) == 1 ? date : nil,
            parts: [], truncatedParts: Int(cgmime_message_truncated(handle)))

        let count = cgmime_node_count(handle)
        message.parts.reserveCapacity(Int(count))
        for node in 0..<count {
            let parent = cgmime_node_parent(handle, node)
            let offset = cgmime_node_content_offset(handle, node)
            var part = MIMEPart(
                kind: Self.kind(cgmime_node_kind(handle, node)),
                parent: parent >= 0 ? Int(parent) : nil,
                type: string(cgmime_node_type(handle, node)) ?? "application/octet-stream",
                charset: string(cgmime_node_charset(handle, node)),
                filename: string(cgmime_node_filename(handle, node)),
                disposition: Self.disposition(cgmime_node_disposition(handle, node)),
                encoding: Self.encoding(cgmime_node_encoding(handle, node)),
                contentOffset: offset >= 0 ? Int(offset) : nil)
            if part.kind == .leaf, wants(part) {
                var data: UnsafePointer<UInt8>?
                var length = 0
                var truncated: Int32 = 0
                if cgmime_node_content(handle, node, maximumContent, &data, &length, &truncated) == 1 {
                    part.content = data.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
                    part.contentTruncated = truncated == 1
                }
            }
            message.parts.append(part)
        }
        return message
    }

    private static func kind(_ k: Int32) -> MIMEPart.Kind {
        switch k {
        case Int32(CGMIME_MULTIPART): .multipart
        case Int32(CGMIME_MESSAGE): .message
        default: .leaf
        }
    }

    private static func disposition(_ d: Int32) -> MIMEPart.Disposition {
        switch d {
        case Int32(CGMIME_DISPOSITION_ATTACHMENT): .attachment
        case Int32(CGMIME_DISPOSITION_INLINE): .inline
        default: .none
        }
    }

    private static func encoding(_ e: Int32) -> MIMEPart.Encoding {
        switch e {
        case Int32(CGMIME_ENCODING_BASE64): .base64
        case Int32(CGMIME_ENCODING_QP): .quotedPrintable
        case Int32(CGMIME_ENCODING_UUENCODE): .uuencode
        default: .identity
        }
    }
}
