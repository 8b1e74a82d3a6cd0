import Foundation

/// A file's text as capdiff reads it, with the warnings reading it raised.
public struct SourceText: Sendable {
    public var path: String
    public var text: String
    public var warnings: [Diagnostic]

    public init(path: String, text: String, warnings: [Diagnostic] = []) {
        self.path = path
        self.text = text
        self.warnings = warnings
    }
}

/// Reads files into text. Bad input is a `Diagnostic` naming the file (and the line, where
/// there is one); invalid UTF-8 is decoded with replacement characters and a warning.
public enum SourceFile {
    /// Files larger than this are refused rather than read into memory whole.
    public static let maximumSize = 256 << 20

    public static func readBytes(_ path: String) throws(Diagnostic) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .error(path, "no such file; check the path")
        }
        if isDirectory.boolValue { throw .error(path, "is a folder, not a file; name a file inside it") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .error(path, "cannot be read (permission denied?); check its permissions")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw .error(path, "cannot be read: \(error.localizedDescription)")
        }
        if data.count > maximumSize {
            throw .error(path, "is larger than \(maximumSize >> 20) MB; split it first")
        }
        return [UInt8](data)
    }

    /// Reads a text file: refuses binary data and empty documents, decodes UTF-8 (or UTF-16
    /// with a byte-order mark), and normalises line ends to "\n".
    public static func readText(_ path: String) throws(Diagnostic) -> SourceText {
        let bytes = try readBytes(path)
        return try decode(bytes, path: path)
    }

    public static func decode(_ bytes: [UInt8], path: String) throws(Diagnostic) -> SourceText {
        var warnings: [Diagnostic] = []
        var text: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let data = Data(bytes)
            guard let decoded = String(data: data, encoding: .utf16) else {
                throw .error(path, "is not valid UTF-16 although it starts with a UTF-16 byte-order mark")
            }
            text = decoded
        } else {
            if let offset = binaryOffset(bytes) {
                throw .error(path, "looks like binary data (a NUL byte at offset \(offset)), not a document capdiff reads (text, Markdown, HTML, XML, DOCX)")
            }
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            text = String(decoding: body, as: UTF8.self)
            if String(validating: body, as: UTF8.self) == nil, let line = firstInvalidUTF8Line(body) {
                warnings.append(.warning(path, line: line, "invalid UTF-8, decoded with replacement characters (\u{FFFD}); save the file as UTF-8"))
            }
        }
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if text.allSatisfy(\.isWhitespace) {
            throw .error(path, "is empty; there is nothing to analyse")
        }
        return SourceText(path: path, text: text, warnings: warnings)
    }

    /// The offset of a NUL byte in the first 8 KB: text files never contain one.
    static func binaryOffset(_ bytes: [UInt8]) -> Int? {
        bytes.prefix(8192).firstIndex(of: 0)
    }

    /// The 1-based line of the first byte sequence that is not valid UTF-8, if any.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        var line = 1
        var lineStart = 0
        var index = 0
        while index <= bytes.count {
            if index == bytes.count || bytes[index] == 0x0A {
                let slice = bytes[lineStart..<index]
                if String(validating: slice, as: UTF8.self) == nil { return line }
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return nil
    }
}
