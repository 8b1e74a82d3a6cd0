import Foundation
import Testing
@testable import CapDiffCore

/// What the report tests share: the bundled pair, the contract's JSON for it (the oracle the
/// HTML and the playbook are checked against, so they are never checked against themselves),
/// and ways to look inside parsed HTML.
enum Reports {
    static let a = "fixtures/northwind.md"
    static let b = "fixtures/sever-media.md"

    /// One row of `compare --format json`.
    struct Row {
        var function: String
        /// The market a scoped row is about.
        var scope: String?
        var verdict: String
        /// Per side, in order: a stance, or "absent".
        var stances: [String]
        var lead: String?
        /// Per side, the evidence lines.
        var evidenceLines: [[Int]]
        var labels: [String: String]
    }

    static func rows(_ a: String = a, _ b: String = b) throws -> [Row] {
        let result = try CLI.run(["compare", a, b, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sides = try #require(json["sides"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        let rows = try #require(json["rows"] as? [[String: Any]])
        return try rows.map { row in
            let stances = try #require(row["stances"] as? [String: String])
            let evidence = try #require(row["evidence"] as? [String: [[String: Any]]])
            return Row(function: try #require(row["function"] as? String), scope: row["scope"] as? String, verdict: try #require(row["verdict"] as? String),
                       stances: sides.map { stances[$0] ?? "?" }, lead: row["lead"] as? String,
                       evidenceLines: sides.map { (evidence[$0] ?? []).compactMap { $0["line"] as? Int } },
                       labels: try #require(row["labels"] as? [String: String]))
        }
    }

    /// Parses output as XML: libxml2 refuses anything not well-formed.
    static func xml(_ text: String, _ name: String) throws -> XMLElement {
        try XMLTree.parse(Array(text.utf8), html: false, path: name)
    }
}

extension XMLElement {
    /// Descendants (in document order) that pass a test.
    func all(_ test: (XMLElement) -> Bool) -> [XMLElement] {
        elements().flatMap { (test($0) ? [$0] : []) + $0.all(test) }
    }

    func all(_ name: String, class className: String) -> [XMLElement] {
        all { $0.name == name && ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
    }

    /// The text with runs of white space folded to one space, trimmed.
    var flatText: String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
