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
    /// in-memory file and a copy of the bytes (LeakSanitizer, fuzz target docx). capdiff now
    /// reads ZIP itself (BoundedZIP) and refuses them.
    @Test func docxWithoutAnEndRecordIsRefused() throws {
        let bytes = try Self.bytes("docx-leak-no-end-record.docx")
        #expect(!BoundedZIP.hasEndRecord(bytes))
        #expect(throws: Diagnostic.self) { try DOCXReader.read(bytes, path: "leak.docx") }
        do {
            _ = try DOCXReader.read(bytes, path: "leak.docx")
        } catch {
            #expect(error.description == "leak.docx: is not a readable ZIP archive; save the document again")
        }
    }

    /// A central directory naming an offset past the archive's end made ZIPFoundation trap
    /// ("Range requires lowerBound <= upperBound" in MemoryFile.readData; fuzz target docx):
    /// the whole process died. BoundedZIP checks every offset against the bytes first.
    @Test func docxWithAnOffsetPastTheEndIsRefused() throws {
        let bytes = try Self.bytes("docx-crash-offset-past-end.docx")
        #expect(BoundedZIP.hasEndRecord(bytes))
        #expect(throws: Diagnostic.self) { try DOCXReader.read(bytes, path: "crash.docx") }
    }

    /// The same trap through a DOCX attached to a message (fuzz target message): `batch` died
    /// on such a message; now the attachment is skipped and the message read.
    @Test func messageWithADocxAttachmentPointingPastItsEndIsRead() throws {
        let bytes = try Self.bytes("message-crash-attachment-offset-past-end.eml")
        let reader = MessageReader(pipeline: try Shared.pipeline())
        let record = try reader.read(RawMessage(file: "crash.eml", number: 1, offset: 0, line: 1, bytes: bytes))
        #expect(record.attachmentsRead.isEmpty)
        #expect(record.skip == nil)
    }

    /// A DEFLATE stream cut short: BoundedZIP gives zlib the entry's packed bytes and no more,
    /// and calls the entry damaged (ZIPFoundation's inflation on Linux read on past them and,
    /// at the archive's end, would have asked for more for ever: seen in its code).
    @Test func docxWithATruncatedDeflateStreamIsRefused() throws {
        // One entry, word/document.xml, method 8, whose two packed bytes start a stored block
        // that never arrives.
        let name = Array("word/document.xml".utf8)
        let packed: [UInt8] = [0x00, 0x05]
        var zip: [UInt8] = []
        func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v & 0xFFFF) + u16(v >> 16 & 0xFFFF) }
        zip += u32(0x0403_4B50) + u16(20) + u16(0) + u16(8) + u16(0) + u16(0) + u32(0) + u32(packed.count) + u32(100)
            + u16(name.count) + u16(0) + name + packed
        let directory = zip.count
        zip += u32(0x0201_4B50) + u16(20) + u16(20) + u16(0) + u16(8) + u16(0) + u16(0) + u32(0) + u32(packed.count) + u32(100)
            + u16(name.count) + u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(0) + name
        let size = zip.count - directory
        zip += u32(0x0605_4B50) + u16(0) + u16(0) + u16(1) + u16(1) + u32(size) + u32(directory) + u16(0)
        let archive = try BoundedZIP(zip, path: "cut.docx")
        #expect(throws: Diagnostic.self) { _ = try archive.read("word/document.xml") }
        do {
            _ = try archive.read("word/document.xml")
        } catch {
            #expect(error.description == "cut.docx: has a ZIP entry word/document.xml that cannot be unpacked (a damaged archive?); save the document again")
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

    /// The end record is the signature nearest the end, at least 22 bytes from it, with its
    /// comment inside the bytes.
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
