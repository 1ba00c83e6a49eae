import Events
import Foundation

/// An event with the envelope facts projections need: where it stands in the log and when the
/// ledger learned it.
public struct ProjectionEvent: Sendable, Hashable {
    public var position: Int64
    /// Transaction time, `2026-11-21T06:01:02.345Z`.
    public var recordedAt: String
    /// The envelope hash, for audit; empty when the event was never stored.
    public var hash: String
    public var event: LedgerEvent

    public init(position: Int64, recordedAt: String, hash: String = "", event: LedgerEvent) {
        self.position = position
        self.recordedAt = recordedAt
        self.hash = hash
        self.event = event
    }

    /// Decodes (and upcasts) a stored event.
    public init(_ recorded: RecordedEvent) throws(WireFormatError) {
        self.init(position: recorded.position, recordedAt: recorded.recordedAt, hash: recorded.hash, event: try recorded.decode())
    }

    public init(_ recorded: RecordedEvent, event: LedgerEvent) {
        self.init(position: recorded.position, recordedAt: recorded.recordedAt, hash: recorded.hash, event: event)
    }
}

/// A report as projections see it (the text stays in the store).
public struct ReportInfo: Sendable, Hashable, Codable {
    public var reportID: String
    public var outlet: String?
    public var title: String?
    public var url: String?
    public var mediaType: String
    /// Normalised publication time; nil when unknown.
    public var published: String?
    public var precision: String
    public var recordedAt: String
    public var position: Int64

    /// Whether the publication time is precise enough (minute or second) to order claims by.
    public var hasPreciseTime: Bool { published != nil && (precision == "minute" || precision == "second") }
}

/// A source with its aliases and, once merged, the source it now counts as.
public struct SourceInfo: Sendable, Hashable, Codable {
    public var sourceID: String
    public var name: String
    public var kind: String
    public var affiliation: String?
    public var scopeReport: String?
    public var aliases: [String]
    public var mergedInto: String?
    /// The latest analyst prior (`source_assessed`), 0…1.
    public var assessed: Double?
}

public struct IncidentInfo: Sendable, Hashable, Codable {
    public var incidentID: String
    public var title: String
    public var kind: String?
    public var date: String?
    public var place: String?
    public var mergedInto: String?
    /// When the ledger recorded its `incident_opened` (nil for an id only named by a merge).
    public var openedAt: String? = nil
}

/// One assertion with where and when the ledger stored it and what happened to it since.
public struct ClaimRecord: Sendable, Hashable {
    public var claim: ClaimAsserted
    public var position: Int64
    public var recordedAt: String
    public var hash: String
    /// The reason, once withdrawn: the claim no longer counts anywhere.
    public var withdrawn: String?
    /// The incident it was moved to (before incident merges are applied).
    public var movedTo: String?
}

/// Incident × figure × group: what a consensus is about.
public struct FigureKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var incident: String
    public var figure: String
    public var group: String?

    public init(incident: String, figure: String, group: String?) {
        self.incident = incident
        self.figure = figure
        self.group = group
    }

    public static func < (a: FigureKey, b: FigureKey) -> Bool {
        (a.incident, a.figure, a.group ?? "") < (b.incident, b.figure, b.group ?? "")
    }

    public var description: String { "\(incident) \(figure)\(group.map { "/" + $0 } ?? "")" }
}

/// The claims state: a fold over the event log (`initial`, `evolve`). Pure: the same events in
/// the same order give an equal state, whether folded at once or in chunks.
public struct ClaimsState: Sendable, Hashable {
    public var reports: [String: ReportInfo] = [:]
    public var sources: [String: SourceInfo] = [:]
    public var incidents: [String: IncidentInfo] = [:]
    public var claims: [String: ClaimRecord] = [:]
    public var adjudications: [FigureKey: FigureAdjudicated] = [:]
    /// Position of the last event folded in (0 for none).
    public var position: Int64 = 0
    public var recordedAt: String = ""

    public static let initial = ClaimsState()

    public init() {}

    /// Folds a sequence of events into a state.
    public static func fold<S: Sequence>(_ events: S, from state: ClaimsState = .initial) -> ClaimsState where S.Element == ProjectionEvent {
        var state = state
        for e in events { state.apply(e) }
        return state
    }

    /// The state after one more event.
    public func evolve(_ event: ProjectionEvent) -> ClaimsState {
        var next = self
        next.apply(event)
        return next
    }

    public mutating func apply(_ e: ProjectionEvent) {
        position = e.position
        recordedAt = e.recordedAt
        switch e.event {
        case .reportIngested(let r):
            if reports[r.reportID] == nil {
                reports[r.reportID] = ReportInfo(reportID: r.reportID, outlet: r.outlet, title: r.title, url: r.url, mediaType: r.mediaType,
                                                 published: r.published.time, precision: r.published.precision.rawValue,
                                                 recordedAt: e.recordedAt, position: e.position)
            }
        case .sourceRegistered(let s):
            var info = sources[s.sourceID] ?? SourceInfo(sourceID: s.sourceID, name: s.name, kind: s.kind.rawValue, aliases: [])
            info.name = s.name
            info.kind = s.kind.rawValue
            info.affiliation = s.affiliation
            info.scopeReport = s.scopeReport
            sources[s.sourceID] = info
        case .sourceAliasAdded(let a):
            var info = sources[a.sourceID] ?? SourceInfo.placeholder(a.sourceID)
            if !info.aliases.contains(a.alias) { info.aliases.append(a.alias) }
            sources[a.sourceID] = info
        case .sourcesMerged(let m):
            var merged = sources[m.merged] ?? SourceInfo.placeholder(m.merged)
            // Refuse cycles: merging a source into one that already counts as it is a no-op.
            guard canonicalSource(m.into) != canonicalSource(m.merged) else { break }
            merged.mergedInto = m.into
            sources[m.merged] = merged
            var into = sources[m.into] ?? SourceInfo.placeholder(m.into)
            for alias in [merged.name] + merged.aliases where !into.aliases.contains(alias) && alias != into.name {
                into.aliases.append(alias)
            }
            sources[m.into] = into
        case .incidentOpened(let i):
            incidents[i.incidentID] = IncidentInfo(incidentID: i.incidentID, title: i.title, kind: i.kind, date: i.date.time, place: i.place,
                                                   mergedInto: incidents[i.incidentID]?.mergedInto,
                                                   openedAt: incidents[i.incidentID]?.openedAt ?? e.recordedAt)
        case .incidentsMerged(let m):
            guard canonicalIncident(m.into) != canonicalIncident(m.merged) else { break }
            var merged = incidents[m.merged] ?? IncidentInfo(incidentID: m.merged, title: m.merged)
            merged.mergedInto = m.into
            incidents[m.merged] = merged
            if incidents[m.into] == nil { incidents[m.into] = IncidentInfo(incidentID: m.into, title: m.into) }
        case .claimAsserted(let c):
            if claims[c.claimID] == nil {
                claims[c.claimID] = ClaimRecord(claim: c, position: e.position, recordedAt: e.recordedAt, hash: e.hash)
            }
        case .claimWithdrawn(let w):
            claims[w.claimID]?.withdrawn = w.reason
        case .claimMoved(let m):
            claims[m.claimID]?.movedTo = m.toIncident
        case .sourceAssessed(let a):
            var info = sources[a.sourceID] ?? SourceInfo.placeholder(a.sourceID)
            info.assessed = a.reliability
            sources[a.sourceID] = info
        case .figureAdjudicated(let f):
            adjudications[FigureKey(incident: f.incidentID, figure: f.figure, group: f.group)] = f
        }
    }

    /// The source an id counts as after merges.
    public func canonicalSource(_ id: String) -> String {
        // Most sources were never merged: spare them the cycle guard.
        guard sources[id]?.mergedInto != nil else { return id }
        var current = id
        var seen: Set<String> = [id]
        while let next = sources[current]?.mergedInto, seen.insert(next).inserted { current = next }
        return current
    }

    /// The incident an id counts as after merges.
    public func canonicalIncident(_ id: String) -> String {
        guard incidents[id]?.mergedInto != nil else { return id }
        var current = id
        var seen: Set<String> = [id]
        while let next = incidents[current]?.mergedInto, seen.insert(next).inserted { current = next }
        return current
    }

    /// The figure a live claim counts for (after moves and merges); nil once withdrawn.
    public func key(of record: ClaimRecord) -> FigureKey? {
        guard record.withdrawn == nil else { return nil }
        return FigureKey(incident: canonicalIncident(record.movedTo ?? record.claim.incidentID), figure: record.claim.figure, group: record.claim.group)
    }

    public func sourceName(_ id: String) -> String { sources[id]?.name ?? id }
}

extension SourceInfo {
    static func placeholder(_ id: String) -> SourceInfo {
        SourceInfo(sourceID: id, name: id, kind: SourceKind.unknown.rawValue, aliases: [])
    }
}

extension ClaimsState {
    /// The state as of a moment of the ledger: the events up to `position` (inclusive) and/or
    /// recorded before `recordedBefore` (a prefix of the log, since recorded time only grows).
    /// As of a published time is a projection option instead (``ProjectionOptions/publishedBefore``),
    /// since publication times do not follow the log's order.
    public static func asOf<S: Sequence>(_ events: S, position: Int64? = nil, recordedBefore: String? = nil) -> ClaimsState
    where S.Element == ProjectionEvent {
        var state = ClaimsState.initial
        for e in events {
            if let position, e.position > position { break }
            if let recordedBefore, e.recordedAt >= recordedBefore { break }
            state.apply(e)
        }
        return state
    }
}

/// An incident with what is known about it, for `claims incidents`.
public struct IncidentSummary: Codable, Hashable, Sendable {
    public var incident: String
    public var title: String
    public var kind: String?
    public var date: String?
    public var place: String?
    /// Incidents merged into it.
    public var merged: [String]
    /// Live claims about it.
    public var claims: Int
    public var figures: Int

    public init(incident: String, title: String, kind: String?, date: String?, place: String?, merged: [String], claims: Int, figures: Int) {
        self.incident = incident
        self.title = title
        self.kind = kind
        self.date = date
        self.place = place
        self.merged = merged
        self.claims = claims
        self.figures = figures
    }
}

extension ClaimsState {
    /// Every incident that is not merged into another, by id.
    ///
    /// With `publishedBefore` (as of a published time, like ``ProjectionOptions/publishedBefore``):
    /// only the live claims placed before the cutoff count, each by its report's publication time
    /// (by its recorded time when that is unknown), and an incident is listed when something about
    /// it is placed before the cutoff: one of those claims, or its opening (or that of an incident
    /// merged into it), which has no publication time and so counts by when the ledger recorded it.
    public func incidentSummaries(publishedBefore cutoff: String? = nil) -> [IncidentSummary] {
        incidentSummaries(publishedBefore: cutoff, tallies: tallies(publishedBefore: cutoff).mapValues { ($0.claims, $0.figures.count) })
    }

    /// The summaries, given the live claims and figures of each incident placed before the cutoff.
    func incidentSummaries(publishedBefore cutoff: String?, tallies: [String: (claims: Int, figures: Int)]) -> [IncidentSummary] {
        var merged: [String: [String]] = [:]
        var openedBefore = Set<String>()
        for info in incidents.values {
            let canonical = canonicalIncident(info.incidentID)
            if info.mergedInto != nil { merged[canonical, default: []].append(info.incidentID) }
            if let cutoff, let opened = info.openedAt, opened < cutoff { openedBefore.insert(canonical) }
        }
        return incidents.values.filter { info in
            guard info.mergedInto == nil else { return false }
            return cutoff == nil || tallies[info.incidentID] != nil || openedBefore.contains(info.incidentID)
        }.sorted { $0.incidentID < $1.incidentID }.map { info in
            IncidentSummary(incident: info.incidentID, title: info.title, kind: info.kind, date: info.date, place: info.place,
                            merged: (merged[info.incidentID] ?? []).sorted(), claims: tallies[info.incidentID]?.claims ?? 0,
                            figures: tallies[info.incidentID]?.figures ?? 0)
        }
    }

    /// Live claims about an incident (as merges resolve it) and how many figures they give.
    public func tally(of incident: String) -> (claims: Int, figures: Int) {
        let tally = tallies()[incident]
        return (tally?.claims ?? 0, tally?.figures.count ?? 0)
    }

    func tallies(publishedBefore cutoff: String? = nil) -> [String: (claims: Int, figures: Set<FigureKey>)] {
        var tallies: [String: (claims: Int, figures: Set<FigureKey>)] = [:]
        for record in claims.values {
            guard let key = key(of: record) else { continue }
            if let cutoff, placedTime(of: record) >= cutoff { continue }
            tallies[key.incident, default: (0, [])].claims += 1
            tallies[key.incident, default: (0, [])].figures.insert(key)
        }
        return tallies
    }
}
