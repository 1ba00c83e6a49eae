import Events
import Foundation

/// Everything that can go wrong with a ledger, each case with what to do about it.
/// Nothing is written when an append or import fails: its transaction is rolled back.
public enum LedgerError: Error, Equatable, CustomStringConvertible, Sendable {
    case ledgerMissing(path: String)
    case ledgerExists(path: String)
    case folderMissing(path: String, folder: String)
    case cannotCreate(path: String, reason: String)
    case positionBeyondEnd(position: Int64, end: Int64)
    case notALedger(path: String, reason: String)
    case readOnlyLedger(path: String)
    case newerSchema(path: String)
    /// Optimistic concurrency: the stream is not at the version the append expected.
    case versionConflict(stream: String, expected: ExpectedVersion, actual: Int64)
    /// An event refers to a report, incident, source or claim the ledger does not hold.
    case unknownReference(field: String, kind: String, id: String)
    /// A quote does not match the stored report text at its span.
    case quoteMismatch(claim: String, quote: Int, expected: String, found: String?)
    /// An event id is already stored with different content.
    case idReused(id: String)
    case invalidEvent(WireFormatError)
    /// `claims import --format events`: the incoming chain does not continue this ledger.
    case importDiverges(position: Int64, reason: String)
    case rejected(field: String, reason: String)

    public var description: String {
        switch self {
        case .ledgerMissing(let path):
            "no ledger at \(path); create one with `claims init --ledger \(path)` or point --ledger (or $CLAIMS_LEDGER) at an existing one"
        case .ledgerExists(let path):
            "\(path) already exists and is not a ClaimsLedger database; choose another path"
        case .folderMissing(let path, let folder):
            "cannot create \(path): the folder \(folder) does not exist; create it first (mkdir -p \(folder)) or choose another path"
        case .cannotCreate(let path, let reason):
            "cannot create the ledger \(path) (\(reason)); choose a path in a folder you can write to"
        case .positionBeyondEnd(let position, let end):
            "--at-position \(position) is beyond the end of the ledger (position \(end)); give a position from 0 to \(end), as `claims log` lists them"
        case .notALedger(let path, let reason):
            "\(path) is not a ClaimsLedger database (\(reason)); check the --ledger path"
        case .readOnlyLedger(let path):
            "the ledger \(path) is read-only, so nothing was written; make it writable (chmod u+w \(path)) or use a read-only command (log, verify, stats, export)"
        case .newerSchema(let path):
            "\(path) was written by a newer version of claims; upgrade claims to use it"
        case .versionConflict(let stream, let expected, let actual):
            "version conflict on stream \(stream): expected \(expected), but it is at \(actual == 0 ? "no stream (0)" : String(actual)); read the stream again (`claims log --stream \(stream)`) and retry"
        case .unknownReference(let field, let kind, let id):
            "field \"\(field)\": no \(kind) \"\(id)\" in the ledger; add it first (\(kind == "report" ? "claims ingest" : "a \(kind) event earlier in the input"))"
        case .quoteMismatch(let claim, let quote, let expected, let found):
            "claim \(claim): quotes[\(quote)] says \"\(expected)\" but the report has \(found.map { "\"\($0)\"" } ?? "no such span") there; fix start/end (offsets in Unicode scalars of the normalised text)"
        case .idReused(let id):
            "event id \(id) is already stored with different content; give the new event another id"
        case .invalidEvent(let error):
            error.description
        case .importDiverges(let position, let reason):
            "the import does not continue this ledger at position \(position): \(reason); import into an empty ledger (`claims init --ledger NEW`)"
        case .rejected(let field, let reason):
            "field \"\(field)\": \(reason)"
        }
    }
}
