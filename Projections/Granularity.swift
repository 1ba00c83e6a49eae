import Foundation

/// How sources answer where labels nest (a city in its region in its country), learned from the
/// claims: the likelihood model behind the consensus of a hierarchical figure, in the spirit of
/// TDH (Jung, Kim, Shim, EDBT 2019) with each source's own level of detail.
///
/// A source means to answer at a depth of its own habit (`depthShare`: how often at each depth)
/// and answers on the truth's line (the truth itself, or a label above it) with rate `onLine`.
/// Meaning to answer deeper than the truth, it stops at the truth or, with rate `guessing` where the
/// truth has labels beneath it, names one of them that it cannot know: an over-specific guess,
/// spread over the truth's descendants at that depth. Off the line, an answer is any other
/// candidate of the item, each as likely, at the depth it meant. Each truth has a prior: the share
/// of the figure's truths at its depth, spread over the nodes at that depth.
///
/// So a broad claim says little against a specific candidate when its source habitually answers
/// broadly, and much when its source usually names the city; and one guessed city does not beat
/// many sources that stop at its region.
public struct Granularity: Codable, Hashable, Sendable {
    struct Habit: Codable, Hashable, Sendable {
        /// Share of answers on the truth's line.
        var onLine: Double
        /// Share of over-specific guesses where the source would have answered below the truth.
        var guessing: Double
        /// How often it means to answer at each depth (index 0 unused): where it stops at the
        /// truth, it may have meant to go deeper.
        var depthShare: [Double]
    }

    /// Per source and figure, by ``Confusion/key(_:_:)``.
    var habits: [String: Habit] = [:]
    /// Per figure: every source together. Each source's habits are smoothed towards it, and a
    /// source the model has not seen (new since it was learned) is read with it.
    var pooled: [String: Habit] = [:]
    /// Per figure: share of its truths at each depth (index 0 unused).
    var depthPrior: [String: [Double]] = [:]

    /// Pseudo-answers with which a source's habits are pulled towards its figure's.
    static let strength = 2.0
    static let maximumIterations = 50

    /// How a claimed label stands to a candidate truth.
    enum Relation: UInt8 { case exact, broader, narrower, other }

    /// What the model reads of one item, computed once.
    struct Shape {
        /// Per kept claim, the candidate it names.
        let claimed: [Int?]
        /// Per kept claim, the key of its source's habits for the figure (``Confusion/key(_:_:)``).
        let habitKey: [String]
        /// Per candidate, its depth.
        let depth: [Int]
        /// relation[c][t]: claimed candidate c against truth t.
        let relation: [[Relation]]
        /// Per truth, how many candidates are off its line (at least 1).
        let others: [Int]
        /// Per truth, the nodes at its depth (at least 1), over which its depth's prior is spread.
        let nodesAtDepth: [Int]
        /// descendants[t][d]: nodes beneath truth t at depth d.
        let descendants: [[Int]]
        /// Per truth, whether it has labels beneath it. Every depth deeper than the truth counts as
        /// a chance to guess, also where its subtree is shallower than the tree (a known limit).
        let hasChildren: [Bool]

        init(_ item: Item, hierarchy h: LabelHierarchy) {
            let labels = item.candidates.map(\.description)
            let deepest = max(1, h.maximumDepth)
            depth = labels.map { min(h.depth($0), deepest) }
            let relation: [[Relation]] = labels.map { c in
                labels.map { t in c == t ? .exact : h.contains(c, t) ? .broader : h.contains(t, c) ? .narrower : .other }
            }
            self.relation = relation
            others = labels.indices.map { t in max(1, labels.indices.filter { relation[$0][t] == .other }.count) }
            nodesAtDepth = depth.map { max(1, h.nodes(atDepth: $0)) }
            let descendants = labels.map { t in (0...deepest).map { h.descendants(of: t, atDepth: $0) } }
            self.descendants = descendants
            hasChildren = descendants.map { $0.contains { $0 > 0 } }
            claimed = item.kept.map { c in c.proposals.first.flatMap(item.candidateIndex(of:)) }
            habitKey = item.source.map { Confusion.key($0, item.key.figure) }
        }
    }

    /// P(claimed | truth) for a source with these habits.
    static func probability(_ h: Habit, shape: Shape, claimed c: Int, truth t: Int) -> Double {
        let dc = shape.depth[c], dt = shape.depth[t]
        let share = h.depthShare
        switch shape.relation[c][t] {
        case .exact:
            let deeper = share[(dt + 1)...].reduce(0, +)
            return h.onLine * (share[dt] + (shape.hasChildren[t] ? deeper * (1 - h.guessing) : deeper))
        case .broader:
            return h.onLine * share[dc]
        case .narrower:
            return h.onLine * h.guessing * share[dc] / Double(max(1, shape.descendants[t][dc]))
        case .other:
            return (1 - h.onLine) * share[dc] / Double(shape.others[t])
        }
    }

    /// Log-posterior (up to a constant) of each candidate being the truth.
    func logScores(_ item: Item, shape: Shape) -> [Double] {
        let figure = item.key.figure
        let prior = depthPrior[figure]
        var s = item.candidates.indices.map { t in
            prior.map { log($0[shape.depth[t]]) - log(Double(shape.nodesAtDepth[t])) } ?? 0
        }
        for (i, claimed) in shape.claimed.enumerated() {
            guard let c = claimed, let h = habits[shape.habitKey[i]] ?? pooled[figure] else { continue }
            for t in s.indices { s[t] += log(max(Granularity.probability(h, shape: shape, claimed: c, truth: t), 1e-12)) }
        }
        return s
    }

    /// Fits the habits by EM over the hierarchical items; nil when no item is hierarchical. Each
    /// source starts from its learned reliability as `onLine` and the depths of its claims as
    /// `depthShare`; then its rates, its depth shares and the figure's depth prior are refitted from
    /// every item's posterior until no posterior moves by 1e-6 (at most ``maximumIterations``
    /// passes). A claim that stops at the truth is censored: its source meant that depth or deeper.
    static func fit(items allItems: [Item], score: [Double]) -> Granularity? {
        let items = allItems.filter { $0.hierarchy != nil && !$0.candidates.isEmpty }
        guard !items.isEmpty else { return nil }
        let shapes = items.map { Shape($0, hierarchy: $0.hierarchy!) }
        var model = Granularity()
        // Depth shares to start from: the depths of each source's claims, smoothed towards the figure's.
        var depthCounts: [String: [Double]] = [:]
        var figureDepths: [String: [Double]] = [:]
        var sourceOf: [String: Int] = [:]
        for (item, shape) in zip(items, shapes) {
            let width = shape.descendants[0].count
            for (i, claimed) in shape.claimed.enumerated() {
                guard let c = claimed, item.source[i] >= 0 else { continue }
                let key = shape.habitKey[i]
                sourceOf[key] = item.source[i]
                depthCounts[key, default: [Double](repeating: 0, count: width)][shape.depth[c]] += 1
                figureDepths[item.key.figure, default: [Double](repeating: 0, count: width)][shape.depth[c]] += 1
            }
        }
        func smoothed(_ counts: [Double], towards pool: [Double]) -> [Double] {
            let n = counts.reduce(0, +)
            return counts.indices.map { ($0 == 0 ? 0 : counts[$0] + strength * pool[$0]) / (n + strength) }
        }
        var poolShare: [String: [Double]] = [:]
        for (figure, counts) in figureDepths {
            let total = counts.reduce(0, +)
            poolShare[figure] = counts.map { $0 / max(total, 1) }
            model.pooled[figure] = Habit(onLine: Learner.defaultPrior, guessing: 0.1, depthShare: poolShare[figure]!)
            model.depthPrior[figure] = counts.indices.map { $0 == 0 ? 0 : 1 / Double(counts.count - 1) }
        }
        for (key, source) in sourceOf {
            model.habits[key] = Habit(onLine: min(max(score[source], 0.01), 0.99), guessing: 0.1,
                                      depthShare: smoothed(depthCounts[key]!, towards: poolShare[Confusion.figure(ofKey: key)]!))
        }
        // The keys of each figure's sources, in order, so that sums over them do not depend on dictionary order.
        var keysOf: [String: [String]] = [:]
        for key in sourceOf.keys.sorted() { keysOf[Confusion.figure(ofKey: key), default: []].append(key) }
        var previous: [[Double]] = []
        for _ in 0..<maximumIterations {
            // E: each item's posterior, its own claims included (an adjudicated item is certain).
            let posteriors = zip(items, shapes).map { item, shape -> [Double] in
                if let truth = item.truth { return item.candidates.indices.map { $0 == truth ? 1 : 0 } }
                return softmax(model.logScores(item, shape: shape))
            }
            // M: expected answers on the line, guesses and chances to guess, per source and figure.
            var onLine: [String: Double] = [:], answers: [String: Double] = [:]
            var guesses: [String: Double] = [:], chances: [String: Double] = [:]
            var depthMass: [String: [Double]] = [:]
            var truthsAtDepth: [String: [Double]] = [:]
            for ((item, shape), posterior) in zip(zip(items, shapes), posteriors) {
                let figure = item.key.figure
                for t in posterior.indices {
                    truthsAtDepth[figure, default: [Double](repeating: 0, count: shape.descendants[t].count)][shape.depth[t]] += posterior[t]
                }
                for (i, claimed) in shape.claimed.enumerated() {
                    guard let c = claimed, item.source[i] >= 0 else { continue }
                    let key = shape.habitKey[i]
                    let h = model.habits[key]!
                    answers[key, default: 0] += 1
                    var mass = depthMass[key] ?? [Double](repeating: 0, count: h.depthShare.count)
                    for t in posterior.indices where posterior[t] > 0 {
                        let p = posterior[t]
                        let relation = shape.relation[c][t]
                        if relation != .other { onLine[key, default: 0] += p }
                        if relation == .narrower { guesses[key, default: 0] += p; chances[key, default: 0] += p }
                        guard relation == .exact else { mass[shape.depth[c]] += p; continue }
                        // A stop at the truth says only that the source meant its depth or deeper: the
                        // depth it meant is spread as its habits say (censored). Where the truth has
                        // labels beneath it, each stop meant deeper was a chance to guess.
                        let dt = shape.depth[t]
                        let canGuess = shape.hasChildren[t]
                        var meant = h.depthShare
                        for d in meant.indices where d < dt { meant[d] = 0 }
                        if canGuess { for d in meant.indices where d > dt { meant[d] *= 1 - h.guessing } }
                        let total = max(meant.reduce(0, +), 1e-12)
                        for d in meant.indices where meant[d] > 0 { mass[d] += p * meant[d] / total }
                        if canGuess { chances[key, default: 0] += p * meant[(dt + 1)...].reduce(0, +) / total }
                    }
                    depthMass[key] = mass
                }
            }
            for (figure, figureKeys) in keysOf {
                let n = figureKeys.reduce(0) { $0 + answers[$1, default: 0] }
                let on = figureKeys.reduce(0) { $0 + onLine[$1, default: 0] } / max(n, 1)
                let guessed = figureKeys.reduce(0) { $0 + guesses[$1, default: 0] } / max(figureKeys.reduce(0) { $0 + chances[$1, default: 0] }, 1e-9)
                model.pooled[figure]!.onLine = min(max(on, 0.01), 0.99)
                model.pooled[figure]!.guessing = min(max(guessed, 0.001), 0.99)
                let truths = truthsAtDepth[figure]!
                let truthTotal = truths.reduce(0, +)
                model.depthPrior[figure] = truths.indices.map { $0 == 0 ? 0 : (truths[$0] + 1) / (truthTotal + Double(truths.count - 1)) }
                var figureMass = [Double](repeating: 0, count: model.pooled[figure]!.depthShare.count)
                for key in figureKeys { for (d, m) in (depthMass[key] ?? []).enumerated() { figureMass[d] += m } }
                let massTotal = max(figureMass.reduce(0, +), 1e-12)
                model.pooled[figure]!.depthShare = figureMass.map { $0 / massTotal }
                for key in figureKeys {
                    let pool = model.pooled[figure]!
                    model.habits[key]!.depthShare = smoothed(depthMass[key] ?? figureMass.map { _ in 0 }, towards: pool.depthShare)
                    model.habits[key]!.onLine = (onLine[key, default: 0] + strength * pool.onLine) / (answers[key, default: 0] + strength)
                    model.habits[key]!.guessing = (guesses[key, default: 0] + strength * pool.guessing) / (chances[key, default: 0] + strength)
                }
            }
            var change = previous.isEmpty ? Double.infinity : 0
            for (a, b) in zip(previous, posteriors) { for t in a.indices { change = max(change, abs(a[t] - b[t])) } }
            previous = posteriors
            if change < 1e-6 { break }
        }
        return model
    }
}
