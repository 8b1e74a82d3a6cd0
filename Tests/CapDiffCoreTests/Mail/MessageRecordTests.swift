import Foundation
import Testing
@testable import CapDiffCore

/// Records survive the spill file and the JSON lines of --emit messages unchanged.
@Suite struct MessageRecordTests {
    var records: [MessageRecord] {
        get throws { try MailFixtures.read([MailFixtures.path("threads.mbox"), MailFixtures.path("eml")]).records }
    }

    @Test func theSpillGivesBackWhatWasWritten() throws {
        let spill = try RecordSpill()
        let originals = try records
        let places = try originals.map { try spill.append($0) }
        try spill.flush()
        for (record, place) in zip(originals, places).reversed() {
            #expect(try spill.read(offset: place.offset, length: place.length) == record)
        }
    }

    @Test func theJSONLineFormGivesBackWhatWasWritten() throws {
        for var record in try records {
            record.sequence = 0  // not part of the JSON form
            let line = MessageRecordJSON.encode(record).serialized()
            guard case .record(let back) = try MessageRecordJSON.decode(Substring(line)) else {
                Issue.record("not read back as a record: \(line)")
                continue
            }
            #expect(back == record)
        }
    }

    @Test func summaryAndBlankLinesAreNotRecords() throws {
        guard case .other = try MessageRecordJSON.decode("{\"summary\": {}}") else { Issue.record("summary"); return }
        guard case .other = try MessageRecordJSON.decode("   ") else { Issue.record("blank"); return }
        #expect(throws: MessageRecordJSON.FormatError.self) { try MessageRecordJSON.decode("[1, 2]") }
        #expect(throws: MessageRecordJSON.FormatError.self) { try MessageRecordJSON.decode("{\"message\": 1}") }
    }

    @Test func datesAreWrittenInUTC() {
        #expect(MailJSONViews.isoDate(0) == "1970-01-01T00:00:00Z")
        #expect(MailJSONViews.isoDate(1_799_738_400) == "2027-01-12T07:20:00Z")
        #expect(MailJSONViews.isoDate(951_825_600) == "2000-02-29T12:00:00Z")
        #expect(MailJSONViews.isoDate(-1) == "1969-12-31T23:59:59Z")
    }
}
