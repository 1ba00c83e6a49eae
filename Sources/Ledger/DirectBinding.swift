import GRDB
import GRDBSQLite

/// Runs a prepared INSERT with values bound straight to SQLite, without building GRDB's argument
/// arrays of boxed values: the two inserts every append makes (the event and its index row)
/// spent more time there than in SQLite. Failures surface as GRDB's `DatabaseError`, with the
/// extended result code, like any other statement.
struct DirectInsert {
    private let statement: Statement
    private let handle: OpaquePointer
    private var index: Int32 = 0

    init(_ statement: Statement) {
        self.statement = statement
        handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private mutating func next() -> Int32 {
        index += 1
        return index
    }

    mutating func bind(_ value: String?) {
        let i = next()
        guard var value else { sqlite3_bind_null(handle, i); return }
        value.withUTF8 { bytes in bindText(bytes, at: i) }
    }

    /// UTF-8 bytes stored as TEXT, exactly as the String they spell would be.
    mutating func bind(utf8 bytes: [UInt8]) {
        let i = next()
        bytes.withUnsafeBufferPointer { bindText($0, at: i) }
    }

    private func bindText(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int32) {
        if let base = bytes.baseAddress, !bytes.isEmpty {
            sqlite3_bind_text(handle, i, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), DirectInsert.transient)
        } else {
            sqlite3_bind_text(handle, i, "", 0, DirectInsert.transient)
        }
    }

    mutating func bind(_ value: Int64) { sqlite3_bind_int64(handle, next(), value) }

    mutating func bind(_ value: Double?) {
        let i = next()
        if let value { sqlite3_bind_double(handle, i, value) } else { sqlite3_bind_null(handle, i) }
    }

    mutating func bind(blob: [UInt8]) {
        let i = next()
        _ = blob.withUnsafeBytes { sqlite3_bind_blob(handle, i, $0.baseAddress, Int32($0.count), DirectInsert.transient) }
    }

    func execute(_ db: Database) throws {
        let code = sqlite3_step(handle)
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        guard code == SQLITE_DONE else {
            let extended = sqlite3_extended_errcode(db.sqliteConnection)
            throw DatabaseError(resultCode: ResultCode(rawValue: extended), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
    }
}
