import Foundation
import Testing
@testable import CapDiffCore

/// The memo gives exactly what the analyser gives, whatever the order outlines come in.
@Suite struct MemoAnalyzerTests {
    let pipeline = Pipeline(glossary: MailFixtures.glossary)

    func expectSame(_ outlines: [Outline], sourceLocation: SourceLocation = #_sourceLocation) {
        let memo = MemoAnalyzer(analyzer: pipeline.analyzer, capacity: 50)
        // Twice over, so the second pass is read from the memo.
        for outline in outlines + outlines {
            let a = memo.analyze(outline), b = pipeline.analyzer.analyze(outline)
            #expect(a.claims == b.claims, "\(outline.path)", sourceLocation: sourceLocation)
            #expect(a.ambiguities == b.ambiguities, "\(outline.path)", sourceLocation: sourceLocation)
        }
    }

    @Test func onTheBundledOutlinesAndTheDevelopmentOutlines() throws {
        var paths = [TestPaths.fixture("northwind.md"), TestPaths.fixture("sever-media.md")]
        if let shared = TestPaths.shared {
            let folder = shared.appendingPathComponent("eval/dev/outlines")
            paths += try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".json") }
                .sorted().map { folder.appendingPathComponent($0).path }
        }
        expectSame(try paths.map { try OutlineReader().read(SourceFile.readText($0)) })
    }

    @Test func onMailWhereEveryUnitHasOneLine() throws {
        // A base64 part: every line of it points at the part's first line.
        let text = "## What we own\n- We own paid media.\n- Creative direction.\n\nWe can help with client communication as needed.\nLet's co-own client communication.\nAnna"
        var outline = OutlineReader().read(SourceText(path: "b64", text: text))
        for i in outline.units.indices { outline.units[i].line = 7 }
        expectSame([outline])
    }

    @Test func onEveryFixtureMessage() throws {
        let texts = MessageTextReader(), outlines = OutlineReader()
        var all: [Outline] = []
        for (raws, _) in [MailInputTestsHelper.raws(MailFixtures.path("threads.mbox")), MailInputTestsHelper.raws(MailFixtures.path("eml"))] {
            for raw in raws {
                if let body = try texts.texts(raw).body, !body.isBlank { all.append(body.outline(path: raw.file, reader: outlines)) }
            }
        }
        #expect(all.count > 20)
        expectSame(all)
    }
}

enum MailInputTestsHelper {
    static func raws(_ path: String) -> ([RawMessage], [MailProblem]) {
        let input = MailInput(paths: [path], maximumMessage: 1 << 20)
        var raws: [RawMessage] = [], problems: [MailProblem] = []
        while let event = input.nextEvent() {
            switch event {
            case .message(let raw): raws.append(raw)
            case .problem(let p): problems.append(p)
            }
        }
        return (raws, problems)
    }
}
