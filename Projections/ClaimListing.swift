import Events

/// Every live claim of every incident, grouped by figure and group: what `claims demo` prints.
/// A pure fold over events: withdrawn claims drop out, moved claims follow, merged incidents
/// combine.
public struct ClaimListing: Sendable {
    public struct Incident: Sendable {
        public var id: String
        public var title: String
        public var date: PartialTime
        public var place: String?
        /// Figures in a stable order: numeric figures by name and group, then categorical ones.
        public var figures: [Figure]
    }

    public struct Figure: Sendable {
        public var figure: String
        public var group: String?
        public var claims: [Claim]
    }

    public struct Claim: Sendable {
        public var claimID: String
        public var value: ClaimValue?
        public var bound: Bound
        public var low: Double?
        public var high: Double?
        /// Display names: the originator, then relays nearest first.
        public var originator: String
        public var via: [String]
        public var quote: String
        public var reportID: String
        public var extractor: String
        public var position: Int64
    }

    public var incidents: [Incident]

    /// Builds the listing from events in position order.
    public init(_ events: [(position: Int64, event: LedgerEvent)]) {
        var titles: [String: IncidentOpened] = [:]
        var incidentOrder: [String] = []
        var mergedInto: [String: String] = [:]
        var sourceNames: [String: String] = [:]
        var claims: [String: (claim: ClaimAsserted, position: Int64)] = [:]
        var claimOrder: [String] = []
        for (position, event) in events {
            switch event {
            case .incidentOpened(let e):
                titles[e.incidentID] = e
                incidentOrder.append(e.incidentID)
            case .incidentsMerged(let e): mergedInto[e.merged] = e.into
            case .sourceRegistered(let e): sourceNames[e.sourceID] = e.name
            case .claimAsserted(let c):
                claims[c.claimID] = (c, position)
                claimOrder.append(c.claimID)
            case .claimWithdrawn(let e): claims[e.claimID] = nil
            case .claimMoved(let e): claims[e.claimID]?.claim.incidentID = e.toIncident
            default: break
            }
        }
        func resolve(_ incident: String) -> String {
            var id = incident
            var seen: Set<String> = []
            while let next = mergedInto[id], seen.insert(id).inserted { id = next }
            return id
        }
        var byIncident: [String: [String: Figure]] = [:]
        for claimID in claimOrder {
            guard let (c, position) = claims[claimID] else { continue }
            let incident = resolve(c.incidentID)
            let key = "\(c.figure)/\(c.group ?? "")"
            var figure = byIncident[incident, default: [:]][key] ?? Figure(figure: c.figure, group: c.group, claims: [])
            figure.claims.append(Claim(
                claimID: c.claimID, value: c.value, bound: c.bound, low: c.low, high: c.high,
                originator: sourceNames[c.originator] ?? c.originator, via: c.via.map { sourceNames[$0] ?? $0 },
                quote: c.quotes.first?.text ?? "", reportID: c.reportID, extractor: c.extractor.description, position: position))
            byIncident[incident, default: [:]][key] = figure
        }
        incidents = incidentOrder.filter { mergedInto[$0] == nil }.map { id in
            let figures = (byIncident[id] ?? [:]).values.sorted { a, b in
                let aCategorical = a.claims.first?.value?.label != nil, bCategorical = b.claims.first?.value?.label != nil
                if aCategorical != bCategorical { return !aCategorical }
                return (a.figure, a.group ?? "") < (b.figure, b.group ?? "")
            }
            let opened = titles[id]!
            return Incident(id: id, title: opened.title, date: opened.date, place: opened.place, figures: figures)
        }
    }
}
