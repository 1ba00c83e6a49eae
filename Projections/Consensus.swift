import Events
import Foundation

/// How far a figure can be trusted, in the spirit of Airwars' grading (see README).
public enum Grade: String, Codable, Sendable, CaseIterable {
    /// A party responsible for the incident concedes the harm.
    case confirmed
    /// Two or more independent credible originators support it and no comparable weight contradicts it.
    case fair
    /// It rests on a single (credible enough) originator.
    case weak
    /// Credible originators disagree: the contradicting weight is comparable to the supporting one.
    case contested
    /// Only sources below the discounted reliability support it, or no value can be given.
    case discounted
}

/// A claim as it counts in a consensus.
public struct WeightedClaim: Codable, Hashable, Sendable {
    public var claim: String
    public var originator: String
    /// Relays, nearest first.
    public var via: [String]
    public var value: String?
    public var bound: String
    /// Interval it stands for; nil where open.
    public var low: Double?
    public var high: Double?
    /// Reliability of its originator.
    public var reliability: Double
    /// Its vote weight (the originator's reliability).
    public var weight: Double
    /// Said by a party responsible for the incident, minimising harm it is accused of causing.
    public var partyDenial: Bool
    /// Said by a party responsible for the incident, conceding harm.
    public var partyConcession: Bool
    public var report: String
    public var time: String
    public var placement: Placement
}

/// A categorical figure's weighted vote for one label.
public struct LabelVote: Codable, Hashable, Sendable {
    public var label: String
    /// Sum of the reliabilities of the originators voting for it.
    public var weight: Double
    /// Share of the posterior (softmax of the scores the consensus maximises).
    public var probability: Double
    public var originators: Int
    /// The label prior behind the probability: how often this label is the truth on the figure's
    /// other incidents (Dawid–Skene's class prior); nil where none is learned.
    public var prior: Double?
}

/// What the ledger believes about one incident × figure × group.
public struct Consensus: Codable, Hashable, Sendable {
    public var incident: String
    public var figure: String
    public var group: String?
    /// `numeric` or `categorical`.
    public var kind: String
    /// Best numeric value (nil for categorical figures, or when claims only say "some").
    public var best: Double?
    /// Best label of a categorical figure.
    public var label: String?
    /// Plausible range: the finite ends stated by the retained claims, always around best.
    public var low: Double?
    public var high: Double?
    public var grade: Grade
    /// Independent originators supporting best.
    public var originators: Int
    /// Live claims about the figure, superseded ones included.
    public var claims: Int
    public var supporting: [WeightedClaim]
    public var contradicting: [WeightedClaim]
    /// Claims replaced by their originator's later statement (history keeps them).
    public var superseded: [String]
    public var votes: [LabelVote]
    /// The adjudicated value, when there is one.
    public var adjudicated: String?

    public var key: FigureKey { FigureKey(incident: incident, figure: figure, group: group) }
    /// best or label, as text.
    public var bestDisplay: String { label ?? best.map(JSONValue.canonicalNumber) ?? "some" }

    /// Column names of `claims consensus --format csv`.
    public static let csvHeader = ["incident", "figure", "group", "best", "low", "high", "grade", "originators", "claims"]

    /// This consensus as the fields of one CSV row (numbers in canonical spelling, open ends empty).
    public var csvFields: [String] {
        func n(_ v: Double?) -> String { v.map(JSONValue.canonicalNumber) ?? "" }
        return [incident, figure, group ?? "", label ?? n(best), n(low), n(high), grade.rawValue, String(originators), String(claims)]
    }
}

/// Children above civilians, civilians above people: a group's figure above its parent's.
public struct GroupInconsistency: Codable, Hashable, Sendable {
    public var incident: String
    public var figure: String
    public var group: String
    public var best: Double
    public var parentGroup: String
    public var parentBest: Double
    /// `hard` when even the ranges cannot be reconciled (the group's low is above the parent's high).
    public var severity: String
}

/// Figures that count harm, for which a responsible party's statement is a concession or a denial.
public let harmFigures: Set<String> = ["killed", "injured", "missing", "captured", "arrested", "displaced",
                                       "houses_destroyed", "vehicles_destroyed"]
/// Figures whose statement marks a party as the one that carried out the operation.
public let operationalFigures: Set<String> = ["outcome", "target", "strikes", "helicopters", "aircraft", "hostages_freed", "duration_minutes"]
/// Groups an operator reports as its own kills ("we killed 3 militants").
public let hostileGroups: Set<String> = ["militants", "militant_leaders", "combatants", "fighters"]
/// Kinds of source that are parties to a conflict.
public let partyKinds: Set<String> = ["government", "armed_force", "armed_group"]

/// All projections over one state: compute once, query many times. Pure and deterministic.
public struct ProjectionContext: Sendable {
    public let state: ClaimsState
    public let options: ProjectionOptions
    /// Live claims per figure, in claim-id order.
    public let claimsByKey: [FigureKey: [ResolvedClaim]]
    public let keys: [FigureKey]
    let items: [FigureKey: Item]
    let sourceIDs: [String]
    let sourceIndex: [String: Int]
    /// Shared label spaces of categorical figures small enough for confusion matrices.
    let labelSpaces: [String: [Candidate]]
    let confusion: Confusion?
    /// How sources answer where labels nest; nil without a hierarchy.
    let granularity: Granularity?
    /// Adjudicated figures by the key they count for after incident merges.
    let adjudicated: [FigureKey: FigureAdjudicated]
    let scores: [String: Double]
    /// Kernel widths of numeric figures whose close values speak for each other (``Closeness``).
    let closeness: [String: Closeness.Width]
    public let reliability: [String: SourceReliability]
    let responsible: [String: Set<String>]

    /// Computes every projection of a state. With `weights` (learned earlier over the whole
    /// ledger, see ``ReliabilityModel``) truth discovery is skipped and those weights are used:
    /// a state holding only one incident's claims then gives that incident's consensus exactly
    /// as the whole state would, and ``reliabilityTable`` is empty.
    public init(state: ClaimsState, options: ProjectionOptions = ProjectionOptions(), weights: ReliabilityModel? = nil) {
        self.state = state
        self.options = options
        let resolved = state.resolvedClaims(options: options)
        var byKey: [FigureKey: [ResolvedClaim]] = [:]
        var sourceSet = Set<String>()
        for c in resolved {
            byKey[c.key, default: []].append(c)
            sourceSet.insert(c.originator)
        }
        claimsByKey = byKey
        keys = byKey.keys.sorted()
        if let weights, !weights.sources.isEmpty { sourceIDs = weights.sources } else { sourceIDs = sourceSet.sorted() }
        var sourceIndex: [String: Int] = [:]
        for (i, s) in sourceIDs.enumerated() { sourceIndex[s] = i }
        self.sourceIndex = sourceIndex
        var spaces: [String: Set<Candidate>] = [:]
        var notCategorical = Set<String>()
        for c in resolved {
            let f = c.key.figure
            let categorical = c.isCategorical || options.categoricalFigures.contains(f)
            if !categorical || c.claim.bound != .exact { notCategorical.insert(f); continue }
            for p in c.proposals { spaces[f, default: []].insert(p) }
        }
        var labelSpaces: [String: [Candidate]] = [:]
        // Labels in a hierarchy are compared by nesting, not through confusion matrices.
        for (f, set) in spaces where !notCategorical.contains(f) && options.labelHierarchy.isEmpty && options.confusionMatrices
            && (2...ProjectionContext.maximumLabelSpace).contains(set.count) {
            labelSpaces[f] = set.sorted()
        }
        self.labelSpaces = weights?.labelSpaces ?? labelSpaces
        var adjudicated: [FigureKey: FigureAdjudicated] = [:]
        // In key order, so that when merged incidents were both adjudicated the later id wins.
        for k in state.adjudications.keys.sorted() {
            adjudicated[FigureKey(incident: state.canonicalIncident(k.incident), figure: k.figure, group: k.group)] = state.adjudications[k]
        }
        self.adjudicated = adjudicated
        var items: [FigureKey: Item] = [:]
        var itemList: [Item] = []
        for key in keys {
            let adjudicated = adjudicated[key]?.value
            let item = Item(key: key, claims: byKey[key]!, adjudicated: adjudicated, sourceIndex: sourceIndex, labelSpace: self.labelSpaces[key.figure],
                            logScale: !options.categoricalFigures.contains(key.figure),
                            hierarchy: ProjectionContext.hierarchy(options: options, figure: key.figure, claims: byKey[key]!))
            items[key] = item
            itemList.append(item)
        }
        self.items = items
        self.responsible = ProjectionContext.findResponsible(state: state, byKey: byKey, keys: keys, options: options)
        if let weights {
            confusion = weights.confusion.map { Confusion(counts: $0, strength: weights.confusionStrength, smoothing: weights.confusionSmoothing ?? .oneCoin,
                                                          labelTotals: weights.labelTotals ?? [:], labelPosteriors: weights.labelPosteriors ?? [:]) }
            scores = weights.scores
            closeness = weights.closeness ?? [:]
            granularity = options.labelHierarchy.isEmpty ? nil : weights.granularity
            reliability = [:]
            return
        }
        let kinds = sourceIDs.map { state.sources[$0]?.kind ?? SourceKind.unknown.rawValue }
        let assessed = sourceIDs.map { state.sources[$0]?.assessed }
        closeness = Closeness.widths(of: itemList)
        let learned = Learner(items: itemList, sources: sourceIDs, kinds: kinds, assessed: assessed, options: options, closeness: closeness).run()
        confusion = learned.confusion
        granularity = learned.granularity
        let fidelity = relayFidelity(byKey)
        var table: [String: SourceReliability] = [:]
        var scores: [String: Double] = [:]
        for (i, s) in sourceIDs.enumerated() {
            let score = learned.score[i]
            scores[s] = score
            let n = learned.scored[i]
            let f = fidelity[s]
            table[s] = SourceReliability(
                source: s, name: state.sourceName(s), kind: kinds[i], score: score, scoredClaims: n,
                uncertainty: (score * (1 - score) / (options.priorStrength + Double(n) + 1)).squareRoot(),
                prior: learned.prior[i], priorBasis: learned.priorBasis[i],
                bias: learned.bias[i],
                biasClaims: learned.biasCount[i], evidence: learned.evidence[i],
                relayed: f?.compared ?? 0, fidelity: f.map { (Double($0.matched) + 1) / (Double($0.compared) + 2) })
        }
        // Relays that never originate a claim are still listed for their fidelity.
        for (relay, f) in fidelity where table[relay] == nil {
            let kind = state.sources[relay]?.kind ?? SourceKind.unknown.rawValue
            table[relay] = SourceReliability(
                source: relay, name: state.sourceName(relay), kind: kind, score: Learner.defaultPrior, scoredClaims: 0,
                uncertainty: (Learner.defaultPrior * (1 - Learner.defaultPrior) / (options.priorStrength + 1)).squareRoot(),
                prior: Learner.defaultPrior, priorBasis: "default", bias: nil, biasClaims: 0, evidence: [],
                relayed: f.compared, fidelity: (Double(f.matched) + 1) / (Double(f.compared) + 2))
        }
        self.scores = scores
        self.reliability = table
    }

    /// The parties that bear responsibility for each incident: those given in the options, plus
    /// (heuristic) every party-kind source — a government, armed force or armed group, or a
    /// spokesperson affiliated to one — that states an operational figure of the incident
    /// (its outcome, target, strikes, aircraft …) or kills of hostile groups: speaking as the
    /// operator marks it as the one that struck.
    static func findResponsible(state: ClaimsState, byKey: [FigureKey: [ResolvedClaim]], keys: [FigureKey],
                                options: ProjectionOptions) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for (incident, parties) in options.responsibleParties {
            out[state.canonicalIncident(incident), default: []].formUnion(parties.map(state.canonicalSource))
        }
        for key in keys {
            let operational = operationalFigures.contains(key.figure) || (harmFigures.contains(key.figure) && hostileGroups.contains(key.group ?? ""))
            guard operational else { continue }
            for c in byKey[key]! {
                for party in parties(of: c.originator, state: state) { out[key.incident, default: []].insert(party) }
            }
        }
        return out
    }

    /// The source itself when it is a party, and the party a spokesperson speaks for.
    static func parties(of source: String, state: ClaimsState) -> [String] {
        var out: [String] = []
        guard let info = state.sources[source] else { return out }
        if partyKinds.contains(info.kind) { out.append(source) }
        if let affiliation = info.affiliation {
            let a = state.canonicalSource(affiliation)
            if partyKinds.contains(state.sources[a]?.kind ?? "") { out.append(a); out.append(source) }
        }
        return out
    }

    /// Parties responsible for an incident (see ``findResponsible``).
    public func responsibleParties(of incident: String) -> [String] {
        (responsible[state.canonicalIncident(incident)] ?? []).sorted()
    }

    func isResponsible(_ source: String, incident: String) -> Bool {
        guard let set = responsible[incident] else { return false }
        if set.contains(source) { return true }
        if let a = state.sources[source]?.affiliation, set.contains(state.canonicalSource(a)) { return true }
        return false
    }

    public func score(of source: String) -> Double { scores[source] ?? Learner.defaultPrior }

    /// Reliability of every source, by source id.
    public var reliabilityTable: [SourceReliability] { reliability.keys.sorted().map { reliability[$0]! } }

    /// The consensus of one figure; nil when no live claim states it.
    public func consensus(_ key: FigureKey) -> Consensus? {
        guard let item = items[key] else { return nil }
        return consensus(of: item, total: claimsByKey[key]?.count ?? 0)
    }

    /// Every consensus of an incident (all incidents when nil), in key order.
    public func consensus(incident: String? = nil) -> [Consensus] {
        let wanted = incident.map(state.canonicalIncident)
        return keys.filter { wanted == nil || $0.incident == wanted }.compactMap { consensus($0) }
    }

    /// The hierarchy a figure's labels are compared in: the options' hierarchy for categorical figures.
    static func hierarchy(options: ProjectionOptions, figure: String, claims: [ResolvedClaim]) -> LabelHierarchy? {
        guard !options.labelHierarchy.isEmpty else { return nil }
        return options.categoricalFigures.contains(figure) || claims.contains(where: \.isCategorical) ? options.labelHierarchy : nil
    }

    /// Largest label space of a categorical figure for which sources get confusion matrices.
    public static let maximumLabelSpace = 32

    func consensus(of item: Item, total: Int) -> Consensus {
        let key = item.key
        let rel = item.kept.map { score(of: $0.originator) }
        let weights = rel
        let support: [Double]
        if let comparison = closeness.comparison(for: item) {
            support = item.closeSupport(item.closeSupports(comparison: comparison), reliability: rel)
        } else if let granularity, let hierarchy = item.hierarchy {
            support = granularity.logScores(item, shape: Granularity.Shape(item, hierarchy: hierarchy))
        } else {
            support = item.scores(reliability: rel, confusion: confusion)
        }
        var point = [Double](repeating: 0, count: item.candidates.count)
        var proposed = [Bool](repeating: false, count: item.candidates.count)
        for (i, c) in item.kept.enumerated() {
            for p in c.proposals {
                if let j = item.candidateIndex(of: p) { point[j] += weights[i]; proposed[j] = true }
            }
        }
        var bestJ: Int?
        for j in item.candidates.indices {
            // Only values some claim proposes (not an adjudicated value alone) can be best.
            guard proposed[j] else { continue }
            guard let b = bestJ else { bestJ = j; continue }
            if support[j] > support[b] + 1e-12 || (abs(support[j] - support[b]) <= 1e-12 && point[j] > point[b] + 1e-12) { bestJ = j }
        }
        let best = bestJ.map { item.candidates[$0] }
        let categorical = item.isCategorical
        let harm = harmFigures.contains(key.figure)
        var supporting: [WeightedClaim] = []
        var contradicting: [WeightedClaim] = []
        var supportingRel: [Double] = []
        var contradictingRel: [Double] = []
        var concession = false
        for (i, c) in item.kept.enumerated() {
            let agrees = best.map { c.agrees(with: $0, hierarchy: item.hierarchy) } ?? true
            let party = harm && !categorical && isResponsible(c.originator, incident: key.incident)
            let concedes = party && c.isInformative && c.low >= 1
            let denies = party && (c.high == 0 || (best?.number.map { c.high < $0 } ?? false))
            let w = WeightedClaim(claim: c.id, originator: c.originator, via: c.via, value: c.claim.value?.display, bound: c.claim.bound.rawValue,
                                  low: c.low.isFinite ? c.low : nil, high: c.high.isFinite ? c.high : nil,
                                  reliability: rel[i], weight: weights[i], partyDenial: denies, partyConcession: concedes,
                                  report: c.claim.reportID, time: c.time, placement: c.placement)
            if agrees {
                supporting.append(w); supportingRel.append(rel[i])
                if concedes { concession = true }
            } else {
                contradicting.append(w); contradictingRel.append(rel[i])
            }
        }
        // Range: the finite ends the retained informative claims state, around best. When none
        // states an upper end ("more than 5" alone), the range is open above, not best.
        var low: Double? = best?.number
        var high: Double? = best?.number
        if !categorical {
            var statedHigh = false
            for c in item.kept where c.isInformative || best == nil {
                if c.low.isFinite { low = min(low ?? c.low, c.low) }
                if c.high.isFinite, c.isInformative { high = max(high ?? c.high, c.high); statedHigh = true }
            }
            if !statedHigh { high = nil }
        }
        let grade: Grade
        let ws = supportingRel.reduce(0, +)
        let wc = contradictingRel.reduce(0, +)
        let credibleSupport = supportingRel.filter { $0 >= options.credibleReliability }.count
        let credibleContradiction = contradictingRel.contains { $0 >= options.credibleReliability }
        if best == nil {
            grade = supportingRel.contains { $0 >= options.discountedReliability } ? .weak : .discounted
        } else if concession, best?.number.map({ $0 >= 1 }) ?? false {
            grade = .confirmed
        } else if !contradictingRel.isEmpty, wc >= options.contestedShare * ws, credibleContradiction || wc >= ws {
            grade = .contested
        } else if credibleSupport >= 2 {
            grade = .fair
        } else if supportingRel.contains(where: { $0 >= options.discountedReliability }) {
            grade = .weak
        } else {
            grade = .discounted
        }
        var votes: [LabelVote] = []
        if categorical {
            let probability = softmax(support)
            let prior = item.useConfusion ? confusion.flatMap { item.logLabelPrior(confusion: $0) }?.map(exp) : nil
            for (j, cand) in item.candidates.enumerated() {
                let voters = item.agree.indices.filter { item.agree[$0].contains(j) }
                guard !voters.isEmpty else { continue }
                votes.append(LabelVote(label: item.written(cand), weight: voters.map { weights[$0] }.reduce(0, +),
                                       probability: probability[j], originators: voters.count, prior: prior?[j]))
            }
        }
        let adjudicated = self.adjudicated[key]?.value.display
        return Consensus(incident: key.incident, figure: key.figure, group: key.group, kind: categorical ? "categorical" : "numeric",
                         best: categorical ? nil : best?.number, label: categorical ? best.map(item.written) : nil, low: categorical ? nil : low,
                         high: categorical ? nil : high, grade: grade, originators: supporting.count, claims: total,
                         supporting: supporting, contradicting: contradicting, superseded: item.superseded.map(\.id),
                         votes: votes, adjudicated: adjudicated)
    }

    /// Group figures above their parent group's (children above civilians …), per incident.
    public func inconsistencies(incident: String? = nil) -> [GroupInconsistency] {
        inconsistencies(among: consensus(incident: incident))
    }

    /// The inconsistencies among consensus figures already computed (see ``inconsistencies(incident:)``).
    public func inconsistencies(among consensus: [Consensus]) -> [GroupInconsistency] {
        GroupInconsistency.find(in: consensus, groupParents: options.groupParents)
    }

    /// Everything at once: what `claims consensus --all --format json` and `claims reliability` show.
    public func snapshot() -> ProjectionSnapshot {
        let consensus = consensus()
        return ProjectionSnapshot(position: state.position, consensus: consensus, reliability: reliabilityTable,
                                  inconsistencies: inconsistencies(among: consensus))
    }

    /// The state's incident summaries (``ClaimsState/incidentSummaries(publishedBefore:)`` as of
    /// this context's published time), counted from the claims already resolved.
    public func incidentSummaries() -> [IncidentSummary] {
        var tallies: [String: (claims: Int, figures: Int)] = [:]
        for (key, claims) in claimsByKey {
            tallies[key.incident, default: (0, 0)].claims += claims.count
            tallies[key.incident, default: (0, 0)].figures += 1
        }
        return state.incidentSummaries(publishedBefore: options.publishedBefore, tallies: tallies)
    }
}

/// All projections of a state, as one encodable value.
public struct ProjectionSnapshot: Codable, Hashable, Sendable {
    public var position: Int64
    public var consensus: [Consensus]
    public var reliability: [SourceReliability]
    public var inconsistencies: [GroupInconsistency]

    /// Canonical JSON (sorted keys): the same events give these exact bytes.
    public func encoded() -> Data { ProjectionSnapshot.encode(self) }

    public static func encode<T: Encodable>(_ value: T) -> Data {
        Data((try? CanonicalEncoder.bytes(value)) ?? [])
    }
}

