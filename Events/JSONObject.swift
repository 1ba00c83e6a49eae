/// The members of a JSON object, kept sorted by key.
///
/// Objects in the ledger are small (a payload has at most a few dozen members), so a sorted
/// array beats a hash table: a lookup is a binary search with byte comparisons instead of
/// hashing, parsing stored (canonical, hence already sorted) JSON only appends, and the
/// canonical encoding writes the members in order without sorting.
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
            let probe = keys[mid]
            if probe == key { return (mid, true) }
            if probe < key { low = mid + 1 } else { high = mid }
        }
        return (low, false)
    }

    /// The canonical order of keys: Swift's string order, by the Unicode scalars of the NFC form.
    /// For NFC text that is the order of the UTF-8 bytes; every field name of every event is
    /// ASCII, so hashed payloads are byte-ordered. Keys that differ only in normalisation are
    /// one key, as in a Swift dictionary.
    static func precedes(_ a: String, _ b: String) -> Bool { a < b }
}
