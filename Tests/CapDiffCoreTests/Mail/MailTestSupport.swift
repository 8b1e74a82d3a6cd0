import Foundation
import Testing
@testable import CapDiffCore

/// Reading the mail fixtures (fixtures/mail, written by fixtures/mail/make_fixtures.py) the way
/// `capdiff batch` reads them.
enum MailFixtures {
    static let glossary: Glossary = try! GlossaryReader.load(layers: [])

    static func path(_ name: String) -> String { TestPaths.fixture("mail/" + name) }

    static let sides = try! MailSides(arguments: ["us=@northwind-agency.com,@northwind.us", "ru=@sever-media.ru"])

    /// Every record and problem of the paths, in input order.
    static func read(_ paths: [String], maximumMessage: Int = 64 << 20) throws -> (records: [MessageRecord], problems: [MailProblem]) {
        let engine = BatchEngine(glossary: glossary, options: .init(workers: 2, maximumMessage: maximumMessage))
        var records: [MessageRecord] = [], problems: [MailProblem] = []
        _ = try engine.run(paths: paths, progress: { _ in }, problem: { problems.append($0) }, record: { records.append($0) })
        return (records, problems)
    }

    static func record(_ name: String) throws -> MessageRecord {
        let (records, problems) = try read([path(name)])
        #expect(problems.isEmpty, "\(problems)")
        return try #require(records.first)
    }

    /// The threads of the paths, as batch reports them.
    static func threads(_ paths: [String], sides: MailSides = sides) throws -> [ThreadReport] {
        let merge = try MailMerge(sides: sides, glossary: glossary)
        for record in try read(paths).records { try merge.add(record) }
        var threads: [ThreadReport] = []
        try merge.finish(workers: 2, render: { _ in "" }) { report, _ in threads.append(report) }
        return threads
    }

    /// The texts of one message file.
    static func texts(_ name: String) throws -> MessageTextReader.Texts {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(name))))
        return try MessageTextReader().texts(RawMessage(file: path(name), number: 1, offset: 0, line: 1, bytes: bytes))
    }

    /// The lines of the sender's own text that hold anything.
    static func ownLines(_ texts: MessageTextReader.Texts) -> [String] {
        (texts.body?.lines ?? []).map(\.text).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// "function stance" for each claim.
    static func claims(_ record: MessageRecord) -> Set<String> {
        Set(record.claims.map { "\($0.function) \($0.stance.rawValue)" })
    }
}

extension ThreadReport {
    /// A side's stance on a function, or nil when it does not mention it.
    func stance(_ side: String, _ function: String) -> Stance? {
        guard let s = comparison.sides.firstIndex(where: { $0.name == side }),
              let row = comparison.rows.first(where: { $0.function == function }) else { return nil }
        return row.stances[s]
    }
}
