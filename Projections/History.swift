import Events
import Foundation

/// One claim as it entered a figure's history.
public struct HistoryClaim: Codable, Hashable, Sendable {
    public var claim: String
    public var originator: String
    public var via: [String]
    public var value: String?
    public var bound: String
    public var low: Double?
    public var high: Double?
}

/// A figure's consensus right after one report.
public struct HistoryStep: Codable, Hashable, Sendable {
    public var report: String
    public var outlet: String?
    /// The time the step is placed at: publication time, or recorded time (see `placement`).
    public var time: String
    /// `recorded` marks a report whose publication time is unknown or coarse.
    public var placement: Placement
    public var published: String?
    public var precision: String
    public var claims: [HistoryClaim]
    public var best: Double?
    public var label: String?
    public var low: Double?
    public var high: Double?
    public var grade: Grade
    public var originators: Int
}

/// How a figure moved as reports came in: every claim in time order, and the consensus after each
/// report (with today's reliability weights, so that steps differ only by the claims known).
public struct FigureHistory: Codable, Hashable, Sendable {
    public var incident: String
    public var figure: String
    public var group: String?
    public var steps: [HistoryStep]
}

extension ProjectionContext {
    /// The history of one figure; nil when no live claim states it.
    public func history(_ key: FigureKey) -> FigureHistory? {
        guard let claims = claimsByKey[key], !claims.isEmpty else { return nil }
        let ordered = claims.sorted { a, b in
            if a.time != b.time { return a.time < b.time }
            if a.record.position != b.record.position { return a.record.position < b.record.position }
            return a.id < b.id
        }
        let adjudicated = self.adjudicated[key]?.value
        var steps: [HistoryStep] = []
        var seen: [ResolvedClaim] = []
        var index = 0
        while index < ordered.count {
            let report = ordered[index].claim.reportID
            let time = ordered[index].time
            var batch: [ResolvedClaim] = []
            while index < ordered.count, ordered[index].claim.reportID == report, ordered[index].time == time {
                batch.append(ordered[index])
                index += 1
            }
            seen.append(contentsOf: batch)
            let claims = seen.sorted { $0.id < $1.id }
            // Built as the consensus builds its items, so that the last step is the consensus.
            let item = Item(key: key, claims: claims, adjudicated: adjudicated, sourceIndex: sourceIndex, labelSpace: labelSpaces[key.figure],
                            logScale: !options.categoricalFigures.contains(key.figure),
                            hierarchy: ProjectionContext.hierarchy(options: options, figure: key.figure, claims: claims))
            let c = consensus(of: item, total: seen.count)
            let first = batch[0]
            steps.append(HistoryStep(
                report: report, outlet: first.report?.outlet, time: first.time, placement: first.placement,
                published: first.report?.published, precision: first.report?.precision ?? TimePrecision.unknown.rawValue,
                claims: batch.map { HistoryClaim(claim: $0.id, originator: $0.originator, via: $0.via, value: $0.claim.value?.display,
                                                 bound: $0.claim.bound.rawValue, low: $0.low.isFinite ? $0.low : nil,
                                                 high: $0.high.isFinite ? $0.high : nil) },
                best: c.best, label: c.label, low: c.low, high: c.high, grade: c.grade, originators: c.originators))
        }
        return FigureHistory(incident: key.incident, figure: key.figure, group: key.group, steps: steps)
    }
}
