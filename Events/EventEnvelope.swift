import Crypto
import Foundation

/// The version a stream must be at for an append to go through (optimistic concurrency).
public enum ExpectedVersion: Hashable, Sendable, CustomStringConvertible {
    /// No check.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream's last event must have this version.
    case exactly(Int64)

    public var description: String {
        switch self {
        case .any: "any"
        case .noStream: "no stream (0)"
        case .exactly(let v): String(v)
        }
    }
}

/// An event on its way into the ledger, its payload already in canonical form.
public struct NewEvent: Sendable, Hashable {
    /// Unique id; appending an id that is already stored is a no-op. When the producer gives
    /// none, it is derived from the type and canonical payload, so appending the same line
    /// twice stores it once.
    public var id: String
    public var event: LedgerEvent
    /// The schema version the payload was written in (older ones are kept as written).
    public var schemaVersion: Int
    /// Canonical JSON of the payload as written, which is what is stored and hashed.
    public var payloadJSON: [UInt8]
    public var expectedVersion: ExpectedVersion
    public var actor: String?
    public var correlationID: String?

    public init(_ event: LedgerEvent, id: String? = nil, expectedVersion: ExpectedVersion? = nil,
                actor: String? = nil, correlationID: String? = nil) {
        self.init(event, json: event.payload.json, id: id, expectedVersion: expectedVersion, actor: actor, correlationID: correlationID)
    }

    init(_ event: LedgerEvent, json: JSONValue, id: String?, expectedVersion: ExpectedVersion?, actor: String?, correlationID: String?) {
        let payloadType = Swift.type(of: event.payload)
        self.event = event
        self.schemaVersion = payloadType.schemaVersion
        self.payloadJSON = json.canonicalBytes
        self.id = id ?? NewEvent.contentID(type: payloadType.type, payloadJSON: payloadJSON)
        self.expectedVersion = expectedVersion ?? (payloadType.startsStream ? .noStream : .any)
        self.actor = actor
        self.correlationID = correlationID
    }

    /// Builds an event from a payload made in code, validating it exactly as a wire line would be.
    public static func checked(_ payload: some EventPayload, id: String? = nil, expectedVersion: ExpectedVersion? = nil,
                               actor: String? = nil, correlationID: String? = nil) throws(WireFormatError) -> NewEvent {
        let json = payload.json
        try FieldType.validateObject(json, fields: Swift.type(of: payload).fields, at: "payload")
        try payload.checkValues()
        return NewEvent(LedgerEvent(payload), json: json, id: id, expectedVersion: expectedVersion, actor: actor, correlationID: correlationID)
    }

    public init(_ payload: some EventPayload, id: String? = nil, expectedVersion: ExpectedVersion? = nil,
                actor: String? = nil, correlationID: String? = nil) {
        self.init(LedgerEvent(payload), id: id, expectedVersion: expectedVersion, actor: actor, correlationID: correlationID)
    }

    public var type: String { event.type }
    public var stream: String { event.stream }

    /// `sha256:` and the first 32 hex digits of SHA-256(type, newline, canonical payload).
    public static func contentID(type: String, payloadJSON: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(type.utf8))
        hasher.update(data: [0x0A])
        hasher.update(data: payloadJSON)
        return "sha256:" + Hex.encode(Array(hasher.finalize().prefix(16)))
    }

    /// The fields of one line of `claims append` input, besides `payload`.
    public static let envelopeFields: [Field] = [
        Field("type", .string(minLength: 1), "event type, e.g. claim_asserted"),
        Field("schema_version", .integer(minimum: 1), "schema version of the payload"),
        Field("id", identifier, required: false, "unique event id; derived from the content when absent"),
        Field("expected_version", .integer(minimum: 0), required: false, nullable: true,
              "version the stream must be at; 0 = the stream must not exist; absent = none for most types, 0 for types that start a stream"),
        .optional("actor", .string(minLength: 1), "who appends it; defaults to the appending user"),
        .optional("correlation_id", .string(minLength: 1), "groups events caused by one action"),
        Field("payload", .object([]), "the event's payload (see the schema of its type)"),
    ]

    /// Parses and validates one line of the append wire format.
    public static func parse(line: String) throws(WireFormatError) -> NewEvent {
        let json: JSONValue
        do { json = try JSONValue.parse(line) } catch { throw WireFormatError(field: "", reason: error.description) }
        guard case .object(var members) = json else {
            throw WireFormatError(field: "", reason: "each line must be a JSON object with type, schema_version and payload")
        }
        let payload = members.removeValue(forKey: "payload")
        try FieldType.validateObject(.object(members), fields: envelopeFields.filter { $0.name != "payload" }, at: "")
        guard let payload else { throw WireFormatError(field: "payload", reason: "missing required field (the event's payload)") }
        let reader = try JSONObjectReader(.object(members), path: "")
        let type = try reader.string("type")
        let schemaVersion = try reader.int("schema_version")
        let event = try LedgerEvent.decode(type: type, schemaVersion: schemaVersion, payload: payload)
        var new = NewEvent(event, id: try reader.optionalString("id"), actor: try reader.optionalString("actor"),
                           correlationID: try reader.optionalString("correlation_id"))
        if let expected = try reader.optionalNumber("expected_version") {
            new.expectedVersion = expected == 0 ? .noStream : .exactly(Int64(expected))
        }
        if schemaVersion != new.schemaVersion {
            // Keep an older version as written: its bytes are what the producer said.
            new.schemaVersion = schemaVersion
            new.payloadJSON = payload.canonicalBytes
            if members["id"] == nil { new.id = contentID(type: type, payloadJSON: new.payloadJSON) }
        }
        return new
    }
}

/// An event as stored: its envelope and the canonical JSON of its payload.
public struct RecordedEvent: Sendable, Hashable {
    /// Global position, gap-free from 1.
    public var position: Int64
    public var id: String
    public var stream: String
    /// Version within the stream, from 1.
    public var version: Int64
    public var type: String
    public var schemaVersion: Int
    /// Transaction time: when the ledger stored it, `2026-11-21T06:01:02.345Z`.
    public var recordedAt: String
    public var actor: String
    public var correlationID: String?
    public var payloadJSON: String
    /// Lowercase hex SHA-256; 64 zeros before the first event.
    public var previousHash: String
    public var hash: String

    public init(position: Int64, id: String, stream: String, version: Int64, type: String, schemaVersion: Int,
                recordedAt: String, actor: String, correlationID: String?, payloadJSON: String, previousHash: String, hash: String) {
        self.position = position
        self.id = id
        self.stream = stream
        self.version = version
        self.type = type
        self.schemaVersion = schemaVersion
        self.recordedAt = recordedAt
        self.actor = actor
        self.correlationID = correlationID
        self.payloadJSON = payloadJSON
        self.previousHash = previousHash
        self.hash = hash
    }

    /// Decodes (and upcasts) the payload of an event read from the ledger, without repeating
    /// the checks it passed when appended (the hash chain vouches for its bytes).
    public func decode() throws(WireFormatError) -> LedgerEvent {
        let payload: JSONValue
        do { payload = try JSONValue.parse(payloadJSON) } catch { throw WireFormatError(field: "payload", reason: error.description) }
        return try LedgerEvent.decode(type: type, schemaVersion: schemaVersion, payload: payload, validating: false)
    }

    public static let genesisHash = String(repeating: "0", count: 64)

    /// What the hash covers: the previous hash (32 raw bytes) followed by the canonical JSON of
    /// every other envelope field, with the payload embedded as stored.
    public static func chainHash(previousHash: [UInt8], position: Int64, id: String, stream: String, version: Int64,
                                 type: String, schemaVersion: Int, recordedAt: String, actor: String,
                                 correlationID: String?, payloadJSON: some Sequence<UInt8>) -> [UInt8] {
        // The envelope around the payload, hashed in three pieces so that an appended payload
        // ([UInt8]) is not copied into one buffer first.
        var head: [UInt8] = []
        var tail: [UInt8] = []
        head.reserveCapacity(256)
        tail.reserveCapacity(256)
        writeEnvelopeHead(to: &head, id: id, actor: actor, correlationID: correlationID, hash: nil)
        writeEnvelopeTail(to: &tail, position: position, stream: stream, version: version, type: type, schemaVersion: schemaVersion,
                          recordedAt: recordedAt, previousHash: nil)
        var hasher = SHA256()
        hasher.update(data: previousHash)
        hasher.update(data: head)
        if let contiguous = payloadJSON as? [UInt8] { hasher.update(data: contiguous) } else { hasher.update(data: Array(payloadJSON)) }
        hasher.update(data: tail)
        return Array(hasher.finalize())
    }

    /// Recomputes this event's hash from its content and `previousHash`.
    public func computedHash() -> String {
        Hex.encode(RecordedEvent.chainHash(previousHash: Hex.decode(previousHash) ?? [], position: position, id: id, stream: stream,
                                           version: version, type: type, schemaVersion: schemaVersion, recordedAt: recordedAt,
                                           actor: actor, correlationID: correlationID, payloadJSON: payloadJSON.utf8))
    }

    /// One line of `claims export`: the canonical JSON of the whole envelope.
    public var exportLine: String {
        var out: [UInt8] = []
        out.reserveCapacity(payloadJSON.utf8.count + 400)
        RecordedEvent.writeEnvelope(to: &out, position: position, id: id, stream: stream, version: version, type: type,
                                    schemaVersion: schemaVersion, recordedAt: recordedAt, actor: actor,
                                    correlationID: correlationID, payloadJSON: payloadJSON.utf8, hashes: (previousHash, hash))
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the envelope as canonical JSON (keys in sorted order), splicing in the payload
    /// bytes as stored instead of re-encoding them.
    static func writeEnvelope(to out: inout [UInt8], position: Int64, id: String, stream: String, version: Int64, type: String,
                              schemaVersion: Int, recordedAt: String, actor: String, correlationID: String?,
                              payloadJSON: some Sequence<UInt8>, hashes: (previous: String, hash: String)?) {
        writeEnvelopeHead(to: &out, id: id, actor: actor, correlationID: correlationID, hash: hashes?.hash)
        out.append(contentsOf: payloadJSON)
        writeEnvelopeTail(to: &out, position: position, stream: stream, version: version, type: type, schemaVersion: schemaVersion,
                          recordedAt: recordedAt, previousHash: hashes?.previous)
    }

    private static func key(_ k: String, to out: inout [UInt8], first: Bool = false) {
        if !first { out.append(UInt8(ascii: ",")) }
        JSONValue.writeEscaped(k, to: &out)
        out.append(UInt8(ascii: ":"))
    }

    /// Everything up to the payload: `{"actor":…,"correlation_id":…,["hash":…,]"id":…,"payload":`.
    static func writeEnvelopeHead(to out: inout [UInt8], id: String, actor: String, correlationID: String?, hash: String?) {
        out.append(UInt8(ascii: "{"))
        key("actor", to: &out, first: true); JSONValue.writeEscaped(actor, to: &out)
        key("correlation_id", to: &out)
        if let correlationID { JSONValue.writeEscaped(correlationID, to: &out) } else { out.append(contentsOf: "null".utf8) }
        if let hash { key("hash", to: &out); JSONValue.writeEscaped(hash, to: &out) }
        key("id", to: &out); JSONValue.writeEscaped(id, to: &out)
        key("payload", to: &out)
    }

    /// Everything after the payload: `,"position":…,["previous_hash":…,]"recorded_at":…,…}`.
    static func writeEnvelopeTail(to out: inout [UInt8], position: Int64, stream: String, version: Int64, type: String,
                                  schemaVersion: Int, recordedAt: String, previousHash: String?) {
        key("position", to: &out); JSONValue.writeInteger(position, to: &out)
        if let previousHash { key("previous_hash", to: &out); JSONValue.writeEscaped(previousHash, to: &out) }
        key("recorded_at", to: &out); JSONValue.writeEscaped(recordedAt, to: &out)
        key("schema_version", to: &out); JSONValue.writeInteger(Int64(schemaVersion), to: &out)
        key("stream", to: &out); JSONValue.writeEscaped(stream, to: &out)
        key("type", to: &out); JSONValue.writeEscaped(type, to: &out)
        key("version", to: &out); JSONValue.writeInteger(version, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    static let exportFields: [Field] = [
        Field("position", .integer(minimum: 1), "global position"),
        Field("id", identifier, "event id"),
        Field("stream", .string(minLength: 1), "stream"),
        Field("version", .integer(minimum: 1), "version in the stream"),
        Field("type", .string(minLength: 1), "event type"),
        Field("schema_version", .integer(minimum: 1), "schema version"),
        Field("recorded_at", .string(minLength: 1), "when the ledger stored it"),
        Field("actor", .string(minLength: 1), "who appended it"),
        Field("correlation_id", .string(), required: true, nullable: true, "correlation id"),
        Field("payload", .object([]), "payload"),
        Field("previous_hash", .string(minLength: 64, maxLength: 64), "hash of the previous event"),
        Field("hash", .string(minLength: 64, maxLength: 64), "this event's hash"),
    ]

    /// Parses one line of `claims export`, checking its shape, its payload and that its hash
    /// matches its content.
    public static func parse(exportLine line: String) throws(WireFormatError) -> (RecordedEvent, LedgerEvent) {
        let json: JSONValue
        do { json = try JSONValue.parse(line) } catch { throw WireFormatError(field: "", reason: error.description) }
        guard case .object(var members) = json else { throw WireFormatError(field: "", reason: "each line must be a JSON object (an exported event)") }
        let payload = members.removeValue(forKey: "payload")
        try FieldType.validateObject(.object(members), fields: exportFields.filter { $0.name != "payload" }, at: "")
        guard let payload else { throw WireFormatError(field: "payload", reason: "missing required field") }
        let r = try JSONObjectReader(.object(members), path: "")
        let recorded = RecordedEvent(
            position: Int64(try r.int("position")), id: try r.string("id"), stream: try r.string("stream"),
            version: Int64(try r.int("version")), type: try r.string("type"), schemaVersion: try r.int("schema_version"),
            recordedAt: try r.string("recorded_at"), actor: try r.string("actor"), correlationID: try r.optionalString("correlation_id"),
            payloadJSON: payload.canonicalString, previousHash: try r.string("previous_hash"), hash: try r.string("hash"))
        let event = try LedgerEvent.decode(type: recorded.type, schemaVersion: recorded.schemaVersion, payload: payload)
        if event.stream != recorded.stream {
            throw WireFormatError(field: "stream", reason: "is \(recorded.stream) but the payload belongs to \(event.stream)")
        }
        if recorded.computedHash() != recorded.hash {
            throw WireFormatError(field: "hash", reason: "does not match the event's content; the export was altered")
        }
        return (recorded, event)
    }
}
