import Events
import Foundation
import GRDB
import Projections

/// Where a ledger's materialised projections stand.
public struct ProjectionStatus: Sendable, Equatable {
    /// Position the materialised tables are valid at (0: never computed, or computed by another
    /// version of the method).
    public var checkpoint: Int64
    /// The ledger's last position.
    public var head: Int64
    /// The tables were computed by a version of the projections whose definitions differ from
    /// this one's (``LedgerStore/methodVersion``), earlier or later, so they count as never computed.
    public var computedByOtherMethod = false
    public var isCurrent: Bool { checkpoint == head }
}

/// What a refresh or rebuild did.
public struct RefreshSummary: Sendable, Equatable {
    public var position: Int64
    public var events: Int64
    /// Rows written (inserted or changed) and deleted across the projection tables.
    public var written: Int
    public var deleted: Int
    /// Nothing to do: the tables were already at the ledger's head (or ahead of this reader).
    public var upToDate: Bool
    /// How many incidents were recomputed when only those the new events touch were; nil when
    /// everything was recomputed.
    public var touchedIncidents: Int? = nil
    /// Where a full recomputation spent its time (seconds): reading and decoding the log,
    /// learning reliability and computing every projection, and writing the tables.
    public var foldSeconds = 0.0
    public var projectSeconds = 0.0
    public var writeSeconds = 0.0
}

/// Materialised projections: consensus per figure, reliability per source, incident summaries,
/// group inconsistencies and the learned weights, in tables valid as of a checkpoint position.
///
/// They are brought up to date right after each write transaction commits (see
/// ``LedgerStore/write(actor:_:)``), not inside it: the append stays short and never fails
/// because of projection code. Between learning points (``LearningSchedule``) that recomputes
/// only the incidents the new events touch; at a learning point, or after merges, moves,
/// assessments and adjudications, everything. If the process stops in between, the checkpoint
/// stays behind the head; readers see that (``projectionStatus()``) and compute on demand, and
/// the next write or `claims rebuild` catches up.
extension LedgerStore {
    static let checkpointName = "projections"

    public func projectionStatus() throws -> ProjectionStatus {
        try read { db in try LedgerStore.status(db) }
    }

    static func status(_ db: Database) throws -> ProjectionStatus {
        let head = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) FROM events") ?? 0
        let read = "SELECT position FROM projection_checkpoint WHERE name = ?"
        let checkpoint = try Int64.fetchOne(db, sql: read, arguments: [checkpointName]) ?? 0
        let method = try Int64.fetchOne(db, sql: read, arguments: [methodName])
        guard checkpoint == 0 || method == methodVersion else {
            return ProjectionStatus(checkpoint: 0, head: head, computedByOtherMethod: true)
        }
        return ProjectionStatus(checkpoint: checkpoint, head: head)
    }

    /// The version of the projections' definitions. Raise it with any change that gives other
    /// output for the same events (a rule of the consensus, the learning, how labels compare):
    /// tables a ledger holds from an earlier version then count as never computed, so readers
    /// compute from the log and the next write or `claims rebuild` recomputes them.
    /// 2: copy share against chance; clock times and dates compared as one label (session 11).
    static let methodVersion: Int64 = 2
    static let methodName = "method"

    /// The claims state as of a moment: every event up to `position` and recorded before
    /// `recordedBefore` (both optional), folded in position order.
    public func projectionState(asOfPosition position: Int64? = nil, recordedBefore: String? = nil) throws -> ClaimsState {
        try read { db in
            try LedgerStore.checkWithinLedger(db, position)
            return try LedgerStore.fold(db, upTo: position, recordedBefore: recordedBefore, keepingStateAt: nil).state
        }
    }

    /// An as-of position past the last event would silently mean "now"; it is refused instead.
    static func checkWithinLedger(_ db: Database, _ position: Int64?) throws {
        guard let position else { return }
        let head = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) FROM events") ?? 0
        if position > head { throw LedgerError.positionBeyondEnd(position: position, end: head) }
    }

    /// The projections as of a moment (see ``projectionState(asOfPosition:recordedBefore:)``),
    /// with the reliability learned at the last learning point by then (``LearningSchedule``):
    /// what the materialised tables hold when the ledger ends there.
    public func projections(asOfPosition position: Int64? = nil, recordedBefore: String? = nil,
                            options: ProjectionOptions = ProjectionOptions()) throws -> LedgerProjections {
        try read { db in
            try LedgerStore.checkWithinLedger(db, position)
            let (whereClause, arguments) = EventFilter(to: position, recordedBefore: recordedBefore).whereClause
            let end = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) FROM events \(whereClause)", arguments: arguments) ?? 0
            let (state, learningState) = try foldWithLearningState(db, upTo: end, recordedBefore: recordedBefore)
            return LedgerProjections(state: state, learningState: learningState, options: options)
        }
    }

    /// The state at `end` and at its learning point.
    func foldWithLearningState(_ db: Database, upTo end: Int64, recordedBefore: String? = nil) throws -> (ClaimsState, ClaimsState) {
        let ends = try LedgerStore.transactionEnds(db, after: 0, upTo: end, recordedBefore: recordedBefore)
        let learnAt = learningSchedule.learningPoint(transactionEnds: ends, after: 0)
        let (state, learningState) = try LedgerStore.fold(db, upTo: end, recordedBefore: recordedBefore, keepingStateAt: learnAt)
        guard let learningState else {
            throw LedgerError.rejected(field: "events", reason: "the log has no event at its learning point \(learnAt); run `claims verify`")
        }
        return (state, learningState)
    }

    /// Folds the log; also returns the state as it was at `keepingStateAt` (0: the initial state).
    static func fold(_ db: Database, upTo position: Int64?, recordedBefore: String?,
                     keepingStateAt keep: Int64?) throws -> (state: ClaimsState, kept: ClaimsState?) {
        var state = ClaimsState.initial
        var kept: ClaimsState? = keep == 0 ? state : nil
        let rows = try eventRows(db, EventFilter(to: position, recordedBefore: recordedBefore))
        // Decoding payloads is most of the work and each event decodes on its own: decode a batch
        // on every core, then fold it in order.
        var batch: [RecordedEvent] = []
        batch.reserveCapacity(foldBatchSize)
        func foldBatch() throws {
            for (recorded, decoded) in zip(batch, decodeConcurrently(batch)) {
                guard case .success(let event) = decoded else {
                    if case .failure(let error) = decoded {
                        throw LedgerError.rejected(field: "event \(recorded.position)", reason: "does not decode: \(error)")
                    }
                    continue
                }
                state.apply(ProjectionEvent(recorded, event: event))
                if recorded.position == keep { kept = state }
            }
            batch.removeAll(keepingCapacity: true)
        }
        while let row = try rows.next() {
            batch.append(LedgerStore.recordedEvent(row))
            if batch.count == foldBatchSize { try foldBatch() }
        }
        try foldBatch()
        return (state, kept)
    }

    static let foldBatchSize = 4096

    /// Decodes events on all cores, results in the order given.
    static func decodeConcurrently(_ events: [RecordedEvent]) -> [Result<LedgerEvent, WireFormatError>] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(1, events.count / 256))
        guard workers > 1 else { return events.map { event in Result { () throws(WireFormatError) in try event.decode() } } }
        var results = [Result<LedgerEvent, WireFormatError>](repeating: .failure(WireFormatError(field: "", reason: "not decoded")), count: events.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes its own slice of the buffer, which outlives them all.
            nonisolated(unsafe) let out = buffer
            let chunk = (events.count + workers - 1) / workers
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for i in (worker * chunk)..<min(events.count, (worker + 1) * chunk) {
                    out[i] = Result { () throws(WireFormatError) in try events[i].decode() }
                }
            }
        }
        return results
    }

    /// Ends of the transactions in (`after`, `upTo`]: positions whose next event was recorded at
    /// another time (all events of one write share their recorded time), and `upTo` itself.
    static func transactionEnds(_ db: Database, after: Int64, upTo: Int64, recordedBefore: String? = nil) throws -> [Int64] {
        var ends: [Int64] = []
        let (whereClause, arguments) = EventFilter(from: after + 1, to: upTo, recordedBefore: recordedBefore).whereClause
        let rows = try Row.fetchCursor(db, sql: "SELECT position, recorded_at FROM events \(whereClause) ORDER BY position", arguments: arguments)
        var previous: (position: Int64, recordedAt: String)?
        while let row = try rows.next() {
            let recordedAt: String = row[1]
            if let previous, previous.recordedAt != recordedAt { ends.append(previous.position) }
            previous = (row[0], recordedAt)
        }
        if upTo > after { ends.append(upTo) }
        return ends
    }

    /// Brings the materialised projections up to the ledger's head, writing only rows that
    /// changed. Does nothing when they are current. The tables never move backwards: if another
    /// process got further meanwhile, its rows are kept.
    @discardableResult
    public func refreshProjections() throws -> RefreshSummary {
        try updateProjections(rebuild: false)
    }

    /// Recomputes every materialised projection from the log (`claims rebuild`).
    @discardableResult
    public func rebuildProjections() throws -> RefreshSummary {
        try updateProjections(rebuild: true)
    }

    static let learnedName = "learned"

    func updateProjections(rebuild: Bool) throws -> RefreshSummary {
        let status = try projectionStatus()
        if !rebuild && status.isCurrent {
            return RefreshSummary(position: status.head, events: 0, written: 0, deleted: 0, upToDate: true)
        }
        if !rebuild, let summary = try refreshTouchedIncidents() { return summary }
        let clock = ContinuousClock()
        var started = clock.now
        func lap() -> Double {
            let now = clock.now
            defer { started = now }
            let elapsed = (now - started).components
            return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
        }
        let (state, learningState) = try read { db in
            try foldWithLearningState(db, upTo: try LedgerStore.status(db).head)
        }
        let foldSeconds = lap()
        let projections = LedgerProjections(state: state, learningState: learningState)
        let tables = LedgerStore.materialise(projections)
        let projectSeconds = lap()
        do {
            return try dbQueue.writeWithoutTransaction { db in
                let position = projections.position
                var summary = RefreshSummary(position: position, events: position, written: 0, deleted: 0, upToDate: false)
                summary.foldSeconds = foldSeconds
                summary.projectSeconds = projectSeconds
                try db.inTransaction(.immediate) {
                    let current = try LedgerStore.status(db)
                    if !rebuild && current.checkpoint >= position {
                        summary.upToDate = true
                        return .commit
                    }
                    for table in tables {
                        let (w, d) = try table.store(db, replacingAll: rebuild)
                        summary.written += w
                        summary.deleted += d
                    }
                    try LedgerStore.setCheckpoint(db, position: position, learnedAt: projections.learnedAt)
                    return .commit
                }
                summary.writeSeconds = lap()
                return summary
            }
        } catch let error as DatabaseError {
            throw LedgerStore.translate(error, path: path)
        }
    }

    static func setCheckpoint(_ db: Database, position: Int64, learnedAt: Int64) throws {
        let sql = "INSERT OR REPLACE INTO projection_checkpoint (name, position) VALUES (?, ?)"
        try db.execute(sql: sql, arguments: [checkpointName, position])
        try db.execute(sql: sql, arguments: [learnedName, learnedAt])
        try db.execute(sql: sql, arguments: [methodName, methodVersion])
    }

    /// Brings the tables from their checkpoint to the head by recomputing only the incidents the
    /// new events touch, with the weights already materialised. Nil when that would not give
    /// what a full recomputation gives: a learning point was passed, or the new events change
    /// more than their incidents (merges, moves, assessments, adjudications).
    func refreshTouchedIncidents() throws -> RefreshSummary? {
        do {
            return try dbQueue.writeWithoutTransaction { db -> RefreshSummary? in
                var summary: RefreshSummary?
                try db.inTransaction(.immediate) {
                    summary = try LedgerStore.refreshTouchedIncidents(db, schedule: learningSchedule)
                    // Nil part-way: leave the tables as they were for the full recomputation.
                    return summary == nil ? .rollback : .commit
                }
                return summary
            }
        } catch let error as DatabaseError {
            throw LedgerStore.translate(error, path: path)
        }
    }

    static func refreshTouchedIncidents(_ db: Database, schedule: LearningSchedule) throws -> RefreshSummary? {
        let status = try status(db)
        if status.isCurrent { return RefreshSummary(position: status.head, events: 0, written: 0, deleted: 0, upToDate: true) }
        // The checkpoint must end a write (the next event recorded at another time, as writes
        // since session 2 always are), or the learning points seen then may not be the log's.
        let boundary = try String.fetchAll(db, sql: "SELECT recorded_at FROM events WHERE position IN (?, ?) ORDER BY position",
                                           arguments: [status.checkpoint, status.checkpoint + 1])
        guard status.checkpoint > 0, boundary.count == 2, boundary[0] != boundary[1],
              let learnedAt = try Int64.fetchOne(db, sql: "SELECT position FROM projection_checkpoint WHERE name = ?", arguments: [learnedName]),
              schedule.learningPoint(transactionEnds: try transactionEnds(db, after: status.checkpoint, upTo: status.head), after: learnedAt) == learnedAt
        else { return nil }
        // Which incidents the new events touch, by the id they count as.
        let canonical = try db.cachedStatement(sql: "SELECT canonical FROM projection_structure WHERE kind = 'incident' AND id = ?")
        func canonicalIncident(_ id: String) throws -> String { try String.fetchOne(canonical, arguments: [id]) ?? id }
        var touched = Set<String>()
        var opened: [String: IncidentOpened] = [:]
        let events = try Row.fetchCursor(db, sql: "SELECT type, schema_version, payload FROM events WHERE position > ? ORDER BY position",
                                         arguments: [status.checkpoint])
        while let row = try events.next() {
            guard let payload = try? JSONValue.parse(row[2] as String),
                  let event = try? LedgerEvent.decode(type: row[0], schemaVersion: row[1], payload: payload, validating: false) else { return nil }
            switch event {
            case .reportIngested, .sourceRegistered, .sourceAliasAdded:
                // Claims can only name reports and sources that exist, so these change nothing
                // until a claim about some incident does.
                continue
            case .claimAsserted(let claim):
                touched.insert(try canonicalIncident(claim.incidentID))
            case .claimWithdrawn(let withdrawal):
                guard let incident = try String.fetchOne(db, sql: "SELECT incident_id FROM claims WHERE claim_id = ?", arguments: [withdrawal.claimID]) else {
                    return nil
                }
                touched.insert(try canonicalIncident(incident))
            case .incidentOpened(let incident):
                opened[incident.incidentID] = incident
                touched.insert(incident.incidentID)
            case .claimMoved, .incidentsMerged, .sourcesMerged, .sourceAssessed, .figureAdjudicated:
                return nil
            }
        }
        var summary = RefreshSummary(position: status.head, events: status.head - status.checkpoint, written: 0, deleted: 0, upToDate: false)
        let decoder = JSONDecoder()
        for incident in touched.sorted() {
            guard let (state, weights) = try incidentState(db, incident: incident) else { return nil }
            let context = ProjectionContext(state: state, weights: weights)
            var rows: [(table: String, key: [String], row: String)] = []
            let figures = context.consensus(incident: incident)
            for c in figures { rows.append(("projection_consensus", [c.figure, c.group ?? ""], json(c))) }
            for i in context.inconsistencies(among: figures) { rows.append(("projection_inconsistencies", [i.figure, i.group], json(i))) }
            for table in ["projection_consensus", "projection_inconsistencies"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE incident_id = ?", arguments: [incident])
                summary.deleted += db.changesCount
            }
            for r in rows {
                try db.execute(sql: "INSERT INTO \(r.table) (incident_id, figure, \"group\", row) VALUES (?, ?, ?, ?)",
                               arguments: [incident, r.key[0], r.key[1], r.row])
                summary.written += 1
            }
            // The incident's summary: what it was opened with, and its claims now.
            var incidentSummary: IncidentSummary
            if let stored = try String.fetchOne(db, sql: "SELECT row FROM projection_incidents WHERE incident_id = ?", arguments: [incident]) {
                incidentSummary = try decoder.decode(IncidentSummary.self, from: Data(stored.utf8))
            } else if let new = opened[incident] {
                incidentSummary = IncidentSummary(incident: new.incidentID, title: new.title, kind: new.kind, date: new.date.time, place: new.place,
                                                  merged: [], claims: 0, figures: 0)
            } else {
                return nil
            }
            (incidentSummary.claims, incidentSummary.figures) = state.tally(of: incident)
            try db.execute(sql: "INSERT OR REPLACE INTO projection_incidents (incident_id, row) VALUES (?, ?)", arguments: [incident, json(incidentSummary)])
            summary.written += 1
        }
        try db.execute(sql: "INSERT OR REPLACE INTO projection_checkpoint (name, position) VALUES (?, ?)", arguments: [checkpointName, status.head])
        summary.touchedIncidents = touched.count
        return summary
    }

    /// One projection table's rows: key columns → (row JSON, optional score).
    struct MaterialisedTable {
        var name: String
        var keyColumns: [String]
        var rows: [[String]: (row: String, score: Double?)]

        func store(_ db: Database, replacingAll: Bool) throws -> (written: Int, deleted: Int) {
            let keyList = keyColumns.map { "\"\($0)\"" }.joined(separator: ", ")
            var existing: [[String]: String] = [:]
            var deleted = 0
            if replacingAll {
                try db.execute(sql: "DELETE FROM \(name)")
                deleted = db.changesCount
            } else {
                let cursor = try Row.fetchCursor(db, sql: "SELECT \(keyList), row FROM \(name)")
                while let r = try cursor.next() {
                    let key = (0..<keyColumns.count).map { r[$0] as String }
                    existing[key] = r[keyColumns.count] as String? ?? ""
                }
                let delete = try db.makeStatement(sql: "DELETE FROM \(name) WHERE " + keyColumns.map { "\"\($0)\" = ?" }.joined(separator: " AND "))
                for key in existing.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) where rows[key] == nil {
                    try delete.execute(arguments: StatementArguments(key))
                    deleted += 1
                }
            }
            let hasScore = name == "projection_reliability"
            let columns = keyList + ", row" + (hasScore ? ", score" : "")
            let placeholders = Array(repeating: "?", count: keyColumns.count + (hasScore ? 2 : 1)).joined(separator: ", ")
            let insert = try db.makeStatement(sql: "INSERT OR REPLACE INTO \(name) (\(columns)) VALUES (\(placeholders))")
            var written = 0
            for key in rows.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let value = rows[key]!
                if existing[key] == value.row { continue }
                var arguments = StatementArguments(key) + [value.row]
                if hasScore { arguments += [value.score] }
                try insert.execute(arguments: arguments)
                written += 1
            }
            return (written, deleted)
        }
    }

    static func json<T: Encodable>(_ value: T) -> String {
        String(decoding: ProjectionSnapshot.encode(value), as: UTF8.self)
    }

    static func materialise(_ projections: LedgerProjections) -> [MaterialisedTable] {
        let context = projections.context
        var consensus = MaterialisedTable(name: "projection_consensus", keyColumns: ["incident_id", "figure", "group"], rows: [:])
        let figures = context.consensus()
        for c in figures { consensus.rows[[c.incident, c.figure, c.group ?? ""]] = (json(c), nil) }
        var inconsistencies = MaterialisedTable(name: "projection_inconsistencies", keyColumns: ["incident_id", "figure", "group"], rows: [:])
        for i in context.inconsistencies(among: figures) { inconsistencies.rows[[i.incident, i.figure, i.group]] = (json(i), nil) }
        var reliability = MaterialisedTable(name: "projection_reliability", keyColumns: ["source_id"], rows: [:])
        let weights = projections.learned.weights
        for r in projections.reliabilityTable { reliability.rows[[r.source]] = (json(r), weights.scores[r.source]) }
        var incidents = MaterialisedTable(name: "projection_incidents", keyColumns: ["incident_id"], rows: [:])
        for i in context.incidentSummaries() { incidents.rows[[i.incident]] = (json(i), nil) }
        let model = MaterialisedTable(name: "projection_model", keyColumns: ["id"], rows: [["1"]: (json(weights.withoutScores), nil)])
        var structure = MaterialisedTable(name: "projection_structure", keyColumns: ["kind", "id", "canonical"], rows: [:])
        let state = context.state
        for (id, info) in state.incidents where info.mergedInto != nil {
            structure.rows[["incident", id, state.canonicalIncident(id)]] = ("", nil)
        }
        for (id, info) in state.sources where info.mergedInto != nil {
            structure.rows[["source", id, state.canonicalSource(id)]] = ("", nil)
        }
        for (key, adjudication) in state.adjudications {
            let id = json([key.incident, key.figure, key.group ?? ""])
            structure.rows[["adjudication", id, state.canonicalIncident(key.incident)]] = (adjudication.json.canonicalString, nil)
        }
        // The posterior each categorical item put into the label totals, by the incident it was
        // learned under, so that one incident's prior leaves its own out (``LabelTotals``).
        for (id, posterior) in weights.labelPosteriors ?? [:] {
            structure.rows[["label_posterior", id, LabelTotals.incident(ofItemKey: id)]] = (json(posterior), nil)
        }
        return [consensus, inconsistencies, reliability, incidents, model, structure]
    }

    // MARK: - Reading materialised projections

    /// Every materialised projection as one snapshot; nil when the tables are behind the head.
    public func materialisedSnapshot() throws -> ProjectionSnapshot? {
        try read { db -> ProjectionSnapshot? in
            let status = try LedgerStore.status(db)
            guard status.isCurrent else { return nil }
            let consensus: [Consensus] = try LedgerStore.decodeRows(db, "SELECT row FROM projection_consensus").sorted { $0.key < $1.key }
            let reliability: [SourceReliability] = try LedgerStore.decodeRows(db, "SELECT row FROM projection_reliability").sorted { $0.source < $1.source }
            let inconsistencies: [GroupInconsistency] = try LedgerStore.decodeRows(db, "SELECT row FROM projection_inconsistencies").sorted {
                FigureKey(incident: $0.incident, figure: $0.figure, group: $0.group) < FigureKey(incident: $1.incident, figure: $1.figure, group: $1.group)
            }
            return ProjectionSnapshot(at: status.checkpoint, consensus: consensus, reliability: reliability, inconsistencies: inconsistencies)
        }
    }

    /// Materialised incident summaries, by incident id; nil when the tables are behind the head.
    public func materialisedIncidents() throws -> [IncidentSummary]? {
        try read { db -> [IncidentSummary]? in
            guard try LedgerStore.status(db).isCurrent else { return nil }
            let rows: [IncidentSummary] = try LedgerStore.decodeRows(db, "SELECT row FROM projection_incidents")
            return rows.sorted { $0.incident < $1.incident }
        }
    }

    static func decodeRows<T: Decodable>(_ db: Database, _ sql: String, arguments: StatementArguments = []) throws -> [T] {
        let decoder = JSONDecoder()
        var out: [T] = []
        let cursor = try String.fetchCursor(db, sql: sql, arguments: arguments)
        while let text = try cursor.next() { out.append(try decoder.decode(T.self, from: Data(text.utf8))) }
        return out
    }

    // MARK: - One incident on demand

    /// The projections of one incident computed on demand from that incident's claims only (read
    /// through the claims index) and the materialised reliability weights: its consensus,
    /// history and audit are those the whole log gives. Nil when the weights are behind the
    /// ledger's head (then compute from the whole log), or when there is no such incident.
    public func incidentProjection(_ incident: String, options: ProjectionOptions = ProjectionOptions()) throws -> ProjectionContext? {
        try read { db -> ProjectionContext? in
            guard try LedgerStore.status(db).isCurrent else { return nil }
            guard let (state, weights) = try LedgerStore.incidentState(db, incident: incident) else { return nil }
            return ProjectionContext(state: state, options: options, weights: weights)
        }
    }

    /// The consensus of one incident on demand (see ``incidentProjection(_:options:)``).
    public func incidentConsensus(_ incident: String, options: ProjectionOptions = ProjectionOptions()) throws -> [Consensus]? {
        try incidentProjection(incident, options: options)?.consensus(incident: incident)
    }

    /// One incident's part of the claims state, and the stored weights its sources need.
    static func incidentState(_ db: Database, incident: String) throws -> (ClaimsState, ReliabilityModel)? {
        var state = ClaimsState.initial
        // Merges, as the materialised projections resolved them: the incident's canonical id,
        // the incidents merged into it, and the adjudications of any of them.
        let canonicalOf = try db.cachedStatement(sql: "SELECT canonical FROM projection_structure WHERE kind = ? AND id = ?")
        let canonical = try String.fetchOne(canonicalOf, arguments: ["incident", incident]) ?? incident
        var members: Set<String> = [canonical]
        let merged = try db.cachedStatement(sql: "SELECT id, row FROM projection_structure WHERE kind = ? AND canonical = ?")
        for id in try String.fetchAll(merged, arguments: ["incident", canonical]) {
            members.insert(id)
            state.incidents[id] = IncidentInfo(incidentID: id, title: id, mergedInto: canonical)
        }
        for row in try Row.fetchAll(merged, arguments: ["adjudication", canonical]) {
            let text: String = row[1]
            guard let payload = try? JSONValue.parse(text), let adjudication = try? FigureAdjudicated.decodeStored(payload) else {
                throw LedgerError.rejected(field: "projection_structure", reason: "an adjudication row does not decode; run `claims rebuild`")
            }
            state.adjudications[FigureKey(incident: adjudication.incidentID, figure: adjudication.figure, group: adjudication.group)] = adjudication
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM incidents WHERE incident_id IN (\(members.map { _ in "?" }.joined(separator: ",")))",
                                arguments: StatementArguments(Array(members))) ?? false else { return nil }
        // The incident's live claims, moved ones included (the index holds where a claim is now).
        let claims = try Row.fetchCursor(db, sql: """
            SELECT e.position, e.id, e.stream, e.version, e.type, e.schema_version, e.recorded_at, e.actor, e.correlation_id,
                   e.payload, e.previous_hash, e.hash, c.incident_id
            FROM claims c JOIN events e ON e.position = c.position
            WHERE c.incident_id IN (\(members.map { _ in "?" }.joined(separator: ","))) AND c.withdrawn_position IS NULL
            """, arguments: StatementArguments(Array(members)))
        var reportIDs = Set<String>()
        var sourceIDs = Set<String>()
        while let row = try claims.next() {
            let now: String = row[12]
            let recorded = recordedEvent(row)
            guard case .claimAsserted(let claim)? = try? recorded.decode() else { continue }
            state.claims[claim.claimID] = ClaimRecord(stored: claim, position: recorded.position, recordedAt: recorded.recordedAt, hash: recorded.hash,
                                                      movedTo: now == claim.incidentID ? nil : now)
            reportIDs.insert(claim.reportID)
            sourceIDs.insert(claim.originator)
            sourceIDs.formUnion(claim.via)
        }
        let report = try db.cachedStatement(sql: """
            SELECT r.outlet, r.title, r.media_type, r.published_time, r.published_precision, r.position, e.recorded_at, r.url
            FROM reports r JOIN events e ON e.position = r.position WHERE r.report_id = ?
            """)
        for id in reportIDs.sorted() {
            guard let r = try Row.fetchOne(report, arguments: [id]) else { continue }
            state.reports[id] = ReportInfo(id: id, outlet: r[0], title: r[1], url: r[7], mediaType: r[2], published: r[3],
                                           precision: r[4], recordedAt: r[6], position: r[5])
            if let outlet: String = r[0] { sourceIDs.insert(outlet) }
        }
        // Sources: the claims' originators and relays, what they were merged into, and their
        // affiliations (a spokesperson speaks for a party).
        let source = try db.cachedStatement(sql: "SELECT name, kind, affiliation FROM sources WHERE source_id = ?")
        var pending = Array(sourceIDs)
        var loaded = Set<String>()
        while let id = pending.popLast() {
            guard loaded.insert(id).inserted else { continue }
            let into = try String.fetchOne(canonicalOf, arguments: ["source", id])
            if let r = try Row.fetchOne(source, arguments: [id]) {
                let info = SourceInfo(id: id, name: r[0], kind: r[1], affiliation: r[2], aliases: [], mergedInto: into)
                state.sources[id] = info
                if let a = info.affiliation { pending.append(a) }
            }
            if let into { pending.append(into) }
        }
        // Weights of the sources these claims count as.
        let canonicalSources = Set(loaded.map(state.canonicalSource)).sorted()
        var scores: [String: Double] = [:]
        let score = try db.cachedStatement(sql: "SELECT score FROM projection_reliability WHERE source_id = ?")
        for id in canonicalSources {
            if let s = try Double.fetchOne(score, arguments: [id]) { scores[id] = s }
        }
        var weights = ReliabilityModel(scores: [:])
        if let model = try String.fetchOne(db, sql: "SELECT row FROM projection_model WHERE id = '1'") {
            weights = try JSONDecoder().decode(ReliabilityModel.self, from: Data(model.utf8))
        }
        weights.scores = scores
        if weights.labelTotals != nil {
            var posteriors: [String: [Double]] = [:]
            for row in try Row.fetchAll(merged, arguments: ["label_posterior", canonical]) {
                posteriors[row[0]] = try JSONDecoder().decode([Double].self, from: Data((row[1] as String).utf8))
            }
            weights.labelPosteriors = posteriors
        }
        return (state, weights)
    }
}

extension LedgerStore {
    /// Ids of the incidents not merged into another, in id order.
    public func incidentIDs() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT incident_id FROM incidents WHERE merged_into IS NULL ORDER BY incident_id") }
    }
}
