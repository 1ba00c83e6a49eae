import Events
import Foundation
import Testing
@testable import Projections

/// A state that keeps only the live claims counting for one incident (reports, sources,
/// incidents and adjudications stay): what a store reads through its claims index.
func subset(_ state: ClaimsState, incident: String) -> ClaimsState {
    var out = state
    out.claims = state.claims.filter { state.key(of: $0.value)?.incident == incident }
    return out
}

@Suite struct WeightsTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6, 11, 12] as [UInt64])
    func oneIncidentWithStoredWeightsEqualsTheWholeLedger(seed: UInt64) throws {
        // Given a random ledger (with categorical figures, merges, moves, withdrawals, adjudications)
        let state = randomScenario(seed: seed, events: 160).state
        let whole = ProjectionContext(state: state)
        // and its weights, stored and read back as JSON
        let stored = try JSONDecoder().decode(ReliabilityModel.self, from: JSONEncoder().encode(whole.weights))
        #expect(stored == whole.weights)
        // When each incident is computed from its own claims only, with those weights
        for incident in Set(whole.keys.map(\.incident)).sorted() {
            let alone = ProjectionContext(state: subset(state, incident: incident), weights: stored)
            // Then its consensus is byte-identical to the whole ledger's
            #expect(ProjectionSnapshot.encode(alone.consensus(incident: incident)) == ProjectionSnapshot.encode(whole.consensus(incident: incident)))
            #expect(alone.consensus(incident: incident).count == whole.consensus(incident: incident).count)
        }
    }

    @Test func categoricalConfusionCountsTravelWithTheWeights() throws {
        // Given the Atmeh scenario, whose outcome votes use a shared two-label space
        let s = atmehScenario()
        let whole = s.context()
        let weights = whole.weights
        #expect(weights.labelSpaces["outcome"] == [.label("failure"), .label("success")])
        #expect(weights.confusion != nil && !weights.sources.isEmpty)
        // When the outcome is computed from Atmeh's claims alone
        let key = FigureKey(incident: "atmeh", figure: "outcome", group: nil)
        let alone = ProjectionContext(state: subset(s.state, incident: "atmeh"), weights: weights)
        // Then it is the same vote
        #expect(ProjectionSnapshot.encode(alone.consensus(key)) == ProjectionSnapshot.encode(whole.consensus(key)))
        #expect(alone.reliabilityTable.isEmpty)
    }
}
