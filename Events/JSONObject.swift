import Foundation

/// The members of a JSON object, kept sorted by their keys' UTF-8 bytes.
///
/// Objects in the ledger are small (a payload has at most a few dozen members), so a sorted
/// array beats a hash table: a lookup is a binary search with byte comparisons instead of
/// hashing, parsing stored (canonical, hence already sorted) JSON only appends, and the
/// canonical encoding writes the members in order without sorting. Keys are equal when their
/// bytes are.
public struct JSONObject: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// In canonical order.
    public private(set) var keys: [String] = []
    public private(set) var values: [JSONValue] = []

    public init() {}

    /// A later duplicate key replaces an earlier one.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        for (key, value) in elements { self[key] = value }
    }

    public init(_ dictionary: [String: JSONValue]) {
        for (key, value) in dictionary { self[key] = value }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public subscript(key: String) -> JSONValue? {
        get {
            let (index, found) = search(key)
            return found ? values[index] : nil
        }
        set {
            if let newValue { updateValue(newValue, forKey: key) } else { removeValue(forKey: key) }
        }
    }

    /// Sets a member; returns the value it replaced, if any.
    @discardableResult
    public mutating func updateValue(_ value: JSONValue, forKey key: String) -> JSONValue? {
        // Members usually arrive in order (canonical JSON): append without searching.
        if keys.last.map({ JSONObject.precedes($0, key) }) ?? true {
            keys.append(key)
            values.append(value)
            return nil
        }
        let (index, found) = search(key)
        if found {
            let old = values[index]
            values[index] = value
            return old
        }
        keys.insert(key, at: index)
        values.insert(value, at: index)
        return nil
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        let (index, found) = search(key)
        guard found else { return nil }
        keys.remove(at: index)
        return values.remove(at: index)
    }

    public func makeIterator() -> Zip2Sequence<[String], [JSONValue]>.Iterator {
        zip(keys, values).makeIterator()
    }

    /// Where `key` is, or where it would go.
    private func search(_ key: String) -> (index: Int, found: Bool) {
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            switch JSONObject.compare(keys[mid], key) {
            case 0: return (mid, true)
            case ..<0: low = mid + 1
            default: high = mid
            }
        }
        return (low, false)
    }

    /// Orders by UTF-8 bytes, the canonical order of keys.
    static func precedes(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

    static func compare(_ a: String, _ b: String) -> Int32 {
        var a = a
        var b = b
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                let n = Swift.min(pa.count, pb.count)
                let c = n == 0 ? 0 : memcmp(pa.baseAddress!, pb.baseAddress!, n)
                if c != 0 { return c }
                return pa.count == pb.count ? 0 : (pa.count < pb.count ? -1 : 1)
            }
        }
    }
}
