import Events
import Foundation

/// What one incident's consensus needs from the rest of the ledger: the reliability weights
/// learned over every incident, and, for categorical figures with a small shared label space,
/// the label spaces and the sources' confusion counts (Dawid–Skene).
///
/// The store materialises it; a ``ProjectionContext`` built with these weights over a state that
/// holds only one incident's claims gives that incident's consensus byte for byte as the whole
/// state does, without reading the rest of the log.
public struct ReliabilityModel: Codable, Hashable, Sendable {
    /// Score of each (canonical) source that originates a live claim.
    public var scores: [String: Double]
    /// Every originator in id order; confusion counts and granularity habits refer to sources by
    /// their index in it. Empty when there are neither.
    public var sources: [String]
    public var labelSpaces: [String: [Candidate]]
    /// Confusion counts by `"<source index>\u{1}<figure>"`, row-major truth × claimed.
    public var confusion: [String: [Double]]?
    public var confusionStrength: Double
    /// How the counts are smoothed; nil in models stored before the fitted matrices (session 9),
    /// which were smoothed towards each source's one coin.
    public var confusionSmoothing: ConfusionSmoothing?
    /// Per figure with confusion counts, its items' posteriors summed, from which each item's label
    /// prior is learned; nil in models stored before it was, which weigh labels alike until the next learning
    /// point or `claims rebuild`.
    public var labelTotals: [String: LabelTotals]?
    /// The posterior each item put into the label totals, by ``LabelTotals/itemKey(_:)``, so that its
    /// prior can leave it out exactly. Stored per item beside the model, like the scores.
    public var labelPosteriors: [String: [Double]]?
    /// Kernel widths of numeric figures whose close values speak for each other (see `Closeness`);
    /// nil in models stored before they existed, which compare exactly until `claims rebuild`.
    public var closeness: [String: Closeness.Width]?
    /// How sources answer where labels nest (see `Granularity`), learned when the projection was
    /// asked for with a hierarchy; never stored, since a hierarchy is an option of the command.
    public var granularity: Granularity?

    public init(scores: [String: Double], sources: [String] = [], labelSpaces: [String: [Candidate]] = [:],
                confusion: [String: [Double]]? = nil, confusionStrength: Double = 0, confusionSmoothing: ConfusionSmoothing? = nil, labelTotals: [String: LabelTotals]? = nil,
                labelPosteriors: [String: [Double]]? = nil, closeness: [String: Closeness.Width]? = nil, granularity: Granularity? = nil) {
        self.scores = scores
        self.granularity = granularity
        self.labelTotals = labelTotals
        self.labelPosteriors = labelPosteriors
        self.closeness = closeness
        self.sources = sources
        self.labelSpaces = labelSpaces
        self.confusion = confusion
        self.confusionStrength = confusionStrength
        self.confusionSmoothing = confusionSmoothing
    }

    /// The model without its scores and item posteriors (they are stored per source and per item),
    /// for storing beside them.
    public var withoutScores: ReliabilityModel {
        var copy = self
        copy.scores = [:]
        copy.labelPosteriors = nil
        return copy
    }
}

extension ProjectionContext {
    /// The learned weights behind this context's consensus (see ``ReliabilityModel``).
    public var weights: ReliabilityModel {
        ReliabilityModel(scores: scores, sources: confusion == nil && granularity == nil ? [] : sourceIDs, labelSpaces: labelSpaces,
                         confusion: confusion?.counts, confusionStrength: confusion?.strength ?? 0, confusionSmoothing: confusion?.smoothing,
                         labelTotals: confusion.map(\.labelTotals), labelPosteriors: confusion.map(\.labelPosteriors),
                         closeness: closeness.isEmpty ? nil : closeness, granularity: granularity)
    }
}

// Public initialisers, so that a store can assemble a partial state (one incident's claims with
// their reports and sources) from its indexes instead of folding the whole log.

extension ReportInfo {
    public init(id reportID: String, outlet: String?, title: String?, url: String?, mediaType: String, published: String?,
                precision: String, recordedAt: String, position: Int64) {
        self.reportID = reportID
        self.outlet = outlet
        self.title = title
        self.url = url
        self.mediaType = mediaType
        self.published = published
        self.precision = precision
        self.recordedAt = recordedAt
        self.position = position
    }
}

extension SourceInfo {
    public init(id sourceID: String, name: String, kind: String, affiliation: String?, scopeReport: String? = nil,
                aliases: [String] = [], mergedInto: String?, assessed: Double? = nil) {
        self.sourceID = sourceID
        self.name = name
        self.kind = kind
        self.affiliation = affiliation
        self.scopeReport = scopeReport
        self.aliases = aliases
        self.mergedInto = mergedInto
        self.assessed = assessed
    }
}

extension IncidentInfo {
    public init(incidentID: String, title: String, mergedInto: String?) {
        self.init(incidentID: incidentID, title: title, kind: nil, date: nil, place: nil, mergedInto: mergedInto)
    }
}

extension ClaimRecord {
    public init(stored claim: ClaimAsserted, position: Int64, recordedAt: String, hash: String, withdrawn: String? = nil, movedTo: String? = nil) {
        self.claim = claim
        self.position = position
        self.recordedAt = recordedAt
        self.hash = hash
        self.withdrawn = withdrawn
        self.movedTo = movedTo
    }
}

extension GroupInconsistency {
    /// Group figures above their parent group's (children above civilians …) among these
    /// consensus figures, in their order.
    public static func find(in all: [Consensus], groupParents: [String: String] = ProjectionOptions.defaultGroupParents) -> [GroupInconsistency] {
        var byKey: [FigureKey: Consensus] = [:]
        for c in all { byKey[c.key] = c }
        var out: [GroupInconsistency] = []
        for c in all {
            guard let group = c.group, let parentGroup = groupParents[group], let best = c.best else { continue }
            guard let parent = byKey[FigureKey(incident: c.incident, figure: c.figure, group: parentGroup)], let parentBest = parent.best else { continue }
            guard best > parentBest else { continue }
            let hard = (c.low ?? best) > (parent.high ?? .infinity)
            out.append(GroupInconsistency(incident: c.incident, figure: c.figure, group: group, best: best, parentGroup: parentGroup,
                                          parentBest: parentBest, severity: hard ? "hard" : "best"))
        }
        return out
    }
}

extension ProjectionSnapshot {
    /// A snapshot assembled from stored parts (a store's materialised tables).
    public init(at position: Int64, consensus: [Consensus], reliability: [SourceReliability], inconsistencies: [GroupInconsistency]) {
        self.init(position: position, consensus: consensus, reliability: reliability, inconsistencies: inconsistencies)
    }
}
