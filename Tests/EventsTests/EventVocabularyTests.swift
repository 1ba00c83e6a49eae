import Foundation
import Testing
@testable import Events

@Suite("Event vocabulary")
struct EventVocabularyTests {
    @Test("every type round-trips through its canonical JSON", arguments: Samples.all)
    func roundTrip(event: LedgerEvent) throws {
        let payloadType = type(of: event.payload)
        let json = try JSONValue.parse(event.payload.json.canonicalString)
        let decoded = try LedgerEvent.decode(type: payloadType.type, schemaVersion: payloadType.schemaVersion, payload: json)
        #expect(decoded == event)
        #expect(decoded.payload.json.canonicalString == event.payload.json.canonicalString)
    }

    @Test("every field a type writes is one its schema declares, and every required one is written", arguments: Samples.all)
    func fieldsMatchSchema(event: LedgerEvent) throws {
        let payloadType = type(of: event.payload)
        let written = Set(event.payload.json.objectValue!.keys)
        let declared = Set(payloadType.fields.map(\.name))
        #expect(written.isSubset(of: declared))
        #expect(Set(payloadType.fields.filter(\.required).map(\.name)).isSubset(of: written))
    }

    @Test("type strings are stable snake_case and unique")
    func typeStrings() {
        let types = LedgerEvent.payloadTypes.map { $0.type }
        #expect(types == ["report_ingested", "source_registered", "source_alias_added", "sources_merged", "incident_opened",
                          "incidents_merged", "claim_asserted", "claim_withdrawn", "claim_moved", "source_assessed", "figure_adjudicated"])
    }

    @Test("the published schemas in Events/Schema are the ones the code generates")
    func publishedSchemasInStep() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Events/Schema").standardized
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        let generated = WireSchemas.all()
        #expect(onDisk == generated.map(\.fileName).sorted(), "regenerate with `swift run claims schema --write Events/Schema`")
        for (name, text) in generated {
            let file = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(file == text, "\(name) is out of date; regenerate with `swift run claims schema --write Events/Schema`")
        }
    }

    @Test("a wire line is validated field by field, with the field named", arguments: [
        (#"{"type":"claim_asserted","schema_version":2}"#, "payload"),
        (#"{"type":"claim_exploded","schema_version":1,"payload":{}}"#, "type"),
        (#"{"type":"claim_asserted","schema_version":7,"payload":{}}"#, "schema_version"),
        (#"{"type":"incident_opened","schema_version":1,"payload":{"incident_id":"x","date":{"time":null,"precision":"unknown"}}}"#, "payload.title"),
        (#"{"type":"incident_opened","schema_version":1,"payload":{"incident_id":"x","title":"t","date":{"time":null,"precision":"unknown"},"colour":"red"}}"#, "payload.colour"),
        (#"{"type":"incident_opened","schema_version":1,"payload":{"incident_id":"x","title":5,"date":{"time":null,"precision":"unknown"}}}"#, "payload.title"),
        (#"{"type":"incident_opened","schema_version":1,"payload":{"incident_id":"x","title":"t","date":{"time":"3 Feb","precision":"day"}}}"#, "payload.date.time"),
        (#"{"type":"source_assessed","schema_version":1,"payload":{"source_id":"x","reliability":1.5}}"#, "payload.reliability"),
        (#"{"type":"source_assessed","schema_version":1,"expected_version":-1,"payload":{"source_id":"x","reliability":0.5}}"#, "expected_version"),
    ])
    func wireErrors(line: String, field: String) {
        #expect {
            try NewEvent.parse(line: line)
        } throws: { error in
            (error as? WireFormatError)?.field == field
        }
    }

    @Test("counts are whole, not negative, and storable", arguments: [
        (-1.0, "cannot be negative"), (2.5, "whole number"), (1e20, "too large to store"),
    ])
    func countValues(value: Double, message: String) throws {
        var payload = Samples.claim().json.objectValue!
        payload["value"] = .number(value)
        payload["bound"] = .string("exact")
        payload.removeValue(forKey: "low")
        payload.removeValue(forKey: "high")
        #expect {
            try ClaimAsserted.decode(.object(payload))
        } throws: { error in
            let error = error as? WireFormatError
            return error?.field == "payload.value" && error?.reason.contains(message) == true
        }
    }

    @Test("quantities other than counts may be negative or fractional")
    func quantities() throws {
        var claim = Samples.claim(value: .number(-2.5), bound: .exact)
        claim.figure = "temperature_change"
        claim.group = nil
        claim.low = -2.5
        claim.high = -2.5
        #expect(throws: Never.self) { try claim.checkValues() }
    }

    @Test("bounds imply intervals: at least is open-ended, more than 30 is [31, ∞), some is [1, ∞)")
    func impliedIntervals() {
        #expect(Samples.claim(value: .number(9), bound: .atLeast).low == 9)
        #expect(Samples.claim(value: .number(9), bound: .atLeast).high == nil)
        #expect(Samples.claim(value: .number(30), bound: .moreThan).low == 31)
        #expect(Samples.claim(value: nil, bound: .some).low == 1)
        #expect(Samples.claim(value: .number(13), bound: .exact).high == 13)
        #expect(Samples.claim(value: .number(20), bound: .upTo).low == 0)
    }

    @Test("an older claim_asserted (v1, one top-level quote) is upcast to v2 when read, and kept as written")
    func upcastingV1() throws {
        var v1 = Samples.claim().json.objectValue!
        v1.removeValue(forKey: "quotes")
        v1["quote"] = .string("13 people were killed")
        v1["start"] = .number(47)
        v1["end"] = .number(68)
        let line = JSONValue.object(["type": .string("claim_asserted"), "schema_version": .number(1), "payload": .object(v1)]).canonicalString

        let event = try NewEvent.parse(line: line)

        #expect(event.schemaVersion == 1)
        #expect(String(decoding: event.payloadJSON, as: UTF8.self) == JSONValue.object(v1).canonicalString)
        guard case .claimAsserted(let claim) = event.event else { Issue.record("not a claim"); return }
        #expect(claim.quotes == [Quote(text: "13 people were killed", start: 47, end: 68)])
        #expect(claim == Samples.claim())
    }

    @Test("a v1 line is validated against v1's fields, so errors name what the producer wrote")
    func v1Validation() {
        var v1 = Samples.claim().json.objectValue!
        v1.removeValue(forKey: "quotes")
        let line = JSONValue.object(["type": .string("claim_asserted"), "schema_version": .number(1), "payload": .object(v1)]).canonicalString
        #expect { try NewEvent.parse(line: line) } throws: { ($0 as? WireFormatError)?.field == "payload.quote" }
    }

    @Test("the same line gets the same content-derived id; a given id is kept")
    func eventIDs() throws {
        let line = #"{"type":"source_assessed","schema_version":1,"payload":{"source_id":"x","reliability":0.5}}"#
        let reordered = #"{"payload":{"reliability":0.50,"source_id":"x"},"schema_version":1,"type":"source_assessed"}"#
        #expect(try NewEvent.parse(line: line).id == NewEvent.parse(line: reordered).id)
        #expect(try NewEvent.parse(line: line).id.hasPrefix("sha256:"))
        let withID = #"{"id":"mine","type":"source_assessed","schema_version":1,"payload":{"source_id":"x","reliability":0.5}}"#
        #expect(try NewEvent.parse(line: withID).id == "mine")
    }

    @Test("events that start a stream expect it not to exist; others expect any version")
    func defaultExpectedVersions() {
        #expect(NewEvent(Samples.claim()).expectedVersion == .noStream)
        #expect(NewEvent(ClaimWithdrawn(claimID: "c1", reason: "x")).expectedVersion == .any)
    }
}

@Suite("Claim values")
struct ClaimValueTests {
    @Test("more than 5 strikes is a valid count claim with interval [6, ∞)")
    func moreThanCounts() throws {
        var claim = Samples.claim(value: .number(5), bound: .moreThan)
        claim.figure = "strikes"
        #expect(throws: Never.self) { try claim.checkValues() }
        #expect(claim.low == 6)
    }

    @Test("a value outside its explicit interval is refused")
    func valueOutsideInterval() {
        var claim = Samples.claim(value: .number(13), bound: .range)
        claim.low = 14
        claim.high = 20
        #expect { try claim.checkValues() } throws: { ($0 as? WireFormatError)?.field == "payload.value" }
    }
}
