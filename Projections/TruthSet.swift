import Events
import Foundation

/// Truth-discovery evaluation, the pure part: tabular claims (`object,attribute,source,value`)
/// become ledger events the way `claims import --format claims-csv` makes them, the consensus is
/// computed for every object, and it is scored against gold (`object,attribute,value`).
///
/// Mapping: object → incident, attribute → figure, source → originator (kind unknown), a value
/// that parses as a number → an exact numeric value, anything else → a label; group nil (these
/// generic sets have no "whose figure"); the file is the report (media type text/csv) and each
/// claim quotes its row.
public enum TruthSet {
    /// The rows of a CSV text; an unreadable file (an unclosed quote) gives the rows before it.
    static func rows(_ text: String) -> [CSVRow] {
        (try? CSVParser.rows(text)) ?? []
    }

    /// A claims table's data rows as (object, attribute, source, value) and its columns, whatever
    /// their order; none when the header lacks one of them.
    static func claimRows(_ text: String) -> (columns: ClaimsTable.Columns, rows: [CSVRow]) {
        let all = rows(text)
        guard let header = all.first, let columns = try? ClaimsTable.Columns(header: header.fields) else { return (.standard, []) }
        return (columns, all.dropFirst().filter { $0.fields.count == columns.count })
    }

    /// The events `claims import --format claims-csv` appends for a file: the file as a report,
    /// its sources and incidents (registered on the way), and one claim per row. Positions count
    /// from `firstPosition`. With `valuesAsWritten` every value is a label (see ``valuesAsWritten(kind:)``).
    public static func events(claimsCSV text: String, fileName: String = "claims.csv", recordedAt: String = "1970-01-01T00:00:00.000Z",
                              firstPosition: Int64 = 1, valuesAsWritten: Bool = false) -> [ProjectionEvent] {
        let normalised = ReportText.normalise(text)
        let (columns, rows) = claimRows(normalised)
        var out: [ProjectionEvent] = []
        out.reserveCapacity(rows.count * 2)
        var position = firstPosition
        func add(_ payload: some EventPayload) {
            out.append(ProjectionEvent(position: position, recordedAt: recordedAt, event: LedgerEvent(payload)))
            position += 1
        }
        let report = ReportIngested(text: normalised, mediaType: "text/csv", title: fileName, fileName: fileName)
        add(report)
        var sources = Set<String>()
        var incidents = Set<String>()
        let places = valuesAsWritten ? nil : ClaimsTable.WrittenPlaces(rows: rows, columns: columns)
        // Rows the import would refuse are left out here, rather than failing the evaluation.
        for row in rows {
            guard let claim = try? ClaimsTable.claim(from: row, columns: columns, reportID: report.reportID, valuesAsWritten: valuesAsWritten, places: places) else { continue }
            if incidents.insert(claim.incidentID).inserted { add(IncidentOpened(incidentID: claim.incidentID, title: claim.incidentID)) }
            if sources.insert(claim.originator).inserted { add(SourceRegistered(sourceID: claim.originator, name: claim.originator, kind: .unknown)) }
            add(claim)
        }
        return out
    }

    /// Scores of a consensus against gold.
    public struct Score: Codable, Hashable, Sendable {
        /// Gold items with at least one claim.
        public var items: Int
        /// Estimate equal to gold (numbers compared after rounding half up).
        public var accuracy: Double
        /// For numeric gold: mean absolute error, root mean squared error, and the share of items
        /// whose estimate, rounded half up, differs from gold. nil when gold is not numeric.
        public var mae: Double?
        public var rmse: Double?
        public var errorRate: Double?
        /// How many items the numeric measures are over: those whose gold is a number (a set may
        /// have others, such as a time or "N/A" among its gold values). nil when none is.
        public var numericItems: Int?
        /// For hierarchical sets (TDH's measures): the share of items whose estimate is the gold
        /// label or one of its ancestors (right, if less specific), and the mean number of steps
        /// through the tree from the estimate to the gold label. nil without a hierarchy.
        public var generalisedAccuracy: Double?
        public var meanDistance: Double?
        /// For multi-valued sets, over (item, value) pairs: the share of values given that are
        /// gold, the share of gold values given, and their harmonic mean; ``accuracy`` is then the
        /// share of items whose set of values is exactly the gold set. nil otherwise.
        public var precision: Double?
        public var recall: Double?
        public var f1: Double?
    }

    /// The `kind` a set's `meta.json` declares (`numeric`, `categorical`, `hierarchical`, …), as ``kind(written:)`` reads it.
    public static func kind(metaJSON: String) -> String? {
        guard let data = metaJSON.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return (object["kind"] as? String).map(kind(written:))
    }

    /// A kind as written, read regardless of case, surrounding spaces, and `_` or a space for `-`:
    /// `Categorical` is `categorical`, `Multi_Valued` is `multi-valued`.
    public static func kind(written: String) -> String {
        String(written.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
    }

    /// Whether a set of this kind is imported with its values as written: the values of a
    /// categorical or hierarchical set are codes, even when they read as numbers, and `06037` is
    /// not the number 6037 (nor the node `06037` of a hierarchy).
    public static func valuesAsWritten(kind: String?) -> Bool { kind == "categorical" || kind == "hierarchical" }

    /// Imports the claims, runs the consensus on every object and scores it against the gold rows.
    /// When the set declares itself categorical or hierarchical, its attributes are voted on as
    /// categories even where their values are written as numbers (codes).
    public static func evaluate(claimsCSV: String, truthCSV: String, kind: String? = nil, hierarchy: LabelHierarchy = LabelHierarchy(),
                                options: ProjectionOptions = ProjectionOptions()) -> Score {
        let events = events(claimsCSV: claimsCSV, valuesAsWritten: valuesAsWritten(kind: kind))
        let state = ClaimsState.fold(events)
        let options = Self.options(kind: kind, hierarchy: hierarchy, state: state, base: options)
        return score(ProjectionContext(state: state, options: options), truthCSV: truthCSV)
    }

    /// The options a set's declared kind implies: a categorical or hierarchical set's attributes
    /// are voted on as categories even where their values are written as numbers (codes), and a
    /// hierarchical set's labels nest as its hierarchy says.
    public static func options(kind: String?, hierarchy: LabelHierarchy = LabelHierarchy(), state: ClaimsState,
                               base: ProjectionOptions = ProjectionOptions()) -> ProjectionOptions {
        var options = base
        if kind == "categorical" || kind == "hierarchical" {
            options.categoricalFigures.formUnion(state.claims.values.map(\.claim.figure))
        }
        if kind == "hierarchical" { options.labelHierarchy = hierarchy }
        if kind == "multi-valued" { options.confusionMatrices = false }
        return options
    }

    /// Scores the consensus of a context against gold rows (`object,attribute,value`); labels in
    /// the context's hierarchy are compared as nodes (by id or name) and also get the
    /// hierarchical measures.
    public static func score(_ context: ProjectionContext, truthCSV: String) -> Score {
        let hierarchy = context.options.labelHierarchy
        return score(truthCSV: truthCSV, hierarchy: hierarchy.isEmpty ? nil : hierarchy, categorical: !context.options.categoricalFigures.isEmpty) { key in
            context.consensus(key).map { c in (c.best ?? c.label.flatMap(ClaimsTable.number), c.bestDisplay) }
        }
    }

    /// Majority vote, every claim row one vote, ties to the lowest value: the simple baseline of
    /// ../shared/eval/README.md. Numbers are compared as numbers (9999 below 10000), anything else
    /// as text. (That README says "lowest value string", but its population figures, MAE 1617.7
    /// and error rate 0.184, are those of the lowest *number*; by text order "10000" < "9999", which
    /// gives 1678.5 / 0.199 on the 64 tied items.)
    public static func majorityVote(claimsCSV: String, truthCSV: String, hierarchy: LabelHierarchy? = nil, categorical: Bool = false) -> Score {
        var votes: [FigureKey: [String: Int]] = [:]
        let (c, rows) = claimRows(claimsCSV)
        for row in rows {
            let value = row.fields[c.value].trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { continue }
            // Labels as the consensus compares them ("Positive" is "positive"); numbers as written.
            votes[key(row, c), default: [:]][ClaimsTable.number(value) == nil ? Candidate.comparable(value) : value, default: 0] += 1
        }
        return score(truthCSV: truthCSV, hierarchy: hierarchy, categorical: categorical) { key in
            guard let v = votes[key] else { return nil }
            let best = v.sorted { $0.value != $1.value ? $0.value > $1.value : lowerValue($0.key, $1.key) }[0].key
            return (ClaimsTable.number(best), best)
        }
    }

    /// The median of every claimed number (every row one value; the mean of the middle two when
    /// even): ../shared/eval/README.md's median baseline, for numeric sets. Items without a
    /// numeric claim have no estimate.
    public static func median(claimsCSV: String, truthCSV: String) -> Score {
        var values: [FigureKey: [Double]] = [:]
        let (c, rows) = claimRows(claimsCSV)
        for row in rows {
            guard let v = ClaimsTable.number(row.fields[c.value]) else { continue }
            values[key(row, c), default: []].append(v)
        }
        return score(truthCSV: truthCSV) { key in
            guard let vs = values[key]?.sorted(), !vs.isEmpty else { return nil }
            let m = medianOfSorted(vs)
            return (m, String(m))
        }
    }

    /// The item a row is about, its fields trimmed like the claims the import makes.
    static func key(_ row: CSVRow, _ c: ClaimsTable.Columns) -> FigureKey {
        FigureKey(incident: row.fields[c.object].trimmingCharacters(in: .whitespaces),
                  figure: row.fields[c.attribute].trimmingCharacters(in: .whitespaces), group: nil)
    }

    /// Order of values for tie-breaking: numbers by number, then text.
    static func lowerValue(_ a: String, _ b: String) -> Bool {
        switch (ClaimsTable.number(a), ClaimsTable.number(b)) {
        case (let x?, let y?) where x != y: x < y
        case (.some, nil): true
        case (nil, .some): false
        default: a < b
        }
    }

    /// Attributes whose gold values are all numbers while none of their claimed values is one
    /// ("~1,200", "1200 people"): the consensus votes on such values as labels, and a label never
    /// equals a number. Each with its first claimed value and that value's line, in attribute order.
    public static func labelsAgainstNumericGold(claimsCSV: String, truthCSV: String) -> [(attribute: String, line: Int, value: String)] {
        var numericGold: [String: Bool] = [:]
        for (key, values) in goldValues(truthCSV).values {
            numericGold[key.figure] = (numericGold[key.figure] ?? true) && values.allSatisfy { ClaimsTable.number($0) != nil }
        }
        var first: [String: (line: Int, value: String)] = [:]
        var anyNumber = Set<String>()
        let (c, rows) = claimRows(claimsCSV)
        for row in rows {
            let attribute = key(row, c).figure, value = row.fields[c.value].trimmingCharacters(in: .whitespaces)
            guard numericGold[attribute] == true, !value.isEmpty, !anyNumber.contains(attribute) else { continue }
            if ClaimsTable.number(value) != nil { anyNumber.insert(attribute) } else if first[attribute] == nil { first[attribute] = (row.line, value) }
        }
        return first.keys.sorted().filter { !anyNumber.contains($0) }.map { ($0, first[$0]!.line, first[$0]!.value) }
    }

    /// Gold rows whose object and attribute no claim names (compared as written, case included, as
    /// items are keyed): no score counts them. Their number, the number of gold rows, and the
    /// first such row with its line.
    public static func goldWithoutClaims(claimsCSV: String, truthCSV: String) -> (count: Int, of: Int, first: (line: Int, key: FigureKey)?) {
        let (c, claims) = claimRows(claimsCSV)
        let claimed = Set(claims.filter { !$0.fields[c.value].trimmingCharacters(in: .whitespaces).isEmpty }.map { key($0, c) })
        var count = 0, total = 0
        var first: (line: Int, key: FigureKey)?
        for row in rows(truthCSV).dropFirst() where row.fields.count >= 3 {
            total += 1
            let f = row.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            let key = FigureKey(incident: f[0], figure: f[1], group: nil)
            guard !claimed.contains(key) else { continue }
            count += 1
            if first == nil { first = (row.line, key) }
        }
        return (count, total, first)
    }

    /// The gold values of each item (one row per value), items in first-seen order.
    static func goldValues(_ truthCSV: String) -> (order: [FigureKey], values: [FigureKey: [String]]) {
        var values: [FigureKey: [String]] = [:]
        var order: [FigureKey] = []
        for row in rows(truthCSV).dropFirst() where row.fields.count >= 3 {
            // Trimmed like the claims the import makes.
            let f = row.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            let key = FigureKey(incident: f[0], figure: f[1], group: nil)
            if values[key] == nil { order.append(key) }
            values[key, default: []].append(f[2])
        }
        return (order, values)
    }

    /// Scores estimates (a number if it is one, and its text) against gold rows. An item with
    /// several gold rows (a multi-valued set) counts as right when the estimate is any of them,
    /// and numbers are measured against the nearest. Codes of categories (`categorical`) are
    /// compared as written (as labels compare: case, spacing, times, dates), without numeric measures: `2139` is not `02139`.
    static func score(truthCSV: String, hierarchy: LabelHierarchy? = nil, categorical: Bool = false,
                      estimate: (FigureKey) -> (number: Double?, text: String)?) -> Score {
        let (order, golds) = goldValues(truthCSV)
        var items = 0, correct = 0, numericItems = 0, wrongNumbers = 0
        var absSum = 0.0, sqSum = 0.0
        var generalised = 0, distanceSum = 0, measured = 0
        for key in order {
            guard let c = estimate(key) else { continue }
            items += 1
            let gold = golds[key]!
            if let hierarchy {
                if gold.contains(where: { hierarchy.distance(c.text, $0) == 0 }) { correct += 1 }
                if gold.contains(where: { hierarchy.contains(c.text, $0) }) { generalised += 1 }
                if let d = gold.compactMap({ hierarchy.distance(c.text, $0) }).min() { distanceSum += d; measured += 1 }
            } else if !categorical, case let numbers = gold.compactMap(ClaimsTable.number), numbers.count == gold.count {
                numericItems += 1
                if let e = c.number {
                    let nearest = numbers.indices.min { abs(numbers[$0] - e) < abs(numbers[$1] - e) }!
                    let g = numbers[nearest]
                    absSum += abs(e - g)
                    sqSum += (e - g) * (e - g)
                    if sameWhenRounded(e, gold: g, decimals: decimals(gold[nearest])) { correct += 1 } else { wrongNumbers += 1 }
                } else {
                    let g = numbers.map(abs).min()!
                    wrongNumbers += 1
                    absSum += g
                    sqSum += g * g
                }
            } else {
                if gold.contains(where: { Candidate.comparable($0) == Candidate.comparable(c.text)
                    || !categorical && ClaimsTable.number($0) != nil && ClaimsTable.number($0) == c.number }) { correct += 1 }
            }
        }
        let d = Double(max(items, 1))
        let numeric = numericItems > 0
        return Score(items: items, accuracy: Double(correct) / d,
                     mae: numeric ? absSum / Double(numericItems) : nil,
                     rmse: numeric ? (sqSum / Double(numericItems)).squareRoot() : nil,
                     errorRate: numeric ? Double(wrongNumbers) / Double(numericItems) : nil,
                     numericItems: numeric ? numericItems : nil,
                     generalisedAccuracy: hierarchy.map { _ in Double(generalised) / d },
                     meanDistance: hierarchy != nil && measured > 0 ? Double(distanceSum) / Double(measured) : nil)
    }

    /// Decimal places a gold value is written with (`34.25` → 2, `1,234` → 0, `1.5e-3` → 4).
    static func decimals(_ gold: String) -> Int {
        guard let plain = ClaimsTable.numberText(gold), let (decimals, exponent) = ClaimsTable.writtenDigits(plain: plain) else { return 0 }
        return max(0, decimals - exponent)
    }

    /// Whether an estimate, rounded half up to the gold's decimal places, is the gold value.
    static func sameWhenRounded(_ estimate: Double, gold: Double, decimals: Int) -> Bool {
        let scale = pow(10, Double(min(decimals, 12)))
        return (estimate * scale + 0.5).rounded(.down) == (gold * scale).rounded()
    }

    // MARK: Multi-valued sets

    /// Between an object and one of its values in the yes/no items of a multi-valued set.
    public static let valueSeparator = " → "

    /// A multi-valued set (a book's authors: each source lists several values for an item) as
    /// yes/no claims the ledger can weigh: every value some source gives for an item becomes the
    /// item `object → value`, and every source that speaks about the item says `yes` for the
    /// values it lists and `no` for the others (its list is taken as complete, as in Zhao et al.'s
    /// latent truth model). The yes/no label space is shared by the attribute, so each source gets
    /// a confusion matrix (Dawid–Skene): how often it leaves out a true value, how often it adds
    /// a false one. Values that compare as one label ("John Smith", "john  smith") are
    /// one value, named as first written. Rows in the table's format (object,attribute,source,value).
    public static func impliedClaims(multiValuedCSV text: String) -> String {
        let items = listedValues(text)
        var out = "object,attribute,source,value\n"
        for key in items.order {
            let (values, bySource) = items.lists[key]!
            for value in values {
                for (source, listed) in bySource {
                    out += CSVWriter.row([key.incident + valueSeparator + value, key.figure, source, listed.contains(Candidate.comparable(value)) ? "yes" : "no"]) + "\n"
                }
            }
        }
        return out
    }

    /// Per item, in first-seen order: the values given, each as first written, and each source's
    /// list in compared form (``Candidate/comparable(_:)``, as labels are compared).
    static func listedValues(_ text: String) -> (order: [FigureKey], lists: [FigureKey: (values: [String], bySource: [(String, Set<String>)])]) {
        var order: [FigureKey] = []
        var values: [FigureKey: [String]] = [:]
        var seen: [FigureKey: Set<String>] = [:]
        var sources: [FigureKey: [String]] = [:]
        var listed: [FigureKey: [String: Set<String>]] = [:]
        let (c, rows) = claimRows(text)
        for row in rows {
            let key = key(row, c)
            let source = row.fields[c.source].trimmingCharacters(in: .whitespaces), value = row.fields[c.value].trimmingCharacters(in: .whitespaces)
            guard !key.incident.isEmpty, !key.figure.isEmpty, !source.isEmpty, !value.isEmpty else { continue }
            if values[key] == nil { order.append(key) }
            let folded = Candidate.comparable(value)
            if seen[key, default: []].insert(folded).inserted { values[key, default: []].append(value) }
            if listed[key]?[source] == nil { sources[key, default: []].append(source) }
            listed[key, default: [:]][source, default: []].insert(folded)
        }
        var lists: [FigureKey: (values: [String], bySource: [(String, Set<String>)])] = [:]
        for key in order { lists[key] = (values[key]!, sources[key]!.map { ($0, listed[key]![$0]!) }) }
        return (order, lists)
    }

    /// The data rows of a table (its header not counted).
    public static func rowCount(_ text: String) -> Int { max(0, rows(text).count - 1) }

    /// Scores the yes/no consensus of a multi-valued set (a context over ``impliedClaims``)
    /// against its gold rows, one row per gold value.
    public static func scoreMultiValued(_ context: ProjectionContext, claimsCSV: String, truthCSV: String) -> Score {
        scoreSets(claimsCSV: claimsCSV, truthCSV: truthCSV) { key, value in
            context.consensus(FigureKey(incident: key.incident + valueSeparator + value, figure: key.figure, group: nil))?.label == "yes"
        }
    }

    /// Majority vote for a multi-valued set: a value is in when more than half of the sources
    /// that speak about the item list it.
    public static func majorityVoteMultiValued(claimsCSV: String, truthCSV: String) -> Score {
        let items = listedValues(claimsCSV).lists
        return scoreSets(claimsCSV: claimsCSV, truthCSV: truthCSV) { key, value in
            guard let sources = items[key]?.bySource else { return false }
            return 2 * sources.filter { $0.1.contains(Candidate.comparable(value)) }.count > sources.count
        }
    }

    /// Values and gold are compared as labels are (``Candidate/comparable(_:)``).
    static func scoreSets(claimsCSV: String, truthCSV: String, isIn: (FigureKey, String) -> Bool) -> Score {
        let items = listedValues(claimsCSV)
        let gold = goldValues(truthCSV).values
        var scored = 0, exact = 0, given = 0, right = 0, golden = 0
        for key in items.order {
            guard let g = gold[key].map({ Set($0.map(Candidate.comparable)) }) else { continue }
            let predicted = Set(items.lists[key]!.values.filter { isIn(key, $0) }.map(Candidate.comparable))
            scored += 1
            if predicted == g { exact += 1 }
            given += predicted.count
            right += predicted.intersection(g).count
            golden += g.count
        }
        let precision = given == 0 ? 0 : Double(right) / Double(given)
        let recall = golden == 0 ? 0 : Double(right) / Double(golden)
        return Score(items: scored, accuracy: scored == 0 ? 0 : Double(exact) / Double(scored), mae: nil, rmse: nil, errorRate: nil,
                     precision: precision, recall: recall, f1: precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall))
    }
}
