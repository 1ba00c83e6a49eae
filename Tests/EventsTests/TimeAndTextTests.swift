import Testing
@testable import Events

@Suite("Times, report text and hashes")
struct TimeAndTextTests {
    @Test("times normalise to UTC with their precision", arguments: [
        ("2022-02-03T08:17+02:00", "2022-02-03T06:17:00Z", TimePrecision.minute),
        ("2022-02-03 08:17:30Z", "2022-02-03T08:17:30Z", .second),
        ("2022-02-03T23:30-0100", "2022-02-04T00:30:00Z", .minute),
        ("2022-02-03", "2022-02-03", .day),
        ("2022-02", "2022-02", .month),
        ("2022", "2022", .year),
    ])
    func parseTimes(input: String, normalised: String, precision: TimePrecision) throws {
        let time = try PartialTime.parse(input)
        #expect(time.time == normalised)
        #expect(time.precision == precision)
    }

    @Test("unknown is a time too")
    func unknownTime() throws {
        #expect(try PartialTime.parse("unknown") == .unknown)
    }

    @Test("impossible dates are rejected", arguments: ["2022-02-30", "2022-13-01", "03/02/2022", "2022-02-03T25:00", "yesterday"])
    func badTimes(input: String) {
        #expect(throws: WireFormatError.self) { try PartialTime.parse(input) }
    }

    @Test("normalisation: NFC, LF line ends, no byte-order mark")
    func normalise() {
        #expect(ReportText.normalise("\u{FEFF}a\r\nb\rc") == "a\nb\nc")
        #expect(ReportText.normalise("e\u{301}") == "é")
        #expect(ReportText.id(ofNormalised: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("invalid UTF-8 is located by byte and line")
    func invalidUTF8() {
        #expect(throws: InvalidUTF8(byteOffset: 6, line: 2)) { try ReportText.decode(Array("ab\ncde".utf8) + [0xFF]) }
    }

    @Test("scalar offsets find Arabic and mixed text", arguments: [0, 1, 127, 128, 129, 300])
    func scalarIndex(start: Int) {
        let text = String(repeating: "ع", count: 200) + "abc" + String(repeating: "😀", count: 200)
        let scalars = Array(text.unicodeScalars)
        let index = ScalarOffsetIndex(text)
        let expected = String(String.UnicodeScalarView(scalars[start..<start + 50]))
        #expect(index.text(from: start, to: start + 50) == expected)
        #expect(index.text(from: 390, to: 500) == nil)
    }

    @Test("the hash covers every envelope field and the previous hash")
    func chainHash() {
        func hash(position: Int64 = 1, actor: String = "a", payload: String = "{}", previous: [UInt8] = Array(repeating: 0, count: 32)) -> [UInt8] {
            RecordedEvent.chainHash(previousHash: previous, position: position, id: "e", stream: "s", version: 1, type: "t",
                                    schemaVersion: 1, recordedAt: "r", actor: actor, correlationID: nil, payloadJSON: payload.utf8)
        }
        let base = hash()
        // SHA-256 of 32 zero bytes followed by the canonical envelope without its hashes, as
        // DESIGN.md defines it (computed independently): ledgers written by any version verify.
        // {"actor":"a","correlation_id":null,"id":"e","payload":{},"position":1,"recorded_at":"r","schema_version":1,"stream":"s","type":"t","version":1}
        #expect(Hex.encode(base) == "c1bfe36a98b3fce536ca68c4f7715d4e68c2ad1fcbe33de9685516ef0511bf94")
        #expect(base == hash())
        #expect(base != hash(position: 2))
        #expect(base != hash(actor: "b"))
        #expect(base != hash(payload: "{\"a\":1}"))
        #expect(base != hash(previous: Array(repeating: 1, count: 32)))
    }

    @Test("an export line round-trips and a tampered one is refused")
    func exportLine() throws {
        let payload = Samples.report.json.canonicalString
        let hash = Hex.encode(RecordedEvent.chainHash(previousHash: Array(repeating: 0, count: 32), position: 1, id: "e1",
                                                      stream: Samples.report.stream, version: 1, type: "report_ingested", schemaVersion: 1,
                                                      recordedAt: "2026-11-21T00:00:00.000Z", actor: "t", correlationID: nil, payloadJSON: payload.utf8))
        let event = RecordedEvent(position: 1, id: "e1", stream: Samples.report.stream, version: 1, type: "report_ingested", schemaVersion: 1,
                                  recordedAt: "2026-11-21T00:00:00.000Z", actor: "t", correlationID: nil, payloadJSON: payload,
                                  previousHash: RecordedEvent.genesisHash, hash: hash)
        let (parsed, decoded) = try RecordedEvent.parse(exportLine: event.exportLine)
        #expect(parsed == event)
        #expect(decoded == .reportIngested(Samples.report))
        let tampered = event.exportLine.replacingOccurrences(of: "Raid near Atmeh", with: "Raid near Idlib")
        #expect { try RecordedEvent.parse(exportLine: tampered) } throws: { ($0 as? WireFormatError)?.field == "hash" }
    }
}
