import Foundation
import Testing
@testable import Projections

/// Close values of noisy figures speak for each other; copied figures stay exact (README, "Best").
@Suite struct ClosenessTests {
    /// Ratings of `items` objects by ten of 40 raters: the true score plus each rater's own noise
    /// (σ 5–30), four raters answering at random, integers clamped to the range.
    func ratings(range: ClosedRange<Int>, items: Int = 300, seed: UInt64) -> (claims: String, truth: String) {
        var g = SplitMix(state: seed)
        let raters = 40
        let noise = (0..<raters).map { _ in [5.0, 10, 15, 20, 30].randomElement(using: &g)! }
        var claims = "object,attribute,source,value\n"
        var truth = "object,attribute,value\n"
        for o in 0..<items {
            let gold = Int.random(in: range, using: &g)
            truth += "o\(o),score,\(gold)\n"
            var asked = Set<Int>()
            while asked.count < 10 { asked.insert(Int.random(in: 0..<raters, using: &g)) }
            for r in asked.sorted() {
                let z = g.normal()
                let said = r < 4 ? Double(Int.random(in: range, using: &g)) : Double(gold) + noise[r] * z
                claims += "o\(o),score,r\(r),\(min(range.upperBound, max(range.lowerBound, Int(said.rounded()))))\n"
            }
        }
        return (claims, truth)
    }

    @Test(arguments: [0...100, -100...100])
    func noisyRatingsAreJudgedByCloseness(range: ClosedRange<Int>) throws {
        // Given ratings that rarely repeat each other exactly (non-negative: log scale; signed: the values)
        let set = ratings(range: range, seed: range.lowerBound < 0 ? 21 : 22)
        // When evaluated
        let score = TruthSet.evaluate(claimsCSV: set.claims, truthCSV: set.truth)
        let vote = TruthSet.majorityVote(claimsCSV: set.claims, truthCSV: set.truth)
        let median = TruthSet.median(claimsCSV: set.claims, truthCSV: set.truth)
        let mae = try #require(score.mae), voteMAE = try #require(vote.mae), medianMAE = try #require(median.mae)
        print("ratings \(range): consensus MAE \(mae), majority vote \(voteMAE), median \(medianMAE)")
        // Then the consensus is near the robust centre, far from the exact vote's lucky coincidences
        #expect(mae < 0.7 * voteMAE)
        #expect(mae < 1.1 * medianMAE)
        // And the ratings are compared on their values: their noise does not grow with the score
        let context = ProjectionContext(state: ClaimsState.fold(TruthSet.events(claimsCSV: set.claims)))
        let comparison = try #require(context.closeness[range.lowerBound < 0 ? "signed score" : "score"])
        #expect(!comparison.logScale)
    }

    @Test func noiseThatGrowsWithTheFigureIsComparedOnTheLogScale() throws {
        // Given tolls from 5 to 50,000, each reported with a relative error (σ 5–40 %)
        var g = SplitMix(state: 9)
        var claims = "object,attribute,source,value\n"
        for o in 0..<200 {
            let gold = exp(Double.random(in: log(5)...log(50_000), using: &g))
            for s in 0..<6 {
                claims += "o\(o),toll,s\(s),\(Int((gold * exp([0.05, 0.1, 0.2, 0.4][s % 4] * g.normal())).rounded()))\n"
            }
        }
        // Then the learned comparison is on the log scale
        let context = ProjectionContext(state: ClaimsState.fold(TruthSet.events(claimsCSV: claims)))
        let comparison = try #require(context.closeness["toll"])
        #expect(comparison.logScale)
    }

    @Test func copiedFiguresStayExact() {
        // Given figures that most sources repeat exactly, and one close outlier per item
        var s = Scenario()
        s.report("r", published: nil)
        for i in 0..<6 { s.tolls("i\(i)", [1000, 1000, 1000, 1001]) }
        // Then no width is learned, so comparison stays exact
        let context = s.context()
        #expect(context.closeness.isEmpty)
        #expect(context.consensus(FigureKey(incident: "i0", figure: "killed", group: "people"))?.best == 1000)
    }

    @Test func whereSomeCopyAndOthersMeasureAnExactFigureOutweighsItsNeighbours() throws {
        // Given figures that three of six sources copy exactly and three report 1–4 % off
        var s = Scenario()
        s.report("r", published: nil)
        var g = SplitMix(state: 3)
        for i in 0..<30 {
            let gold = Double(Int.random(in: 100...10_000, using: &g))
            s.tolls("m\(i)", (0..<6).map { k in
                k < 3 ? gold : (gold * (1 + (Bool.random(using: &g) ? 1 : -1) * Double.random(in: 0.01...0.04, using: &g))).rounded()
            })
        }
        // and one incident where two sources say 1000 and three say 1040, 1060 and 1080
        s.tolls("x", [1000, 1000, 1040, 1060, 1080])
        let whole = s.context()
        let key = FigureKey(incident: "x", figure: "killed", group: "people")
        // Then a width and a copy share are learned, and the copied figure is best
        let comparison = try #require(whole.closeness["killed"])
        #expect(comparison.copyShare > 0.3)
        #expect(whole.consensus(key)?.best == 1000)
        // While without the copy share the middle of the neighbours would win
        var model = whole.weights
        model.closeness?["killed"]?.copyShare = 0
        #expect(ProjectionContext(state: s.state, weights: model).consensus(key)?.best != 1000)
    }

    @Test func aStaleClusterWithItsCopiesDoesNotOutweighTheExactFigure() throws {
        // Given figures that four sources state exactly, while five stale sources each state their own
        // value 0.2–1 % below it and three mirrors copy two of the stale ones: the median of the others
        // lies inside the stale cluster, so few claims sit exactly on it
        var s = Scenario()
        s.report("r", published: nil)
        var g = SplitMix(state: 41)
        var golds: [String: Double] = [:]
        for i in 0..<30 {
            let gold = Double(Int.random(in: 1_000...100_000, using: &g))
            let stale = (0..<5).map { _ in (gold * (1 - Double.random(in: 0.002...0.01, using: &g))).rounded() }
            golds["i\(i)"] = gold
            s.tolls("i\(i)", [gold, gold, gold, gold] + stale + [stale[0], stale[0], stale[1]])
        }
        // When the consensus is computed
        let context = s.context()
        let comparison = try #require(context.closeness["killed"])
        // Then the copy share counts the claims another one repeats (the 4 exact and 5 of the stale
        // or copied: 9 of 12)
        #expect(comparison.copyShare > 0.5)
        // And the exact figure is best everywhere, where the middle of the stale cluster won before
        let right = golds.filter { context.consensus(FigureKey(incident: $0.key, figure: "killed", group: "people"))?.best == $0.value }
        #expect(right.count == golds.count)
    }

    @Test func copiesOfSmallWholeNumbersAmongNeighboursOneStepAway() throws {
        // Given whole numbers that three sources copy while five measure with a noise of two units, so
        // that many measured values sit one step from the copied one
        var s = Scenario()
        s.report("r", published: nil)
        var g = SplitMix(state: 43)
        for i in 0..<40 {
            let gold = Double(Int.random(in: 200...2_000, using: &g))
            s.tolls("i\(i)", [gold, gold, gold] + (0..<5).map { _ in (gold + 2 * g.normal()).rounded() })
        }
        // Then the neighbours do not explain the copies away
        let comparison = try #require(s.context().closeness["killed"])
        #expect(comparison.copyShare > 0.2)
    }

    @Test func coarseRatingsAreNotReadAsCopies() throws {
        // Given integer ratings from raters with their own noise: many claims equal another by chance
        let set = ratings(range: 0...100, seed: 22)
        let items = Dictionary(grouping: set.claims.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }) { $0[0] }
        let values = items.values.map { rows in rows.map { Double($0[3])! }.sorted() }
        let repeated = values.reduce(0) { n, xs in n + xs.indices.filter { i in xs.indices.contains { $0 != i && xs[$0] == xs[i] } }.count }
        #expect(Double(repeated) / Double(values.joined().count) > 0.15)
        // When the comparison is learned
        let context = ProjectionContext(state: ClaimsState.fold(TruthSet.events(claimsCSV: set.claims)))
        let comparison = try #require(context.closeness["score"])
        // Then chance, measured by partners one step away, takes them back out of the copy share
        #expect(comparison.copyShare < 0.05)
    }

    @Test func aCloseClusterOutweighsAnExactPairAndTheWidthIsStoredWithTheWeights() throws {
        // Given noisy estimates in many incidents, and one incident where two sources say 90 and four say 48–52
        var s = Scenario()
        s.report("r", published: nil)
        var g = SplitMix(state: 5)
        for i in 0..<8 { s.tolls("n\(i)", (0..<5).map { _ in Double(40 + Int.random(in: -6...6, using: &g)) }) }
        s.tolls("x", [48, 50, 51, 52, 90, 90])
        // When the consensus is computed
        let whole = s.context()
        let key = FigureKey(incident: "x", figure: "killed", group: "people")
        let c = try #require(whole.consensus(key))
        // Then a width is learned and best comes from the cluster, not from the exact pair
        #expect((whole.closeness["killed"]?.width ?? 0) > 0)
        #expect((48...52).contains(c.best ?? 0))
        // And a context given only the stored weights (as the store's one-incident consensus is) agrees
        let stored = try JSONDecoder().decode(ReliabilityModel.self, from: JSONEncoder().encode(whole.weights))
        #expect(stored.closeness == whole.closeness)
        #expect(ProjectionContext(state: s.state, weights: stored).consensus(key) == c)
    }
}

extension Scenario {
    /// Opens `incident`, in which sources s0, s1, … each state one killed/people toll, in order
    /// (claims `<incident>-<k>` in report "r").
    mutating func tolls(_ incident: String, _ values: [Double]) {
        self.incident(incident)
        for (k, v) in values.enumerated() { claim("\(incident)-\(k)", report: "r", incident: incident, "killed", "people", v, by: "s\(k)") }
    }
}
