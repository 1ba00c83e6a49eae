import Events
import Foundation
import Testing
@testable import Projections

@Suite struct ReliabilityTests {
    /// Sources a, b, c, d report on `n` incidents: a and b always give the figure, c always a
    /// different one (higher by half), d only reports incidents nobody else reports.
    func panel(_ n: Int = 6, extra: (inout Scenario) -> Void = { _ in }) -> Scenario {
        var s = Scenario()
        for id in ["a", "b", "c", "d"] { s.source(id) }
        s.report("r", published: "2022-01-01T10:00:00Z")
        for i in 0..<n {
            let truth = Double(10 + i)
            s.incident("i\(i)")
            s.claim("a\(i)", report: "r", incident: "i\(i)", "killed", "people", truth, by: "a")
            s.claim("b\(i)", report: "r", incident: "i\(i)", "killed", "people", truth, by: "b")
            s.claim("c\(i)", report: "r", incident: "i\(i)", "killed", "people", truth * 1.5, by: "c")
            s.incident("solo\(i)")
            s.claim("d\(i)", report: "r", incident: "solo\(i)", "killed", "people", truth, by: "d")
        }
        extra(&s)
        return s
    }

    @Test func agreeingSourcesScoreAboveADissentingOne() throws {
        // Given a and b agree across incidents and c always differs
        let r = panel().context().reliability
        // Then a and b score high, c low, all within [0, 1], and the counts say how many claims stand behind each
        let a = try #require(r["a"]), c = try #require(r["c"])
        #expect(a.score > 0.5 && c.score < 0.35 && a.score - c.score > 0.2)
        #expect(a.score <= 1 && c.score >= 0)
        #expect(a.scoredClaims == 6 && c.scoredClaims == 6)
        #expect(a.uncertainty > 0 && a.uncertainty < 0.2)
    }

    @Test func aSourceCannotConfirmItself() throws {
        // Given d only ever reports what nobody else reports
        let d = try #require(panel().context().reliability["d"])
        // Then none of its claims is scored and its score is its prior
        #expect(d.scoredClaims == 0)
        #expect(d.score == d.prior)
        #expect(d.evidence.isEmpty)
    }

    @Test func biasIsSignedOnALogScale() throws {
        let r = panel().context().reliability
        // c reports 1.5 times the figure: positive bias near log(1.5) (shrunk); a has none
        let c = try #require(r["c"]?.bias)
        #expect(c > 0.2 && c < log(1.5) + 0.01)
        #expect(r["a"]?.bias == 0)
    }

    /// Four monitors report 40 incidents, each figure scattered by a few percent as news reports
    /// are: `a` and `b` accurate, `high` accurate but always reporting 1.5 times the figure, and
    /// `noisy` unbiased but often far off (−40 % or +60 %, in turn).
    func calibrationPanel() -> Scenario {
        var s = Scenario()
        for id in ["a", "b", "high", "noisy"] { s.source(id) }
        s.report("r", published: "2022-01-01T10:00:00Z")
        var g = SplitMix(state: 5)
        func scatter() -> Double { exp(Double.random(in: -0.02...0.02, using: &g)) }
        for i in 0..<40 {
            let truth = Double(100 + 10 * i)
            s.incident("i\(i)")
            s.claim("a\(i)", report: "r", incident: "i\(i)", "killed", "people", (truth * scatter()).rounded(), by: "a")
            s.claim("b\(i)", report: "r", incident: "i\(i)", "killed", "people", (truth * scatter()).rounded(), by: "b")
            s.claim("h\(i)", report: "r", incident: "i\(i)", "killed", "people", (1.5 * truth * scatter()).rounded(), by: "high")
            let off = i % 3 == 0 ? 1.0 : i % 3 == 1 ? 0.6 : 1.6
            s.claim("n\(i)", report: "r", incident: "i\(i)", "killed", "people", (off * truth * scatter()).rounded(), by: "noisy")
        }
        return s
    }

    @Test func biasIsNotUnreliability() throws {
        // Given a source that is accurate once its constant over-reporting is removed, and one that is unbiased but erratic
        let r = calibrationPanel().context().reliability
        let a = try #require(r["a"]), high = try #require(r["high"]), noisy = try #require(r["noisy"])
        // Then the bias is learned on the log scale (near log 1.5), and the biased source's score is
        // that of an accurate one, well above the erratic one's
        #expect(abs((high.bias ?? 0) - log(1.5)) < 0.05)
        #expect(abs(a.bias ?? 1) < 0.02 && abs(noisy.bias ?? 1) < 0.1)
        #expect(high.score > 0.5 && high.score > noisy.score + 0.15)
        #expect(abs(high.score - a.score) < 0.1)
        // and every score keeps its uncertainty
        #expect(high.scoredClaims == 40 && high.uncertainty > 0 && high.uncertainty < 0.1)
    }

    @Test func aSourceCannotExcuseAnErrorWithItsOwnBias() throws {
        // Given e says 1.5 times the figure once, and never speaks otherwise
        var s = calibrationPanel()
        s.source("e")
        s.incident("once")
        s.claim("a-once", report: "r", incident: "once", "killed", "people", 200, by: "a")
        s.claim("b-once", report: "r", incident: "once", "killed", "people", 200, by: "b")
        s.claim("e-once", report: "r", incident: "once", "killed", "people", 300, by: "e")
        let e = try #require(s.context().reliability["e"])
        // Then its bias is reported, but the claim is scored without it (leave one out): it disagrees
        #expect((e.bias ?? 0) > 0.1)
        #expect(e.scoredClaims == 1 && e.score < e.prior)
        // (the posterior mass it gets with a and b against it, where their agreeing claims get about 1)
        #expect(e.evidence.first.map { $0.agreement < 0.3 } == true)
    }

    @Test func exactlyCopiedFiguresKeepExactAgreement() throws {
        // Given figures that agree exactly or not at all (the first panel: a and b exact, c 1.5 times on 6 incidents)
        let r = panel().context().reliability
        // Then a near miss is no agreement: d's lone figures are unscored and c, with too few claims for its
        // bias to be trusted, still disagrees
        #expect(try #require(r["c"]).evidence.allSatisfy { $0.agreement < 0.3 })
        #expect(try #require(r["a"]).evidence.allSatisfy { $0.agreement > 0.5 })
    }

    @Test func theToleranceIsLearnedFromTheData() {
        var g = SplitMix(state: 9)
        func normal() -> Double { g.normal() }
        // Figures copied exactly or wrong: agreement stays exact
        let copied = (0..<300).map { $0 % 5 < 3 ? 0 : abs(0.3 * normal()) }
        #expect(Learner.Bias.mixtureBoundary(copied) < 0.001)
        // Figures accurate to a few percent (σ 0.03) or far off (σ 0.5): the boundary lies between
        let scattered = (0..<1000).map { abs(($0 % 3 == 0 ? 0.5 : 0.03) * normal()) }
        let t = Learner.Bias.mixtureBoundary(scattered)
        #expect(t > 0.05 && t < 0.2)
        // Sources whose mean residuals differ no more than chance get their bias shrunk away
        // (k, the shrinkage in claims, is large); sources that really differ keep theirs (k at its floor of 1)
        let chance = (0..<20).map { _ in (0..<5).map { _ in 0.2 * normal() } }
        #expect(Learner.Bias.randomEffectsRatio(chance) > 5)  // (infinite when the spread is all chance)
        let real = (0..<20).map { s in (0..<5).map { _ in Double(s - 10) * 0.05 + 0.02 * normal() } }
        #expect(Learner.Bias.randomEffectsRatio(real) == 1)
    }

    @Test func adjudicatedFiguresAnchorTheScore() throws {
        // Given the adjudicated figures side with c on every incident
        let s = panel { s in
            for i in 0..<6 {
                s.add(FigureAdjudicated(incidentID: "i\(i)", figure: "killed", group: "people", value: .number(Double(10 + i) * 1.5), authority: "inquiry"))
            }
        }
        let r = s.context().reliability
        // Then c is the reliable one, and its evidence says so
        let c = try #require(r["c"]), a = try #require(r["a"])
        #expect(c.score > a.score)
        #expect(r["c"]?.evidence.first?.anchored == true)
    }

    @Test func analystPriorsAreUsed() throws {
        var s = panel()
        s.add(SourceAssessed(sourceID: "d", reliability: 0.95))
        let d = try #require(s.context().reliability["d"])
        #expect(d.prior == 0.95 && d.priorBasis == "assessed" && d.score == 0.95)
    }

    @Test func explanationListsTheClaimsThatMovedTheScoreMost() throws {
        // Given c agrees once (incident i0 is changed so that c's figure is the one a and b give)
        var s = panel()
        s.incident("agree")
        s.claim("a-agree", report: "r", incident: "agree", "killed", "people", 40, by: "a")
        s.claim("c-agree", report: "r", incident: "agree", "killed", "people", 40, by: "c")
        let c = try #require(s.context().reliability["c"])
        // Then its evidence leads with the claims that moved it, each with a signed effect
        #expect(!c.evidence.isEmpty && c.evidence.count <= 5)
        #expect(c.evidence.allSatisfy { abs($0.effect) > 0 })
        let effects = c.evidence.map { abs($0.effect) }
        #expect(effects == effects.sorted(by: >))
    }

    @Test func consensusUsesTheLearnedWeights() throws {
        // Given an incident where c (unreliable) and a new source e disagree with b alone
        var s = panel()
        s.source("e")
        s.incident("split")
        s.claim("b-split", report: "r", incident: "split", "killed", "people", 7, by: "b")
        s.claim("c-split", report: "r", incident: "split", "killed", "people", 12, by: "c")
        let c = try #require(s.context().consensus(FigureKey(incident: "split", figure: "killed", group: "people")))
        // Then b, who has been right before, carries the figure
        #expect(c.best == 7)
        #expect(c.supporting.first!.weight > c.contradicting.first!.weight)
    }

    @Test func relaysAreScoredForFidelity() throws {
        // Given the originator o says 10 itself; relay good passes on 10, relay bad passes on 12
        var s = Scenario()
        for id in ["o", "good", "bad"] { s.source(id, .outlet) }
        s.incident("i")
        s.report("r1", published: "2022-01-01T10:00:00Z")
        s.report("r2", published: "2022-01-01T11:00:00Z")
        s.report("r3", published: "2022-01-01T12:00:00Z")
        s.claim("own", report: "r1", incident: "i", "killed", "people", 10, by: "o")
        s.claim("g", report: "r2", incident: "i", "killed", "people", 10, by: "o", via: ["good"])
        s.claim("b", report: "r3", incident: "i", "killed", "people", 12, by: "o", via: ["bad"])
        let r = s.context().reliability
        let good = try #require(r["good"]?.fidelity), bad = try #require(r["bad"]?.fidelity)
        #expect(good > bad)
        #expect(r["good"]?.relayed == 1)
    }
}

/// Dawid–Skene's class prior: how often each label of a figure is the truth, learned from the
/// figure's other incidents.
@Suite struct LabelPriorTests {
    /// 20 incidents on which sources a, b and c all say `usual`, and one on which a says
    /// "success" and b "failure" (a and b otherwise alike).
    func split(usual: String) -> Scenario {
        var s = Scenario()
        for id in ["a", "b", "c"] { s.source(id) }
        s.report("r", published: "2022-02-03T09:08:00Z")
        for i in 0..<20 {
            s.incident("i\(i)")
            for id in ["a", "b", "c"] { s.label("\(id)\(i)", report: "r", incident: "i\(i)", "outcome", usual, by: id) }
        }
        s.incident("split")
        s.label("a-split", report: "r", incident: "split", "outcome", "success", by: "a")
        s.label("b-split", report: "r", incident: "split", "outcome", "failure", by: "b")
        return s
    }

    @Test(arguments: ["success", "failure"])
    func aCloseCallGoesToTheLabelTheFigureUsuallyHas(usual: String) throws {
        // Given two alike sources splitting on an outcome that is `usual` everywhere else
        let ledger = split(usual: usual)
        let c = try #require(ledger.consensus("split", "outcome", nil))
        // Then the label prior learned from the other incidents decides for the usual label
        // (the build before it gave the split to the other label, 0.514 either way round)
        #expect(c.label == usual)
        let vote = try #require(c.votes.first { $0.label == usual })
        #expect(vote.probability > 0.5)
        // and the vote shows that prior: the other 20 incidents' posteriors for it, (Σ + 1) / (20 + 2)
        let weights = ledger.context().weights
        let totals = try #require(weights.labelTotals?["outcome"])
        let own = try #require(weights.labelPosteriors?[LabelTotals.itemKey(FigureKey(incident: "split", figure: "outcome", group: nil))])
        let j = usual == "failure" ? 0 : 1
        let prior = try #require(vote.prior)
        #expect(abs(prior - (totals.posterior[j] - own[j] + 1) / 22) < 1e-12)
        #expect(prior > 0.5)
    }

    @Test func aFigureOnlyOneIncidentHasTakesNoPriorFromItself() throws {
        // Given the only incident with a target figure: two sources say "convoy", one "house"
        var s = Scenario()
        for id in ["a", "b", "c", "d"] { s.source(id) }
        s.report("r", published: "2022-02-03T09:08:00Z")
        s.incident("strike")
        s.label("a1", report: "r", incident: "strike", "target", "convoy", by: "a")
        s.label("b1", report: "r", incident: "strike", "target", "convoy", by: "b")
        s.label("c1", report: "r", incident: "strike", "target", "house", by: "c")
        let key = FigureKey(incident: "strike", figure: "target", group: nil)
        let learned = s.context().weights
        #expect(learned.labelTotals?["target"]?.items == 1)
        func probabilities(_ state: ClaimsState, _ weights: ReliabilityModel) throws -> [Double] {
            try #require(ProjectionContext(state: state, weights: weights).consensus(key)).votes.map(\.probability)
        }
        var flat = learned
        flat.labelTotals = nil
        // Then its probabilities are those without any label totals: the posterior it put into them
        // is taken out, so its claims do not count a second time as a prior
        let p = try probabilities(s.state, learned), q = try probabilities(s.state, flat)
        print("target: with totals \(p), without \(q)")
        #expect(p.count == 2 && zip(p, q).allSatisfy { abs($0 - $1) < 1e-9 })
        // and so they stay when its claims change after the weights were learned (b now says house)
        s.report("r2", published: "2022-02-04T09:08:00Z")
        s.label("b2", report: "r2", incident: "strike", "target", "house", by: "b")
        s.label("d2", report: "r2", incident: "strike", "target", "house", by: "d")
        let later = try probabilities(s.state, learned), laterFlat = try probabilities(s.state, flat)
        print("target after: with totals \(later), without \(laterFlat)")
        #expect(later.count == 2 && zip(later, laterFlat).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    @Test func aSourceTheStoredWeightsDoNotKnowHasNoMatrixOfAnother() throws {
        // Given weights learned where a always contradicts b, c and d, over outcomes of both kinds
        var s = Scenario()
        for id in ["a", "b", "c", "d"] { s.source(id) }
        s.report("r", published: "2022-02-03T09:08:00Z")
        for i in 0..<20 {
            let truth = i % 2 == 0 ? "success" : "failure", opposite = i % 2 == 0 ? "failure" : "success"
            s.incident("i\(i)")
            for id in ["b", "c", "d"] { s.label("\(id)\(i)", report: "r", incident: "i\(i)", "outcome", truth, by: id) }
            s.label("a\(i)", report: "r", incident: "i\(i)", "outcome", opposite, by: "a")
        }
        let weights = s.context().weights
        #expect(weights.sources.first == "a")
        // When a new source z, unknown to those weights, alone says success on a new incident
        s.source("z")
        s.incident("new")
        s.label("z1", report: "r", incident: "new", "outcome", "success", by: "z")
        let c = try #require(ProjectionContext(state: s.state, weights: weights).consensus(FigureKey(incident: "new", figure: "outcome", group: nil)))
        // Then z is read with its own (prior) reliability, not with a's contrary matrix (source
        // index 0, which it borrowed before: success 0.07)
        #expect(c.label == "success")
        #expect((c.votes.first { $0.label == "success" }?.probability ?? 0) > 0.5)
    }

    @Test func labelTotalsAreStoredWithTheWeights() throws {
        // Given the split ledger, its weights through JSON (as the store keeps them)
        let s = split(usual: "success")
        let weights = s.context().weights
        let stored = try JSONDecoder().decode(ReliabilityModel.self, from: JSONEncoder().encode(weights))
        // Then the label totals survive, and one incident's consensus from them equals the whole ledger's
        let totals = try #require(stored.labelTotals?["outcome"])
        #expect(totals.items == 21)
        let key = FigureKey(incident: "split", figure: "outcome", group: nil)
        #expect(ProjectionContext(state: s.state, weights: stored).consensus(key) == s.context().consensus(key))
    }
}

@Suite struct HistoryAndAuditTests {
    @Test func historyListsClaimsInPublishedOrderWithConsensusAfterEachReport() throws {
        // Given the Atmeh reports: 001 at 06:17Z, 000 at 09:08Z, 002 only known to the day
        let context = atmehScenario().context()
        let h = try #require(context.history(FigureKey(incident: "atmeh", figure: "killed", group: "people")))
        // Then steps follow publication time, the coarse report comes last, placed by recorded time and marked
        #expect(h.steps.map(\.report) == [atmehScenario().reportIDs["001"]!, atmehScenario().reportIDs["000"]!, atmehScenario().reportIDs["002"]!])
        #expect(h.steps.map(\.placement) == [.published, .published, .recorded])
        #expect(h.steps.last?.precision == "day")
        // and the consensus after each report: at least 13, then 13, then still 13 with the range widened
        #expect(h.steps.map(\.best) == [13, 13, 13])
        #expect(h.steps.map(\.low) == [13, 13, 9])
        #expect(h.steps.flatMap(\.claims).count == 5)
    }

    @Test func auditTracesEveryClaim() throws {
        // Given a report whose text holds the quote
        var s = Scenario()
        s.source("scd", .ngo)
        s.source("reuters", .newsAgency)
        s.source("outlet", .outlet)
        s.incident("i")
        let text = "Header.\nمقتل 13 على الأقل, the Syrian Civil Defense told Reuters."
        s.report("r", published: "2022-02-03T06:17:00Z", outlet: "outlet", text: text)
        let quoteText = "مقتل 13 على الأقل"
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: text.range(of: quoteText)!.lowerBound.samePosition(in: text.unicodeScalars)!)
        let quote = Quote(text: quoteText, start: start, end: start + quoteText.unicodeScalars.count)
        s.claim("c", report: "r", incident: "i", "killed", "people", 13, .atLeast, by: "scd", via: ["reuters", "outlet"], quote: quote)
        // When the figure is audited
        let audit = try #require(s.context().audit(FigureKey(incident: "i", figure: "killed", group: "people")))
        let e = try #require(audit.entries.first)
        // Then the entry carries weight, chain, report, quote, extractor, position and hash
        #expect(e.role == "supporting" && e.weight > 0)
        #expect(e.originatorName == "Scd" && e.viaNames == ["Reuters", "Outlet"])
        #expect(e.outlet == "outlet" && e.url == "https://example.org/r" && e.published == "2022-02-03T06:17:00Z")
        #expect(e.extractor == "analyst@1")
        #expect(e.position == Int64(s.events.count) && e.hash == String(format: "%064x", s.events.count))
        // and the quote checks against the text by its span; a shifted span is a mismatch
        #expect(Audit.check(e.quotes[0], in: text) == .matches)
        var shifted = e.quotes[0]
        shifted.start += 1; shifted.end += 1
        #expect(!Audit.check(shifted, in: text).isMatch)
        shifted.start = 1000; shifted.end = 1005
        #expect(Audit.check(shifted, in: text) == .outOfRange(textLength: text.unicodeScalars.count))
    }
}
