import Events
import Foundation
import Testing
@testable import Projections

/// A small deterministic pseudo-random generator (SplitMix64), so that failures reproduce.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One standard normal draw (Box–Muller).
    mutating func normal() -> Double {
        (-2 * log(Double.random(in: 1e-12..<1, using: &self))).squareRoot() * cos(2 * .pi * Double.random(in: 0..<1, using: &self))
    }
}

/// A random but valid event sequence: sources, incidents, reports, claims of all bounds,
/// withdrawals, moves, merges, assessments and adjudications.
func randomScenario(seed: UInt64, events count: Int = 120) -> Scenario {
    var g = SplitMix(state: seed)
    var s = Scenario()
    let sources = (0..<6).map { "s\($0)" }
    let incidents = (0..<4).map { "i\($0)" }
    let kinds: [SourceKind] = [.monitor, .outlet, .armedForce, .anonymous, .ngo, .government]
    for (n, id) in sources.enumerated() { s.source(id, kinds[n]) }
    for id in incidents { s.incident(id) }
    let times = ["2022-01-01T10:00:00Z", "2022-01-02", nil, "2022-01-01T08:00:00Z", "2022-01"]
    for r in 0..<5 { s.report("r\(r)", published: times[r]) }
    var claimIDs: [String] = []
    let groups = ["people", "civilians", "children"]
    let bounds: [Bound] = [.exact, .exact, .atLeast, .moreThan, .about, .upTo, .some]
    while s.events.count < count {
        let roll = Int.random(in: 0..<100, using: &g)
        let incident = incidents.randomElement(using: &g)!
        switch roll {
        case 0..<70:
            let id = "c\(s.events.count)"
            let bound = bounds.randomElement(using: &g)!
            let value: Double? = bound == .some ? nil : Double(Int.random(in: 0..<20, using: &g))
            let originator = sources.randomElement(using: &g)!
            let via = Bool.random(using: &g) ? [sources.filter { $0 != originator }.randomElement(using: &g)!] : []
            if roll < 8 {
                s.label(id, report: "r\(Int.random(in: 0..<5, using: &g))", incident: incident, "outcome", ["success", "failure"].randomElement(using: &g)!, by: originator)
            } else {
                s.claim(id, report: "r\(Int.random(in: 0..<5, using: &g))", incident: incident, "killed", groups.randomElement(using: &g)!, value, bound,
                        by: originator, via: via)
            }
            claimIDs.append(id)
        case 70..<78 where !claimIDs.isEmpty:
            s.add(ClaimWithdrawn(claimID: claimIDs.randomElement(using: &g)!, reason: "test"))
        case 78..<86 where !claimIDs.isEmpty:
            s.add(ClaimMoved(claimID: claimIDs.randomElement(using: &g)!, toIncident: incident))
        case 86..<90:
            let a = incidents.randomElement(using: &g)!
            if a != incident { s.add(IncidentsMerged(into: a, merged: incident)) }
        case 90..<94:
            let a = sources.randomElement(using: &g)!, b = sources.randomElement(using: &g)!
            if a != b { s.add(SourcesMerged(into: a, merged: b)) }
        case 94..<97:
            s.add(SourceAssessed(sourceID: sources.randomElement(using: &g)!, reliability: Double(Int.random(in: 0...10, using: &g)) / 10))
        default:
            s.add(FigureAdjudicated(incidentID: incident, figure: "killed", group: groups.randomElement(using: &g)!,
                                    value: .number(Double(Int.random(in: 0..<20, using: &g))), authority: "inquiry"))
        }
    }
    return s
}

@Suite struct DeterminismTests {
    @Test func sameEventsGiveByteIdenticalOutput() {
        // Given the same events folded twice, separately
        let events = randomScenario(seed: 7).events + atmehScenario().events.map { e in
            var e = e; e.position += 1000; return e
        }
        let one = ProjectionContext(state: ClaimsState.fold(events)).snapshot().encoded()
        let two = ProjectionContext(state: ClaimsState.fold(events)).snapshot().encoded()
        // Then the encoded projections are the same bytes, and not trivially empty
        #expect(one == two)
        #expect(one.count > 1000)
        // and so are histories and audits
        let c1 = ProjectionContext(state: ClaimsState.fold(events)), c2 = ProjectionContext(state: ClaimsState.fold(events))
        for key in c1.keys {
            #expect(ProjectionSnapshot.encode(c1.history(key)) == ProjectionSnapshot.encode(c2.history(key)))
            #expect(ProjectionSnapshot.encode(c1.audit(key)) == ProjectionSnapshot.encode(c2.audit(key)))
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func foldingAllAtOnceEqualsFoldingInChunks(seed: UInt64) {
        // Given a random event sequence
        let events = randomScenario(seed: seed).events
        var g = SplitMix(state: seed &* 31)
        // When folded at once and folded incrementally in random chunks
        let whole = ClaimsState.fold(events)
        var incremental = ClaimsState.initial
        var index = 0
        while index < events.count {
            let size = Int.random(in: 1...15, using: &g)
            incremental = ClaimsState.fold(events[index..<min(index + size, events.count)], from: incremental)
            index += size
        }
        // Then the states, and the projections, are the same
        #expect(whole == incremental)
        #expect(ProjectionContext(state: whole).snapshot().encoded() == ProjectionContext(state: incremental).snapshot().encoded())
    }

    @Test func evolveIsTheOneStepFold() {
        let events = randomScenario(seed: 99, events: 40).events
        let stepped = events.reduce(ClaimsState.initial) { $0.evolve($1) }
        #expect(stepped == ClaimsState.fold(events))
    }

    @Test func aPrefixIsTheStateAsOfThatPosition() throws {
        // Given the Atmeh events; as of the position before the coarse-dated report 002
        let s = atmehScenario()
        let cut = try #require(s.events.firstIndex { if case .claimAsserted(let c) = $0.event { c.claimID == "c002-people" } else { false } })
        let asOf = ProjectionContext(state: ClaimsState.fold(s.events[..<cut]))
        let c = try #require(asOf.consensus(FigureKey(incident: "atmeh", figure: "killed", group: "people")))
        // Then only the first two reports count
        #expect(c.claims == 2 && c.low == 13)
        #expect(asOf.state.position == Int64(cut))
    }
}

@Suite struct AsOfTests {
    @Test func asOfPositionAndRecordedTimeArePrefixes() throws {
        // Given the Atmeh events
        let s = atmehScenario()
        let cut = try #require(s.events.firstIndex { if case .claimAsserted(let c) = $0.event { c.claimID == "c002-people" } else { false } })
        // When cut by position and by recorded time at the same event
        let byPosition = ClaimsState.asOf(s.events, position: Int64(cut))
        let byRecorded = ClaimsState.asOf(s.events, recordedBefore: s.events[cut].recordedAt)
        // Then both equal folding the prefix
        #expect(byPosition == ClaimsState.fold(s.events[..<cut]))
        #expect(byRecorded == byPosition)
        #expect(ProjectionContext(state: byPosition).snapshot().encoded() == ProjectionContext(state: ClaimsState.fold(s.events[..<cut])).snapshot().encoded())
    }

    @Test func incidentSummariesAsOfAPublishedTime() throws {
        // Given Atmeh's reports published at 06:17Z (001), 09:08Z (000) and only to the day (002),
        // al-Kabr's report of unknown time, and an incident opened with no claims yet
        var s = atmehScenario()
        s.incident("quiet")
        let opened = try #require(s.events.last?.recordedAt)
        // When listed as of 08:00Z on the day of the raid
        let early = s.state.incidentSummaries(publishedBefore: "2022-02-03T08:00:00Z")
        // Then only Atmeh, without report 000's 7 claims: 001's 6 and 002's 8 (a time known only to
        // the day counts from the start of that day, as for every projection)
        #expect(early.map(\.incident) == ["atmeh"])
        #expect(early[0].claims == 14 && early[0].figures == 6)
        #expect(s.state.incidentSummaries(publishedBefore: "2022-02-03").isEmpty)
        // Claims of unknown publication time and an incident without claims count by when they were recorded
        let recorded = s.state.incidentSummaries(publishedBefore: "2026-11-21T07:00:00.000Z")
        #expect(recorded.map(\.incident) == ["atmeh", "kabr", "quiet"])
        #expect(recorded.map(\.claims) == [21, 4, 0])
        #expect(s.state.incidentSummaries(publishedBefore: opened).map(\.incident) == ["atmeh", "kabr"])
        // and no cutoff is everything
        #expect(s.state.incidentSummaries() == recorded)
    }

    @Test func incidentSummariesFollowMerges() {
        var s = atmehScenario()
        s.incident("atmeh-dup")
        s.add(IncidentsMerged(into: "atmeh", merged: "atmeh-dup"))
        let summaries = s.state.incidentSummaries()
        #expect(summaries.map(\.incident) == ["atmeh", "kabr"])
        #expect(summaries[0].merged == ["atmeh-dup"])
        #expect(summaries[0].claims == 21 && summaries[1].claims == 4)
    }
}
