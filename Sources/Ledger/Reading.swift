import Events
import Foundation
import GRDB

/// Which events to read. Every filter is optional; positions are inclusive.
public struct EventFilter: Sendable {
    public var stream: String?
    public var type: String?
    public var from: Int64?
    public var to: Int64?
    /// As of position N: what the ledger held when it ended at N.
    public var asOfPosition: Int64?
    /// Only events recorded before this time (`recorded_at` form, `…T06:17:00.000Z`).
    public var recordedBefore: String?

    public init(stream: String? = nil, type: String? = nil, from: Int64? = nil, to: Int64? = nil, asOfPosition: Int64? = nil,
                recordedBefore: String? = nil) {
        self.stream = stream
        self.type = type
        self.from = from
        self.to = to
        self.asOfPosition = asOfPosition
        self.recordedBefore = recordedBefore
    }

    /// The SQL `WHERE` clause (empty when nothing is filtered) and its arguments.
    var whereClause: (sql: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let stream { conditions.append("stream = ?"); arguments += [stream] }
        if let type { conditions.append("type = ?"); arguments += [type] }
        if let from { conditions.append("position >= ?"); arguments += [from] }
        if let to { conditions.append("position <= ?"); arguments += [to] }
        if let asOfPosition { conditions.append("position <= ?"); arguments += [asOfPosition] }
        if let recordedBefore { conditions.append("recorded_at < ?"); arguments += [recordedBefore] }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }
}

/// The first event at which `claims verify` found the chain broken.
public struct ChainBreak: Equatable, Sendable, CustomStringConvertible {
    public var position: Int64
    public var reason: String
    public var description: String { "event \(position): \(reason)" }
}

public struct LedgerStats: Sendable {
    public var eventsByType: [(type: String, count: Int)]
    public var reports: Int
    public var incidents: Int
    public var sources: Int
    public var claims: Int
    public var withdrawnClaims: Int
    public var lastPosition: Int64
    public var lastHash: String
}

extension LedgerStore {
    /// Calls `body` for each matching event in position order, streaming: the log is never
    /// held in memory as a whole.
    public func forEachEvent(_ filter: EventFilter = EventFilter(), _ body: (RecordedEvent) throws -> Void) throws {
        try read { db in
            let rows = try LedgerStore.eventRows(db, filter)
            while let row = try rows.next() { try body(LedgerStore.recordedEvent(row)) }
        }
    }

    /// The stored events `filter` selects, in position order, as rows ``recordedEvent(_:)`` reads.
    static func eventRows(_ db: Database, _ filter: EventFilter) throws -> RowCursor {
        let (whereClause, arguments) = filter.whereClause
        return try Row.fetchCursor(db, sql: """
            SELECT position, id, stream, version, type, schema_version, recorded_at, actor, correlation_id, payload, previous_hash, hash
            FROM events \(whereClause) ORDER BY position
            """, arguments: arguments)
    }

    public func events(_ filter: EventFilter = EventFilter()) throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        try forEachEvent(filter) { events.append($0) }
        return events
    }

    static func recordedEvent(_ row: Row) -> RecordedEvent {
        RecordedEvent(
            position: row[0], id: row[1], stream: row[2], version: row[3], type: row[4], schemaVersion: row[5],
            recordedAt: row[6], actor: row[7], correlationID: row[8], payloadJSON: row[9],
            previousHash: Hex.encode([UInt8](row[10] as Data)), hash: Hex.encode([UInt8](row[11] as Data)))
    }

    /// Recomputes the whole chain: positions gap-free from 1, each event linked to the previous
    /// hash and its hash matching its content. Returns the first break, or nil when intact.
    public func verify(progress: ((Int64, Int64) -> Void)? = nil) throws -> (checked: Int64, firstBreak: ChainBreak?) {
        try read { db in
            let total = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) FROM events") ?? 0
            let rows = try Row.fetchCursor(db, sql: """
                SELECT position, id, stream, version, type, schema_version, recorded_at, actor, correlation_id, payload, previous_hash, hash
                FROM events ORDER BY position
                """)
            var expectedPosition: Int64 = 1
            var previous = [UInt8](repeating: 0, count: 32)
            while let row = try rows.next() {
                let position: Int64 = row[0]
                if position != expectedPosition {
                    return (expectedPosition - 1, ChainBreak(position: expectedPosition, reason: "missing: the next stored position is \(position)"))
                }
                let storedPrevious = [UInt8](row[10] as Data)
                if storedPrevious != previous {
                    return (position - 1, ChainBreak(position: position, reason: "its previous_hash does not match the hash of event \(position - 1)"))
                }
                let payload: String = row[9]
                let computed = RecordedEvent.chainHash(
                    previousHash: previous, position: position, id: row[1], stream: row[2], version: row[3], type: row[4],
                    schemaVersion: row[5], recordedAt: row[6], actor: row[7], correlationID: row[8], payloadJSON: payload.utf8)
                let stored = [UInt8](row[11] as Data)
                if computed != stored {
                    return (position - 1, ChainBreak(position: position, reason: "its hash does not match its content: the event was altered after it was appended"))
                }
                previous = stored
                if position % 50_000 == 0 { progress?(position, total) }
                expectedPosition += 1
            }
            return (expectedPosition - 1, nil)
        }
    }

    public func stats() throws -> LedgerStats {
        try read { db in
            let byType = try Row.fetchAll(db, sql: "SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY type")
                .map { (type: $0[0] as String, count: $0[1] as Int) }
            let head = try Row.fetchOne(db, sql: "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1")
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            return LedgerStats(
                eventsByType: byType,
                reports: try count("SELECT COUNT(*) FROM reports"),
                incidents: try count("SELECT COUNT(*) FROM incidents WHERE merged_into IS NULL"),
                sources: try count("SELECT COUNT(*) FROM sources WHERE merged_into IS NULL"),
                claims: try count("SELECT COUNT(*) FROM claims"),
                withdrawnClaims: try count("SELECT COUNT(*) FROM claims WHERE withdrawn_position IS NOT NULL"),
                lastPosition: head?[0] ?? 0,
                lastHash: head.map { Hex.encode([UInt8]($0[1] as Data)) } ?? RecordedEvent.genesisHash)
        }
    }

    /// The text of a stored report, or nil when the ledger has no report with this id.
    public func reportText(_ reportID: String) throws -> String? {
        try read { db in
            guard let payload = try String.fetchOne(db, sql: """
                SELECT payload FROM events WHERE position = (SELECT position FROM reports WHERE report_id = ?)
                """, arguments: [reportID]) else { return nil }
            return (try? JSONValue.parse(payload))?["text"]?.stringValue
        }
    }
}

/// A claim as the claims index holds it, for re-extraction.
public struct IndexedClaim: Sendable, Equatable {
    public var claimID: String
    public var incidentID: String
    public var extractor: String
    public var withdrawn: Bool
}

extension LedgerStore {
    /// The claims a report makes, in position order.
    public func claims(ofReport reportID: String) throws -> [IndexedClaim] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT claim_id, incident_id, extractor, withdrawn_position IS NOT NULL FROM claims WHERE report_id = ? ORDER BY position
                """, arguments: [reportID]).map { IndexedClaim(claimID: $0[0], incidentID: $0[1], extractor: $0[2], withdrawn: $0[3]) }
        }
    }

    /// Every event of one type, decoded, in position order.
    public func decodedEvents(ofType type: String) throws -> [LedgerEvent] {
        var events: [LedgerEvent] = []
        try forEachEvent(EventFilter(type: type)) { events.append(try $0.decode()) }
        return events
    }
}
