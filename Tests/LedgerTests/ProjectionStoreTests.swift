import Events
import Foundation
import Projections
import Testing
@testable import Ledger

/// SplitMix64, so that a failing seed reproduces.
struct Mix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random but valid sequence of ledger events: sources of several kinds (a spokesperson among
/// them), incidents, reports of precise, coarse and unknown time, numeric claims of every bound,
/// categorical claims, withdrawals, moves, incident and source merges (cycles included),
/// assessments and adjudications.
func randomLedgerEvents(seed: UInt64, count: Int) -> [NewEvent] {
    var g = Mix(state: seed)
    var out: [NewEvent] = []
    let kinds: [SourceKind] = [.monitor, .outlet, .armedForce, .anonymous, .ngo, .government]
    let sources = (0..<6).map { "s\($0)" }
    for (n, id) in sources.enumerated() { out.append(NewEvent(SourceRegistered(sourceID: id, name: "Source \(n)", kind: kinds[n]))) }
    out.append(NewEvent(SourceRegistered(sourceID: "spokes", name: "Spokes", kind: .spokesperson, affiliation: "s2")))
    let incidents = (0..<4).map { "i\($0)" }
    for id in incidents { out.append(NewEvent(IncidentOpened(incidentID: id, title: "Incident \(id)"))) }
    let times = ["2022-01-01T10:00Z", "2022-01-02", "unknown", "2022-01-01T08:00Z", "2022-01"]
    var reports: [String] = []
    for r in 0..<5 {
        let report = ReportIngested(text: "Report \(r): claims about incidents.", outlet: "s1", title: "Report \(r)",
                                    url: "https://example.org/\(r)", languages: ["en"], published: try! PartialTime.parse(times[r]))
        reports.append(report.reportID)
        out.append(NewEvent(report))
    }
    var claims: [String] = []
    let groups = ["people", "civilians", "children", "militants"]
    let bounds: [Bound] = [.exact, .exact, .atLeast, .moreThan, .about, .upTo, .some]
    let originators = sources + ["spokes"]
    while out.count < count {
        let roll = Int.random(in: 0..<100, using: &g)
        let incident = incidents.randomElement(using: &g)!
        switch roll {
        case 0..<68:
            let id = "c\(out.count)"
            let originator = originators.randomElement(using: &g)!
            let via = Bool.random(using: &g) ? [sources.filter { $0 != originator }.randomElement(using: &g)!] : []
            let report = reports.randomElement(using: &g)!
            let quote = [Quote(text: "Report", start: 0, end: 6)]
            let claim: ClaimAsserted
            if roll < 10 {
                claim = ClaimAsserted(claimID: id, reportID: report, incidentID: incident, figure: "outcome", group: nil,
                                      value: .label(["success", "failure"].randomElement(using: &g)!), bound: .exact, originator: originator,
                                      via: via, quotes: quote, extractor: ExtractorRef(name: "analyst", version: "1"))
            } else {
                let bound = bounds.randomElement(using: &g)!
                claim = ClaimAsserted(claimID: id, reportID: report, incidentID: incident, figure: "killed", group: groups.randomElement(using: &g)!,
                                      value: bound == .some ? nil : .number(Double(Int.random(in: 0..<20, using: &g))), bound: bound,
                                      originator: originator, via: via, quotes: quote, extractor: ExtractorRef(name: "analyst", version: "1"))
            }
            guard let event = try? NewEvent.checked(claim) else { continue }
            out.append(event)
            claims.append(id)
        case 68..<76 where !claims.isEmpty:
            out.append(NewEvent(ClaimWithdrawn(claimID: claims.randomElement(using: &g)!, reason: "mis-extracted \(out.count)")))
        case 76..<84 where !claims.isEmpty:
            out.append(NewEvent(ClaimMoved(claimID: claims.randomElement(using: &g)!, toIncident: incident, reason: "moved \(out.count)")))
        case 84..<88:
            let into = incidents.randomElement(using: &g)!
            if into != incident { out.append(NewEvent(IncidentsMerged(into: into, merged: incident))) }
        case 88..<92:
            let a = sources.randomElement(using: &g)!, b = sources.randomElement(using: &g)!
            if a != b { out.append(NewEvent(SourcesMerged(into: a, merged: b))) }
        case 92..<95:
            out.append(NewEvent(SourceAssessed(sourceID: originators.randomElement(using: &g)!, reliability: Double(Int.random(in: 0...10, using: &g)) / 10)))
        default:
            out.append(NewEvent(FigureAdjudicated(incidentID: incident, figure: "killed", group: groups.randomElement(using: &g)!,
                                                  value: .number(Double(Int.random(in: 0..<20, using: &g))), authority: "inquiry \(out.count)")))
        }
    }
    return out
}

@Suite("Materialised projections")
struct ProjectionStoreTests {
    /// The projections computed from the whole log, as canonical bytes.
    func onDemand(_ store: LedgerStore) throws -> Data {
        try store.projections().snapshot().encoded()
    }

    /// Learning after every write (as the standard schedule does on a ledger this small), and
    /// learning only every 25 % of growth past 12 events, so that most writes recompute only
    /// the incidents they touch.
    static let schedules = [LearningSchedule.standard, LearningSchedule(everyTransactionUpTo: 12, growth: 0.25)]

    @Test("rebuild = incremental = on demand, byte for byte, over random event sequences",
          arguments: [1, 2, 3, 4, 5, 6] as [UInt64], schedules)
    func rebuildIncrementalOnDemand(seed: UInt64, schedule: LearningSchedule) throws {
        // Given a ledger built one write at a time, each write followed by a refresh
        let ledger = try TemporaryLedger(learningSchedule: schedule)
        let events = randomLedgerEvents(seed: seed, count: 90)
        var g = Mix(state: seed &* 77)
        var index = 0
        var checked = 0
        var incidentRefreshes = 0
        while index < events.count {
            let size = Int.random(in: 1...6, using: &g)
            try ledger.store.append(Array(events[index..<min(index + size, events.count)]), actor: "test", refreshingProjections: false)
            index += size
            if try ledger.store.refreshProjections().touchedIncidents != nil { incidentRefreshes += 1 }
            // Then after every write the incremental tables equal the on-demand projections
            let status = try ledger.store.projectionStatus()
            #expect(status.isCurrent)
            let incremental = try #require(try ledger.store.materialisedSnapshot()).encoded()
            #expect(incremental == (try onDemand(ledger.store)), "after position \(status.head)")
            checked += 1
        }
        #expect(checked > 10)
        // (with the short schedule, the refreshes between learning points and without merges,
        // moves, assessments or adjudications recomputed only the touched incidents)
        if schedule != .standard { #expect(incidentRefreshes >= 3, "\(incidentRefreshes) of \(checked)") }
        let full = try onDemand(ledger.store)
        #expect(full.count > 2000)
        // and a rebuild from scratch gives the same bytes
        let incremental = try #require(try ledger.store.materialisedSnapshot()).encoded()
        try ledger.store.rebuildProjections()
        #expect(try #require(try ledger.store.materialisedSnapshot()).encoded() == incremental)
        #expect(incremental == full)
        // and so does each incident computed on demand from its own claims and the stored weights
        let context = try ledger.store.projections().context
        for incident in ["i0", "i1", "i2", "i3"] {
            let alone = try #require(try ledger.store.incidentConsensus(incident))
            #expect(ProjectionSnapshot.encode(alone) == ProjectionSnapshot.encode(context.consensus(incident: incident)), "incident \(incident)")
            let onDemandContext = try #require(try ledger.store.incidentProjection(incident))
            for key in context.keys where key.incident == context.state.canonicalIncident(incident) {
                #expect(ProjectionSnapshot.encode(onDemandContext.history(key)) == ProjectionSnapshot.encode(context.history(key)))
                #expect(ProjectionSnapshot.encode(onDemandContext.audit(key)) == ProjectionSnapshot.encode(context.audit(key)))
            }
        }
    }

    @Test("between learning points a write recomputes only the incidents it touches; past the next one, reliability is learned again")
    func learningPoints() throws {
        // Given a ledger that learns at every write up to 20 events, then every 50 % of growth,
        // loaded with 60 events of sources, incidents, reports and claims in one write
        let ledger = try TemporaryLedger(learningSchedule: LearningSchedule(everyTransactionUpTo: 20, growth: 0.5))
        let events = randomLedgerEvents(seed: 11, count: 160).filter {
            ["source_registered", "incident_opened", "report_ingested", "claim_asserted"].contains($0.type)
        }
        func learnedAt() throws -> Int64? {
            try ledger.store.dbQueue.read { db in try Int64.fetchOne(db, sql: "SELECT position FROM projection_checkpoint WHERE name = 'learned'") }
        }
        try ledger.store.append(Array(events[0..<60]), actor: "test", refreshingProjections: false)
        #expect(try ledger.store.refreshProjections().touchedIncidents == nil)
        #expect(try learnedAt() == 60)
        let reliability = try #require(try ledger.store.materialisedSnapshot()).reliability
        // When claims are then appended one write at a time up to position 89
        for event in events[60..<89] {
            try ledger.store.append([event], actor: "test", refreshingProjections: false)
            // Then each refresh recomputes only the claim's incident, with the weights learned at 60
            #expect(try ledger.store.refreshProjections().touchedIncidents == 1)
            #expect(try learnedAt() == 60)
        }
        #expect(try #require(try ledger.store.materialisedSnapshot()).reliability == reliability)
        // and the write that reaches 90 (50 % past 60) learns from everything again
        try ledger.store.append([events[89]], actor: "test", refreshingProjections: false)
        #expect(try ledger.store.refreshProjections().touchedIncidents == nil)
        #expect(try learnedAt() == 90)
        #expect(try #require(try ledger.store.materialisedSnapshot()).encoded() == (try onDemand(ledger.store)))
    }

    @Test("the fold decodes batches of events on every core and gives the state a one-at-a-time fold gives")
    func concurrentDecoding() throws {
        // Given a ledger long enough for several batches, each split between workers
        let ledger = try TemporaryLedger()
        let events = randomLedgerEvents(seed: 21, count: LedgerStore.foldBatchSize * 2 + 1500)
        try ledger.store.append(events, actor: "test", refreshingProjections: false)
        // Then folding it equals decoding and applying each stored event in turn
        var sequential = ClaimsState.initial
        try ledger.store.forEachEvent { recorded in sequential.apply(try ProjectionEvent(recorded)) }
        #expect(sequential.position == (try ledger.store.projectionStatus()).head)
        #expect(sequential.position > Int64(LedgerStore.foldBatchSize * 2))
        #expect(try ledger.store.projectionState() == sequential)
        #expect(try ledger.store.projectionState(asOfPosition: 5000) == ClaimsState.asOf(try ledger.store.events().map { try ProjectionEvent($0) }, position: 5000))
    }

    @Test("tables behind the head are reported, and the on-demand path refuses stale weights")
    func staleCheckpoint() throws {
        // Given a ledger whose writes do not refresh the projections
        let ledger = try TemporaryLedger()
        try ledger.store.append(Array(randomLedgerEvents(seed: 9, count: 40)), actor: "test", refreshingProjections: false)
        // Then the checkpoint is behind, and nothing materialised is served
        let status = try ledger.store.projectionStatus()
        #expect(status.checkpoint == 0 && status.head == 40)
        #expect(try ledger.store.materialisedSnapshot() == nil)
        #expect(try ledger.store.incidentConsensus("i0") == nil)
        // When refreshed, they catch up
        let summary = try ledger.store.refreshProjections()
        #expect(summary.position == 40 && summary.written > 0)
        #expect(try ledger.store.materialisedSnapshot()?.encoded() == (try onDemand(ledger.store)))
        // and a second refresh has nothing to do
        #expect(try ledger.store.refreshProjections().upToDate)
    }

    @Test("tables computed by an earlier method count as never computed until recomputed")
    func earlierMethod() throws {
        // Given a ledger whose projections are current, as stored by an earlier version of the method
        let ledger = try TemporaryLedger()
        try ledger.store.append(Array(randomLedgerEvents(seed: 9, count: 40)), actor: "test")
        #expect(try ledger.store.projectionStatus().isCurrent)
        try ledger.store.dbQueue.write { db in
            try db.execute(sql: "UPDATE projection_checkpoint SET position = ? WHERE name = 'method'", arguments: [LedgerStore.methodVersion - 1])
        }
        // Then they are behind, flagged as such, and nothing materialised is served
        let status = try ledger.store.projectionStatus()
        #expect(status.checkpoint == 0 && status.head == 40 && status.computedByOtherMethod)
        #expect(try ledger.store.materialisedSnapshot() == nil)
        #expect(try ledger.store.incidentConsensus("i0") == nil)
        // And a refresh recomputes everything, not only touched incidents, and marks the method
        let summary = try ledger.store.refreshProjections()
        #expect(summary.position == 40 && summary.touchedIncidents == nil && !summary.upToDate)
        let after = try ledger.store.projectionStatus()
        #expect(after.isCurrent && !after.computedByOtherMethod)
        #expect(try ledger.store.materialisedSnapshot()?.encoded() == (try onDemand(ledger.store)))
    }

    @Test("an unknown incident has no on-demand projection")
    func unknownIncident() throws {
        let ledger = try TemporaryLedger()
        try ledger.store.append(randomLedgerEvents(seed: 3, count: 30), actor: "test")
        #expect(try ledger.store.incidentProjection("nowhere") == nil)
        #expect(try ledger.store.incidentProjection("i1") != nil)
    }

    @Test("as of a position is the fold of that prefix")
    func asOfPosition() throws {
        let ledger = try TemporaryLedger()
        let events = randomLedgerEvents(seed: 4, count: 60)
        try ledger.store.append(Array(events[..<30]), actor: "test")
        let then = try onDemand(ledger.store)
        try ledger.store.append(Array(events[30...]), actor: "test")
        #expect(ProjectionContext(state: try ledger.store.projectionState(asOfPosition: 30)).snapshot().encoded() == then)
        #expect(try onDemand(ledger.store) != then)
    }
}
