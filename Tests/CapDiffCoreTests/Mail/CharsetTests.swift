import Foundation
import Testing
@testable import CapDiffCore

/// Text parts in their declared charsets through ICU, and the real charset found when the
/// label is wrong or missing.
@Suite struct CharsetTests {
    let decoder = CharsetDecoder()
    let russian = "Логистику и доставку продукта блогерам берём на себя. Закупкой рекламы мы не занимаемся."

    func bytes(_ text: String, _ encoding: String.Encoding) -> [UInt8] { [UInt8](text.data(using: encoding)!) }

    /// "Привет, мир" in each charset, as Python's codecs write it.
    static let hello: [(label: String, bytes: [UInt8])] = [
        ("koi8-r", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4, 0x2C, 0x20, 0xCD, 0xC9, 0xD2]),
        ("windows-1251", [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x2C, 0x20, 0xEC, 0xE8, 0xF0]),
        ("iso-8859-5", [0xBF, 0xE0, 0xD8, 0xD2, 0xD5, 0xE2, 0x2C, 0x20, 0xDC, 0xD8, 0xE0]),
        ("cp866", [0x8F, 0xE0, 0xA8, 0xA2, 0xA5, 0xE2, 0x2C, 0x20, 0xAC, 0xA8, 0xE0]),
        ("IBM866", [0x8F, 0xE0, 0xA8, 0xA2, 0xA5, 0xE2, 0x2C, 0x20, 0xAC, 0xA8, 0xE0]),
        ("x-mac-cyrillic", [0x8F, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x2C, 0x20, 0xEC, 0xE8, 0xF0]),
    ]

    @Test(arguments: hello)
    func declaredRussianCharsetsDecode(label: String, bytes: [UInt8]) {
        let decoded = decoder.decode(bytes, declared: label)
        #expect(decoded.text == "Привет, мир")
        #expect(decoded.correction == nil)
    }

    /// Bytes of `text` in a single-byte Cyrillic code page, for the detection tests: built from
    /// ICU's own table of the code page (every byte 0x80–0xFF decoded once; the declared-charset
    /// test above checks those tables against Python's).
    static func encode(_ text: String, pythonCodec: String) -> [UInt8]? {
        let label = ["koi8_r": "koi8-r", "cp1251": "windows-1251", "iso8859_5": "iso-8859-5", "cp866": "cp866",
                     "mac_cyrillic": "x-mac-cyrillic"][pythonCodec]!
        guard let icu = ICUDecoder(label: label) else { return nil }
        var table: [Character: UInt8] = [:]
        for byte in UInt8(0x80)...UInt8(0xFF) {
            let one = [byte].withUnsafeBytes { icu.decode($0) }
            if one.invalid == 0, let c = one.text.first, one.text.count == 1 { table[c] = table[c] ?? byte }
        }
        var out: [UInt8] = []
        for c in text {
            if let ascii = c.asciiValue { out.append(ascii) } else if let b = table[c] { out.append(b) } else { return nil }
        }
        return out
    }

    @Test func utf8WithoutALabelIsUTF8() {
        let decoded = decoder.decode(Array(russian.utf8), declared: nil)
        #expect(decoded.text == russian)
        #expect(decoded.charset == "utf-8")
    }

    @Test func aMissingLabelIsDetected() throws {
        let decoded = decoder.decode(try #require(Self.encode(russian, pythonCodec: "cp1251")), declared: nil)
        #expect(decoded.text == russian)
        #expect(decoded.correction == .missing)
    }

    @Test func bytesInvalidInTheDeclaredCharsetAreDetected() throws {
        let decoded = decoder.decode(try #require(Self.encode(russian, pythonCodec: "cp1251")), declared: "utf-8")
        #expect(decoded.text == russian)
        #expect(decoded.correction == .invalid("utf-8"))
    }

    @Test(arguments: [("koi8_r", "windows-1251"), ("cp1251", "koi8-r"), ("cp1251", "iso-8859-1")])
    func aWrongSingleByteLabelGivingMojibakeIsCorrected(actual: String, declared: String) throws {
        let decoded = decoder.decode(try #require(Self.encode(russian, pythonCodec: actual)), declared: declared)
        #expect(decoded.text == russian)
        #expect(decoded.correction == .mojibake(declared))
    }

    @Test func anUnknownLabelIsDetected() throws {
        let decoded = decoder.decode(try #require(Self.encode(russian, pythonCodec: "koi8_r")), declared: "x-unknown-8bit")
        #expect(decoded.text == russian)
        #expect(decoded.correction == .unknown("x-unknown-8bit"))
    }

    @Test func aFewBadBytesInRightUTF8KeepTheLabel() {
        // A message cut inside a character is damaged UTF-8, not another charset.
        var bytes = Array(String(repeating: russian + "\n", count: 5).utf8)
        bytes.insert(0xD0, at: 40)
        let decoded = decoder.decode(bytes, declared: "utf-8")
        #expect(decoded.charset == "utf-8")
        #expect(decoded.text.contains("Закупкой рекламы"))
    }

    @Test func westernEuropeanTextIsNotTakenForRussian() {
        let french = "Nous nous occupons de la création et de la stratégie. Très bien, à bientôt."
        let decoded = decoder.decode([UInt8](french.data(using: .isoLatin1)!), declared: nil)
        #expect(decoded.text == french)
    }

    @Test func mojibakeScoresTellRightFromWrong() throws {
        #expect(Mojibake(russian).score <= Mojibake.suspicious)
        let koi8 = try #require(Self.encode(russian, pythonCodec: "koi8_r"))
        let asWindows = try #require(ICUDecoder(label: "windows-1251")).decode(UnsafeRawBufferPointer(start: koi8, count: koi8.count)).text
        #expect(Mojibake(asWindows).score > Mojibake.suspicious)
        #expect(Mojibake("We own creative direction, naïve café résumé.").score <= Mojibake.suspicious)
    }

    @Test(arguments: ["eml/koi8r.eml", "eml/mac-cyrillic.eml", "eml/iso-8859-5.eml", "eml/cp866.eml",
                      "eml/wrong-label-koi8-as-1251.eml", "eml/missing-label-1251.eml", "eml/utf8-label-1251-bytes.eml"])
    func russianMailInAnyCharsetIsRead(fixture: String) throws {
        let record = try MailFixtures.record(fixture)
        #expect(!record.claims.isEmpty)
        #expect(record.claims.allSatisfy { !$0.text.contains("\u{FFFD}") && Mojibake($0.text).score <= Mojibake.suspicious })
        #expect(record.cyrillicLetters > record.latinLetters)
    }

    @Test func aCorrectedLabelIsNotedOnTheRecord() throws {
        let record = try MailFixtures.record("eml/wrong-label-koi8-as-1251.eml")
        #expect(record.notes.contains { $0.contains("declared windows-1251 gives mojibake, read as koi8-r") })
    }
}
