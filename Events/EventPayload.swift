import Foundation

/// One type of event: its stable type string, its current schema version, its wire fields,
/// and how it maps to and from JSON.
public protocol EventPayload: Hashable, Sendable {
    /// The stable snake_case type string; never renamed once shipped.
    static var type: String { get }
    /// The current schema version. Older versions are upcast when read (see ``Upcasting``).
    static var schemaVersion: Int { get }
    /// One sentence for the published schema.
    static var summary: String { get }
    static var fields: [Field] { get }
    /// Whether this event starts its stream: appended without an expected version, it then
    /// expects the stream not to exist yet (a second `claim_asserted` for one claim is a conflict).
    static var startsStream: Bool { get }

    /// Reads a payload that has been validated against ``fields``.
    init(reader: JSONObjectReader) throws(WireFormatError)
    /// The payload as JSON; its canonical encoding is what is stored and hashed.
    var json: JSONValue { get }
    /// The stream the event belongs to, e.g. `claim:<id>`.
    var stream: String { get }
    /// Checks beyond the shape of the JSON (a count is whole, low ≤ high …).
    func checkValues() throws(WireFormatError)
}

extension EventPayload {
    public static var startsStream: Bool { false }
    public func checkValues() throws(WireFormatError) {}

    /// Validates `json` against ``fields`` and reads it.
    public static func decode(_ json: JSONValue) throws(WireFormatError) -> Self {
        try FieldType.validateObject(json, fields: fields, at: "payload")
        let payload = try Self(reader: JSONObjectReader(json))
        try payload.checkValues()
        return payload
    }

    /// Reads a payload the ledger stored (see ``LedgerEvent/decode(type:schemaVersion:payload:validating:)``).
    public static func decodeStored(_ json: JSONValue) throws(WireFormatError) -> Self {
        try Self(reader: JSONObjectReader(json))
    }
}

/// Identifiers of reports, sources, incidents and claims: 1–200 characters.
let identifier = FieldType.string(minLength: 1, maxLength: 200)

/// A report's id: the SHA-256 of its normalised text, in lowercase hex.
let reportIdentifier = FieldType.string(minLength: 64, maxLength: 64, pattern: "^[0-9a-f]{64}$")
