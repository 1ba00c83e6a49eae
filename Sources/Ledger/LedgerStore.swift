import Events
import Foundation
import GRDB
import Projections

/// A ledger: one SQLite file (WAL) holding the append-only, hash-chained event log and the
/// indexes kept in step with it. Only this module talks to the database.
public final class LedgerStore: Sendable {
    public let path: String
    let dbQueue: DatabaseQueue
    /// When reliability is learned; tests shorten it to exercise the incremental path on small ledgers.
    let learningSchedule: LearningSchedule
    private init(path: String, dbQueue: DatabaseQueue, learningSchedule: LearningSchedule) {
        self.path = path
        self.dbQueue = dbQueue
        self.learningSchedule = learningSchedule
    }

    public enum Access: Sendable { case readOnly, readWrite }

    /// Creates a new, empty ledger. Returns nil (and touches nothing) when `path` already is one.
    public static func create(at path: String) throws -> LedgerStore? {
        try create(at: path, learningSchedule: .standard)
    }

    static func create(at path: String, learningSchedule: LearningSchedule) throws -> LedgerStore? {
        if FileManager.default.fileExists(atPath: path) {
            _ = try open(at: path, access: .readOnly)
            return nil
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard PathKind(folder) == .folder else { throw LedgerError.folderMissing(path: path, folder: folder) }
        let store = try connect(path: path, access: .readWrite, learningSchedule: learningSchedule)
        try store.dbQueue.writeWithoutTransaction { db in
            // WAL is a property of the file: set once here, every later connection uses it.
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA application_id = \(LedgerSchema.applicationID)")
        }
        try LedgerSchema.migrator.migrate(store.dbQueue)
        return store
    }

    /// Opens an existing ledger, checking that it is one before anything is written.
    public static func open(at path: String, access: Access) throws -> LedgerStore {
        guard FileManager.default.fileExists(atPath: path) else { throw LedgerError.ledgerMissing(path: path) }
        try checkHeader(path: path)
        if access == .readWrite, let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int,
           mode & 0o222 == 0 {
            // Refuse even when running as root, who could write it anyway: the mode says read-only.
            throw LedgerError.readOnlyLedger(path: path)
        }
        // Look before writing anything: a read-only connection checks that this is a ledger.
        let reader = try connect(path: path, access: .readOnly)
        let (applicationID, migrated) = try reader.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
             try LedgerSchema.migrator.appliedIdentifiers(db))
        }
        guard applicationID == LedgerSchema.applicationID else {
            throw LedgerError.notALedger(path: path, reason: "an SQLite database of another application")
        }
        let known = Set(LedgerSchema.migrator.migrations)
        if !migrated.isSubset(of: known) { throw LedgerError.newerSchema(path: path) }
        guard access == .readWrite else { return reader }
        try reader.dbQueue.close()
        let store = try connect(path: path, access: .readWrite)
        if migrated != known { try LedgerSchema.migrator.migrate(store.dbQueue) }
        return store
    }

    static func checkHeader(path: String) throws {
        if PathKind(path) == .folder { throw LedgerError.notALedger(path: path, reason: "it is a folder") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw LedgerError.notALedger(path: path, reason: "it cannot be read") }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { throw LedgerError.notALedger(path: path, reason: "the file is empty") }
        guard header == Data("SQLite format 3\0".utf8) else { throw LedgerError.notALedger(path: path, reason: "not an SQLite file") }
    }

    static func connect(path: String, access: Access, learningSchedule: LearningSchedule = .standard) throws -> LedgerStore {
        var config = Configuration()
        // Readers of a writable file still open it read-write (with query_only on), so that the
        // last one to close folds the -wal file back and removes it, leaving one tidy file.
        let fileIsWritable = !FileManager.default.fileExists(atPath: path) || FileManager.default.isWritableFile(atPath: path)
        config.readonly = access == .readOnly && !fileIsWritable
        var location = path
        if access == .readOnly, !fileIsWritable || !FileManager.default.isWritableFile(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path),
           !FileManager.default.fileExists(atPath: path + "-wal"), !FileManager.default.fileExists(atPath: path + "-shm") {
            // A reader that may not create the -shm file beside a WAL database (a read-only folder,
            // someone else's file) cannot open it at all. With no -wal file every commit is in the
            // file itself, so reading it as immutable reads exactly the ledger.
            config.readonly = true
            var components = URLComponents()
            components.scheme = "file"
            components.path = URL(fileURLWithPath: path).standardizedFileURL.path
            components.queryItems = [URLQueryItem(name: "immutable", value: "1")]
            location = components.string ?? path
        }
        // Not `.wal`: GRDB would create and drop a table on every open to make the -wal file
        // exist, which rewrites the file even when a command then fails. The file is WAL already.
        config.journalMode = .default
        // Two processes appending at once take turns; the loser waits for the lock.
        config.busyMode = .timeout(60)
        config.prepareDatabase { db in
            if access == .readOnly, !db.configuration.readonly {
                try db.execute(sql: "PRAGMA query_only = ON")
            } else if !db.configuration.readonly {
                // One fsync per command is cheap, and a committed append survives power loss.
                try db.execute(sql: "PRAGMA synchronous = FULL")
                // A 64 MB page cache keeps a large import from spilling pages mid-transaction.
                try db.execute(sql: "PRAGMA cache_size = -65536")
            }
        }
        do {
            return LedgerStore(path: path, dbQueue: try DatabaseQueue(path: location, configuration: config), learningSchedule: learningSchedule)
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
    }

    static func translate(_ error: DatabaseError, path: String) -> any Error {
        switch error.resultCode {
        case .SQLITE_READONLY:
            return LedgerError.readOnlyLedger(path: path)
        case .SQLITE_CANTOPEN where FileManager.default.fileExists(atPath: path):
            // The file is there but cannot be opened for writing (or its folder is read-only).
            return LedgerError.readOnlyLedger(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return LedgerError.notALedger(path: path, reason: error.message ?? "corrupt database")
        case .SQLITE_CANTOPEN:
            return LedgerError.cannotCreate(path: path, reason: error.message ?? "unable to open database file")
        default:
            return error
        }
    }

    /// Runs `work` in one immediate write transaction: all of it is stored, or, if it throws,
    /// none of it. Concurrent writers (other processes included) wait for their turn.
    ///
    /// Right after the transaction commits, the materialised projections are brought up to date
    /// (``refreshProjections()``). If that fails, the append still stands: the projections'
    /// checkpoint stays behind, readers compute on demand, and `claims rebuild` catches up.
    /// Bulk loaders may pass `refreshingProjections: false` and refresh once at the end.
    public func write<T>(actor: String, refreshingProjections: Bool = true, _ work: (inout Appender) throws -> T) throws -> T {
        let result = try writeEvents(actor: actor, work)
        if refreshingProjections { _ = try? refreshProjections() }
        return result
    }

    func writeEvents<T>(actor: String, _ work: (inout Appender) throws -> T) throws -> T {
        do {
            return try dbQueue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    var appender = try Appender(db: db, actor: actor)
                    result = try work(&appender)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw LedgerStore.translate(error, path: path)
        }
    }

    /// Appends a batch in one transaction. Events whose id is already stored are skipped.
    @discardableResult
    public func append(_ events: [NewEvent], actor: String, refreshingProjections: Bool = true) throws -> [AppendOutcome] {
        try write(actor: actor, refreshingProjections: refreshingProjections) { appender in try events.map { try appender.append($0) } }
    }

    func read<T>(_ work: (Database) throws -> T) throws -> T {
        do { return try dbQueue.read(work) } catch let error as DatabaseError { throw LedgerStore.translate(error, path: path) }
    }
}
