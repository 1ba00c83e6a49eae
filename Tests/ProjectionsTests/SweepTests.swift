import Foundation
import Testing
@testable import Projections

@Suite struct SweepTests {
    @Test func sweep() throws {
        guard ProcessInfo.processInfo.environment["SWEEP"] != nil else { return }
        let pop = try #require(try loadTruthSet("population")), dog = try #require(try loadTruthSet("dog"))
        for it in [1, 3, 5] {
            for a in [0.5, 1, 2] {
                var o = ProjectionOptions(); o.iterations = it; o.priorStrength = a
                let p = TruthSet.evaluate(claimsCSV: pop.claims, truthCSV: pop.truth, kind: pop.kind, options: o)
                let d = TruthSet.evaluate(claimsCSV: dog.claims, truthCSV: dog.truth, kind: dog.kind, options: o)
                print("SWEEP it \(it) a \(a): pop err \(p.errorRate!) mae \(p.mae!) | dog acc \(d.accuracy)")
            }
        }
    }
}
