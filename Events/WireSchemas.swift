import Foundation

/// The published JSON Schemas of the wire format (`Events/Schema/*.json`), generated from
/// the same field descriptions that validate incoming events, so they cannot drift apart.
public enum WireSchemas {
    /// One schema per event type at its current version, plus older versions still accepted,
    /// plus the export line. Each is (file name, pretty JSON text ending in a newline).
    public static func all() -> [(fileName: String, text: String)] {
        var schemas: [(String, String)] = []
        for payloadType in LedgerEvent.payloadTypes {
            schemas.append(("\(payloadType.type).schema.json",
                            lineSchema(type: payloadType.type, version: payloadType.schemaVersion, summary: payloadType.summary, fields: payloadType.fields)))
            for (version, fields) in (Upcasting.historicalFields[payloadType.type] ?? [:]).sorted(by: { $0.key < $1.key }) {
                schemas.append(("\(payloadType.type).v\(version).schema.json",
                                lineSchema(type: payloadType.type, version: version, summary: payloadType.summary + " (older version, upcast when read)", fields: fields)))
            }
        }
        var export = FieldType.objectSchema(RecordedEvent.exportFields).objectValue!
        export["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        export["title"] = .string("exported event")
        export["description"] = .string("One line of `claims export`: the stored envelope and payload, canonical JSON.")
        schemas.append(("export-line.schema.json", JSONValue.object(export).prettyString))
        return schemas
    }

    static func lineSchema(type: String, version: Int, summary: String, fields: [Field]) -> String {
        var envelope = NewEvent.envelopeFields
        for i in envelope.indices {
            switch envelope[i].name {
            case "type": envelope[i].type = .enumeration([type])
            case "schema_version": envelope[i].type = .integer(minimum: Int64(version))
            case "payload": envelope[i].type = .object(fields)
            default: break
            }
        }
        var schema = FieldType.objectSchema(envelope).objectValue!
        schema["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        schema["title"] = .string(version == 1 && Upcasting.historicalFields[type] == nil ? type : "\(type) v\(version)")
        schema["description"] = .string(summary)
        if case .object(var properties) = schema["properties"], case .object(var versionSchema) = properties["schema_version"] {
            versionSchema["maximum"] = .number(Double(version))
            properties["schema_version"] = .object(versionSchema)
            schema["properties"] = .object(properties)
        }
        return JSONValue.object(schema).prettyString
    }
}

extension JSONValue {
    /// Indented JSON with sorted keys, for files people read; ends with a newline.
    public var prettyString: String {
        var out = ""
        writePretty(to: &out, indent: 0)
        return out + "\n"
    }

    private func writePretty(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1), closing = String(repeating: "  ", count: indent)
        switch self {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                item.writePretty(to: &out, indent: indent + 1)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += closing + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += pad + JSONValue.string(key).canonicalString + ": "
                value.writePretty(to: &out, indent: indent + 1)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += closing + "}"
        default:
            out += canonicalString
        }
    }
}
