import Events

/// Labels nested in a tree — a city in its region in its country — for categorical figures whose
/// sources answer at different levels of detail. A label stands for everything beneath it, the way
/// "at least 9" stands for every count from 9 up: a claim of "California" agrees with a truth of
/// "Los Angeles" (less specific, not wrong), a claim of "Los Angeles" does not agree with a truth
/// of "California" (more specific than is known), and claims in different branches contradict.
///
/// Nodes are named by id or by name (exactly, else ignoring case and spacing); a name shared by
/// several nodes (two Springfields) names none of them, so such a label is compared as plain text.
public struct LabelHierarchy: Sendable, Hashable {
    /// Parent of each node (nil at a root).
    private var parent: [Int?] = []
    /// Node of each id and of each name that only one node has.
    private var nodeOf: [String: Int] = [:]
    /// The same, by ``folded(_:)`` spelling, where that still names one node.
    private var nodeOfFolded: [String: Int] = [:]

    /// A row of the hierarchy table that cannot be read (line 1 is the header).
    public struct TableError: Error, Sendable, CustomStringConvertible {
        public var line: Int?
        public var message: String
        init(line: Int? = nil, message: String) { self.line = line; self.message = message }
        public var description: String { (line.map { "line \($0): " } ?? "") + message }
    }

    public var isEmpty: Bool { parent.isEmpty }

    public init() {}

    /// A hierarchy table with the header `id,name,parent_id` (parent_id empty at a root).
    public init(csv text: String) throws(TableError) {
        let rows: [CSVRow]
        do { rows = try CSVParser.rows(text) } catch { throw TableError(line: error.line, message: error.reason) }
        guard let header = rows.first else { throw TableError(message: "the hierarchy is empty") }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard columns == ["id", "name", "parent_id"] else {
            throw TableError(line: header.line, message: "the header is \"\(header.text)\"; a hierarchy table starts with the header id,name,parent_id")
        }
        var nodes: [(id: String, name: String, parent: String?, line: Int)] = []
        for row in rows.dropFirst() {
            guard row.fields.count == 3 else {
                throw TableError(line: row.line, message: "expected 3 fields (id,name,parent_id), found \(row.fields.count)")
            }
            let f = row.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard !f[0].isEmpty else { throw TableError(line: row.line, message: "the id is empty") }
            nodes.append((f[0], f[1], f[2].isEmpty ? nil : f[2], row.line))
        }
        var index: [String: Int] = [:]
        for (i, n) in nodes.enumerated() {
            if index.updateValue(i, forKey: n.id) != nil { throw TableError(line: n.line, message: "the id \(n.id) appears twice") }
        }
        for n in nodes {
            if let p = n.parent, index[p] == nil {
                throw TableError(line: n.line, message: "parent_id \(p) is not the id of any row")
            }
        }
        parent = nodes.map { $0.parent.map { index[$0]! } }
        // Every walk up must reach a root.
        for (i, n) in nodes.enumerated() {
            var steps = 0
            var at: Int? = i
            while let a = at {
                steps += 1
                if steps > nodes.count { throw TableError(line: n.line, message: "the parents of \(n.id) form a cycle") }
                at = parent[a]
            }
        }
        var byName: [String: [Int]] = [:]
        for (i, n) in nodes.enumerated() where !n.name.isEmpty { byName[n.name, default: []].append(i) }
        for (name, nodes) in byName where nodes.count == 1 && index[name] == nil { nodeOf[name] = nodes[0] }
        for (id, i) in index { nodeOf[id] = i }
        var byFolded: [String: Set<Int>] = [:]
        for (label, i) in nodeOf { byFolded[Self.folded(label), default: []].insert(i) }
        for (label, nodes) in byFolded where nodes.count == 1 { nodeOfFolded[label] = nodes.first! }
    }

    /// A label as compared when it matches no id or name exactly: lower case, spaces collapsed
    /// ("los  Angeles" is "Los Angeles").
    static func folded(_ label: String) -> String {
        label.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The node a label names, if any.
    func node(_ label: String) -> Int? { nodeOf[label] ?? nodeOfFolded[Self.folded(label)] }

    /// The label's node and its ancestors, most specific first; empty when the label is no node.
    func path(_ label: String) -> [Int] {
        var out: [Int] = []
        var at = node(label)
        while let a = at { out.append(a); at = parent[a] }
        return out
    }

    /// Whether `general` is `specific` or one of its ancestors (labels outside the tree only
    /// contain themselves).
    public func contains(_ general: String, _ specific: String) -> Bool {
        if general == specific { return true }
        guard let g = node(general), let s = node(specific) else { return false }
        var at: Int? = s
        while let a = at {
            if a == g { return true }
            at = parent[a]
        }
        return false
    }

    /// Steps through the tree from one label to the other; nil when either is no node or they
    /// share no root.
    public func distance(_ a: String, _ b: String) -> Int? {
        if a == b { return 0 }
        let pa = path(a), pb = path(b)
        guard !pa.isEmpty, !pb.isEmpty else { return nil }
        var depthInB: [Int: Int] = [:]
        for (d, n) in pb.enumerated() { depthInB[n] = d }
        for (d, n) in pa.enumerated() {
            if let e = depthInB[n] { return d + e }
        }
        return nil
    }
}
