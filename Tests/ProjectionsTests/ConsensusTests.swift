import Events
import Foundation
import Testing
@testable import Projections

@Suite struct SeedSituationTests {
    let context = atmehScenario().context()

    @Test func atmehDeathTollIsThirteenWithRangeFromTheLowerReports() throws {
        // Given the Atmeh claims (13, at least 13, at least 9, 10, some)
        // When the consensus of killed/people is computed
        let c = try #require(context.consensus(FigureKey(incident: "atmeh", figure: "killed", group: "people")))
        // Then best is 13, low at most 10, high 13
        #expect(c.best == 13)
        #expect((c.low ?? 99) <= 10)
        #expect(c.high == 13)
        #expect(c.contradicting.map(\.claim) == ["c002-people-local"])
        #expect(c.grade == .fair)
    }

    @Test func csvRowHasTheDocumentedColumns() throws {
        let c = try #require(context.consensus(FigureKey(incident: "atmeh", figure: "killed", group: "people")))
        #expect(Consensus.csvHeader == ["incident", "figure", "group", "best", "low", "high", "grade", "originators", "claims"])
        #expect(c.csvFields == ["atmeh", "killed", "people", "13", "9", "13", "fair", "3", "5"])
    }

    @Test func atmehChildrenAreSixWithRangeCoveringTwoToSeven() throws {
        let c = try #require(context.consensus(FigureKey(incident: "atmeh", figure: "killed", group: "children")))
        #expect(c.best == 6)
        #expect((c.low ?? 99) <= 2 && (c.high ?? 0) >= 7)
        #expect(c.originators == 2)
    }

    @Test func usPersonnelZeroFromASinglePartyIsWeak() throws {
        // Given the DoD saying 0 US personnel killed in three reports, via its spokesperson in two
        let c = try #require(context.consensus(FigureKey(incident: "atmeh", figure: "killed", group: "us_personnel")))
        // Then one originator, best 0, graded weak (nobody else says so), and the party's statement is marked
        #expect(c.best == 0)
        #expect(c.originators == 1)
        #expect(c.grade == .weak)
        #expect(c.superseded.count == 2)
        #expect(c.supporting.first?.partyDenial == true)
    }

    @Test func kabrMilitantsFourteenVersusSeventeenIsContested() throws {
        let c = try #require(context.consensus(FigureKey(incident: "kabr", figure: "killed", group: "militants")))
        #expect(c.grade == .contested)
        #expect(c.best == 14 || c.best == 17)
        #expect(c.low == 14 && c.high == 17)
    }

    @Test func categoricalOutcomeIsAWeightedVote() throws {
        // Given success from the DoD (one originator, three reports) and failure from two originators
        let c = try #require(context.consensus(FigureKey(incident: "atmeh", figure: "outcome", group: nil)))
        // Then the vote lists both labels, one vote per originator, and the heavier wins
        #expect(c.kind == "categorical")
        #expect(c.votes.map(\.label) == ["failure", "success"])
        #expect(c.votes.map(\.originators) == [2, 1])
        #expect(c.label == "failure")
        // and the operator's "success" is kept, shown as contradicting, weighed by its (learned, low) reliability
        #expect(c.contradicting.map(\.originator) == ["us-dod"])
        #expect(c.grade == .fair)
    }

    @Test func theOperatorIsTheResponsibleParty() {
        // The DoD speaks about the operation's outcome (through its spokesperson): it carried it out.
        #expect(context.responsibleParties(of: "atmeh").contains("us-dod"))
        #expect(!context.responsibleParties(of: "atmeh").contains("sohr"))
    }
}

@Suite struct ConsensusRuleTests {
    func twoSources(_ build: (inout Scenario) -> Void) -> Scenario {
        var s = Scenario()
        s.incident("i")
        for id in ["a", "b", "c", "d"] { s.source(id) }
        s.report("r1", published: "2022-01-01T10:00:00Z")
        s.report("r2", published: "2022-01-02T10:00:00Z")
        s.report("r3", published: "2022-01-03T10:00:00Z")
        build(&s)
        return s
    }

    @Test func atLeastAgreesWithALargerExactFigure() throws {
        // Given "at least 9" and "13" from two sources
        let s = twoSources { s in
            s.claim("x", report: "r1", incident: "i", "killed", "people", 9, .atLeast, by: "a")
            s.claim("y", report: "r2", incident: "i", "killed", "people", 13, by: "b")
        }
        let c = try #require(s.consensus("i", "killed", "people"))
        // Then they agree: best 13, nothing contradicts, two originators
        #expect(c.best == 13)
        #expect(c.contradicting.isEmpty)
        #expect(c.originators == 2)
        #expect(c.grade == .fair)
    }

    @Test func moreThanThirtyIsThirtyOneUpwards() throws {
        let s = twoSources { s in
            s.claim("x", report: "r1", incident: "i", "killed", "people", 30, .moreThan, by: "a")
            s.claim("y", report: "r2", incident: "i", "killed", "people", 30, by: "b")
        }
        let c = try #require(s.consensus("i", "killed", "people"))
        let more = try #require((c.supporting + c.contradicting).first { $0.claim == "x" })
        #expect(more.low == 31 && more.high == nil)
        // "more than 30" and "30" cannot both hold
        #expect(c.contradicting.count == 1)
    }

    @Test func openBoundsAloneLeaveTheRangeOpenAbove() throws {
        // Given only "more than 5" and "at least 7"
        let open = twoSources { s in
            s.claim("x", report: "r1", incident: "i", "strikes", nil, 5, .moreThan, by: "a")
            s.claim("y", report: "r2", incident: "i", "strikes", nil, 7, .atLeast, by: "b")
        }
        let c = try #require(open.consensus("i", "strikes", nil))
        // Then the range starts at the lowest stated end and has no upper end: no claim gives one
        #expect(c.low == 6 && c.high == nil)
        // And an exact figure beside them closes it
        let closed = twoSources { s in
            s.claim("x", report: "r1", incident: "i", "strikes", nil, 5, .moreThan, by: "a")
            s.claim("y", report: "r2", incident: "i", "strikes", nil, 8, by: "b")
        }
        let d = try #require(closed.consensus("i", "strikes", nil))
        #expect(d.best == 8 && d.low == 6 && d.high == 8)
    }

    @Test func someIsOneUpwardsAndAgreesWithAnyPositiveFigure() throws {
        let s = twoSources { s in
            s.claim("x", report: "r1", incident: "i", "killed", "civilians", nil, .some, by: "a")
            s.claim("y", report: "r2", incident: "i", "killed", "civilians", 4, by: "b")
        }
        let c = try #require(s.consensus("i", "killed", "civilians"))
        #expect(c.best == 4)
        #expect(c.contradicting.isEmpty)
        #expect(c.low == 4 && c.high == 4)
        let some = try #require(c.supporting.first { $0.claim == "x" })
        #expect(some.low == 1 && some.high == nil)
    }

    @Test func onlySomeGivesNoBestButARange() throws {
        let s = twoSources { s in s.claim("x", report: "r1", incident: "i", "killed", "civilians", nil, .some, by: "a") }
        let c = try #require(s.consensus("i", "killed", "civilians"))
        #expect(c.best == nil)
        #expect(c.low == 1 && c.high == nil)
        #expect(c.bestDisplay == "some")
    }

    @Test func relaysOfOneOriginatorCountOnce() throws {
        // Given one originator relayed by three outlets, and a second originator saying otherwise
        let s = twoSources { s in
            s.claim("x1", report: "r1", incident: "i", "killed", "people", 20, by: "a", via: ["b"])
            s.claim("x2", report: "r2", incident: "i", "killed", "people", 20, by: "a", via: ["c"])
            s.claim("x3", report: "r3", incident: "i", "killed", "people", 20, by: "a", via: ["d"])
        }
        let c = try #require(s.consensus("i", "killed", "people"))
        // Then one independent originator: weak, however many outlets
        #expect(c.originators == 1)
        #expect(c.grade == .weak)
        #expect(c.claims == 3)
    }

    @Test func aReportKnownOnlyToAnEarlierDayDoesNotSupersedeALaterTimedOne() throws {
        // Given a says 9 in a report timed 2022-01-03T10:00Z, and 5 in one dated only 2022-01-01,
        // which the ledger recorded afterwards (so it comes later by recorded time)
        var s = twoSources { _ in }
        s.report("dayOnly", published: "2022-01-01")
        s.report("sameDay", published: "2022-01-03")
        s.claim("timed", report: "r3", incident: "i", "killed", "people", 9, by: "a")
        s.claim("dated", report: "dayOnly", incident: "i", "killed", "people", 5, by: "a")
        // Then the timed report is the later statement: the dates cannot overlap
        #expect(s.consensus("i", "killed", "people")?.best == 9)
        #expect(s.consensus("i", "killed", "people")?.superseded == ["dated"])
        // and a report dated to the same day counts from the start of that day, as --published-before counts it
        s.claim("sameDayClaim", report: "sameDay", incident: "i", "killed", "people", 7, by: "a")
        #expect(s.consensus("i", "killed", "people")?.best == 9)
        #expect(s.consensus("i", "killed", "people")?.superseded == ["dated", "sameDayClaim"])
    }

    @Test func whichStatementIsLatestDoesNotDependOnClaimIds() throws {
        // Given one originator in three reports: dated to the year, to a day, and to the minute (recorded in that order)
        for ids in [["c1", "c2", "c3"], ["c2", "c3", "c1"], ["c3", "c1", "c2"], ["c3", "c2", "c1"]] {
            var s = twoSources { _ in }
            s.report("year", published: "2026")
            s.report("day", published: "2026-11-01")
            s.report("minute", published: "2026-11-02T00:00Z")
            s.claim(ids[0], report: "year", incident: "i", "killed", "people", 10, by: "a")
            s.claim(ids[1], report: "day", incident: "i", "killed", "people", 20, by: "a")
            s.claim(ids[2], report: "minute", incident: "i", "killed", "people", 30, by: "a")
            // Then the minute-timed report is the latest, whatever the ids
            #expect(s.consensus("i", "killed", "people")?.best == 30, "\(ids)")
        }
    }

    @Test func latestStatementOfAnOriginatorSupersedesItsEarlierOnes() throws {
        // Given a says 5, then 8 in a later report, and b says 8
        let s = twoSources { s in
            s.claim("late", report: "r3", incident: "i", "killed", "people", 8, by: "a")
            s.claim("early", report: "r1", incident: "i", "killed", "people", 5, by: "a")
            s.claim("b8", report: "r2", incident: "i", "killed", "people", 8, by: "b")
        }
        let c = try #require(s.consensus("i", "killed", "people"))
        // Then a's 5 no longer counts: best 8, nothing contradicts, a's early claim is superseded
        #expect(c.best == 8)
        #expect(c.superseded == ["early"])
        #expect(c.contradicting.isEmpty)
        #expect(c.grade == .fair)
        // and the history still has both
        let h = try #require(s.context().history(FigureKey(incident: "i", figure: "killed", group: "people")))
        #expect(h.steps.flatMap(\.claims).map(\.claim) == ["early", "b8", "late"])
    }

    func partyScenario(forceSays: Double, forceReliability: Double, monitorReliability: Double) -> Scenario {
        var s = Scenario()
        s.incident("strike")
        s.source("force", .armedForce)
        s.source("monitor", .monitor)
        s.report("r1", published: "2023-07-10T10:00:00Z")
        s.add(SourceAssessed(sourceID: "force", reliability: forceReliability))
        s.add(SourceAssessed(sourceID: "monitor", reliability: monitorReliability))
        s.label("op", report: "r1", incident: "strike", "target", "isis leader", by: "force")
        s.claim("force-civ", report: "r1", incident: "strike", "killed", "civilians", forceSays, by: "force")
        s.claim("monitor-civ", report: "r1", incident: "strike", "killed", "civilians", 4, by: "monitor")
        return s
    }

    @Test func aPartysDenialIsKeptShownAndWeighedByItsReliability() throws {
        // Given the force that struck says no civilians were killed, a monitor says 4
        let trusted = try #require(partyScenario(forceSays: 0, forceReliability: 0.2, monitorReliability: 0.8).consensus("strike", "killed", "civilians"))
        // Then the denial is kept and marked, and with a weak force the monitor's figure wins
        #expect(trusted.best == 4)
        let denial = try #require(trusted.contradicting.first { $0.claim == "force-civ" })
        #expect(denial.partyDenial)
        // When the force were the more reliable source, its denial would carry the figure
        let reversed = try #require(partyScenario(forceSays: 0, forceReliability: 0.9, monitorReliability: 0.3).consensus("strike", "killed", "civilians"))
        #expect(reversed.best == 0)
        #expect(reversed.supporting.first?.partyDenial == true)
    }

    @Test func aPartysConcessionOfHarmConfirms() throws {
        // Given the force that struck concedes 4 civilians killed, as the monitor says
        let c = try #require(partyScenario(forceSays: 4, forceReliability: 0.5, monitorReliability: 0.8).consensus("strike", "killed", "civilians"))
        #expect(c.best == 4)
        #expect(c.grade == .confirmed)
        #expect(c.supporting.contains { $0.partyConcession })
    }

    @Test func aNonPartyCannotConfirm() throws {
        // Given two monitors agreeing, neither a party
        let s = twoSources { s in
            s.claim("x", report: "r1", incident: "i", "killed", "civilians", 4, by: "a")
            s.claim("y", report: "r2", incident: "i", "killed", "civilians", 4, by: "b")
        }
        #expect(try #require(s.consensus("i", "killed", "civilians")).grade == .fair)
    }

    @Test func explicitResponsiblePartyCanBeGiven() throws {
        let s = twoSources { s in
            s.claim("x", report: "r1", incident: "i", "killed", "civilians", 4, by: "a")
        }
        var options = ProjectionOptions()
        options.responsibleParties = ["i": ["a"]]
        #expect(try #require(s.consensus("i", "killed", "civilians", options)).grade == .confirmed)
    }

    @Test func groupsAboveTheirParentAreReported() {
        // Given 8 children killed but 5 civilians
        let s = twoSources { s in
            s.claim("x", report: "r1", incident: "i", "killed", "children", 8, by: "a")
            s.claim("y", report: "r2", incident: "i", "killed", "civilians", 5, by: "b")
            s.claim("z", report: "r2", incident: "i", "killed", "people", 9, by: "b")
        }
        let found = s.context().inconsistencies(incident: "i")
        #expect(found.count == 1)
        #expect(found.first?.group == "children" && found.first?.parentGroup == "civilians" && found.first?.severity == "hard")
    }

    @Test func discountedWhenOnlyUnreliableSourcesSupport() throws {
        var s = twoSources { s in s.claim("x", report: "r1", incident: "i", "killed", "people", 3, by: "a") }
        s.add(SourceAssessed(sourceID: "a", reliability: 0.1))
        #expect(try #require(s.consensus("i", "killed", "people")).grade == .discounted)
    }

    @Test func publishedBeforeLimitsTheClaims() throws {
        let s = twoSources { s in
            s.claim("x", report: "r1", incident: "i", "killed", "people", 3, by: "a")
            s.claim("y", report: "r3", incident: "i", "killed", "people", 7, by: "a")
        }
        var options = ProjectionOptions()
        options.publishedBefore = "2022-01-02"
        #expect(try #require(s.consensus("i", "killed", "people", options)).best == 3)
        #expect(try #require(s.consensus("i", "killed", "people")).best == 7)
    }
}

@Suite struct LifecycleTests {
    func base() -> Scenario {
        var s = Scenario()
        s.incident("i1")
        s.incident("i2")
        s.source("a")
        s.source("b")
        s.source("a-dup")
        s.report("r1", published: "2022-01-01T10:00:00Z")
        s.report("r2", published: "2022-01-02T10:00:00Z")
        s.claim("x", report: "r1", incident: "i1", "killed", "people", 5, by: "a")
        s.claim("y", report: "r2", incident: "i2", "killed", "people", 5, by: "b")
        s.claim("z", report: "r2", incident: "i1", "killed", "people", 9, by: "a-dup")
        return s
    }

    @Test func withdrawnClaimsDropOut() throws {
        var s = base()
        s.add(ClaimWithdrawn(claimID: "z", reason: "mis-extracted"))
        let c = try #require(s.consensus("i1", "killed", "people"))
        #expect(c.claims == 1 && c.best == 5)
    }

    @Test func movedClaimsFollow() throws {
        var s = base()
        s.add(ClaimMoved(claimID: "y", toIncident: "i1"))
        #expect(s.consensus("i2", "killed", "people") == nil)
        let c = try #require(s.consensus("i1", "killed", "people"))
        #expect(c.claims == 3)
    }

    @Test func mergedIncidentsCombine() throws {
        var s = base()
        s.add(IncidentsMerged(into: "i1", merged: "i2"))
        #expect(s.consensus("i2", "killed", "people") == nil)
        let c = try #require(s.consensus("i1", "killed", "people"))
        #expect(c.claims == 3)
        #expect(c.best == 5 && c.originators == 2)
    }

    @Test func mergedSourcesCombineIntoOneOriginator() throws {
        // Given a-dup is found to be a: its later 9 supersedes a's 5
        var s = base()
        s.add(SourcesMerged(into: "a", merged: "a-dup"))
        let c = try #require(s.consensus("i1", "killed", "people"))
        #expect(c.superseded == ["x"])
        #expect(c.best == 9 && c.originators == 1)
        #expect(s.state.sources["a"]?.aliases.contains("A Dup") == true)
    }
}
