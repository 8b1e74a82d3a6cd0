/// A problem capdiff reports to the user. The core collects these; it never prints or exits.
/// `description` is the one line the user sees: what, where, what to do.
public struct Diagnostic: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Severity: String, Sendable { case warning, error }

    public var severity: Severity
    public var path: String?
    public var line: Int?
    public var message: String

    public init(_ severity: Severity, path: String? = nil, line: Int? = nil, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.message = message
    }

    public static func error(_ path: String?, line: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.error, path: path, line: line, message)
    }

    public static func warning(_ path: String?, line: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.warning, path: path, line: line, message)
    }

    public var description: String {
        var place = ""
        if let path { place = path + (line.map { ":\($0)" } ?? "") + ": " }
        return "\(place)\(severity == .warning ? "warning: " : "")\(message)"
    }
}
