import Foundation
import Testing
@testable import CapDiffCore

/// Inputs the fuzz targets (Fuzz/, scripts/fuzz) found, kept in fixtures/fuzz and read again
/// through the reader each target exercises, with what the fix guarantees about them.
@Suite struct FuzzRegressionTests {
    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("fuzz/" + name))))
    }

    /// Bytes with no ZIP end-of-central-directory record made ZIPFoundation 0.9.20 leak its
    /// in-memory file and a copy of the bytes (LeakSanitizer, fuzz target docx); such bytes
    /// are now refused before ZIPFoundation sees them.
    @Test func docxWithoutAnEndRecordIsRefusedBeforeZIPFoundation() throws {
        let bytes = try Self.bytes("docx-leak-no-end-record.docx")
        #expect(!BoundedZIP.hasEndRecord(bytes))
        #expect(throws: Diagnostic.self) { try DOCXReader.read(bytes, path: "leak.docx") }
        do {
            _ = try DOCXReader.read(bytes, path: "leak.docx")
        } catch {
            #expect(error.description == "leak.docx: is not a readable ZIP archive; save the document again")
        }
    }

    /// The same leak through a mail attachment (fuzz target message): the message is read and
    /// the broken attachment skipped.
    @Test func messageWithABrokenDocxAttachmentIsRead() throws {
        let bytes = try Self.bytes("message-leak-attachment-no-end-record.eml")
        let reader = MessageReader(pipeline: try Shared.pipeline())
        let record = try reader.read(RawMessage(file: "leak.eml", number: 1, offset: 0, line: 1, bytes: bytes))
        #expect(record.attachmentsRead.isEmpty)
        #expect(record.skip == nil)
    }

    /// The end-record check finds what ZIPFoundation finds: the signature nearest the end, at
    /// least 22 bytes from it, with its comment inside the bytes.
    @Test func endRecordCheck() {
        let record: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + Array(repeating: 0, count: 18)
        #expect(BoundedZIP.hasEndRecord(record))
        #expect(!BoundedZIP.hasEndRecord(Array(record.dropLast())))
        #expect(BoundedZIP.hasEndRecord(Array(repeating: 0x41, count: 100) + record))
        // A comment of 5 bytes that the file does not hold; then one it does.
        var withComment = record
        withComment[20] = 5
        #expect(!BoundedZIP.hasEndRecord(withComment))
        #expect(BoundedZIP.hasEndRecord(withComment + [1, 2, 3, 4, 5]))
        // The nearest signature decides, even when an earlier one would have fitted.
        #expect(!BoundedZIP.hasEndRecord(record + withComment))
    }
}
