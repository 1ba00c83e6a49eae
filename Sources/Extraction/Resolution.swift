import Events
import Foundation

/// An incident the ledger already knows, as incident resolution needs it.
public struct KnownIncident: Hashable, Sendable {
    public var id: String
    public var kind: String?
    public var placeKey: String?
    public var date: PartialTime

    public init(id: String, kind: String?, placeKey: String?, date: PartialTime) {
        self.id = id
        self.kind = kind
        self.placeKey = placeKey
        self.date = date
    }
}

/// Where a report's main incident goes.
public enum IncidentDecision: Hashable, Sendable {
    /// The report is about an incident already in the ledger.
    case attach(incidentID: String)
    /// A new incident; append this `incident_opened` first.
    case open(IncidentOpened)

    public var incidentID: String {
        switch self {
        case .attach(let id): id
        case .open(let e): e.incidentID
        }
    }
}

/// Decides, as a pure function, whether a report's main incident is one the ledger knows.
public enum IncidentResolver {
    /// Kinds of event that reports often name differently for one operation.
    static let compatibleKinds: [Set<String>] = [["raid", "airstrike", "drone_strike"], ["bombing", "shelling"]]

    /// Same place (by key), dates at most one day apart (or either unknown), compatible kinds.
    /// A report whose place is unknown never attaches: it opens its own incident, which an
    /// analyst can merge later (`incidents_merged`).
    public static func resolve(_ d: IncidentDescriptor, known: [KnownIncident]) -> IncidentDecision {
        if let key = d.placeKey {
            let candidates = known.filter { k in
                k.placeKey == key && datesCompatible(k.date, d.date) && kindsCompatible(k.kind, d.kind)
            }
            // Prefer the same kind and the closest date.
            if let best = candidates.min(by: { score($0, d) < score($1, d) }) { return .attach(incidentID: best.id) }
        }
        return .open(openEvent(for: d, taken: Set(known.map(\.id))))
    }

    static func score(_ k: KnownIncident, _ d: IncidentDescriptor) -> Int {
        (k.kind == d.kind ? 0 : 10) + (dayDistance(k.date, d.date) ?? 5)
    }

    static func day(_ t: PartialTime) -> Date? {
        guard let s = t.time, s.count >= 10, [.day, .minute, .second].contains(t.precision) else { return nil }
        return Dates.date(Int(s.prefix(4)) ?? 0, Int(s.dropFirst(5).prefix(2)) ?? 0, Int(s.dropFirst(8).prefix(2)) ?? 0)
    }

    static func dayDistance(_ a: PartialTime, _ b: PartialTime) -> Int? {
        guard let x = day(a), let y = day(b) else { return nil }
        return Int((abs(x.timeIntervalSince(y)) / 86_400).rounded())
    }

    static func datesCompatible(_ a: PartialTime, _ b: PartialTime) -> Bool {
        if let d = dayDistance(a, b) { return d <= 1 }
        // Coarser times: compatible when one contains the other or either is unknown.
        guard let x = a.time, let y = b.time else { return true }
        return x.hasPrefix(String(y.prefix(7))) || y.hasPrefix(String(x.prefix(7)))
    }

    static func kindsCompatible(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b, a != b else { return true }
        return compatibleKinds.contains { $0.contains(a) && $0.contains(b) }
    }

    /// `incident_opened` for a new incident with a readable, unique id: `atmeh-raid-2022-02-03`.
    public static func openEvent(for d: IncidentDescriptor, taken: Set<String>) -> IncidentOpened {
        var parts: [String] = []
        parts.append(d.placeKey ?? "unplaced")
        if let k = d.kind { parts.append(k.replacingOccurrences(of: "_", with: "-")) }
        if let t = d.date.time { parts.append(String(t.prefix(10))) }
        let base = parts.joined(separator: "-")
        var id = base
        var n = 2
        while taken.contains(id) { id = "\(base)-\(n)"; n += 1 }
        let what = (d.kind ?? "incident").replacingOccurrences(of: "_", with: " ")
        let title = d.place.map { "\(what) near \($0)" } ?? what
        return IncidentOpened(incidentID: id, title: title, kind: d.kind, date: d.date, place: d.place)
    }
}

extension ExtractionResult {
    /// The ledger events for this extraction of report `reportID`, in append order:
    /// `source_registered` for every source not in `knownSources`, `incident_opened` when the
    /// decision opens one, then one `claim_asserted` per main-incident claim (background
    /// claims are left out: they belong to other incidents).
    ///
    /// Claim ids are derived from the report, figure, group, originator and first span, so
    /// extracting the same report again yields the same ids (idempotent appends). Anonymous
    /// collectives are registered per report (`local-sources@<report prefix>`); claims in the
    /// report's own voice go to `outletSourceID`, or to a per-report `outlet@<prefix>` source.
    public func events(reportID: String, decision: IncidentDecision, outletSourceID: String? = nil,
                       knownSources: Set<String> = []) -> [any EventPayload] {
        var out: [any EventPayload] = []
        let prefix = String(reportID.prefix(12))
        var registered = knownSources
        func scoped(_ id: String) -> String {
            if id == ExtractedClaim.outletOriginator { return outletSourceID ?? "outlet@\(prefix)" }
            if let s = sources.first(where: { $0.id == id }), s.scopedToReport { return "\(id)@\(prefix)" }
            return id
        }
        for s in sources {
            let id = scoped(s.id)
            guard !registered.contains(id) else { continue }
            registered.insert(id)
            out.append(SourceRegistered(sourceID: id, name: s.name, kind: s.kind, affiliation: s.affiliation, scopeReport: s.scopedToReport ? reportID : nil))
        }
        let main = mainClaims
        if main.contains(where: { $0.originator == ExtractedClaim.outletOriginator }), outletSourceID == nil, !registered.contains("outlet@\(prefix)") {
            out.append(SourceRegistered(sourceID: "outlet@\(prefix)", name: "publisher of report \(prefix)", kind: .outlet, scopeReport: reportID))
        }
        if case .open(let opened) = decision { out.append(opened) }
        for c in main {
            let originator = scoped(c.originator)
            let via = c.via.map(scoped).filter { $0 != originator }
            let first = c.quotes.first
            let key = [reportID, c.figure, c.group ?? "-", originator, "\(first?.start ?? 0)", "\(first?.end ?? 0)", c.bound.rawValue].joined(separator: "|")
            let digest = ReportText.id(ofNormalised: key)
            out.append(ClaimAsserted(claimID: "rules1-\(digest.prefix(24))", reportID: reportID, incidentID: decision.incidentID, figure: c.figure,
                                     group: c.group, value: c.value.map(ClaimValue.number), bound: c.bound,
                                     low: c.low, high: c.high,
                                     originator: originator, via: via, quotes: c.quotes, extractor: extractor, combined: c.combined))
        }
        return out
    }
}
