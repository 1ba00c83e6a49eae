import GRDB

/// The ledger's tables. Migrations are never edited once shipped; changes are new migrations.
enum LedgerSchema {
    /// `PRAGMA application_id` of every ClaimsLedger file: "CLGR".
    static let applicationID: Int32 = 0x434C_4752

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: events, hash chain, indexes") { db in
            try db.execute(sql: """
                CREATE TABLE events (
                    position INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    stream TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    schema_version INTEGER NOT NULL,
                    recorded_at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    correlation_id TEXT,
                    payload TEXT NOT NULL,
                    previous_hash BLOB NOT NULL,
                    hash BLOB NOT NULL,
                    UNIQUE (stream, version)
                );
                CREATE INDEX events_by_type ON events(type, position);

                -- The log is append-only, enforced by the database itself.
                CREATE TRIGGER events_are_immutable BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'ClaimsLedger events are append-only: UPDATE is not allowed'); END;
                CREATE TRIGGER events_are_permanent BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'ClaimsLedger events are append-only: DELETE is not allowed'); END;
                CREATE TRIGGER events_are_gap_free BEFORE INSERT ON events
                WHEN NEW.position <> (SELECT COALESCE(MAX(position), 0) + 1 FROM events)
                BEGIN SELECT RAISE(ABORT, 'ClaimsLedger positions are gap-free: each event follows the last'); END;

                CREATE TABLE reports (
                    report_id TEXT PRIMARY KEY,
                    position INTEGER NOT NULL,
                    media_type TEXT NOT NULL,
                    outlet TEXT,
                    title TEXT,
                    published_time TEXT,
                    published_precision TEXT NOT NULL
                );
                CREATE TABLE sources (
                    source_id TEXT PRIMARY KEY,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    affiliation TEXT,
                    merged_into TEXT
                );
                CREATE TABLE source_aliases (
                    alias TEXT NOT NULL,
                    source_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (alias, source_id)
                );
                CREATE TABLE incidents (
                    incident_id TEXT PRIMARY KEY,
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    merged_into TEXT
                );
                -- One row per claim, kept in the transaction that appends its events, so that
                -- projections can read one incident without scanning the log.
                CREATE TABLE claims (
                    claim_id TEXT PRIMARY KEY,
                    position INTEGER NOT NULL,
                    incident_id TEXT NOT NULL,
                    figure TEXT NOT NULL,
                    "group" TEXT,
                    value_number REAL,
                    value_label TEXT,
                    bound TEXT NOT NULL,
                    low REAL,
                    high REAL,
                    originator TEXT NOT NULL,
                    report_id TEXT NOT NULL,
                    published_time TEXT,
                    extractor TEXT NOT NULL,
                    withdrawn_position INTEGER
                );
                CREATE INDEX claims_by_incident ON claims(incident_id, figure, "group");
                CREATE INDEX claims_by_originator ON claims(originator);
                """)
        }
        migrator.registerMigration("v2: materialised projections") { db in
            try db.execute(sql: """
                -- Projections kept up to date after each write, valid as of the checkpoint position.
                -- They are a cache of pure functions of the log: `claims rebuild` recomputes them.
                CREATE TABLE projection_checkpoint (
                    name TEXT PRIMARY KEY,
                    position INTEGER NOT NULL
                );
                CREATE TABLE projection_consensus (
                    incident_id TEXT NOT NULL,
                    figure TEXT NOT NULL,
                    "group" TEXT NOT NULL,
                    row TEXT NOT NULL,
                    PRIMARY KEY (incident_id, figure, "group")
                );
                CREATE TABLE projection_inconsistencies (
                    incident_id TEXT NOT NULL,
                    figure TEXT NOT NULL,
                    "group" TEXT NOT NULL,
                    row TEXT NOT NULL,
                    PRIMARY KEY (incident_id, figure, "group")
                );
                CREATE TABLE projection_reliability (
                    source_id TEXT PRIMARY KEY,
                    score REAL,
                    row TEXT
                );
                CREATE TABLE projection_incidents (
                    incident_id TEXT PRIMARY KEY,
                    row TEXT NOT NULL
                );
                -- Reports' URLs, so that an audit of one incident need not decode report texts.
                ALTER TABLE reports ADD COLUMN url TEXT;
                UPDATE reports SET url = (SELECT json_extract(payload, '$.url') FROM events WHERE events.position = reports.position);
                -- The learned weights besides the scores (label spaces, confusion counts), one row.
                CREATE TABLE projection_model (
                    id TEXT PRIMARY KEY,
                    row TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v3: merges and adjudications for one-incident reads") { db in
            try db.execute(sql: """
                -- What merges resolve to (kind 'incident' or 'source': id → canonical id) and the
                -- adjudications (kind 'adjudication', by canonical incident), as of the checkpoint,
                -- so that one incident's projection reads them instead of folding every merge.
                CREATE TABLE projection_structure (
                    kind TEXT NOT NULL,
                    id TEXT NOT NULL,
                    canonical TEXT NOT NULL,
                    row TEXT NOT NULL,
                    PRIMARY KEY (kind, id)
                );
                CREATE INDEX projection_structure_by_canonical ON projection_structure(kind, canonical);
                -- The new table is empty: the projections are behind until the next refresh.
                DELETE FROM projection_checkpoint;
                """)
        }
        return migrator
    }
}
