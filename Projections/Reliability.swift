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
    /// Per kept claim: index of its originator in the learner's source list; −1 for a source the
    /// stored weights do not know (one that first spoke after the last learning point), which has no
    /// confusion matrix of its own.
    let source: [Int]
    /// Per kept claim: whether it says more than "some".
    let informative: [Bool]
    /// Index of the adjudicated value among the candidates.
    let truth: Int?
    /// A categorical figure with a small shared label space: candidates are that whole space and
    /// sources get a confusion matrix over it (Dawid–Skene).
    let useConfusion: Bool
    var isCategorical: Bool { useConfusion || hierarchy != nil || (kept.first?.isCategorical ?? false) }
    /// Where labels nest: a claim agrees with its label and every label beneath it.
    let hierarchy: LabelHierarchy?
    /// Labels written another way than the candidate that stands for their node.
    let sameNode: [Candidate: Candidate]
    /// A figure of numbers: not labels, and not codes of a set declared categorical.
    let isNumeric: Bool

    /// How a candidate is shown: a label as the first claim in the ledger (by position) that names it wrote it.
    func written(_ candidate: Candidate) -> String {
        guard case .label = candidate else { return candidate.description }
        let names = { (c: ResolvedClaim) in c.label.map { self.sameNode[.label($0)] ?? .label($0) } == candidate }
        let first = (kept + superseded).filter(names).min { $0.record.position < $1.record.position }
        guard case .label(let text)? = first?.claim.value else { return candidate.description }
        return text
    }

    /// The candidate a claim's proposal stands for.
    func candidateIndex(of proposal: Candidate) -> Int? { candidates.firstIndex(of: sameNode[proposal] ?? proposal) }
    /// Per kept claim, its interval on the log scale log(1 + x) (−∞/∞ where open), and the values
    /// it proposes on that scale; empty unless ``isLogScale``.
    let logLow: [Double]
    let logHigh: [Double]
    let logProposals: [[Double]]
    /// A numeric figure whose stated ends are all ≥ 0 (counts): reliability compares its claims on
    /// the log scale after removing each source's bias.
    var isLogScale: Bool { !logLow.isEmpty }

    init(key: FigureKey, claims: [ResolvedClaim], adjudicated: ClaimValue?, sourceIndex: [String: Int], labelSpace: [Candidate]? = nil,
         logScale: Bool = true, hierarchy: LabelHierarchy? = nil) {
        self.key = key
        self.hierarchy = hierarchy
        let (kept, superseded) = latestPerOriginator(claims)
        self.kept = kept
        self.superseded = superseded
        var set = Set<Candidate>()
        for c in kept { for p in c.proposals { set.insert(p) } }
        var truthCandidate: Candidate?
        switch adjudicated {
        case .number(let n)?: truthCandidate = .number(n)
        case .label(let l)?: truthCandidate = .label(Candidate.comparable(l))
        case nil: break
        }
        if let truthCandidate { set.insert(truthCandidate) }
        // Labels naming the same node of a hierarchy ("Los Angeles", "los angeles", its id) are
        // one candidate, written as the first of them in sorted order.
        var sameNode: [Candidate: Candidate] = [:]
        if let hierarchy {
            var firstOfNode: [Int: Candidate] = [:]
            for label in set.sorted() {
                guard let node = hierarchy.node(label.description) else { continue }
                if let first = firstOfNode[node] { sameNode[label] = first; set.remove(label) } else { firstOfNode[node] = label }
            }
        }
        self.sameNode = sameNode
        let useConfusion = labelSpace.map { space in set.isSubset(of: Set(space)) } ?? false
        self.useConfusion = useConfusion
        let candidates = useConfusion ? labelSpace! : set.sorted()
        self.candidates = candidates
        agree = kept.map { c in candidates.indices.filter { c.agrees(with: candidates[$0], hierarchy: hierarchy) } }
        source = kept.map { sourceIndex[$0.originator] ?? -1 }
        informative = kept.map(\.isInformative)
        truth = truthCandidate.flatMap { candidates.firstIndex(of: sameNode[$0] ?? $0) }
        // Codes of categories (a figure declared categorical) and signed quantities keep exact comparison.
        isNumeric = logScale && !useConfusion && hierarchy == nil && !kept.isEmpty && kept.allSatisfy { !$0.isCategorical }
            && (truthCandidate == nil || truthCandidate?.number != nil)
        if isNumeric && (truthCandidate?.number ?? 0) >= 0 && kept.allSatisfy({ $0.low >= 0 }) {
            logLow = kept.map { log1p($0.low) }
            logHigh = kept.map { $0.high.isFinite ? log1p($0.high) : .infinity }
            logProposals = kept.map { c in c.proposals.compactMap { $0.number.map(log1p) } }
        } else {
            logLow = []; logHigh = []; logProposals = []
        }
    }

    /// Log-scale score of every candidate: the reliability-weighted vote of the kept claims
    /// (a tiny count breaks ties in favour of more claims), or, for confusion items once
    /// confusion matrices exist, the Dawid–Skene log-posterior: the claims' log-likelihood plus the
    /// log of the label prior learned from the figure's other items. `skip` leaves one claim out.
    func scores(reliability: [Double], confusion: Confusion?, skip: Int? = nil) -> [Double] {
        var s = [Double](repeating: 0, count: candidates.count)
        if useConfusion, let confusion {
            let pooled = confusion.pooled[key.figure]
            for (i, claimed) in agree.enumerated() where i != skip {
                guard let l = claimed.first else { continue }
                let counts = confusion.counts[Confusion.key(source[i], key.figure)]
                for t in candidates.indices {
                    s[t] += log(confusion.probability(counts: counts, pooled: pooled, truth: t, claimed: l,
                                                      reliability: reliability[i], labels: candidates.count))
                }
            }
            if let prior = logLabelPrior(confusion: confusion) {
                for t in s.indices { s[t] += prior[t] }
            }
            return s
        }
        for (i, idx) in agree.enumerated() where i != skip {
            for j in idx { s[j] += reliability[i] + 1e-9 }
        }
        return s
    }

    /// The log label prior of this item: its figure's label totals without the posterior this item
    /// put into them, Laplace-smoothed, (Σ others' posteriors + 1) / (other items + labels); nil
    /// before totals are learned. Taking the item out keeps its claims from counting twice: a figure
    /// that only this item has gets a flat prior, also after its claims change. An item the totals do
    /// not hold (new since they were learned) takes them whole.
    func logLabelPrior(confusion: Confusion) -> [Double]? {
        guard let totals = confusion.labelTotals[key.figure], totals.posterior.count == candidates.count else { return nil }
        let own = confusion.labelPosteriors[LabelTotals.itemKey(key)].flatMap { $0.count == candidates.count ? $0 : nil }
        let others = Double(max(totals.items - (own == nil ? 0 : 1), 0)), labels = Double(candidates.count)
        return candidates.indices.map { log((max(totals.posterior[$0] - (own?[$0] ?? 0), 0) + 1) / (others + labels)) }
    }
}

/// Per figure with a shared label space: the sum of its items' posteriors over the labels, and how
/// many items; what each item's label prior is learned from (Dawid–Skene's class prior).
public struct LabelTotals: Codable, Hashable, Sendable {
    public var posterior: [Double]
    public var items: Int

    /// How an item's own posterior is keyed (``ReliabilityModel/labelPosteriors``).
    public static func itemKey(_ key: FigureKey) -> String { "\(key.incident)\u{1}\(key.figure)\u{1}\(key.group ?? "")" }

    /// The incident an ``itemKey(_:)`` names.
    public static func incident(ofItemKey itemKey: String) -> String { String(itemKey.prefix { $0 != "\u{1}" }) }
}

/// How a confusion row with few counts is smoothed: towards the source's one coin (right with
/// probability its reliability), `strength` pseudo-counts per row, while the scores are learned;
/// or towards the figure's pooled matrix (every source's counts together), `strength`
/// pseudo-counts per label, in the matrices fitted after them that the consensus reads.
public enum ConfusionSmoothing: String, Codable, Hashable, Sendable {
    case oneCoin = "one-coin"
    case pooled
}

/// Per source and figure, how often it said label l when the consensus was t, as expected
/// counts, smoothed (``ConfusionSmoothing``). With them, per figure, how often each label is the
/// truth (Dawid–Skene's class prior).
struct Confusion: Sendable {
    private(set) var counts: [String: [Double]] = [:]
    let strength: Double
    let smoothing: ConfusionSmoothing
    /// Per figure, its items' posteriors summed, from which each item's label prior is learned (see
    /// ``Item/logLabelPrior(confusion:)``). Without a prior a rare label is taken to be as
    /// likely as a common one, and the posteriors that fill the counts leak towards it.
    var labelTotals: [String: LabelTotals] = [:]
    /// The posterior each item put into the totals, by ``LabelTotals/itemKey(_:)``.
    var labelPosteriors: [String: [Double]] = [:]
    /// Per figure, every source's counts summed and row-normalised: what a source is taken to do
    /// before its own counts say otherwise. Derived from `counts` (``pool()``).
    private(set) var pooled: [String: [Double]] = [:]

    init(strength: Double, smoothing: ConfusionSmoothing) {
        self.strength = strength
        self.smoothing = smoothing
    }

    init(counts: [String: [Double]], strength: Double, smoothing: ConfusionSmoothing, labelTotals: [String: LabelTotals],
         labelPosteriors: [String: [Double]]) {
        self.counts = counts
        self.strength = strength
        self.smoothing = smoothing
        self.labelTotals = labelTotals
        self.labelPosteriors = labelPosteriors
        pool()
    }

    static func key(_ source: Int, _ figure: String) -> String { "\(source)\u{1}\(figure)" }

    /// The figure a ``key(_:_:)`` names.
    static func figure(ofKey key: String) -> String { String(key[key.index(after: key.firstIndex(of: "\u{1}")!)...]) }

    /// Sums the pooled matrices from the counts (in key order, so the sums do not depend on
    /// dictionary order). Call once the counts are complete.
    mutating func pool() {
        var sums: [String: [Double]] = [:]
        for key in counts.keys.sorted() {
            let figure = Confusion.figure(ofKey: key)
            let m = counts[key]!
            var sum = sums[figure] ?? [Double](repeating: 0, count: m.count)
            for j in m.indices { sum[j] += m[j] }
            sums[figure] = sum
        }
        // Each pooled row is itself smoothed, with one pseudo-count per label, towards how often
        // the figure's sources agree with the consensus over all rows: a label that is rarely the
        // truth is not taken to be one on which sources answer at random.
        pooled = sums.mapValues { sum in
            let n = Int(Double(sum.count).squareRoot().rounded())
            let total = sum.reduce(0, +)
            let agreeing = total > 0 ? (0..<n).reduce(0) { $0 + sum[$1 * n + $1] } / total : 1 / Double(n)
            var p = sum
            for t in 0..<n {
                let row = sum[(t * n)..<(t * n + n)].reduce(0, +)
                for l in 0..<n {
                    let base = t == l ? agreeing : (1 - agreeing) / Double(max(1, n - 1))
                    p[t * n + l] = (sum[t * n + l] + Double(n) * base) / (row + Double(n))
                }
            }
            return p
        }
    }

    /// P(claimed l | truth t) for a source with these counts (its matrix, row-major truth × claimed),
    /// smoothed. A source without counts is read as one coin, right with probability its
    /// reliability and otherwise any other label alike.
    func probability(counts m: [Double]?, pooled: [Double]?, truth t: Int, claimed l: Int, reliability r: Double, labels n: Int) -> Double {
        let p = min(max(r, 0.01), 0.99)
        let oneCoin = t == l ? p : (1 - p) / Double(max(1, n - 1))
        guard let m, m.count == n * n else { return oneCoin }
        var base = oneCoin, pseudo = strength
        if smoothing == .pooled, let pooled, pooled.count == n * n {
            base = pooled[t * n + l]
            pseudo = strength * Double(n)
        }
        var row = 0.0
        for j in 0..<n { row += m[t * n + j] }
        return max(1e-9, (m[t * n + l] + pseudo * base) / (row + pseudo))
    }

    /// Counts a scored claim of an item compared through confusion matrices.
    mutating func add(_ item: Item, claim i: Int, posterior: [Double]) {
        guard item.useConfusion, let l = item.agree[i].first else { return }
        let n = posterior.count
        counts[Confusion.key(item.source[i], item.key.figure), default: [Double](repeating: 0, count: n * n)].withUnsafeMutableBufferPointer { m in
            for t in 0..<n { m[t * n + l] += posterior[t] }
        }
    }

    /// These counts with each figure's label totals summed from its items' posteriors under them,
    /// each item weighed with its prior from the totals of `previous` (an adjudicated item counts as certain).
    func learningLabelTotals(after previous: Confusion?, items: [Item], score: [Double]) -> Confusion {
        var learned = self
        learned.pool()
        learned.labelTotals = previous?.labelTotals ?? [:]
        learned.labelPosteriors = previous?.labelPosteriors ?? [:]
        var totals: [String: LabelTotals] = [:]
        var posteriors: [String: [Double]] = [:]
        for item in items where item.useConfusion {
            var posterior = [Double](repeating: 0, count: item.candidates.count)
            if let truth = item.truth {
                posterior[truth] = 1
            } else {
                posterior = softmax(item.scores(reliability: item.source.map { score[$0] }, confusion: learned))
            }
            var sum = totals[item.key.figure] ?? LabelTotals(posterior: [Double](repeating: 0, count: posterior.count), items: 0)
            for t in posterior.indices { sum.posterior[t] += posterior[t] }
            sum.items += 1
            totals[item.key.figure] = sum
            posteriors[LabelTotals.itemKey(item.key)] = posterior
        }
        learned.labelTotals = totals
        learned.labelPosteriors = posteriors
        return learned
    }
}

/// The median of values in ascending order (0 when there are none).
func medianOfSorted(_ xs: [Double]) -> Double {
    guard !xs.isEmpty else { return 0 }
    let m = xs.count / 2
    return xs.count % 2 == 1 ? xs[m] : (xs[m - 1] + xs[m]) / 2
}

/// The median of values in ascending order leaving out the one at index `p` (0 when none is left).
func medianOfSorted(_ xs: [Double], without p: Int) -> Double {
    let n = xs.count - 1
    guard n > 0 else { return 0 }
    func at(_ m: Int) -> Double { xs[m < p ? m : m + 1] }
    return n % 2 == 1 ? at(n / 2) : (at(n / 2 - 1) + at(n / 2)) / 2
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
    /// Learned comparison of noisy numeric figures (``Closeness``): their claims are scored by how
    /// close they come to the others' best, not by whether they hit it.
    var closeness: [String: Closeness.Width] = [:]
    static let defaultPrior = 0.7

    struct Result {
        var score: [Double]
        var prior: [Double]
        var priorBasis: [String]
        var scored: [Int]
        var evidence: [[ReliabilityEvidence]]
        var bias: [Double?]
        var biasCount: [Int]
        var confusion: Confusion?
        var granularity: Granularity?
    }

    /// Each source's signed log-scale bias and the tolerance of agreement, learned from the
    /// residuals of numeric claims against the leave-one-out reference in one pass, for the next.
    ///
    /// - The bias is the median residual (robust to the source's outright errors), shrunk towards
    ///   0 by empirical Bayes: median × n / (n + k), where k is the ratio of the spread of residuals
    ///   within a source to the spread of biases between sources (one-way random effects). Where
    ///   sources differ no more than their claims scatter, k is large and nothing is corrected.
    ///   A claim is compared after removing the bias learned from its source's *other* claims, so a
    ///   source cannot excuse an error with itself.
    /// - The tolerance is where a debiased point claim becomes more likely an inaccurate statement
    ///   than an accurate one, under a two-component mixture of its distance to the reference
    ///   (accurate and inaccurate, half-normal each, fitted by EM). Figures copied exactly (most
    ///   distances 0) give a tolerance near 0, so agreement stays exact; figures that drift as a
    ///   news cycle does give the width of that drift. Nothing is set per data set.
    struct Bias {
        /// Per source: its residuals, sorted by ``finish()``.
        var residuals: [[Double]]
        /// Per kept claim, item after item: its residual in this pass.
        var residual: [Double?]
        /// Where each item's kept claims start in ``residual``.
        let firstClaim: [Int]
        /// Debiased distances of point claims to their reference, for the tolerance.
        var distances: [Double] = []
        var tolerance = 0.0
        /// Empirical-Bayes shrinkage of the bias, in claims.
        var shrinkage = 1.0
        /// Below this (log scale, 0.01 %) two values are the same figure.
        static let resolution = 1e-4

        init(sources: Int, items: [Item]) {
            residuals = [[Double]](repeating: [], count: sources)
            var firstClaim: [Int] = []
            firstClaim.reserveCapacity(items.count)
            var claims = 0
            for item in items {
                firstClaim.append(claims)
                claims += item.kept.count
            }
            self.firstClaim = firstClaim
            residual = [Double?](repeating: nil, count: claims)
        }

        mutating func add(item: Int, claim: Int, source: Int, _ r: Double, distance: Double?) {
            residuals[source].append(r)
            residual[firstClaim[item] + claim] = r
            if let distance { distances.append(distance) }
        }

        mutating func finish() {
            sortResiduals()
            tolerance = Bias.mixtureBoundary(distances)
            shrinkage = Bias.randomEffectsRatio(residuals)
        }

        /// Sorts each source's residuals: all that ``reported(of:)`` needs.
        mutating func sortResiduals() {
            for s in residuals.indices { residuals[s].sort() }
        }

        /// σ²(within) / σ²(between) of per-source residuals (sources with two or more); large
        /// when the sources' means differ no more than chance.
        static func randomEffectsRatio(_ residuals: [[Double]]) -> Double {
            var withinSum = 0.0, withinDF = 0.0
            var means: [(mean: Double, n: Double)] = []
            for rs in residuals where rs.count >= 2 {
                let n = Double(rs.count)
                let mean = rs.reduce(0, +) / n
                withinSum += rs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
                withinDF += n - 1
                means.append((mean, n))
            }
            guard means.count >= 2, withinDF > 0 else { return .infinity }
            let within = withinSum / withinDF
            let grand = means.reduce(0) { $0 + $1.mean } / Double(means.count)
            let spread = means.reduce(0) { $0 + ($1.mean - grand) * ($1.mean - grand) } / Double(means.count - 1)
            let noise = means.reduce(0) { $0 + within / $1.n } / Double(means.count)
            let between = spread - noise
            guard between > 0 else { return .infinity }
            return max(1, within / between)
        }

        /// The distance at which the accurate component of a two half-normal mixture, fitted by
        /// EM, stops being the more likely one (at least ``resolution``).
        static func mixtureBoundary(_ d: [Double]) -> Double {
            guard d.count >= 10 else { return resolution }
            let sorted = d.sorted()
            let half = sorted.count / 2
            func meanSquare(_ xs: ArraySlice<Double>) -> Double { xs.reduce(0) { $0 + $1 * $1 } / Double(max(1, xs.count)) }
            let floor = resolution * resolution
            var va = max(floor, meanSquare(sorted[..<half])), vb = max(4 * va, meanSquare(sorted[half...]))
            var pi = 0.5
            for _ in 0..<50 {
                var ga = 0.0, gad = 0.0, gbd = 0.0
                for x in sorted {
                    let la = pi / va.squareRoot() * exp(-x * x / (2 * va))
                    let lb = (1 - pi) / vb.squareRoot() * exp(-x * x / (2 * vb))
                    let g = la + lb > 0 ? la / (la + lb) : 0
                    ga += g; gad += g * x * x; gbd += (1 - g) * x * x
                }
                let n = Double(sorted.count)
                let previous = (pi, va, vb)
                pi = min(max(ga / n, 1e-6), 1 - 1e-6)
                va = max(floor, gad / max(ga, 1e-12))
                vb = max(va, gbd / max(n - ga, 1e-12))
                if abs(pi - previous.0) < 1e-9, abs(va - previous.1) <= 1e-9 * va, abs(vb - previous.2) <= 1e-9 * vb { break }
            }
            guard vb > va else { return resolution }
            let logRatio = log(pi * vb.squareRoot() / ((1 - pi) * va.squareRoot()))
            guard logRatio > 0 else { return resolution }
            return max(resolution, (2 * logRatio / (1 / va - 1 / vb)).squareRoot())
        }

        /// A source's bias from all its residuals, as used to correct its claims: median × n / (n + k); nil without any.
        func bias(of source: Int) -> Double? {
            let rs = residuals[source]
            guard !rs.isEmpty else { return nil }
            return medianOfSorted(rs) * Double(rs.count) / (Double(rs.count) + shrinkage) + 0
        }

        /// A source's bias as reported, describing its figures: median × n / (n + 1); nil without any.
        /// It shrinks only by one claim, so it shows a tendency that ``bias(of:)`` may not yet trust.
        func reported(of source: Int) -> Double? {
            let rs = residuals[source]
            guard !rs.isEmpty else { return nil }
            return medianOfSorted(rs) * Double(rs.count) / Double(rs.count + 1) + 0
        }

        /// The bias of a claim's source without that claim: the median of its other residuals × n / (n + k).
        func leavingOut(item: Int, claim: Int, source: Int) -> Double {
            let rs = residuals[source]
            guard let r = residual[firstClaim[item] + claim] else { return bias(of: source) ?? 0 }
            // The sorted residuals without (one copy of) r.
            var p = 0, end = rs.count
            while p < end { let m = (p + end) / 2; if rs[m] < r { p = m + 1 } else { end = m } }
            let n = rs.count - 1
            return medianOfSorted(rs, without: p) * Double(n) / (Double(n) + shrinkage) + 0
        }
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
        var bias = Bias(sources: n, items: items)
        let rounds = max(1, options.iterations)
        let a = options.priorStrength
        let anyConfusion = items.contains { $0.useConfusion }
        for _ in 0..<rounds {
            var agreeSum = [Double](repeating: 0, count: n)
            scored = [Int](repeating: 0, count: n)
            var next = anyConfusion ? Confusion(strength: a, smoothing: .oneCoin) : nil
            var nextBias = Bias(sources: n, items: items)
            for (k, item) in items.enumerated() {
                forEachScoredClaim(item, at: k, score: score, confusion: confusion, bias: bias) { i, agreement, posterior, residual in
                    agreeSum[item.source[i]] += agreement
                    scored[item.source[i]] += 1
                    next?.add(item, claim: i, posterior: posterior)
                    if let residual { nextBias.add(item: k, claim: i, source: item.source[i], residual.raw, distance: residual.debiased) }
                }
            }
            nextBias.finish()
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
            confusion = next?.learningLabelTotals(after: confusion, items: items, score: score)
            bias = nextBias
        }
        // Explanations and bias, against the final scores.
        var evidence = [[ReliabilityEvidence]](repeating: [], count: n)
        var finalBias = Bias(sources: n, items: items)
        for (k, item) in items.enumerated() {
            forEachScoredClaim(item, at: k, score: score, confusion: confusion, bias: bias) { i, agreement, _, residual in
                let s = item.source[i]
                let effect = (agreement - prior[s]) / ((assessed[s] == nil ? a : options.assessedPriorStrength) + Double(scored[s]))
                evidence[s].append(ReliabilityEvidence(claim: item.kept[i].id, figure: item.key.description, agreement: agreement,
                                                       effect: effect, anchored: item.truth != nil))
                if let residual { finalBias.add(item: k, claim: i, source: s, residual.raw, distance: residual.debiased) }
            }
        }
        // Only the reported biases are read from this pass: no tolerance or shrinkage to learn.
        finalBias.sortResiduals()
        confusion = confusion.map { fittingConfusion($0, score: score) }
        let granularity = Granularity.fit(items: items, score: score)
        for s in 0..<n {
            evidence[s].sort { abs($0.effect) != abs($1.effect) ? abs($0.effect) > abs($1.effect) : $0.claim < $1.claim }
            if evidence[s].count > 5 { evidence[s].removeLast(evidence[s].count - 5) }
        }
        return Result(score: score, prior: prior, priorBasis: basis, scored: scored, evidence: evidence,
                      bias: (0..<n).map { finalBias.reported(of: $0) }, biasCount: finalBias.residuals.map(\.count), confusion: confusion,
                      granularity: granularity)
    }

    /// Dawid–Skene's EM for the confusion counts and label totals, with the scores fixed. Like
    /// Dawid and Skene, it starts from the vote: the first counts take each item's
    /// reliability-weighted vote shares; then each item's full posterior, its own claims included,
    /// fills the counts, until no item's posterior moves by 1e-6 (at most
    /// ``maximumConfusionIterations`` passes). The rounds above count leave-one-out posteriors,
    /// which keep a source from confirming itself while the scores are learned; but where items
    /// have few claims those posteriors stay soft, and so do matrices learned from them (a careful
    /// worker among three read as barely better than chance). Here what keeps a source with few
    /// claims from fitting itself is the smoothing towards the pooled matrix.
    func fittingConfusion(_ start: Confusion, score: [Double]) -> Confusion {
        var current = Confusion(counts: [:], strength: start.strength, smoothing: .pooled, labelTotals: start.labelTotals,
                                labelPosteriors: start.labelPosteriors)
        for iteration in 0..<Learner.maximumConfusionIterations {
            var next = Confusion(strength: current.strength, smoothing: .pooled)
            for item in items where item.useConfusion && (item.truth != nil || item.kept.count >= 2) {
                let reliability = item.source.map { score[$0] }
                var posterior = [Double](repeating: 0, count: item.candidates.count)
                if let truth = item.truth {
                    posterior[truth] = 1
                } else if iteration == 0 {
                    let votes = item.scores(reliability: reliability, confusion: nil)
                    let total = votes.reduce(0, +)
                    if total > 0 { posterior = votes.map { $0 / total } }
                } else {
                    posterior = softmax(item.scores(reliability: reliability, confusion: current))
                }
                for i in item.kept.indices where item.informative[i] { next.add(item, claim: i, posterior: posterior) }
            }
            next = next.learningLabelTotals(after: current, items: items, score: score)
            var change = 0.0
            for (key, posterior) in next.labelPosteriors {
                guard let before = current.labelPosteriors[key], before.count == posterior.count else { change = .infinity; break }
                for t in posterior.indices { change = max(change, abs(posterior[t] - before[t])) }
            }
            current = next
            if change < 1e-6 { break }
        }
        return current
    }

    static let maximumConfusionIterations = 50

    /// Calls `body(claimIndex, agreement, posterior, residual)` for each kept, informative claim
    /// that can be scored: against the adjudicated value, or leave-one-out against the posterior of
    /// the other originators when there is at least one other. `residual` is the claim's signed
    /// log-scale distance to the reference value (0 when its interval holds it) for numeric figures:
    /// as stated (`raw`, for the bias) and, for counts, after removing its source's bias (`debiased`,
    /// for the tolerance).
    typealias Residual = (raw: Double, debiased: Double?)

    func forEachScoredClaim(_ item: Item, at k: Int, score: [Double], confusion: Confusion?, bias: Bias,
                            _ body: (Int, Double, [Double], Residual?) -> Void) {
        // Counts keep the debiased log-scale comparison; figures whose closeness is learned on their
        // values (ratings) are scored by the kernel below.
        if item.isLogScale && closeness.comparison(for: item)?.logScale != false {
            forEachScoredCount(item, at: k, score: score, bias: bias, body)
            return
        }
        func residual(_ i: Int, _ reference: Candidate) -> Residual? {
            guard case .number(let v) = reference, v >= 0, !item.isCategorical else { return nil }
            let c = item.kept[i]
            if c.high < v, c.high >= 0 { return (log((c.high + 1) / (v + 1)), nil) }
            if c.low > v { return (log((c.low + 1) / (v + 1)), nil) }
            return (0, nil)
        }
        if let truth = item.truth {
            for i in item.kept.indices where item.informative[i] {
                var posterior = [Double](repeating: 0, count: item.candidates.count)
                posterior[truth] = 1
                body(i, item.agree[i].contains(truth) ? 1 : 0, posterior, residual(i, item.candidates[truth]))
            }
            return
        }
        guard item.kept.count >= 2, !item.candidates.isEmpty else { return }
        let reliability = item.source.map { score[$0] }
        if let comparison = closeness.comparison(for: item) {
            forEachCloseClaim(item, reliability: reliability, comparison: comparison) { i, agreement, posterior, best in
                body(i, agreement, posterior, residual(i, best))
            }
            return
        }
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
            body(i, agreement, posterior, residual(i, item.candidates[bestJ]))
        }
    }

    /// Numeric figures with a learned closeness (``Closeness``): the others' support, each claim
    /// counting by its kernel, gives their best; a claim's agreement is its own kernel support of
    /// that best (1 when its interval holds it, falling with the distance).
    func forEachCloseClaim(_ item: Item, reliability: [Double], comparison: Closeness.Width, _ body: (Int, Double, [Double], Candidate) -> Void) {
        let perClaim = item.closeSupports(comparison: comparison)
        let full = item.closeSupport(perClaim, reliability: reliability)
        for i in item.kept.indices where item.informative[i] {
            let own = perClaim[i]
            let loo = full.indices.map { full[$0] - (reliability[i] + 1e-9) * own[$0] }
            var bestJ = 0
            for j in loo.indices where loo[j] > loo[bestJ] { bestJ = j }
            body(i, own[bestJ], softmax(loo), item.candidates[bestJ])
        }
    }

    /// Counts and other non-negative figures, compared on the log scale after removing each
    /// source's bias (calibrated truth discovery, as in GTM): claim j stands for the interval
    /// [log(1 + low) − b, log(1 + high) − b] widened by the tolerance, where b is its source's bias
    /// learned from its other claims. The candidates are the debiased values the claims propose
    /// (values within the tolerance of each other count as one); for claim i, the other
    /// originators' reliability-weighted support gives a posterior over them, and its agreement is
    /// the posterior mass its own debiased interval holds. Its residual, for the bias, is the raw
    /// claim's distance to the others' most supported candidate (or to the adjudicated value).
    func forEachScoredCount(_ item: Item, at k: Int, score: [Double], bias: Bias, _ body: (Int, Double, [Double], Residual?) -> Void) {
        let tolerance = bias.tolerance
        let shift = item.kept.indices.map { bias.leavingOut(item: k, claim: $0, source: item.source[$0]) }
        let low = item.kept.indices.map { item.logLow[$0] - shift[$0] - tolerance }
        let high = item.kept.indices.map { item.logHigh[$0] - shift[$0] + tolerance }
        func holds(_ i: Int, _ v: Double) -> Bool { low[i] <= v && v <= high[i] }
        func distance(_ l: Double, _ h: Double, _ v: Double) -> Double { h < v ? h - v : l > v ? l - v : 0 }
        func residual(_ i: Int, _ v: Double) -> Residual {
            let debiased = abs(distance(item.logLow[i] - shift[i], item.logHigh[i] - shift[i], v))
            // Only point claims measure precision: an open interval holds the reference trivially.
            return (distance(item.logLow[i], item.logHigh[i], v), item.kept[i].pointValue != nil ? debiased : nil)
        }
        if let truth = item.truth, let t = item.candidates[truth].number {
            let v = log1p(t)
            for i in item.kept.indices where item.informative[i] { body(i, holds(i, v) ? 1 : 0, [], residual(i, v)) }
            return
        }
        guard item.kept.count >= 2 else { return }
        // Candidates: the debiased proposals, in order, merged when within the tolerance of the
        // first of a run (each run stands for the middle of its ends).
        var values: [Double] = []
        for j in item.kept.indices { for p in item.logProposals[j] { values.append(p - shift[j]) } }
        values.sort()
        var candidates: [Double] = []
        var start = 0
        for e in values.indices where e == values.count - 1 || values[e + 1] > values[start] + tolerance {
            candidates.append((values[start] + values[e]) / 2)
            start = e + 1
        }
        guard !candidates.isEmpty else { return }
        let reliability = item.source.map { score[$0] }
        var full = [Double](repeating: 0, count: candidates.count)
        for j in item.kept.indices { for (c, v) in candidates.enumerated() where holds(j, v) { full[c] += reliability[j] + 1e-9 } }
        for i in item.kept.indices where item.informative[i] {
            var loo = full
            for (c, v) in candidates.enumerated() where holds(i, v) { loo[c] -= reliability[i] + 1e-9 }
            let posterior = softmax(loo)
            var agreement = 0.0
            var bestC = 0
            for c in candidates.indices {
                if holds(i, candidates[c]) { agreement += posterior[c] }
                if loo[c] > loo[bestC] { bestC = c }
            }
            body(i, agreement, posterior, residual(i, candidates[bestC]))
        }
    }
}

/// Relay fidelity: a relay passed a figure on unchanged when the originator's own statement of
/// the same figure elsewhere (without that relay) gives the same interval or label. Only counts
/// are summed, so the order figures and originators are visited in does not matter.
func relayFidelity(_ byKey: [FigureKey: [ResolvedClaim]]) -> [String: (compared: Int, matched: Int)] {
    var out: [String: (compared: Int, matched: Int)] = [:]
    for claims in byKey.values {
        // Each originator's claims of the figure, by index (resolved claims are costly to copy).
        var byOriginator: [String: [Int]] = [:]
        for i in claims.indices { byOriginator[claims[i].originator, default: []].append(i) }
        for group in byOriginator.values {
            for i in group {
                let via = claims[i].via
                for (k, relay) in via.enumerated() where !via[..<k].contains(relay) {
                    var compared = false
                    var same = false
                    for j in group where claims[j].claim.reportID != claims[i].claim.reportID && !claims[j].via.contains(relay) {
                        compared = true
                        if claims[j].low == claims[i].low && claims[j].high == claims[i].high && claims[j].label == claims[i].label {
                            same = true
                            break
                        }
                    }
                    guard compared else { continue }
                    out[relay, default: (0, 0)].compared += 1
                    if same { out[relay, default: (0, 0)].matched += 1 }
                }
            }
        }
    }
    return out
}
