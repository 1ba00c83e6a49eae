import Events

/// Labels nested in a tree — a city in its region in its country — for categorical figures whose
/// sources answer at different levels of detail. A label stands for everything beneath it, the way
/// "at least 9" stands for every count from 9 up: a claim of "California" agrees with a truth of
/// "Los Angeles" (less specific, not wrong), a claim of "Los Angeles" does not agree with a truth
/// of "California" (more specific than is known), and claims in different branches contradict.
///
/// Nodes are named by id or by name (exactly, else as labels compare, ``Candidate/comparable(_:)``); a name shared by
/// several nodes (two Springfields) names none of them, so such a label is compared as plain text.
public struct LabelHierarchy: Sendable, Hashable {
    /// Parent of each node (nil at a root).
    private var parent: [Int?] = []
    /// Node of each id and of each name that only one node has.
    private var nodeOf: [String: Int] = [:]
    /// The same, by ``folded(_:)`` spelling, where that still names one node.
    private var nodeOfFolded: [String: Int] = [:]
    /// Depth of each node: 1 at a root.
    private var depthOf: [Int] = []
    /// How many nodes lie at each depth (index 0 unused).
    private var nodesAtDepth: [Int] = [0]
    /// Per node with children, how many of its descendants lie at each depth (index 0 unused).
    private var descendantsAtDepth: [Int: [Int]] = [:]

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
        (depthOf, nodesAtDepth, descendantsAtDepth) = Self.levels(parent: parent)
        var byName: [String: [Int]] = [:]
        for (i, n) in nodes.enumerated() where !n.name.isEmpty { byName[n.name, default: []].append(i) }
        for (name, nodes) in byName where nodes.count == 1 && index[name] == nil { nodeOf[name] = nodes[0] }
        for (id, i) in index { nodeOf[id] = i }
        var byFolded: [String: Set<Int>] = [:]
        for (label, i) in nodeOf { byFolded[Self.folded(label), default: []].insert(i) }
        for (label, nodes) in byFolded where nodes.count == 1 { nodeOfFolded[label] = nodes.first! }
    }

    /// Each node's depth, the number of nodes at each depth and, per node with children, the number
    /// of its descendants at each depth.
    private static func levels(parent: [Int?]) -> ([Int], [Int], [Int: [Int]]) {
        var depth = [Int](repeating: 0, count: parent.count)
        func depthOf(_ i: Int) -> Int {
            if depth[i] > 0 { return depth[i] }
            var chain: [Int] = []
            var at: Int? = i
            while let a = at, depth[a] == 0 { chain.append(a); at = parent[a] }
            var d = at.map { depth[$0] } ?? 0
            for a in chain.reversed() { d += 1; depth[a] = d }
            return depth[i]
        }
        for i in parent.indices { _ = depthOf(i) }
        let deepest = depth.max() ?? 0
        var atDepth = [Int](repeating: 0, count: deepest + 1)
        var below: [Int: [Int]] = [:]
        for i in parent.indices {
            atDepth[depth[i]] += 1
            var at = parent[i]
            while let a = at {
                below[a, default: [Int](repeating: 0, count: deepest + 1)][depth[i]] += 1
                at = parent[a]
            }
        }
        return (depth, atDepth, below)
    }

    /// The deepest level of the tree (1 when it is only roots; 0 when empty).
    public var maximumDepth: Int { nodesAtDepth.count - 1 }

    /// Depth of a label's node, 1 at a root. A label outside the tree (a misspelling, a place the
    /// table lacks) counts as the most specific level: it names nothing the tree can place.
    func depth(_ label: String) -> Int { node(label).map { depthOf[$0] } ?? maximumDepth }

    /// How many nodes lie at a depth.
    func nodes(atDepth d: Int) -> Int { d < nodesAtDepth.count ? nodesAtDepth[d] : 0 }

    /// How many nodes beneath a label's node lie at a depth.
    func descendants(of label: String, atDepth d: Int) -> Int {
        guard let n = node(label), let counts = descendantsAtDepth[n], d < counts.count else { return 0 }
        return counts[d]
    }

    /// A label as compared when it matches no id or name exactly, as labels are compared
    /// everywhere (``Candidate/comparable(_:)``: "los  Angeles" is "Los Angeles").
    static func folded(_ label: String) -> String { Candidate.comparable(label) }

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
