import Foundation

/// The shape of one field of the wire format. One description serves three purposes:
/// validating incoming JSON with errors that name the field, generating the published
/// JSON Schema (`Events/Schema/*.json`), and documenting the field.
public indirect enum FieldType: Sendable {
    case string(minLength: Int = 0, maxLength: Int? = nil, pattern: String? = nil)
    case integer(minimum: Int64? = nil)
    case number(minimum: Double? = nil, maximum: Double? = nil)
    case boolean
    case enumeration([String])
    case array(FieldType, minItems: Int = 0)
    case object([Field])
    /// A number or a string (claim values: a count or a label).
    case numberOrString
}

public struct Field: Sendable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    public var nullable: Bool
    public var doc: String

    public init(_ name: String, _ type: FieldType, required: Bool = true, nullable: Bool = false, _ doc: String) {
        self.name = name
        self.type = type
        self.required = required
        self.nullable = nullable
        self.doc = doc
    }

    /// An optional field that may also be `null`.
    public static func optional(_ name: String, _ type: FieldType, _ doc: String) -> Field {
        Field(name, type, required: false, nullable: true, doc)
    }
}

/// A wire-format violation, located by a field path such as `payload.quotes[0].start`.
public struct WireFormatError: Error, Equatable, CustomStringConvertible, Sendable {
    public var field: String
    public var reason: String
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }
    public var description: String { field.isEmpty ? reason : "field \"\(field)\": \(reason)" }
}

extension FieldType {
    /// Checks `value` against this type; `path` names the field in errors (and is only built for one).
    public func validate(_ value: JSONValue, at path: @autoclosure () -> String) throws(WireFormatError) {
        func fail(_ reason: String) -> WireFormatError { WireFormatError(field: path(), reason: reason) }
        switch self {
        case .string(let minLength, let maxLength, _):
            guard case .string(let s) = value else { throw fail("must be a string, found \(value.typeName)") }
            if minLength == 1, s.isEmpty { throw fail("must not be empty") }
            // Counting characters walks the whole string: only do it when a limit needs it.
            if minLength > 1 || maxLength != nil {
                let count = s.count
                if count < minLength { throw fail("must have at least \(minLength) characters") }
                if let maxLength, count > maxLength { throw fail("must have at most \(maxLength) characters") }
            }
        case .integer(let minimum):
            guard case .number(let n) = value else { throw fail("must be an integer, found \(value.typeName)") }
            guard n == n.rounded() else { throw fail("must be a whole number, found \(JSONValue.canonicalNumber(n))") }
            if let minimum, n < Double(minimum) { throw fail("must be at least \(minimum), found \(JSONValue.canonicalNumber(n))") }
        case .number(let minimum, let maximum):
            guard case .number(let n) = value else { throw fail("must be a number, found \(value.typeName)") }
            if let minimum, n < minimum { throw fail("must be at least \(JSONValue.canonicalNumber(minimum))") }
            if let maximum, n > maximum { throw fail("must be at most \(JSONValue.canonicalNumber(maximum))") }
        case .boolean:
            guard case .bool = value else { throw fail("must be true or false, found \(value.typeName)") }
        case .enumeration(let cases):
            guard case .string(let s) = value else { throw fail("must be one of \(cases.joined(separator: ", ")), found \(value.typeName)") }
            if !cases.contains(s) { throw fail("\"\(s)\" is not one of \(cases.joined(separator: ", "))") }
        case .array(let element, let minItems):
            guard case .array(let items) = value else { throw fail("must be an array, found \(value.typeName)") }
            if items.count < minItems { throw fail("must have at least \(minItems) item\(minItems == 1 ? "" : "s")") }
            for (i, item) in items.enumerated() { try element.validate(item, at: "\(path())[\(i)]") }
        case .object(let fields):
            try FieldType.validateObject(value, fields: fields, at: path())
        case .numberOrString:
            switch value {
            case .number, .string: break
            default: throw fail("must be a number or a string, found \(value.typeName)")
            }
        }
    }

    /// Checks an object: every required field present, no unknown fields, each field's type.
    /// An unknown field is reported before any other error.
    public static func validateObject(_ value: JSONValue, fields: [Field], at path: @autoclosure () -> String) throws(WireFormatError) {
        guard case .object(let members) = value else {
            throw WireFormatError(field: path(), reason: "must be an object, found \(value.typeName)")
        }
        var prefix: String { path().isEmpty ? "" : path() + "." }
        var firstError: WireFormatError?
        var known = 0
        for field in fields {
            guard let member = members[field.name] else {
                if field.required, firstError == nil {
                    firstError = WireFormatError(field: prefix + field.name, reason: "missing required field (\(field.doc))")
                }
                continue
            }
            known += 1
            guard firstError == nil else { continue }
            if member.isNull {
                if !field.nullable { firstError = WireFormatError(field: prefix + field.name, reason: "must not be null") }
                continue
            }
            do { try field.type.validate(member, at: prefix + field.name) } catch { firstError = error }
        }
        if known != members.count {
            for key in members.keys where !fields.contains(where: { $0.name == key }) {
                throw WireFormatError(field: prefix + key, reason: "unknown field; expected one of \(fields.map(\.name).joined(separator: ", "))")
            }
        }
        if let firstError { throw firstError }
    }

    /// This type as a JSON Schema (draft 2020-12) fragment.
    public func jsonSchema(nullable: Bool = false) -> JSONValue {
        var schema: JSONObject
        switch self {
        case .string(let minLength, let maxLength, let pattern):
            schema = ["type": .string("string")]
            if minLength > 0 { schema["minLength"] = .number(Double(minLength)) }
            if let maxLength { schema["maxLength"] = .number(Double(maxLength)) }
            if let pattern { schema["pattern"] = .string(pattern) }
        case .integer(let minimum):
            schema = ["type": .string("integer")]
            if let minimum { schema["minimum"] = .number(Double(minimum)) }
        case .number(let minimum, let maximum):
            schema = ["type": .string("number")]
            if let minimum { schema["minimum"] = .number(minimum) }
            if let maximum { schema["maximum"] = .number(maximum) }
        case .boolean:
            schema = ["type": .string("boolean")]
        case .enumeration(let cases):
            schema = ["type": .string("string"), "enum": .array(cases.map { .string($0) })]
        case .array(let element, let minItems):
            schema = ["type": .string("array"), "items": element.jsonSchema()]
            if minItems > 0 { schema["minItems"] = .number(Double(minItems)) }
        case .object(let fields):
            return FieldType.objectSchema(fields, nullable: nullable)
        case .numberOrString:
            schema = ["type": .array([.string("number"), .string("string")])]
        }
        if nullable {
            if case .array(var types) = schema["type"] { types.append(.string("null")); schema["type"] = .array(types) }
            else if let t = schema["type"] { schema["type"] = .array([t, .string("null")]) }
            if case .array(var cases) = schema["enum"] { cases.append(.null); schema["enum"] = .array(cases) }
        }
        return .object(schema)
    }

    public static func objectSchema(_ fields: [Field], nullable: Bool = false) -> JSONValue {
        var properties = JSONObject()
        for field in fields {
            guard case .object(var property) = field.type.jsonSchema(nullable: field.nullable) else { continue }
            property["description"] = .string(field.doc)
            properties[field.name] = .object(property)
        }
        let type: JSONValue = nullable ? .array([.string("object"), .string("null")]) : .string("object")
        return .object([
            "type": type,
            "properties": .object(properties),
            "required": .array(fields.filter(\.required).map { .string($0.name) }),
            "additionalProperties": .bool(false),
        ])
    }
}

/// Typed reads from an object that has already been validated against its fields.
/// Reads still throw rather than trap, so a mismatch between a type's fields and its
/// reads surfaces as an error naming the field.
public struct JSONObjectReader {
    public let members: JSONObject
    public let path: String

    public init(_ value: JSONValue, path: String = "payload") throws(WireFormatError) {
        guard case .object(let members) = value else { throw WireFormatError(field: path, reason: "must be an object") }
        self.members = members
        self.path = path
    }

    func fail(_ key: String, _ reason: String) -> WireFormatError {
        WireFormatError(field: path.isEmpty ? key : "\(path).\(key)", reason: reason)
    }

    public func string(_ key: String) throws(WireFormatError) -> String {
        guard let s = members[key]?.stringValue else { throw fail(key, "must be a string") }
        return s
    }

    public func optionalString(_ key: String) throws(WireFormatError) -> String? {
        guard let v = members[key], !v.isNull else { return nil }
        guard let s = v.stringValue else { throw fail(key, "must be a string") }
        return s
    }

    public func number(_ key: String) throws(WireFormatError) -> Double {
        guard let n = members[key]?.numberValue else { throw fail(key, "must be a number") }
        return n
    }

    public func optionalNumber(_ key: String) throws(WireFormatError) -> Double? {
        guard let v = members[key], !v.isNull else { return nil }
        guard let n = v.numberValue else { throw fail(key, "must be a number") }
        return n
    }

    public func int(_ key: String) throws(WireFormatError) -> Int {
        let n = try number(key)
        guard n == n.rounded(), abs(n) < 9e15 else { throw fail(key, "must be a whole number") }
        return Int(n)
    }

    public func bool(_ key: String, default value: Bool) throws(WireFormatError) -> Bool {
        guard let v = members[key], !v.isNull else { return value }
        guard case .bool(let b) = v else { throw fail(key, "must be true or false") }
        return b
    }

    public func strings(_ key: String) throws(WireFormatError) -> [String] {
        guard let v = members[key], !v.isNull else { return [] }
        guard let items = v.arrayValue else { throw fail(key, "must be an array") }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard let s = item.stringValue else { throw fail("\(key)[\(i)]", "must be a string") }
            out.append(s)
        }
        return out
    }

    public func value(_ key: String) -> JSONValue { members[key] ?? .null }

    public func object(_ key: String) throws(WireFormatError) -> JSONObjectReader {
        try JSONObjectReader(value(key), path: path.isEmpty ? key : "\(path).\(key)")
    }

    public func objects(_ key: String) throws(WireFormatError) -> [JSONObjectReader] {
        guard let items = value(key).arrayValue else { throw fail(key, "must be an array") }
        var out: [JSONObjectReader] = []
        for (i, item) in items.enumerated() {
            out.append(try JSONObjectReader(item, path: path.isEmpty ? "\(key)[\(i)]" : "\(path).\(key)[\(i)]"))
        }
        return out
    }
}

/// Builds a JSON object, leaving out optional members that are nil so that the canonical
/// encoding of an event does not depend on how its producer spelled "absent".
public struct JSONObjectBuilder {
    public private(set) var members = JSONObject()
    public init() {}
    public mutating func set(_ key: String, _ value: String?) { if let value { members[key] = .string(value) } }
    public mutating func set(_ key: String, _ value: Double?) { if let value { members[key] = .number(value) } }
    public mutating func set(_ key: String, _ value: Int?) { if let value { members[key] = .number(Double(value)) } }
    public mutating func set(_ key: String, _ value: Bool) { members[key] = .bool(value) }
    public mutating func set(_ key: String, _ value: JSONValue?) { if let value { members[key] = value } }
    public mutating func set(_ key: String, strings: [String]) { members[key] = .array(strings.map { .string($0) }) }
    public var value: JSONValue { .object(members) }
}
