import Foundation

/// Every event the ledger stores, as one closed set.
public enum LedgerEvent: Hashable, Sendable {
    case reportIngested(ReportIngested)
    case sourceRegistered(SourceRegistered)
    case sourceAliasAdded(SourceAliasAdded)
    case sourcesMerged(SourcesMerged)
    case incidentOpened(IncidentOpened)
    case incidentsMerged(IncidentsMerged)
    case claimAsserted(ClaimAsserted)
    case claimWithdrawn(ClaimWithdrawn)
    case claimMoved(ClaimMoved)
    case sourceAssessed(SourceAssessed)
    case figureAdjudicated(FigureAdjudicated)

    /// The catalogue, in the order the design lists it.
    public static let payloadTypes: [any EventPayload.Type] = [
        ReportIngested.self, SourceRegistered.self, SourceAliasAdded.self, SourcesMerged.self,
        IncidentOpened.self, IncidentsMerged.self, ClaimAsserted.self, ClaimWithdrawn.self,
        ClaimMoved.self, SourceAssessed.self, FigureAdjudicated.self,
    ]

    public static func payloadType(named type: String) -> (any EventPayload.Type)? {
        payloadTypes.first { $0.type == type }
    }

    public var payload: any EventPayload {
        switch self {
        case .reportIngested(let p): p
        case .sourceRegistered(let p): p
        case .sourceAliasAdded(let p): p
        case .sourcesMerged(let p): p
        case .incidentOpened(let p): p
        case .incidentsMerged(let p): p
        case .claimAsserted(let p): p
        case .claimWithdrawn(let p): p
        case .claimMoved(let p): p
        case .sourceAssessed(let p): p
        case .figureAdjudicated(let p): p
        }
    }

    public init(_ payload: any EventPayload) {
        switch payload {
        case let p as ReportIngested: self = .reportIngested(p)
        case let p as SourceRegistered: self = .sourceRegistered(p)
        case let p as SourceAliasAdded: self = .sourceAliasAdded(p)
        case let p as SourcesMerged: self = .sourcesMerged(p)
        case let p as IncidentOpened: self = .incidentOpened(p)
        case let p as IncidentsMerged: self = .incidentsMerged(p)
        case let p as ClaimAsserted: self = .claimAsserted(p)
        case let p as ClaimWithdrawn: self = .claimWithdrawn(p)
        case let p as ClaimMoved: self = .claimMoved(p)
        case let p as SourceAssessed: self = .sourceAssessed(p)
        case let p as FigureAdjudicated: self = .figureAdjudicated(p)
        default: preconditionFailure("\(Swift.type(of: payload)) is not in LedgerEvent.payloadTypes")
        }
    }

    public var type: String { Swift.type(of: payload).type }
    public var stream: String { payload.stream }

    /// Reads a stored or incoming payload of any schema version the ledger has shipped:
    /// older versions are upcast to the current one first.
    ///
    /// `validating: false` is for payloads the ledger itself stored: they were validated when
    /// appended and the hash chain covers their bytes (`claims verify`), so reading them skips
    /// the field checks (string lengths, patterns, a report's normalisation and text hash) and
    /// only needs each field to have the type it reads.
    public static func decode(type: String, schemaVersion: Int, payload: JSONValue, validating: Bool = true) throws(WireFormatError) -> LedgerEvent {
        guard let payloadType = payloadType(named: type) else {
            throw WireFormatError(field: "type", reason: "unknown event type \"\(type)\"; known types: \(payloadTypes.map { $0.type }.joined(separator: ", "))")
        }
        if validating, schemaVersion < payloadType.schemaVersion, let fields = Upcasting.historicalFields[type]?[schemaVersion] {
            try FieldType.validateObject(payload, fields: fields, at: "payload")
        }
        let current = try Upcasting.upcast(type: type, from: schemaVersion, to: payloadType.schemaVersion, payload: payload)
        return LedgerEvent(try validating ? payloadType.decode(current) : payloadType.decodeStored(current))
    }
}

/// How older schema versions become the current one. Stored events are never rewritten: their
/// bytes (and hashes) stay as appended, and reading upcasts them in memory.
public enum Upcasting {
    /// Upcasters keyed by type and the version they read; each returns the next version.
    static let steps: [String: [Int: @Sendable (JSONValue) -> JSONValue]] = [
        ClaimAsserted.type: [1: claimAssertedV1toV2],
    ]

    public static func upcast(type: String, from version: Int, to current: Int, payload: JSONValue) throws(WireFormatError) -> JSONValue {
        guard version >= 1, version <= current else {
            throw WireFormatError(field: "schema_version", reason: "\(type) has schema versions 1 to \(current), not \(version)")
        }
        var payload = payload
        for v in version..<current {
            guard let step = steps[type]?[v] else {
                throw WireFormatError(field: "schema_version", reason: "no upcaster for \(type) version \(v)")
            }
            payload = step(payload)
        }
        return payload
    }

    /// claim_asserted v1 carried one passage as top-level `quote`, `start`, `end`;
    /// v2 carries `quotes`, a list, so that one claim stated twice in a report is one claim.
    @Sendable static func claimAssertedV1toV2(_ payload: JSONValue) -> JSONValue {
        guard case .object(var members) = payload else { return payload }
        let quote = members.removeValue(forKey: "quote")
        let start = members.removeValue(forKey: "start")
        let end = members.removeValue(forKey: "end")
        if let quote {
            members["quotes"] = .array([.object(["text": quote, "start": start ?? .null, "end": end ?? .null])])
        }
        return .object(members)
    }

    /// Fields of versions older than the current one, for validating them before upcasting
    /// (so that errors name the fields the producer wrote) and for their published schemas.
    public static let historicalFields: [String: [Int: [Field]]] = [
        ClaimAsserted.type: [1: claimAssertedV1Fields],
    ]

    static let claimAssertedV1Fields: [Field] = ClaimAsserted.fields.filter { $0.name != "quotes" } + [
        Field("quote", .string(minLength: 1), "the passage"),
        Field("start", .integer(minimum: 0), "offset of the passage in Unicode scalars"),
        Field("end", .integer(minimum: 0), "end offset in Unicode scalars, exclusive"),
    ]
}
