import Events
import Foundation
import GRDB

/// What happened to one event handed to ``Appender``.
public enum AppendOutcome: Equatable, Sendable {
    case appended(position: Int64)
    /// An event with this id is already stored (with the same content): nothing was written.
    case duplicate(position: Int64)
    /// A report with this text is already stored: nothing was written.
    case alreadyIngested(reportID: String, position: Int64)

    public var isNew: Bool { if case .appended = self { true } else { false } }
}

/// Appends events inside one write transaction (see ``LedgerStore/write(actor:_:)``):
/// checks each event against the ledger, extends the hash chain, and keeps the indexes
/// (reports, sources, incidents, claims) in step.
public struct Appender {
    let db: Database
    let actor: String
    /// Transaction time, shared by every event of the transaction.
    public let recordedAt: String
    public private(set) var headPosition: Int64
    private var headHash: [UInt8]
    /// Reports' positions and publication times (the claims index copies the latter).
    private var knownReports: [String: (position: Int64, published: String?)] = [:]
    private var knownSources: Set<String> = []
    private var knownIncidents: Set<String> = []
    /// Texts of the reports this transaction appended, and offset indexes of reports whose
    /// quotes were checked: only the most recent ones, since claims follow their report (an
    /// older one is read back from the ledger), so that a long import holds a bounded number.
    private var reportTexts = RecentCache<String>(capacity: 64)
    private var reportIndexes = RecentCache<ScalarOffsetIndex>(capacity: 64)

    init(db: Database, actor: String) throws {
        self.db = db
        self.actor = actor
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var now = formatter.string(from: Date())
        if let row = try Row.fetchOne(db, sql: "SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1") {
            headPosition = row[0]
            headHash = [UInt8](row[1] as Data)
            // Each write gets a recorded time after the last one's, even within one millisecond or
            // when the clock stepped back: which events were written together is then exact
            // (learning points depend on it) and "recorded before" always cuts the log's prefix.
            let last: String = row[2]
            if now <= last, let lastDate = formatter.date(from: last) {
                now = formatter.string(from: lastDate.addingTimeInterval(0.001))
            }
        } else {
            headPosition = 0
            headHash = [UInt8](repeating: 0, count: 32)
        }
        recordedAt = now
    }

    /// Appends one event, unless its id is already stored (or, for a report, its text).
    public mutating func append(_ new: NewEvent) throws -> AppendOutcome {
        if case .reportIngested(let report) = new.event, let position = try reportPosition(report.reportID) {
            if let duplicate = try storedDuplicate(of: new) { return duplicate }
            return .alreadyIngested(reportID: report.reportID, position: position)
        }
        // An event that starts a new stream (most are: every claim, report, source, incident)
        // is inserted straight away at version 1; the unique indexes on id and (stream, version)
        // catch a repeated id or an existing stream, and only then is the ledger asked which.
        // Every other event reads its stream's version first. (So a repeated event is checked
        // against the ledger before it is recognised as a repeat: re-importing a file re-checks
        // its quotes, and an id reused with other content that also names something missing is
        // reported as the missing reference.)
        let optimistic = new.expectedVersion == .noStream
        if !optimistic, let duplicate = try storedDuplicate(of: new) { return duplicate }
        try check(new.event)
        let version: Int64
        if optimistic {
            version = 1
        } else {
            let current = try streamVersion(new.stream)
            if case .exactly(let expected) = new.expectedVersion, expected != current {
                throw LedgerError.versionConflict(stream: new.stream, expected: new.expectedVersion, actual: current)
            }
            version = current + 1
        }
        let position = headPosition + 1
        let actor = new.actor ?? self.actor
        let hash = RecordedEvent.chainHash(
            previousHash: headHash, position: position, id: new.id, stream: new.stream, version: version,
            type: new.type, schemaVersion: new.schemaVersion, recordedAt: recordedAt, actor: actor,
            correlationID: new.correlationID, payloadJSON: new.payloadJSON)
        do {
            try insert(position: position, id: new.id, stream: new.stream, version: version, type: new.type,
                       schemaVersion: new.schemaVersion, recordedAt: recordedAt, actor: actor,
                       correlationID: new.correlationID, payload: new.payloadJSON, hash: hash)
        } catch let error as DatabaseError where optimistic && error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            if let duplicate = try storedDuplicate(of: new) { return duplicate }
            throw LedgerError.versionConflict(stream: new.stream, expected: new.expectedVersion, actual: try streamVersion(new.stream))
        }
        try index(new.event, position: position)
        return .appended(position: position)
    }

    /// `.duplicate` when an event with this id is stored with the same content; an error when
    /// the id is stored with other content.
    private func storedDuplicate(of new: NewEvent) throws -> AppendOutcome? {
        guard let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT position, type, payload FROM events WHERE id = ?"), arguments: [new.id]) else {
            return nil
        }
        let sameContent = existing["type"] as String == new.type && (existing["payload"] as String).utf8.elementsEqual(new.payloadJSON)
        guard sameContent else { throw LedgerError.idReused(id: new.id) }
        return .duplicate(position: existing["position"])
    }

    /// Stores an event exactly as another ledger recorded it (`claims import --format events`),
    /// keeping its position, envelope and hash. It must continue this ledger's chain; an event
    /// already stored at its position with the same hash is skipped, so an import can resume.
    public mutating func replicate(_ recorded: RecordedEvent, _ event: LedgerEvent) throws -> AppendOutcome {
        if recorded.position <= headPosition {
            let stored = try Data.fetchOne(db.cachedStatement(sql: "SELECT hash FROM events WHERE position = ?"), arguments: [recorded.position])
            guard let stored, Hex.encode([UInt8](stored)) == recorded.hash else {
                throw LedgerError.importDiverges(position: recorded.position, reason: "this ledger holds a different event there")
            }
            return .duplicate(position: recorded.position)
        }
        guard recorded.position == headPosition + 1 else {
            throw LedgerError.importDiverges(position: recorded.position, reason: "the ledger ends at \(headPosition), so the export is missing events before it")
        }
        guard recorded.previousHash == Hex.encode(headHash) else {
            throw LedgerError.importDiverges(position: recorded.position, reason: "its previous_hash does not match the hash of event \(headPosition)")
        }
        if try Int64.fetchOne(db.cachedStatement(sql: "SELECT position FROM events WHERE id = ?"), arguments: [recorded.id]) != nil {
            throw LedgerError.importDiverges(position: recorded.position, reason: "event id \(recorded.id) is already stored at another position")
        }
        try check(event)
        let current = try streamVersion(recorded.stream)
        guard recorded.version == current + 1 else {
            throw LedgerError.importDiverges(position: recorded.position, reason: "stream \(recorded.stream) is at version \(current), the event says \(recorded.version)")
        }
        guard let hash = Hex.decode(recorded.hash) else {
            throw LedgerError.invalidEvent(WireFormatError(field: "hash", reason: "must be 64 lowercase hex digits"))
        }
        try insert(position: recorded.position, id: recorded.id, stream: recorded.stream, version: recorded.version,
                   type: recorded.type, schemaVersion: recorded.schemaVersion, recordedAt: recorded.recordedAt,
                   actor: recorded.actor, correlationID: recorded.correlationID, payload: Array(recorded.payloadJSON.utf8), hash: hash)
        try index(event, position: recorded.position)
        return .appended(position: recorded.position)
    }

    // MARK: - Lookups importers use

    public mutating func hasSource(_ id: String) throws -> Bool {
        if knownSources.contains(id) { return true }
        let found = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM sources WHERE source_id = ?"), arguments: [id]) ?? false
        if found { knownSources.insert(id) }
        return found
    }

    public mutating func hasIncident(_ id: String) throws -> Bool {
        if knownIncidents.contains(id) { return true }
        let found = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM incidents WHERE incident_id = ?"), arguments: [id]) ?? false
        if found { knownIncidents.insert(id) }
        return found
    }

    /// The source with this id, name or alias, if any.
    public mutating func sourceID(named name: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT source_id FROM sources WHERE source_id = ?1 OR name = ?1
            UNION SELECT source_id FROM source_aliases WHERE alias = ?1 LIMIT 1
            """), arguments: [name])
    }

    /// Every source id, name and alias the ledger holds, with the id each names.
    public mutating func sourceNames() throws -> [(name: String, sourceID: String)] {
        try Row.fetchAll(db, sql: """
            SELECT source_id, source_id FROM sources UNION ALL SELECT name, source_id FROM sources
            UNION ALL SELECT alias, source_id FROM source_aliases ORDER BY 2, 1
            """).map { ($0[0], $0[1]) }
    }

    public mutating func hasClaim(_ id: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM claims WHERE claim_id = ?"), arguments: [id]) ?? false
    }

    public mutating func reportPosition(_ id: String) throws -> Int64? {
        try knownReport(id)?.position
    }

    private mutating func knownReport(_ id: String) throws -> (position: Int64, published: String?)? {
        if let known = knownReports[id] { return known }
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT position, published_time FROM reports WHERE report_id = ?"), arguments: [id]) else {
            return nil
        }
        let known = (position: row[0] as Int64, published: row[1] as String?)
        knownReports[id] = known
        return known
    }

    func streamVersion(_ stream: String) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(version) FROM events WHERE stream = ?"), arguments: [stream]) ?? 0
    }

    // MARK: - Checks

    /// Checks that an event's references exist and its quotes match the stored text.
    mutating func check(_ event: LedgerEvent) throws {
        func need(_ exists: Bool, _ field: String, _ kind: String, _ id: String) throws {
            if !exists { throw LedgerError.unknownReference(field: "payload.\(field)", kind: kind, id: id) }
        }
        switch event {
        case .reportIngested(let e):
            if let outlet = e.outlet { try need(try hasSource(outlet), "outlet", "source", outlet) }
        case .sourceRegistered(let e):
            if let affiliation = e.affiliation { try need(try hasSource(affiliation), "affiliation", "source", affiliation) }
            if let report = e.scopeReport { try need(try reportPosition(report) != nil, "scope_report", "report", report) }
        case .sourceAliasAdded(let e):
            try need(try hasSource(e.sourceID), "source_id", "source", e.sourceID)
        case .sourcesMerged(let e):
            try need(try hasSource(e.into), "into", "source", e.into)
            try need(try hasSource(e.merged), "merged", "source", e.merged)
        case .incidentOpened:
            break
        case .incidentsMerged(let e):
            try need(try hasIncident(e.into), "into", "incident", e.into)
            try need(try hasIncident(e.merged), "merged", "incident", e.merged)
        case .claimAsserted(let c):
            try need(try reportPosition(c.reportID) != nil, "report_id", "report", c.reportID)
            try need(try hasIncident(c.incidentID), "incident_id", "incident", c.incidentID)
            try need(try hasSource(c.originator), "originator", "source", c.originator)
            for (i, relay) in c.via.enumerated() { try need(try hasSource(relay), "via[\(i)]", "source", relay) }
            try checkQuotes(c)
        case .claimWithdrawn(let e):
            try need(try hasClaim(e.claimID), "claim_id", "claim", e.claimID)
        case .claimMoved(let e):
            try need(try hasClaim(e.claimID), "claim_id", "claim", e.claimID)
            try need(try hasIncident(e.toIncident), "to_incident", "incident", e.toIncident)
        case .sourceAssessed(let e):
            try need(try hasSource(e.sourceID), "source_id", "source", e.sourceID)
        case .figureAdjudicated(let e):
            try need(try hasIncident(e.incidentID), "incident_id", "incident", e.incidentID)
        }
    }

    mutating func checkQuotes(_ claim: ClaimAsserted) throws {
        let index = try reportIndex(claim.reportID)
        for (i, quote) in claim.quotes.enumerated() {
            let found = index.text(from: quote.start, to: quote.end)
            if found != quote.text {
                throw LedgerError.quoteMismatch(claim: claim.claimID, quote: i, expected: quote.text, found: found)
            }
        }
    }

    mutating func reportIndex(_ reportID: String) throws -> ScalarOffsetIndex {
        if let index = reportIndexes[reportID] { return index }
        let text: String
        if let pending = reportTexts.removeValue(forKey: reportID) {
            text = pending
        } else {
            let payload = try String.fetchOne(db, sql: """
                SELECT payload FROM events WHERE position = (SELECT position FROM reports WHERE report_id = ?)
                """, arguments: [reportID]) ?? "{}"
            text = (try? JSONValue.parse(payload))?["text"]?.stringValue ?? ""
        }
        let index = ScalarOffsetIndex(text)
        reportIndexes.insert(index, for: reportID)
        return index
    }

    // MARK: - Writing

    private mutating func insert(position: Int64, id: String, stream: String, version: Int64, type: String, schemaVersion: Int,
                        recordedAt: String, actor: String, correlationID: String?, payload: [UInt8], hash: [UInt8]) throws {
        var insert = DirectInsert(try db.cachedStatement(sql: """
            INSERT INTO events (position, id, stream, version, type, schema_version, recorded_at, actor, correlation_id, payload, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """))
        insert.bind(position)
        insert.bind(id)
        insert.bind(stream)
        insert.bind(version)
        insert.bind(type)
        insert.bind(Int64(schemaVersion))
        insert.bind(recordedAt)
        insert.bind(actor)
        insert.bind(correlationID)
        insert.bind(utf8: payload)
        insert.bind(blob: headHash)
        insert.bind(blob: hash)
        try insert.execute(db)
        headPosition = position
        headHash = hash
    }

    private mutating func index(_ event: LedgerEvent, position: Int64) throws {
        switch event {
        case .reportIngested(let e):
            try db.cachedStatement(sql: """
                INSERT INTO reports (report_id, position, media_type, outlet, title, published_time, published_precision, url)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [e.reportID, position, e.mediaType, e.outlet, e.title, e.published.time, e.published.precision.rawValue, e.url])
            knownReports[e.reportID] = (position, e.published.time)
            reportTexts.insert(e.text, for: e.reportID)
        case .sourceRegistered(let e):
            try db.cachedStatement(sql: "INSERT INTO sources (source_id, position, name, kind, affiliation) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [e.sourceID, position, e.name, e.kind.rawValue, e.affiliation])
            knownSources.insert(e.sourceID)
        case .sourceAliasAdded(let e):
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO source_aliases (alias, source_id, position) VALUES (?, ?, ?)")
                .execute(arguments: [e.alias, e.sourceID, position])
        case .sourcesMerged(let e):
            try db.cachedStatement(sql: "UPDATE sources SET merged_into = ? WHERE source_id = ?").execute(arguments: [e.into, e.merged])
        case .incidentOpened(let e):
            try db.cachedStatement(sql: "INSERT INTO incidents (incident_id, position, title) VALUES (?, ?, ?)")
                .execute(arguments: [e.incidentID, position, e.title])
            knownIncidents.insert(e.incidentID)
        case .incidentsMerged(let e):
            try db.cachedStatement(sql: "UPDATE incidents SET merged_into = ? WHERE incident_id = ?").execute(arguments: [e.into, e.merged])
        case .claimAsserted(let c):
            var insert = DirectInsert(try db.cachedStatement(sql: """
                INSERT INTO claims (claim_id, position, incident_id, figure, "group", value_number, value_label, bound, low, high,
                                    originator, report_id, published_time, extractor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """))
            insert.bind(c.claimID)
            insert.bind(position)
            insert.bind(c.incidentID)
            insert.bind(c.figure)
            insert.bind(c.group)
            insert.bind(c.value?.number)
            insert.bind(c.value?.label)
            insert.bind(c.bound.rawValue)
            insert.bind(c.low)
            insert.bind(c.high)
            insert.bind(c.originator)
            insert.bind(c.reportID)
            insert.bind(try knownReport(c.reportID)?.published)
            insert.bind(c.extractor.description)
            try insert.execute(db)
        case .claimWithdrawn(let e):
            try db.cachedStatement(sql: "UPDATE claims SET withdrawn_position = ? WHERE claim_id = ?").execute(arguments: [position, e.claimID])
        case .claimMoved(let e):
            try db.cachedStatement(sql: "UPDATE claims SET incident_id = ? WHERE claim_id = ?").execute(arguments: [e.toIncident, e.claimID])
        case .sourceAssessed, .figureAdjudicated:
            break
        }
    }
}

/// A map that keeps only the `capacity` most recently inserted entries.
struct RecentCache<Value> {
    let capacity: Int
    private var values: [String: Value] = [:]
    private var order: [String] = []
    private var oldest = 0

    init(capacity: Int) { self.capacity = capacity }

    subscript(key: String) -> Value? { values[key] }

    mutating func insert(_ value: Value, for key: String) {
        if values.updateValue(value, forKey: key) != nil { return }
        if order.count < capacity {
            order.append(key)
        } else {
            values.removeValue(forKey: order[oldest])
            order[oldest] = key
            oldest = (oldest + 1) % capacity
        }
    }

    mutating func removeValue(forKey key: String) -> Value? { values.removeValue(forKey: key) }
}
