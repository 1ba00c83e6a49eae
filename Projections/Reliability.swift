import Events
import Foundation

/// How reliable a source has been, learned from agreement with the consensus of the others.
public struct SourceReliability: Codable, Hashable, Sendable {
    public var source: String
    public var name: String
    public var kind: String
    /// 0 (never agrees) … 1 (always agrees).
    public var score: Double
    /// How many scored claims stand behind the score (0: the score is the prior).
    public var scoredClaims: Int
    /// Standard error of the score, √(s(1−s)/(prior weight + scored claims + 1)).
    public var uncertainty: Double
    /// What the score starts from: an analyst's assessment or the mean of its class.
    public var prior: Double
    /// `assessed`, or `class <kind>/<activity>` (sources of one kind with a similar number of claims).
    public var priorBasis: String
    /// Mean signed log-ratio of its numbers to the consensus of the others: > 0 reports higher,
    /// < 0 lower; nil when none of its numeric claims could be compared.
    public var bias: Double?
    public var biasClaims: Int
    /// The claims that moved the score most away from its prior.
    public var evidence: [ReliabilityEvidence]
    /// As a relay: how many relayed claims could be compared with the originator's own statement.
    public var relayed: Int
    /// As a relay: share passed on unchanged (Laplace-smoothed); nil when never compared.
    public var fidelity: Double?
}

/// One scored claim behind a reliability score.
public struct ReliabilityEvidence: Codable, Hashable, Sendable {
    public var claim: String
    public var figure: String
    /// Probability-weighted agreement with the others' consensus (or the adjudicated figure).
    public var agreement: Double
    /// How far it moved the score: (agreement − prior) / (prior weight + scored claims).
    public var effect: Double
    /// Scored against an adjudicated figure rather than the others' consensus.
    public var anchored: Bool
}

/// One incident × figure × group prepared for truth discovery: the latest claim of each
/// originator, the candidate values, and which candidates each claim agrees with.
struct Item {
    let key: FigureKey
    let kept: [ResolvedClaim]
    let superseded: [ResolvedClaim]
    let candidates: [Candidate]
    /// Per kept claim: indices of the candidates it agrees with.
    let agree: [[Int]]
    /// Per kept claim: index of its originator in the learner's source list.
    let source: [Int]
    /// Per kept claim: whether it says more than "some".
    let informative: [Bool]
    /// Index of the adjudicated value among the candidates.
    let truth: Int?
    /// A categorical figure with a small shared label space: candidates are that whole space and
    /// sources get a confusion matrix over it (Dawid–Skene).
    let useConfusion: Bool
    var isCategorical: Bool { useConfusion || (kept.first?.isCategorical ?? false) }

    init(key: FigureKey, claims: [ResolvedClaim], adjudicated: ClaimValue?, sourceIndex: [String: Int], labelSpace: [Candidate]? = nil) {
        self.key = key
        let (kept, superseded) = latestPerOriginator(claims)
        self.kept = kept
        self.superseded = superseded
        var set = Set<Candidate>()
        for c in kept { for p in c.proposals { set.insert(p) } }
        var truthCandidate: Candidate?
        switch adjudicated {
        case .number(let n)?: truthCandidate = .number(n)
        case .label(let l)?: truthCandidate = .label(l)
        case nil: break
        }
        if let truthCandidate { set.insert(truthCandidate) }
        let useConfusion = labelSpace.map { space in set.isSubset(of: Set(space)) } ?? false
        self.useConfusion = useConfusion
        let candidates = useConfusion ? labelSpace! : set.sorted()
        self.candidates = candidates
        agree = kept.map { c in candidates.indices.filter { c.agrees(with: candidates[$0]) } }
        source = kept.map { sourceIndex[$0.originator] ?? 0 }
        informative = kept.map(\.isInformative)
        truth = truthCandidate.flatMap { candidates.firstIndex(of: $0) }
    }

    /// Log-scale score of every candidate: the reliability-weighted vote of the kept claims
    /// (a tiny count breaks ties in favour of more claims), or, for confusion items once
    /// confusion matrices exist, the Dawid–Skene log-likelihood. `skip` leaves one claim out.
    func scores(reliability: [Double], confusion: Confusion?, skip: Int? = nil) -> [Double] {
        var s = [Double](repeating: 0, count: candidates.count)
        if useConfusion, let confusion {
            for (i, claimed) in agree.enumerated() where i != skip {
                guard let l = claimed.first else { continue }
                for t in candidates.indices {
                    s[t] += log(confusion.probability(source: source[i], figure: key.figure, truth: t, claimed: l,
                                                      reliability: reliability[i], labels: candidates.count))
                }
            }
            return s
        }
        for (i, idx) in agree.enumerated() where i != skip {
            for j in idx { s[j] += reliability[i] + 1e-9 }
        }
        return s
    }
}

/// Per source and figure, how often it said label l when the (leave-one-out) consensus was t,
/// as expected counts; smoothed towards its one-coin reliability.
struct Confusion: Sendable {
    var counts: [String: [Double]] = [:]
    let strength: Double

    static func key(_ source: Int, _ figure: String) -> String { "\(source)\u{1}\(figure)" }

    mutating func add(source: Int, figure: String, posterior: [Double], claimed: Int) {
        let n = posterior.count
        var m = counts[Confusion.key(source, figure)] ?? [Double](repeating: 0, count: n * n)
        for t in 0..<n { m[t * n + claimed] += posterior[t] }
        counts[Confusion.key(source, figure)] = m
    }

    func probability(source: Int, figure: String, truth t: Int, claimed l: Int, reliability r: Double, labels n: Int) -> Double {
        let p = min(max(r, 0.01), 0.99)
        let base = t == l ? p : (1 - p) / Double(max(1, n - 1))
        guard let m = counts[Confusion.key(source, figure)] else { return base }
        var row = 0.0
        for j in 0..<n { row += m[t * n + j] }
        return max(1e-9, (m[t * n + l] + strength * base) / (row + strength))
    }
}

/// Softmax of log-scale scores.
func softmax(_ s: [Double]) -> [Double] {
    guard let m = s.max() else { return [] }
    let e = s.map { exp($0 - m) }
    let z = e.reduce(0, +)
    return e.map { $0 / z }
}

/// Truth discovery over all items (see Projections/README.md).
struct Learner {
    let items: [Item]
    let sources: [String]
    let kinds: [String]
    let assessed: [Double?]
    let options: ProjectionOptions
    static let defaultPrior = 0.7

    struct Result {
        var score: [Double]
        var prior: [Double]
        var priorBasis: [String]
        var scored: [Int]
        var evidence: [[ReliabilityEvidence]]
        var biasSum: [Double]
        var biasCount: [Int]
        var confusion: Confusion?
    }

    func run() -> Result {
        let n = sources.count
        // Activity class: sources of a kind with a similar number of kept claims share a prior.
        var activity = [Int](repeating: 0, count: n)
        for item in items { for s in item.source { activity[s] += 1 } }
        let classOf: [String] = (0..<n).map { s in
            let bin = activity[s] <= 1 ? 0 : min(6, Int(log2(Double(activity[s]))))
            return "\(kinds[s])/\(bin)"
        }
        var score = (0..<n).map { assessed[$0] ?? Learner.defaultPrior }
        var prior = score
        let basis = (0..<n).map { assessed[$0] == nil ? "class \(classOf[$0])" : "assessed" }
        var scored = [Int](repeating: 0, count: n)
        var confusion: Confusion?
        let rounds = max(1, options.iterations)
        let a = options.priorStrength
        let anyConfusion = items.contains { $0.useConfusion }
        for _ in 0..<rounds {
            var agreeSum = [Double](repeating: 0, count: n)
            scored = [Int](repeating: 0, count: n)
            var next = anyConfusion ? Confusion(strength: a) : nil
            for item in items {
                forEachScoredClaim(item, score: score, confusion: confusion) { i, agreement, posterior, _ in
                    agreeSum[item.source[i]] += agreement
                    scored[item.source[i]] += 1
                    if item.useConfusion, let l = item.agree[i].first {
                        next?.add(source: item.source[i], figure: item.key.figure, posterior: posterior, claimed: l)
                    }
                }
            }
            var classSum: [String: (Double, Int)] = [:]
            for s in 0..<n where assessed[s] == nil {
                let c = classSum[classOf[s], default: (0, 0)]
                classSum[classOf[s]] = (c.0 + agreeSum[s], c.1 + scored[s])
            }
            for s in 0..<n {
                if assessed[s] == nil {
                    let c = classSum[classOf[s], default: (0, 0)]
                    prior[s] = (Learner.defaultPrior + c.0) / (1 + Double(c.1))
                }
                let strength = assessed[s] == nil ? a : options.assessedPriorStrength
                score[s] = (strength * prior[s] + agreeSum[s]) / (strength + Double(scored[s]))
            }
            confusion = next
        }
        // Explanations and bias, against the final scores.
        var evidence = [[ReliabilityEvidence]](repeating: [], count: n)
        var biasSum = [Double](repeating: 0, count: n)
        var biasCount = [Int](repeating: 0, count: n)
        for item in items {
            forEachScoredClaim(item, score: score, confusion: confusion) { i, agreement, _, reference in
                let s = item.source[i]
                let effect = (agreement - prior[s]) / ((assessed[s] == nil ? a : options.assessedPriorStrength) + Double(scored[s]))
                evidence[s].append(ReliabilityEvidence(claim: item.kept[i].id, figure: item.key.description, agreement: agreement,
                                                       effect: effect, anchored: item.truth != nil))
                if case .number(let v)? = reference, v >= 0, !item.isCategorical {
                    let c = item.kept[i]
                    var b = 0.0
                    if c.high < v, c.high >= 0 { b = log((c.high + 1) / (v + 1)) }
                    else if c.low > v { b = log((c.low + 1) / (v + 1)) }
                    biasSum[s] += b
                    biasCount[s] += 1
                }
            }
        }
        for s in 0..<n {
            evidence[s].sort { abs($0.effect) != abs($1.effect) ? abs($0.effect) > abs($1.effect) : $0.claim < $1.claim }
            if evidence[s].count > 5 { evidence[s].removeLast(evidence[s].count - 5) }
        }
        return Result(score: score, prior: prior, priorBasis: basis, scored: scored, evidence: evidence, biasSum: biasSum,
                      biasCount: biasCount, confusion: confusion)
    }

    /// Calls `body(claimIndex, agreement, posterior, reference)` for each kept, informative claim
    /// that can be scored: against the adjudicated value, or leave-one-out against the posterior of
    /// the other originators when there is at least one other.
    func forEachScoredClaim(_ item: Item, score: [Double], confusion: Confusion?, _ body: (Int, Double, [Double], Candidate?) -> Void) {
        if let truth = item.truth {
            for i in item.kept.indices where item.informative[i] {
                var posterior = [Double](repeating: 0, count: item.candidates.count)
                posterior[truth] = 1
                body(i, item.agree[i].contains(truth) ? 1 : 0, posterior, item.candidates[truth])
            }
            return
        }
        guard item.kept.count >= 2, !item.candidates.isEmpty else { return }
        let reliability = item.source.map { score[$0] }
        let full = item.scores(reliability: reliability, confusion: confusion)
        for i in item.kept.indices where item.informative[i] {
            let loo: [Double]
            if item.useConfusion && confusion != nil {
                loo = item.scores(reliability: reliability, confusion: confusion, skip: i)
            } else {
                var l = full
                for j in item.agree[i] { l[j] -= reliability[i] + 1e-9 }
                loo = l
            }
            let posterior = softmax(loo)
            var agreement = 0.0
            for j in item.agree[i] { agreement += posterior[j] }
            var bestJ = 0
            for j in loo.indices where loo[j] > loo[bestJ] { bestJ = j }
            body(i, agreement, posterior, item.candidates[bestJ])
        }
    }
}

/// Relay fidelity: a relay passed a figure on unchanged when the originator's own statement of
/// the same figure elsewhere (without that relay) gives the same interval or label.
func relayFidelity(_ byKey: [FigureKey: [ResolvedClaim]]) -> [String: (compared: Int, matched: Int)] {
    var out: [String: (compared: Int, matched: Int)] = [:]
    for key in byKey.keys.sorted() {
        var byOriginator: [String: [ResolvedClaim]] = [:]
        for c in byKey[key]! { byOriginator[c.originator, default: []].append(c) }
        for originator in byOriginator.keys.sorted() {
            let group = byOriginator[originator]!
            for c in group {
                for relay in Set(c.via).sorted() {
                    let others = group.filter { $0.claim.reportID != c.claim.reportID && !$0.via.contains(relay) }
                    guard !others.isEmpty else { continue }
                    let same = others.contains { $0.low == c.low && $0.high == c.high && $0.label == c.label }
                    let r = out[relay, default: (0, 0)]
                    out[relay] = (r.compared + 1, r.matched + (same ? 1 : 0))
                }
            }
        }
    }
    return out
}
