import Events
import Foundation
import GRDB
import Testing
@testable import Ledger

@Suite("Appending")
struct AppendTests {
    @Test("positions are gap-free from 1; versions count per stream")
    func positionsAndVersions() throws {
        let ledger = try TemporaryLedger()
        try ledger.store.append(World.setup, actor: "test")
        try ledger.store.append([NewEvent(World.claim("c1", "At least 13 people", value: 13, bound: .atLeast)),
                                 NewEvent(ClaimWithdrawn(claimID: "c1", reason: "mis-read"))], actor: "test")

        let events = try ledger.store.events()

        #expect(events.map(\.position) == Array(1...7))
        #expect(events.filter { $0.stream == "claim:c1" }.map(\.version) == [1, 2])
        #expect(events.first?.previousHash == RecordedEvent.genesisHash)
        for (previous, next) in zip(events, events.dropFirst()) { #expect(next.previousHash == previous.hash) }
    }

    @Test("a stale expected version is a typed conflict and stores nothing")
    func versionConflict() throws {
        let ledger = try TemporaryLedger()
        try ledger.store.append(World.setup + [NewEvent(World.claim("c1", "At least 13 people", value: 13))], actor: "test")
        let before = try ledger.snapshot()

        #expect(throws: LedgerError.versionConflict(stream: "claim:c1", expected: .exactly(3), actual: 1)) {
            try ledger.store.append([NewEvent(ClaimWithdrawn(claimID: "c1", reason: "x"), expectedVersion: .exactly(3))], actor: "test")
        }
        #expect(throws: LedgerError.versionConflict(stream: "claim:c1", expected: .noStream, actual: 1)) {
            try ledger.store.append([NewEvent(World.claim("c1", "6 children", value: 6), id: "other")], actor: "test")
        }
        #expect(try ledger.snapshot() == before)
        try ledger.store.append([NewEvent(ClaimWithdrawn(claimID: "c1", reason: "x"), expectedVersion: .exactly(1))], actor: "test")
        #expect(try ledger.store.stats().lastPosition == 7)
    }

    @Test("an event id already stored is not stored twice; the same id with other content is refused")
    func idempotentIDs() throws {
        let ledger = try TemporaryLedger()
        try ledger.store.append(World.setup, actor: "test")
        let assessed = NewEvent(SourceAssessed(sourceID: "sohr", reliability: 0.7), id: "assess-1")

        let first = try ledger.store.append([assessed], actor: "test")
        let second = try ledger.store.append([assessed], actor: "test")

        #expect(first == [.appended(position: 6)])
        #expect(second == [.duplicate(position: 6)])
        #expect(throws: LedgerError.idReused(id: "assess-1")) {
            try ledger.store.append([NewEvent(SourceAssessed(sourceID: "sohr", reliability: 0.2), id: "assess-1")], actor: "test")
        }
    }

    @Test("a report whose text is already stored is not ingested twice")
    func reportDedup() throws {
        let ledger = try TemporaryLedger()
        try ledger.store.append(World.setup, actor: "test")
        let again = ReportIngested(text: World.text, title: "same text, other title")

        let outcome = try ledger.store.append([NewEvent(again)], actor: "test")

        #expect(outcome == [.alreadyIngested(reportID: World.report.reportID, position: 4)])
        #expect(try ledger.store.stats().reports == 1)
    }

    @Test("a batch is atomic: one bad event and none of it is stored")
    func atomicBatch() throws {
        let ledger = try TemporaryLedger()
        try ledger.store.append(World.setup, actor: "test")
        let before = try ledger.snapshot()
        let batch = [
            NewEvent(World.claim("c1", "At least 13 people", value: 13, bound: .atLeast)),
            NewEvent(World.claim("c2", "9 أشخاص", value: 9, originator: "nobody", via: [])),
        ]

        #expect(throws: LedgerError.unknownReference(field: "payload.originator", kind: "source", id: "nobody")) {
            try ledger.store.append(batch, actor: "test")
        }
        #expect(try ledger.snapshot() == before)
    }

    @Test("claims must name a report and an incident the ledger holds")
    func references() throws {
        let ledger = try TemporaryLedger()
        try ledger.store.append(World.setup, actor: "test")
        var orphan = World.claim("c1", "6 children", value: 6)
        orphan.incidentID = "nowhere"
        #expect(throws: LedgerError.unknownReference(field: "payload.incident_id", kind: "incident", id: "nowhere")) {
            try ledger.store.append([NewEvent(orphan)], actor: "test")
        }
        orphan = World.claim("c1", "6 children", value: 6)
        orphan.reportID = String(repeating: "a", count: 64)
        #expect(throws: LedgerError.unknownReference(field: "payload.report_id", kind: "report", id: orphan.reportID)) {
            try ledger.store.append([NewEvent(orphan)], actor: "test")
        }
    }

    @Test("quotes are checked against the stored text at their span")
    func quoteSpans() throws {
        let ledger = try TemporaryLedger()
        try ledger.store.append(World.setup, actor: "test")
        var claim = World.claim("c1", "بينهم طفلين", value: 2, group: "children", originator: "sohr", via: [])
        claim.quotes[0].start += 1
        claim.quotes[0].end += 1

        #expect { try ledger.store.append([NewEvent(claim)], actor: "test") } throws: { error in
            if case .quoteMismatch(claim: "c1", quote: 0, expected: "بينهم طفلين", found: _) = error as? LedgerError { return true }
            return false
        }
        try ledger.store.append([NewEvent(World.claim("c1", "بينهم طفلين", value: 2, group: "children", originator: "sohr", via: []))], actor: "test")
    }

    @Test("every write is recorded after the one before, even within one millisecond or when the clock is behind")
    func recordedTimesIncrease() throws {
        // Given a ledger whose last event was recorded in the future (a clock that stepped back,
        // or a replicated ledger from a machine ahead of this one)
        let ledger = try TemporaryLedger()
        let opened = IncidentOpened(incidentID: "future", title: "Recorded ahead")
        let payload = String(decoding: NewEvent(opened).payloadJSON, as: UTF8.self)
        var future = RecordedEvent(position: 1, id: "future", stream: opened.stream, version: 1, type: IncidentOpened.type, schemaVersion: 1,
                                   recordedAt: "2999-01-01T00:00:00.000Z", actor: "elsewhere", correlationID: nil, payloadJSON: payload,
                                   previousHash: RecordedEvent.genesisHash, hash: "")
        future.hash = future.computedHash()
        try ledger.store.write(actor: "test") { appender in _ = try appender.replicate(future, .incidentOpened(opened)) }
        // When writes follow, some within the same millisecond
        try ledger.store.append(World.setup, actor: "test")
        for n in 0..<30 { try ledger.store.append([NewEvent(IncidentOpened(incidentID: "i\(n)", title: "Incident \(n)"))], actor: "test", refreshingProjections: false) }
        // Then each is recorded 1 ms or more after the one before
        let times = try ledger.store.events().map(\.recordedAt)
        #expect(times[1] == "2999-01-01T00:00:00.001Z")
        let writes = Array(times.suffix(31))
        #expect(zip(writes, writes.dropFirst()).allSatisfy { $0 < $1 }, "\(writes)")
    }

    @Test("quotes of a report appended long before in the same transaction are still checked against its text")
    func quotesOfEarlierReports() throws {
        // Given one transaction with 100 reports first (more than the appender keeps at hand)
        let ledger = try TemporaryLedger()
        let reports = (0..<100).map { ReportIngested(text: "Report \($0): 7 people were killed.", outlet: "reuters") }
        func claim(_ n: Int, quote: String) -> NewEvent {
            let start = "Report \(n): ".unicodeScalars.count
            return NewEvent(ClaimAsserted(claimID: "c\(n)", reportID: reports[n].reportID, incidentID: "atmeh", figure: "killed", group: "people",
                                          value: .number(7), bound: .exact, originator: "scd",
                                          quotes: [Quote(text: quote, start: start, end: start + quote.unicodeScalars.count)],
                                          extractor: ExtractorRef(name: "analyst", version: "1")))
        }
        // Then claims quoting the earliest of them are checked and stored
        let outcomes = try ledger.store.append(World.setup + reports.map { NewEvent($0) } + [claim(0, quote: "7 people"), claim(1, quote: "7 people")],
                                               actor: "test")
        #expect(outcomes.filter(\.isNew).count == outcomes.count)
        // and a wrong quote of an early report is still refused
        let before = try ledger.snapshot()
        #expect { try ledger.store.append(reports.map { NewEvent($0) } + [claim(2, quote: "9 people")], actor: "test") } throws: { error in
            if case .quoteMismatch(claim: "c2", quote: 0, expected: "9 people", found: "7 people") = error as? LedgerError { return true }
            return false
        }
        #expect(try ledger.snapshot() == before)
    }

    @Test("the claims index follows appends, withdrawals and moves in the same transaction")
    func claimsIndex() throws {
        let ledger = try TemporaryLedger()
        try ledger.store.append(World.setup + [
            NewEvent(IncidentOpened(incidentID: "other", title: "Another raid")),
            NewEvent(World.claim("c1", "At least 13 people", value: 13, bound: .atLeast)),
            NewEvent(World.claim("c2", "6 children", value: 6, group: "children")),
        ], actor: "test")
        try ledger.store.append([NewEvent(ClaimWithdrawn(claimID: "c1", reason: "x")), NewEvent(ClaimMoved(claimID: "c2", toIncident: "other"))], actor: "test")

        let rows = try ledger.store.dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT claim_id, incident_id, low, high, originator, published_time, withdrawn_position FROM claims ORDER BY claim_id")
        }

        #expect(rows.count == 2)
        #expect(rows[0]["low"] == 13.0 && rows[0]["high"] == nil as Double? && rows[0]["withdrawn_position"] == 9 as Int64)
        #expect(rows[0]["published_time"] == "2022-02-03T06:17:00Z")
        #expect(rows[1]["incident_id"] == "other" && rows[1]["withdrawn_position"] == nil as Int64?)
    }

    @Test("the database itself refuses UPDATE and DELETE on events, and gaps")
    func appendOnlyTriggers() throws {
        let ledger = try TemporaryLedger()
        try ledger.store.append(World.setup, actor: "test")
        for sql in ["UPDATE events SET actor = 'mallory' WHERE position = 1", "DELETE FROM events WHERE position = 5",
                    "INSERT INTO events SELECT position + 10, id || 'x', stream || 'x', version, type, schema_version, recorded_at, actor, correlation_id, payload, previous_hash, hash FROM events WHERE position = 1"] {
            #expect(throws: DatabaseError.self) { try ledger.store.dbQueue.write { try $0.execute(sql: sql) } }
        }
        #expect(try ledger.store.verify().firstBreak == nil)
    }
}

@Suite("Reading and verifying")
struct ReadingTests {
    func populated() throws -> TemporaryLedger {
        let ledger = try TemporaryLedger()
        try ledger.store.append(World.setup, actor: "test")
        try ledger.store.append([NewEvent(World.claim("c1", "At least 13 people", value: 13, bound: .atLeast)),
                                 NewEvent(World.claim("c2", "9 أشخاص", value: 9, originator: "sohr", via: []))], actor: "test")
        try ledger.store.append([NewEvent(ClaimWithdrawn(claimID: "c2", reason: "x"))], actor: "test")
        return ledger
    }

    @Test("reads by position range, stream, type and as of a position")
    func filters() throws {
        let ledger = try populated()
        #expect(try ledger.store.events(EventFilter(from: 2, to: 4)).map(\.position) == [2, 3, 4])
        #expect(try ledger.store.events(EventFilter(stream: "claim:c2")).map(\.type) == ["claim_asserted", "claim_withdrawn"])
        #expect(try ledger.store.events(EventFilter(type: "source_registered")).count == 3)
        #expect(try ledger.store.events(EventFilter(asOfPosition: 6)).map(\.position) == Array(1...6))
        #expect(try ledger.store.events(EventFilter(stream: "claim:c2", asOfPosition: 7)).count == 1)
    }

    @Test("every stored event decodes back to what was appended")
    func decodes() throws {
        let ledger = try populated()
        let decoded = try ledger.store.events().map { try $0.decode() }
        #expect(decoded.prefix(5) == World.setup.map(\.event)[...])
    }

    @Test("verify finds the first event whose content or link was altered")
    func verifyFindsTampering() throws {
        let ledger = try populated()
        #expect(try ledger.store.verify().firstBreak == nil)

        try ledger.store.dbQueue.write { db in
            try db.execute(sql: "DROP TRIGGER events_are_immutable")
            try db.execute(sql: "UPDATE events SET payload = replace(payload, '13', '31') WHERE position = 6")
        }

        let (checked, firstBreak) = try ledger.store.verify()
        #expect(checked == 5)
        #expect(firstBreak?.position == 6)
        #expect(firstBreak?.reason.contains("does not match its content") == true)
    }

    @Test("verify finds a broken link even when the hash was recomputed")
    func verifyFindsBrokenLink() throws {
        let ledger = try populated()
        try ledger.store.dbQueue.write { db in
            try db.execute(sql: "DROP TRIGGER events_are_immutable")
            try db.execute(sql: "UPDATE events SET previous_hash = zeroblob(32) WHERE position = 3")
        }
        #expect(try ledger.store.verify().firstBreak?.position == 3)
    }

    /// Exports `ledger` to a file in its folder and returns the path.
    func exported(_ ledger: TemporaryLedger) throws -> String {
        let exportPath = ledger.folder.appendingPathComponent("export.ndjson").path
        FileManager.default.createFile(atPath: exportPath, contents: nil)
        let handle = FileHandle(forWritingAtPath: exportPath)!
        #expect(try ledger.store.export(to: handle) == ledger.store.stats().lastPosition)
        try handle.close()
        return exportPath
    }

    @Test("export then import into an empty ledger reproduces every position and hash")
    func exportImport() throws {
        let source = try populated()
        let exportPath = try exported(source)
        let target = try TemporaryLedger()

        let summary = try target.store.importEvents(path: exportPath)
        let again = try target.store.importEvents(path: exportPath)

        #expect(summary.appended == 8)
        #expect(again.appended == 0 && again.skipped == 8)
        #expect(try target.store.events() == source.store.events())
        #expect(try target.snapshot() == source.snapshot())
        #expect(try target.store.verify().firstBreak == nil)
    }

    @Test("an export does not import into a ledger that has other events")
    func importDiverges() throws {
        let source = try populated()
        let exportPath = try exported(source)
        let other = try TemporaryLedger()
        try other.store.append([NewEvent(SourceRegistered(sourceID: "x", name: "X", kind: .unknown))], actor: "test")
        let before = try other.snapshot()

        #expect { try other.store.importEvents(path: exportPath) } throws: { error in
            (error as? InputError)?.line == 1 && String(describing: error).contains("does not continue this ledger")
        }
        #expect(try other.snapshot() == before)
    }

    @Test("a claims table imported again reads as before; one a former reading stored is refused by its line, storing nothing")
    func claimsTableImportedAgain() throws {
        let ledger = try TemporaryLedger()
        let path = try ledger.file("prices.csv", "object,attribute,source,value\ns,close,a,1.9\ns,close,b,1.95\n")
        let first = try ClaimsCSVImport.run(path: path, store: ledger.store, actor: "test")
        let again = try ClaimsCSVImport.run(path: path, store: ledger.store, actor: "test")
        #expect(first.appended == 6 && again.appended == 0 && again.skipped == 3)

        // Given the same table stored as an earlier version of the importer read it
        let earlier = try TemporaryLedger()
        let text = try ReportFile.readText(path)
        let report = ReportIngested(text: text, mediaType: "text/csv", title: "prices.csv", fileName: "prices.csv")
        var claim = try #require(try ClaimsTable.claim(from: CSVParser.rows(text)[1], reportID: report.reportID))
        claim.extractor = ExtractorRef(name: "claims-csv", version: "1")
        try earlier.store.append([NewEvent(report), NewEvent(IncidentOpened(incidentID: "s", title: "s")),
                                  NewEvent(SourceRegistered(sourceID: "a", name: "a", kind: .unknown)),
                                  NewEvent(claim, id: "claim_asserted:" + claim.claimID)], actor: "test")
        let before = try earlier.snapshot()
        // Then importing it names the row and says why, and the ledger is as it was
        #expect { try ClaimsCSVImport.run(path: path, store: earlier.store, actor: "test") } throws: { error in
            (error as? InputError)?.line == 2 && String(describing: error).contains("read differently then")
        }
        #expect(try earlier.snapshot() == before)
    }
}
