import CLibXML2

/// An XML or HTML element, copied out of libxml2 into Swift values.
public struct XMLElement: Sendable, Equatable {
    public var name: String
    public var namespace: String?
    public var attributes: [String: String]
    public var children: [XMLContent]
    /// The line in the source where the element starts.
    public var line: Int

    /// The concatenated text of the element and its descendants.
    public var text: String {
        children.map { child in
            switch child {
            case .text(let t): t
            case .element(let e): e.text
            }
        }.joined()
    }

    /// Child elements, optionally only those with a local name.
    public func elements(_ name: String? = nil) -> [XMLElement] {
        children.compactMap { child in
            if case .element(let e) = child, name == nil || e.name == name { return e }
            return nil
        }
    }

    /// All descendant elements with a local name, in document order.
    public func descendants(_ name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        for child in elements() {
            if child.name == name { found.append(child) }
            found += child.descendants(name)
        }
        return found
    }
}

public enum XMLContent: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
}

/// Parses XML and HTML with libxml2, safely: no network, no DTD loading, no entity
/// substitution; a document that declares entities is refused.
public enum XMLTree {
    /// Elements nested deeper than this are refused rather than recursed into.
    public static let maximumDepth = 256

    public static func parse(_ bytes: [UInt8], html: Bool, path: String, encoding: String? = nil) throws(Diagnostic) -> XMLElement {
        var message = [CChar](repeating: 0, count: 512)
        var line: Int32 = 0
        let doc: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cxml_parse(chars.baseAddress, Int32(bytes.count), html ? 1 : 0, encoding, &message, Int32(message.count), &line)
            }
        }
        guard let doc else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .error(path, line: line > 0 ? Int(line) : nil, "is not well-formed \(html ? "HTML" : "XML"): \(text)")
        }
        defer { cxml_free(doc) }
        guard let root = cxml_root(doc) else {
            throw .error(path, "holds no elements; nothing to read")
        }
        return try element(root, depth: 0, path: path)
    }

    private static func string(_ p: UnsafePointer<CChar>?) -> String? {
        p.map { String(cString: $0) }
    }

    private static func element(_ node: OpaquePointer, depth: Int, path: String) throws(Diagnostic) -> XMLElement {
        guard depth < maximumDepth else {
            throw .error(path, line: Int(cxml_line(node)), "nests elements more than \(maximumDepth) deep; refusing to read it")
        }
        var attributes: [String: String] = [:]
        var attribute = cxml_first_attribute(node)
        while let a = attribute {
            if let name = string(cxml_name(a)) {
                let value = cxml_attribute_value(a)
                attributes[name] = value.map { String(cString: $0) } ?? ""
                cxml_free_string(value)
            }
            attribute = cxml_next_attribute(a)
        }
        var children: [XMLContent] = []
        var child = cxml_first_child(node)
        while let c = child {
            switch cxml_type(c) {
            case Int32(CXML_ELEMENT): children.append(.element(try element(c, depth: depth + 1, path: path)))
            case Int32(CXML_TEXT), Int32(CXML_CDATA): if let t = string(cxml_text(c)) { children.append(.text(t)) }
            default: break
            }
            child = cxml_next(c)
        }
        return XMLElement(name: string(cxml_name(node)) ?? "", namespace: string(cxml_namespace(node)),
                          attributes: attributes, children: children, line: Int(cxml_line(node)))
    }
}
