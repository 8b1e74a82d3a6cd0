import Foundation
import Testing
@testable import CapDiffCore

/// Real official translations (../shared/external/parallel-legal: the CC BY 4.0 legal code and
/// the Universal Declaration of Human Rights) and perturbed copies with documented drifts.
/// Skipped where ../shared is absent.
@Suite struct DriftParallelLegalTests {
    static var folder: URL? {
        TestPaths.shared?.appendingPathComponent("external/parallel-legal")
    }

    static var documents: [URL] {
        guard let folder else { return [] }
        return ["cc-by-4.0", "udhr"].map { folder.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("drift.json").path) }
    }

    @Test(.enabled(if: TestPaths.shared != nil), arguments: documents)
    func officialTranslationsRaiseAtMostTwoFalseAlarmsPer100Paragraphs(_ document: URL) throws {
        let checker = DriftChecker(glossary: try GlossaryReader.load(layers: []))
        let en = document.appendingPathComponent("en.md").path
        let report = try checker.check(sourcePath: en, translationPath: document.appendingPathComponent("ru.md").path)
        let paragraphs = try String(contentsOfFile: en, encoding: .utf8).components(separatedBy: "\n\n")
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count
        #expect(Double(report.items.count) * 100 / Double(paragraphs) <= 2, "\(report.items.map(\.reason))")
    }

    @Test(.enabled(if: TestPaths.shared != nil), arguments: documents)
    func documentedDriftsAreFound(_ document: URL) throws {
        let checker = DriftChecker(glossary: try GlossaryReader.load(layers: []))
        let report = try checker.check(sourcePath: document.appendingPathComponent("en.md").path,
                                       translationPath: document.appendingPathComponent("ru-drift.md").path)
        let labels = try JSONSerialization.jsonObject(with: Data(contentsOf: document.appendingPathComponent("drift.json"))) as? [[String: String]] ?? []
        let expected = Set(labels.map { "\($0["clause"] ?? "") \($0["kind"] ?? "")" })
        let found = Set(report.items.map { "\($0.clause) \($0.kind.rawValue)" })
        #expect(!expected.isEmpty)
        let recall = Double(expected.intersection(found).count) / Double(expected.count)
        #expect(recall >= 0.8, "missed \(expected.subtracting(found).sorted())")
    }
}
