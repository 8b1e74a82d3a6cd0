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
/// substitution; a document that declares entities, or nests elements too deep, is refused
/// while it is parsed (the CLibXML2 facade guards the parser).
public enum XMLTree {
    /// Elements nested deeper than this are refused (libxml2's own limit; the HTML parser's
    /// implied html and body elements count).
    public static let maximumDepth = 256

    public static func parse(_ bytes: [UInt8], html: Bool, path: String, encoding: String? = nil) throws(Diagnostic) -> XMLElement {
        var message = [CChar](repeating: 0, count: 512)
        var line: Int32 = 0
        var refused: Int32 = 0
        let doc: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cxml_parse(chars.baseAddress, Int32(bytes.count), html ? 1 : 0, encoding, Int32(maximumDepth),
                           &message, Int32(message.count), &line, &refused)
            }
        }
        guard let doc else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let at = line > 0 ? Int(line) : nil
            if refused != 0 { throw .error(path, line: at, text) }
            throw .error(path, line: at, "is not well-formed \(html ? "HTML" : "XML"): \(text)")
        }
        defer { cxml_free(doc) }
        guard let root = cxml_root(doc) else {
            throw .error(path, "holds no elements; nothing to read")
        }
        return element(root)
    }

    private static func string(_ p: UnsafePointer<CChar>?) -> String? {
        p.map { String(cString: $0) }
    }

    /// Copies an element and its descendants; the parser has already refused deeper nesting
    /// than `maximumDepth`, so the recursion is bounded.
    private static func element(_ node: OpaquePointer) -> XMLElement {
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
            case Int32(CXML_ELEMENT): children.append(.element(element(c)))
            case Int32(CXML_TEXT), Int32(CXML_CDATA): if let t = string(cxml_text(c)) { children.append(.text(t)) }
            default: break
            }
            child = cxml_next(c)
        }
        return XMLElement(name: string(cxml_name(node)) ?? "", namespace: string(cxml_namespace(node)),
                          attributes: attributes, children: children, line: Int(cxml_line(node)))
    }
}
