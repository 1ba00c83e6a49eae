import Foundation
import Testing
@testable import Projections

@Suite struct LabelHierarchyTests {
    static let places = """
        id,name,parent_id
        us,United States,
        ca,California,us
        la,Los Angeles,ca
        sf,San Francisco,ca
        il,Illinois,us
        sp1,Springfield,il
        mo,Missouri,us
        sp2,Springfield,mo
        """

    @Test func labelsContainWhatIsBeneathThem() throws {
        let h = try LabelHierarchy(csv: Self.places)
        // By name or by id, a label contains itself and its descendants, never its ancestors or siblings
        #expect(h.contains("California", "Los Angeles") && h.contains("us", "sf") && h.contains("ca", "ca"))
        #expect(!h.contains("Los Angeles", "California") && !h.contains("Los Angeles", "San Francisco"))
        #expect(h.distance("Los Angeles", "San Francisco") == 2 && h.distance("la", "United States") == 2 && h.distance("la", "Los Angeles") == 0)
        // A name two nodes share names neither: it only contains itself; its ids still work
        #expect(!h.contains("Illinois", "Springfield") && h.contains("Illinois", "sp1") && h.contains("Springfield", "Springfield"))
        #expect(h.distance("Springfield", "Illinois") == nil)
        // Case and spacing do not matter when nothing matches exactly
        #expect(h.contains("california", "los  angeles") && h.distance("SAN FRANCISCO", "sf") == 0)
        // Labels outside the tree are plain text
        #expect(h.contains("Atlantis", "Atlantis") && !h.contains("United States", "Atlantis"))
    }

    @Test(arguments: [
        ("id,name\n", 1, "header"),
        ("id,name,parent_id\na,A,\na,B,\n", 3, "appears twice"),
        ("id,name,parent_id\na,A,\nb,B,c\n", 3, "parent_id c is not the id of any row"),
        ("id,name,parent_id\na,A,b\nb,B,a\n", 2, "cycle"),
        ("id,name,parent_id\na,A\n", 2, "expected 3 fields"),
        ("id,name,parent_id\n,A,\n", 2, "the id is empty"),
    ])
    func badTablesNameTheLine(text: String, line: Int, message: String) {
        #expect {
            _ = try LabelHierarchy(csv: text)
        } throws: { error in
            guard let e = error as? LabelHierarchy.TableError else { return false }
            return e.line == line && e.message.contains(message)
        }
    }
}

@Suite struct HierarchicalConsensusTests {
    func context(_ rows: String, hierarchy: LabelHierarchy) -> ProjectionContext {
        let state = ClaimsState.fold(TruthSet.events(claimsCSV: "object,attribute,source,value\n" + rows))
        return ProjectionContext(state: state, options: TruthSet.options(kind: "hierarchical", hierarchy: hierarchy, state: state))
    }

    @Test func aLessSpecificLabelSupportsTheLabelsBeneathIt() throws {
        let h = try LabelHierarchy(csv: LabelHierarchyTests.places)
        // Given three sources naming the state, one the city, one a city elsewhere
        let rows = "p,birthplace,a,California\np,birthplace,b,California\np,birthplace,c,California\np,birthplace,d,Los Angeles\np,birthplace,e,Illinois\n"
        let key = FigureKey(incident: "p", figure: "birthplace", group: nil)
        // When the labels nest
        let nested = try #require(context(rows, hierarchy: h).consensus(key))
        // Then the city is best, the state's claims support it, and only the other branch contradicts
        #expect(nested.label == "Los Angeles")
        #expect(nested.supporting.map(\.originator).sorted() == ["a", "b", "c", "d"])
        #expect(nested.contradicting.map(\.originator) == ["e"])
        // Without the hierarchy the same claims are four different answers, and the state wins
        let flat = try #require(context(rows, hierarchy: LabelHierarchy()).consensus(key))
        #expect(flat.label == "California" && flat.contradicting.count == 2)
    }

    @Test func labelsNamingOneNodeAreOneCandidate() throws {
        let h = try LabelHierarchy(csv: LabelHierarchyTests.places)
        // Given one city written three ways (name, other case, id) and a sibling
        let rows = "p,birthplace,a,Los Angeles\np,birthplace,b,los angeles\np,birthplace,c,la\np,birthplace,d,San Francisco\n"
        let c = try #require(context(rows, hierarchy: h).consensus(FigureKey(incident: "p", figure: "birthplace", group: nil)))
        // Then they are one vote with three originators, not three votes
        #expect(c.label == "Los Angeles")
        #expect(c.votes.map(\.label) == ["Los Angeles", "San Francisco"])
        #expect(c.votes.first?.originators == 3)
        #expect(abs(c.votes.map(\.probability).reduce(0, +) - 1) < 1e-9)
    }

    @Test func siblingsContradictEachOther() throws {
        let h = try LabelHierarchy(csv: LabelHierarchyTests.places)
        // Given two sources for each of two cities in one state, and one for the state
        let rows = "p,birthplace,a,Los Angeles\np,birthplace,b,Los Angeles\np,birthplace,c,San Francisco\np,birthplace,d,San Francisco\np,birthplace,e,sf\np,birthplace,f,ca\n"
        let c = try #require(context(rows, hierarchy: h).consensus(FigureKey(incident: "p", figure: "birthplace", group: nil)))
        // Then the city with more support wins (an id and a name of one node are one answer), the state supports it,
        // and the other city contradicts it
        #expect(c.label == "San Francisco" || c.label == "sf")
        #expect(Set(c.supporting.map(\.originator)) == ["c", "d", "e", "f"])
        #expect(Set(c.contradicting.map(\.originator)) == ["a", "b"])
    }

    /// Places 3 levels deep; sources right with their own accuracy, and when right they often
    /// answer less specifically; wrong answers are mostly a neighbouring city.
    func syntheticPlaces(seed: UInt64) -> (claims: String, truth: String, hierarchy: LabelHierarchy) {
        var g = SplitMix(state: seed)
        var table = "id,name,parent_id\n"
        var parent: [String: String] = [:]
        var cities: [String] = []
        for c in 0..<6 {
            table += "c\(c),Country \(c),\n"
            for r in 0..<5 {
                table += "c\(c)r\(r),Region \(c).\(r),c\(c)\n"
                parent["c\(c)r\(r)"] = "c\(c)"
                for t in 0..<6 {
                    let city = "c\(c)r\(r)t\(t)"
                    table += "\(city),City \(c).\(r).\(t),c\(c)r\(r)\n"
                    parent[city] = "c\(c)r\(r)"
                    cities.append(city)
                }
            }
        }
        let sources = (0..<50).map { _ in (accuracy: Double.random(in: 0.45...0.95, using: &g), specific: [0.9, 0.6, 0.3].randomElement(using: &g)!) }
        var claims = "object,attribute,source,value\n"
        var truth = "object,attribute,value\n"
        for o in 0..<500 {
            let gold = cities.randomElement(using: &g)!
            truth += "o\(o),birthplace,\(gold)\n"
            var used = Set<Int>()
            let n = Int.random(in: 2...7, using: &g)
            while used.count < n {
                let s = Int.random(in: 0..<sources.count, using: &g)
                guard used.insert(s).inserted else { continue }
                var value: String
                if Double.random(in: 0..<1, using: &g) < sources[s].accuracy {
                    value = gold
                } else if Double.random(in: 0..<1, using: &g) < 0.6 {
                    value = cities.filter { parent[$0] == parent[gold] && $0 != gold }.randomElement(using: &g)!
                } else {
                    value = cities.randomElement(using: &g)!
                }
                if Double.random(in: 0..<1, using: &g) > sources[s].specific { value = parent[value]! }
                claims += "o\(o),birthplace,s\(s),\(value)\n"
            }
        }
        return (claims, truth, try! LabelHierarchy(csv: table))
    }

    @Test func codesWithLeadingZerosAreKeptAsWritten() throws {
        // Given FIPS-style ids: a state and its counties, and sources naming a county or the state
        let hierarchy = try LabelHierarchy(csv: "id,name,parent_id\n06,California,\n06037,Los Angeles County,06\n06075,San Francisco County,06\n")
        let claims = "object,attribute,source,value\np1,b,s1,06037\np1,b,s2,06037\np2,b,s1,06075\np2,b,s2,06\n"
        let truth = "object,attribute,value\np1,b,06037\np2,b,06075\n"
        // Then every code names its node: both counties are found, the state supporting San Francisco County
        let nested = TruthSet.evaluate(claimsCSV: claims, truthCSV: truth, kind: "hierarchical", hierarchy: hierarchy)
        #expect(nested.items == 2 && nested.accuracy == 1 && nested.generalisedAccuracy == 1 && nested.meanDistance == 0)
        #expect(TruthSet.majorityVote(claimsCSV: claims, truthCSV: truth, hierarchy: hierarchy).generalisedAccuracy == 1)

        // Given a categorical set of zip codes, one object given 2139 for gold 02139
        let zips = "object,attribute,source,value\np1,zip,s1,02139\np1,zip,s2,02139\np2,zip,s1,2139\np2,zip,s2,2139\n"
        let zipGold = "object,attribute,value\np1,zip,02139\np2,zip,02139\n"
        // Then the code is what is written: 2139 is another code
        #expect(TruthSet.evaluate(claimsCSV: zips, truthCSV: zipGold, kind: "categorical").accuracy == 0.5)
        #expect(TruthSet.majorityVote(claimsCSV: zips, truthCSV: zipGold, categorical: true).accuracy == 0.5)
        let context = ProjectionContext(state: ClaimsState.fold(TruthSet.events(claimsCSV: zips, valuesAsWritten: true)))
        #expect(context.consensus(FigureKey(incident: "p1", figure: "zip", group: nil))?.bestDisplay == "02139")
    }

    /// Regions (some with no city known) answered by detailed sources, who name the city when one
    /// is the truth and otherwise stop at the region or now and then guess a city in it, and by
    /// coarse sources, who only ever name the region. Two probe people at the end: `guessed`, born
    /// in region 0.0 (four detailed sources say so, a fifth guesses a city in it), and `coarse`,
    /// born in city 0.1.0 (two detailed sources name it, four coarse ones its region).
    func habitualDepths(seed: UInt64) -> (claims: String, truth: String, hierarchy: LabelHierarchy) {
        var g = SplitMix(state: seed)
        var table = "id,name,parent_id\n"
        var regions: [String] = []
        var cities: [String: [String]] = [:]
        for c in 0..<4 {
            table += "c\(c),Country \(c),\n"
            for r in 0..<5 {
                let region = "Region \(c).\(r)"
                table += "\(region),\(region),c\(c)\n"
                regions.append(region)
                for t in 0..<6 {
                    table += "City \(c).\(r).\(t),City \(c).\(r).\(t),\(region)\n"
                    cities[region, default: []].append("City \(c).\(r).\(t)")
                }
            }
        }
        var claims = "object,attribute,source,value\n"
        var truth = "object,attribute,value\n"
        for o in 0..<300 {
            let region = regions.randomElement(using: &g)!
            let city = Double.random(in: 0..<1, using: &g) < 0.6 ? cities[region]!.randomElement(using: &g)! : nil
            truth += "o\(o),born,\(city ?? region)\n"
            let detailed = (0..<10).shuffled(using: &g).prefix(3), coarse = (10..<20).shuffled(using: &g).prefix(3)
            for s in detailed + coarse {
                let right = Double.random(in: 0..<1, using: &g) < 0.9
                let r = right ? region : regions.filter { $0 != region }.randomElement(using: &g)!
                var value = r
                if s < 10 {
                    if right, let city { value = city } else if !right || Double.random(in: 0..<1, using: &g) < 0.2 { value = cities[r]!.randomElement(using: &g)! }
                }
                claims += "o\(o),born,s\(s),\(value)\n"
            }
        }
        claims += "guessed,born,s0,Region 0.0\nguessed,born,s1,Region 0.0\nguessed,born,s2,Region 0.0\nguessed,born,s3,Region 0.0\nguessed,born,s4,City 0.0.3\n"
        claims += "coarse,born,s5,City 0.1.0\ncoarse,born,s6,City 0.1.0\ncoarse,born,s10,Region 0.1\ncoarse,born,s11,Region 0.1\ncoarse,born,s12,Region 0.1\ncoarse,born,s13,Region 0.1\n"
        truth += "guessed,born,Region 0.0\ncoarse,born,City 0.1.0\n"
        return (claims, truth, try! LabelHierarchy(csv: table))
    }

    @Test(arguments: [31, 32] as [UInt64])
    func howSpecificASourceUsuallyIsDecidesWhatItsBroadAnswerMeans(seed: UInt64) throws {
        let set = habitualDepths(seed: seed)
        let c = context(String(set.claims.drop { $0 != "\n" }.dropFirst()), hierarchy: set.hierarchy)
        // One guessed city does not beat four sources that usually name the city and here stop at its region
        let guessed = try #require(c.consensus(FigureKey(incident: "guessed", figure: "born", group: nil)))
        #expect(guessed.label == "Region 0.0")
        #expect(guessed.contradicting.map(\.originator) == ["s4"])
        // while sources that only ever name regions say nothing against the city two detailed sources name
        let coarse = try #require(c.consensus(FigureKey(incident: "coarse", figure: "born", group: nil)))
        #expect(coarse.label == "City 0.1.0")
        #expect(coarse.contradicting.isEmpty)
        // Over the whole set the exact place is found more often than by voting
        let nested = TruthSet.evaluate(claimsCSV: set.claims, truthCSV: set.truth, kind: "hierarchical", hierarchy: set.hierarchy)
        let vote = TruthSet.majorityVote(claimsCSV: set.claims, truthCSV: set.truth, hierarchy: set.hierarchy)
        print("habitual depths \(seed): nested \(nested.accuracy) / \(nested.generalisedAccuracy ?? -1); majority vote \(vote.accuracy) / \(vote.generalisedAccuracy ?? -1)")
        #expect(nested.items == 302 && nested.accuracy > vote.accuracy + 0.05)
    }

    @Test func theWeightsCarryTheSourceModel() throws {
        // Given a hierarchical state learned once, and the same state read with the weights learned
        // (as a ledger does between learning points)
        let set = habitualDepths(seed: 31)
        let state = ClaimsState.fold(TruthSet.events(claimsCSV: set.claims))
        let options = TruthSet.options(kind: "hierarchical", hierarchy: set.hierarchy, state: state)
        let learned = ProjectionContext(state: state, options: options)
        let reread = ProjectionContext(state: state, options: options, weights: learned.weights)
        // Then every consensus is the same, the guessed city's region included
        #expect(reread.consensus(FigureKey(incident: "guessed", figure: "born", group: nil))?.label == "Region 0.0")
        #expect(reread.consensus() == learned.consensus())
        // and a figure's history ends at its consensus, nested as it is
        let key = FigureKey(incident: "guessed", figure: "born", group: nil)
        #expect(learned.history(key)?.steps.last?.label == "Region 0.0")
    }

    @Test(arguments: [21, 22] as [UInt64])
    func nestingBeatsVotingOnSyntheticPlaces(seed: UInt64) {
        let set = syntheticPlaces(seed: seed)
        let nested = TruthSet.evaluate(claimsCSV: set.claims, truthCSV: set.truth, kind: "hierarchical", hierarchy: set.hierarchy)
        let flat = TruthSet.evaluate(claimsCSV: set.claims, truthCSV: set.truth, kind: "categorical")
        let vote = TruthSet.majorityVote(claimsCSV: set.claims, truthCSV: set.truth, hierarchy: set.hierarchy)
        print("synthetic places \(seed): nested \(nested.accuracy) / \(nested.generalisedAccuracy ?? -1) / \(nested.meanDistance ?? -1); "
              + "flat \(flat.accuracy); majority vote \(vote.accuracy) / \(vote.generalisedAccuracy ?? -1) / \(vote.meanDistance ?? -1)")
        #expect(nested.items == 500)
        // The exact city is found far more often than by voting on the labels as they are
        #expect(nested.accuracy > vote.accuracy + 0.05)
        #expect(nested.accuracy > flat.accuracy + 0.05)
        // and the estimate is closer in the tree
        #expect((nested.meanDistance ?? .infinity) < (vote.meanDistance ?? 0))
        // Generalised accuracy counts an ancestor of gold as right, so it is at least the accuracy
        #expect((nested.generalisedAccuracy ?? 0) >= nested.accuracy)
    }
}

@Suite struct MultiValuedTests {
    @Test func listsBecomeYesNoClaims() {
        // Given two sources listing a book's authors
        let claims = "object,attribute,source,value\nb,authors,s1,Ann\nb,authors,s1,Bob\nb,authors,s2,Ann\n"
        // Then every value either lists is an item, and each source says yes to its own and no to the rest
        #expect(TruthSet.impliedClaims(multiValuedCSV: claims) == """
            object,attribute,source,value
            b → Ann,authors,s1,yes
            b → Ann,authors,s2,yes
            b → Bob,authors,s1,yes
            b → Bob,authors,s2,no

            """)
    }

    /// The consensus of a multi-valued set, scored, as `claims evaluate truth` computes it.
    func evaluateMultiValued(claims: String, truth: String) -> TruthSet.Score {
        let state = ClaimsState.fold(TruthSet.events(claimsCSV: TruthSet.impliedClaims(multiValuedCSV: claims)))
        let context = ProjectionContext(state: state, options: TruthSet.options(kind: "multi-valued", state: state))
        return TruthSet.scoreMultiValued(context, claimsCSV: claims, truthCSV: truth)
    }

    @Test func valuesDifferingOnlyInCaseOrSpacingAreOneValue() {
        // Given three sources writing one author three ways, against two that list another
        let split = "object,attribute,source,value\nb1,author,s1,John Smith\nb1,author,s2,john smith\nb1,author,s3,JOHN  SMITH\n"
            + "b1,author,s4,Jane Roe\nb1,author,s5,Jane Roe\nb1,author,s1,Jane Roe\n"
        // Then the three are one value, named as first written, with three votes for it
        #expect(TruthSet.impliedClaims(multiValuedCSV: split).hasPrefix("""
            object,attribute,source,value
            b1 → John Smith,author,s1,yes
            b1 → John Smith,author,s2,yes
            b1 → John Smith,author,s3,yes
            b1 → John Smith,author,s4,no
            b1 → John Smith,author,s5,no

            """))
        // and it is found, by the consensus and by majority vote
        let truth = "object,attribute,value\nb1,author,John Smith\n"
        #expect(evaluateMultiValued(claims: split, truth: truth).recall == 1)
        #expect(TruthSet.majorityVoteMultiValued(claimsCSV: split, truthCSV: truth).recall == 1)

        // Given gold written in another case than the claims (names reordered are still other values)
        let variants = "object,attribute,source,value\nb1,author,s1,\"Smith, John\"\nb1,author,s1,Jane Doe\nb1,author,s2,John Smith\n"
            + "b1,author,s2,Jane Doe\nb1,author,s3,john smith\nb1,author,s3,jane doe\nb2,author,s1,A. Writer\nb2,author,s2,A. Writer\n"
        let gold = "object,attribute,value\nb1,author,John Smith\nb1,author,Jane Doe\nb2,author,a. writer\n"
        // Then every set is exactly right
        let score = evaluateMultiValued(claims: variants, truth: gold)
        #expect(score.items == 2 && score.accuracy == 1 && score.f1 == 1)
        #expect(TruthSet.majorityVoteMultiValued(claimsCSV: variants, truthCSV: gold).accuracy == 1)
    }

    /// Books with one to three authors; sources that leave out true authors (recall 0.5–0.98) and
    /// sometimes add a wrong one.
    func syntheticBooks(seed: UInt64) -> (claims: String, truth: String) {
        var g = SplitMix(state: seed)
        let sources = (0..<40).map { _ in (recall: Double.random(in: 0.5...0.98, using: &g), adds: Double.random(in: 0...0.4, using: &g)) }
        var claims = "object,attribute,source,value\n", truth = "object,attribute,value\n"
        for b in 0..<500 {
            var gold = Set<Int>()
            let n = [1, 1, 2, 2, 3].randomElement(using: &g)!
            while gold.count < n { gold.insert(Int.random(in: 0..<300, using: &g)) }
            for a in gold.sorted() { truth += "b\(b),authors,A\(a)\n" }
            var used = Set<Int>()
            let speakers = Int.random(in: 2...6, using: &g)
            while used.count < speakers {
                let s = Int.random(in: 0..<sources.count, using: &g)
                guard used.insert(s).inserted else { continue }
                var list = Set(gold.filter { _ in Double.random(in: 0..<1, using: &g) < sources[s].recall })
                if Double.random(in: 0..<1, using: &g) < sources[s].adds { list.insert(Int.random(in: 0..<300, using: &g)) }
                if list.isEmpty { list.insert(gold.randomElement(using: &g)!) }
                for a in list.sorted() { claims += "b\(b),authors,s\(s),A\(a)\n" }
            }
        }
        return (claims, truth)
    }

    @Test(arguments: [31, 32] as [UInt64])
    func weighingSourcesBeatsVotingOnSyntheticBooks(seed: UInt64) {
        let set = syntheticBooks(seed: seed)
        let implied = TruthSet.impliedClaims(multiValuedCSV: set.claims)
        let state = ClaimsState.fold(TruthSet.events(claimsCSV: implied))
        let context = ProjectionContext(state: state, options: TruthSet.options(kind: "multi-valued", state: state))
        let score = TruthSet.scoreMultiValued(context, claimsCSV: set.claims, truthCSV: set.truth)
        let vote = TruthSet.majorityVoteMultiValued(claimsCSV: set.claims, truthCSV: set.truth)
        print("synthetic books \(seed): consensus exact \(score.accuracy) P \(score.precision ?? -1) R \(score.recall ?? -1) F1 \(score.f1 ?? -1); "
              + "majority vote exact \(vote.accuracy) F1 \(vote.f1 ?? -1)")
        #expect(score.items == 500)
        #expect((score.f1 ?? 0) > (vote.f1 ?? 1))
        #expect(score.accuracy > vote.accuracy)
    }
}
