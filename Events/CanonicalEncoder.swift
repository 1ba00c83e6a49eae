/// Encodes any `Encodable` value as canonical JSON (see ``JSONValue/canonicalBytes``): keys
/// sorted as ``JSONObject`` sorts them, one spelling per number, no insignificant whitespace, `/` not
/// escaped. Projections encode every row they materialise and print with it; it is several
/// times faster than Foundation's `JSONEncoder`.
///
/// Numbers become `Double` (exact up to 2^53, like every count and position the ledger holds);
/// `nil` optionals are left out, as with `JSONEncoder`.
public enum CanonicalEncoder {
    public static func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = Node()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        var out: [UInt8] = []
        out.reserveCapacity(512)
        root.write(to: &out)
        return out
    }
}

/// One value being encoded: a finished scalar, or an object or array still being filled.
/// Members are kept in the order they were encoded and sorted once when written.
private final class Node {
    var scalar: JSONValue = .null
    var members: [(key: String, value: Child)]?
    var items: [Child]?

    func makeObject() { if members == nil { members = []; items = nil } }
    func makeArray() { if items == nil { items = []; members = nil } }

    func write(to out: inout [UInt8]) {
        if let members {
            out.append(UInt8(ascii: "{"))
            // A key encoded twice keeps its last value, as in a dictionary.
            let sorted = members.enumerated().sorted {
                $0.element.key == $1.element.key ? $0.offset < $1.offset : JSONObject.precedes($0.element.key, $1.element.key)
            }
            var first = true
            for (i, member) in sorted.enumerated() {
                if i + 1 < sorted.count, sorted[i + 1].element.key == member.element.key { continue }
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONValue.writeEscaped(member.element.key, to: &out)
                out.append(UInt8(ascii: ":"))
                member.element.value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        } else if let items {
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        } else {
            scalar.writeCanonical(to: &out)
        }
    }
}

/// A member or item: a scalar held in place (most are, and they need no node of their own), or
/// a node for a value that encodes itself.
private enum Child {
    case scalar(JSONValue)
    case node(Node)

    func write(to out: inout [UInt8]) {
        switch self {
        case .scalar(let value): value.writeCanonical(to: &out)
        case .node(let node): node.write(to: &out)
        }
    }
}

private struct NodeEncoder: Encoder {
    let node: Node
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath)
    }
}

/// Scalars every container can write.
private protocol ScalarWriting {
    var codingPath: [any CodingKey] { get }
}

extension ScalarWriting {
    static func number<N: BinaryInteger>(_ n: N) -> JSONValue { .number(Double(n)) }

    /// `codingPath` is only built for the error.
    static func number(_ d: Double, _ codingPath: @autoclosure () -> [any CodingKey]) throws -> JSONValue {
        guard d.isFinite else {
            throw EncodingError.invalidValue(d, .init(codingPath: codingPath(), debugDescription: "JSON has no non-finite numbers"))
        }
        return .number(d)
    }
}

/// The scalar writes an unkeyed and a single-value container share (the same requirement names
/// in both protocols): each container says only where a value goes.
private protocol ValueWriting: ScalarWriting {
    func put(_ value: JSONValue)
}

extension ValueWriting {
    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(try Self.number(value, codingPath)) }
    mutating func encode(_ value: Float) throws { put(try Self.number(Double(value), codingPath)) }
    mutating func encode(_ value: Int) throws { put(Self.number(value)) }
    mutating func encode(_ value: Int8) throws { put(Self.number(value)) }
    mutating func encode(_ value: Int16) throws { put(Self.number(value)) }
    mutating func encode(_ value: Int32) throws { put(Self.number(value)) }
    mutating func encode(_ value: Int64) throws { put(Self.number(value)) }
    mutating func encode(_ value: UInt) throws { put(Self.number(value)) }
    mutating func encode(_ value: UInt8) throws { put(Self.number(value)) }
    mutating func encode(_ value: UInt16) throws { put(Self.number(value)) }
    mutating func encode(_ value: UInt32) throws { put(Self.number(value)) }
    mutating func encode(_ value: UInt64) throws { put(Self.number(value)) }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol, ScalarWriting {
    let node: Node
    var codingPath: [any CodingKey]

    private func set(_ value: JSONValue, _ key: Key) {
        node.members!.append((key.stringValue, .scalar(value)))
    }

    private func child(_ key: Key) -> Node {
        let child = Node()
        node.members!.append((key.stringValue, .node(child)))
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(try Self.number(value, codingPath + [key]), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(try Self.number(Double(value), codingPath + [key]), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(Self.number(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(Self.number(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(Self.number(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(Self.number(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(Self.number(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(Self.number(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(Self.number(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(Self.number(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(Self.number(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(Self.number(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try value.encode(to: NodeEncoder(node: child(key), codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    /// The superclass's encoding goes under the key "super", as with `JSONEncoder`.
    mutating func superEncoder() -> any Encoder {
        let child = Node()
        node.members!.append(("super", .node(child)))
        return NodeEncoder(node: child, codingPath: codingPath + [IndexKey(stringValue: "super")!])
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: child(key), codingPath: codingPath + [key]) }
}

private struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) { stringValue = String(index); intValue = index }
    init?(stringValue: String) { self.stringValue = stringValue; intValue = Int(stringValue) }
    init?(intValue: Int) { self.init(intValue) }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer, ValueWriting {
    let node: Node
    var codingPath: [any CodingKey]
    var count: Int { node.items!.count }

    func put(_ value: JSONValue) {
        node.items!.append(.scalar(value))
    }

    private func next() -> (Node, [any CodingKey]) {
        let child = Node()
        let path = codingPath + [IndexKey(node.items!.count)]
        node.items!.append(.node(child))
        return (child, path)
    }


    mutating func encode<T: Encodable>(_ value: T) throws {
        let (child, path) = next()
        try value.encode(to: NodeEncoder(node: child, codingPath: path))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let (child, path) = next()
        return NodeEncoder(node: child, codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let (child, path) = next()
        return NodeEncoder(node: child, codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let (child, path) = next()
        return NodeEncoder(node: child, codingPath: path)
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer, ValueWriting {
    let node: Node
    var codingPath: [any CodingKey]

    func put(_ value: JSONValue) { node.scalar = value; node.members = nil; node.items = nil }


    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }
}
