import Foundation
import Testing
@testable import CapDiffCore

/// Hostile and broken documents are refused with one line naming the file and what to do,
/// and `capdiff` exits 2: nothing is fetched, expanded, inflated or written on their behalf.
@Suite struct HostileInputTests {
    static let entitiesRefused = "declares entities in its DOCTYPE, which capdiff refuses (external-entity and entity-expansion attacks); remove the DOCTYPE's [...] part"
    static let bombRefused = "has a ZIP entry word/document.xml that unpacks to more than 64 MB or more than 100 times its packed size (a zip bomb?); refusing it"

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// A file written for the test, or nil for a committed fixture in fixtures/documents.
        var content: [UInt8]?
        /// The expected error, after the path: ":LINE: what" or ": what".
        var error: String
        var testDescription: String { name }
    }

    static let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
         <!ENTITY lol "lol">
         <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
         <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
         <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
         <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
         <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
         <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
         <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
         <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
         <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <lolz>&lol9;</lolz>
        """

    static let cases: [Case] = [
        Case(name: "xxe.xml", content: Array("""
            <?xml version="1.0"?>
            <!DOCTYPE roles [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <roles>&xxe;</roles>
            """.utf8), error: ":2: " + entitiesRefused),
        Case(name: "xxe-parameter.xml", content: Array("""
            <?xml version="1.0"?>
            <!DOCTYPE roles [ <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote; ]>
            <roles>We own it.</roles>
            """.utf8), error: ":2: " + entitiesRefused),
        Case(name: "billion-laughs.xml", content: Array(laughs.utf8), error: ":3: " + entitiesRefused),
        Case(name: "xxe.xhtml", content: Array("""
            <?xml version="1.0"?>
            <!DOCTYPE html [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <html xmlns="http://www.w3.org/1999/xhtml"><body><p>&xxe;</p></body></html>
            """.utf8), error: ": " + entitiesRefused),
        Case(name: "deep.xml", content: Array((String(repeating: "<n>", count: 100_000) + "x" + String(repeating: "</n>", count: 100_000)).utf8),
             error: ":1: nests elements more than 256 deep; refusing to read it"),
        Case(name: "deep.html", content: Array(("<html><body>\n" + String(repeating: "<div>", count: 100_000) + "x").utf8),
             error: ":2: nests elements more than 256 deep; refusing to read it"),
        Case(name: "garbage.bin", content: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) },
             error: ": looks like binary data (a NUL byte at offset 0), not a document capdiff reads (text, Markdown, HTML, XML, DOCX)"),
        Case(name: "broken.docx", content: [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0xA5, count: 200),
             error: ": is not a readable ZIP archive; save the document again"),
        Case(name: "zip-bomb.docx", error: ": " + bombRefused),
        Case(name: "zip-bomb-lying.docx", error: ": " + bombRefused),
        Case(name: "zip-slip.docx", error: ": holds a ZIP entry named \"../../../tmp/capdiff-zip-slip.txt\" that points outside the archive (path traversal); refusing it"),
        Case(name: "no-document.docx", error: ": is a ZIP archive without word/document.xml, so not a Word document; save it as .docx"),
        // A DOCX part's errors name the part; the line is the part's.
        Case(name: "xxe.docx", error: " (word/document.xml):2: " + entitiesRefused),
    ]

    /// The file's path (written to `folder` when the case has content) and the error expected.
    static func prepare(_ c: Case, in folder: URL) throws -> (path: String, expected: String) {
        var path = TestPaths.fixture("documents/" + c.name)
        if let content = c.content {
            path = folder.appendingPathComponent(c.name).path
            try Data(content).write(to: URL(fileURLWithPath: path))
        }
        return (path, path + c.error)
    }

    @Test(arguments: cases)
    func refusedByTheReader(_ c: Case) throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, expected) = try Self.prepare(c, in: folder)
        let error = #expect(throws: Diagnostic.self) { try DocumentReader.read(path: path) }
        #expect(error?.description == expected)
        #expect(error?.severity == .error)
    }

    @Test(arguments: cases)
    func refusedEndToEndWithExitStatus2(_ c: Case) throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, expected) = try Self.prepare(c, in: folder)
        let result = try CLI.run(["analyze", path])
        #expect(result.status == ExitStatus.trouble.rawValue)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "capdiff: \(expected)\n")
    }

    @Test func nothingIsWrittenForAZipSlipEntry() throws {
        _ = try? DocumentReader.read(path: TestPaths.fixture("documents/zip-slip.docx"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/capdiff-zip-slip.txt"))
    }

    @Test func entryNamesOutsideTheArchive() {
        for name in ["../x", "a/../../x", "/etc/passwd", "\\x", "C:/x", "a\\..\\x"] {
            #expect(!BoundedZIP.isSafe(name), "\(name)")
        }
        for name in ["word/document.xml", "[Content_Types].xml", "a..b/c", "_rels/.rels"] {
            #expect(BoundedZIP.isSafe(name), "\(name)")
        }
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let depth = XMLTree.maximumDepth
        let xml = String(repeating: "<n>", count: depth) + "We own it." + String(repeating: "</n>", count: depth)
        #expect(try DocumentReader.read(bytes: Array(xml.utf8), path: "deep.xml").units.map(\.text) == ["We own it."])
    }

    @Test func nestingUpToTheLimitFitsAWorkerThreadsStack() throws {
        // The readers recurse once or twice per level of nesting; a batch reads documents on
        // worker threads, whose stacks are smaller than the main thread's 8 MB.
        let html = "<html><body>" + String(repeating: "<div><ul><li>", count: (XMLTree.maximumDepth - 2) / 3) + "We own it."
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var texts: [String] = []
        let thread = Thread {
            texts = (try? DocumentReader.read(bytes: Array(html.utf8), path: "deep.html").units.map(\.text)) ?? []
            done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
        done.wait()
        #expect(texts == ["We own it."])
    }

    @Test func aDTDWithoutEntitiesIsRead() throws {
        // Only entity declarations are refused: element declarations and external DTDs
        // (never fetched) are harmless.
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE roles SYSTEM "http://127.0.0.1:9/roles.dtd" [ <!ELEMENT roles (#PCDATA)> ]>
            <roles>We own creative direction.</roles>
            """
        #expect(try DocumentReader.read(bytes: Array(xml.utf8), path: "roles.xml").units.map(\.text) == ["We own creative direction."])
    }
}
