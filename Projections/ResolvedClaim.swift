import Events
import Foundation

/// Knobs of the projections. The defaults are the documented method; none is tuned per data set.
public struct ProjectionOptions: Sendable, Hashable {
    /// Only claims from reports published before this normalised time count (as of published
    /// time). Reports whose publication time is unknown are placed by their recorded time.
    public var publishedBefore: String?
    /// Sources known to bear responsibility for an incident (incident id → source ids), on top of
    /// the heuristic (see ``ProjectionContext/responsibleParties(of:)``).
    public var responsibleParties: [String: Set<String>]
    /// Group nesting used for the consistency check: child → parent.
    public var groupParents: [String: String]
    /// Truth-discovery rounds (see README: stopping early keeps sparse sources from confirming
    /// themselves through the consensus they shaped).
    public var iterations: Int
    /// Weight of the prior in a source's reliability, in claims.
    public var priorStrength: Double
    /// Reliability from which a source counts as credible (grade fair / contested).
    public var credibleReliability: Double
    /// Below this reliability a source's support no longer lifts a figure above discounted.
    public var discountedReliability: Double
    /// Contradicting weight at or above this share of the supporting weight makes a figure contested.
    public var contestedShare: Double
    /// Weight of an analyst's assessment (`source_assessed`) in a source's reliability, in claims.
    public var assessedPriorStrength: Double = 4
    /// Figures whose numeric values are codes of categories (a data set declared categorical):
    /// they are voted on like labels, with confusion matrices.
    public var categoricalFigures: Set<String> = []
    /// Nesting of the labels of categorical figures (see ``LabelHierarchy``): a label agrees with
    /// itself and every label beneath it. Empty: labels agree only with themselves.
    public var labelHierarchy = LabelHierarchy()
    /// Whether sources get confusion matrices over small shared label spaces (Dawid–Skene);
    /// without them every categorical figure is a reliability-weighted vote.
    public var confusionMatrices = true

    public static let defaultGroupParents: [String: String] = [
        "children": "civilians", "women": "civilians", "civilians": "people", "militants": "people",
        "soldiers": "people", "militant_leaders": "militants", "combatants": "people",
    ]

    public init(publishedBefore: String? = nil, responsibleParties: [String: Set<String>] = [:],
                groupParents: [String: String] = ProjectionOptions.defaultGroupParents, iterations: Int = 3,
                priorStrength: Double = 1, credibleReliability: Double = 0.4, discountedReliability: Double = 0.25,
                contestedShare: Double = 0.5) {
        self.publishedBefore = publishedBefore
        self.responsibleParties = responsibleParties
        self.groupParents = groupParents
        self.iterations = iterations
        self.priorStrength = priorStrength
        self.credibleReliability = credibleReliability
        self.discountedReliability = discountedReliability
        self.contestedShare = contestedShare
    }
}

/// A claimed value reduced to what consensus compares: an interval for numbers, a label otherwise.
public enum Candidate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    case number(Double)
    case label(String)

    public static func < (a: Candidate, b: Candidate) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): x < y
        case (.label(let x), .label(let y)): x < y
        case (.number, .label): true
        case (.label, .number): false
        }
    }

    public var description: String {
        switch self {
        case .number(let n): JSONValue.canonicalNumber(n)
        case .label(let s): s
        }
    }

    public var number: Double? { if case .number(let n) = self { n } else { nil } }

    /// A label as it is compared: "Positive", "positive" and " POSITIVE" are one label (lower case,
    /// runs of white space as one space), and so are the spellings of one clock time ("7:45 PM",
    /// "7:45p", "19:45", all "19:45") and of one date ("1 Dec 2011", "December 1, 2011",
    /// "2011-12-01", all "2011-12-01"). Claims keep their text as written, and the consensus shows a
    /// label the way the first claim in the ledger wrote it (``Item/written(_:)``).
    public static func comparable(_ label: String) -> String {
        let words = label.lowercased().split(whereSeparator: \.isWhitespace)
        let folded = words.count == 1 ? String(words[0]) : words.joined(separator: " ")
        return clockTime(folded) ?? calendarDate(words) ?? folded
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]

    /// A date as "YYYY-MM-DD", from the folded words of a label that is one, written with its year
    /// first ("2011-12-01", "2011/12/1") or its month in English words ("1 Dec 2011", "1-Dec-2011",
    /// "December 1st, 2011"). Nil for anything else, including "01/12/2011", which reads as January
    /// or December depending on the writer, and days the month or year does not have.
    static func calendarDate(_ words: [Substring]) -> String? {
        func number(_ s: Substring, digits: ClosedRange<Int>) -> Int? {
            s.count >= digits.lowerBound && s.count <= digits.upperBound && s.allSatisfy { $0.isASCII && $0.isNumber } ? Int(s) : nil
        }
        // Every form ends in a four-digit year or a day; most labels are turned away here.
        guard let last = words.last?.last, last.isASCII, last.isNumber else { return nil }
        var year: Int?, month: Int?, day: Int?
        func monthNumber(_ w: String) -> Int? {
            guard w.count >= 3 else { return nil }
            return months.firstIndex { $0 == w || ($0.hasPrefix(w) && w.count == 3) || (w == "sept" && $0 == "september") }.map { $0 + 1 }
        }
        func dayNumber(_ w: String) -> Int? {
            let digits = w.prefix { $0.isASCII && $0.isNumber }
            let suffix = w.dropFirst(digits.count)
            return ["", "st", "nd", "rd", "th"].contains(String(suffix)) ? number(digits, digits: 1...2) : nil
        }
        if words.count == 1 {
            // "2011-12-01", "2011/12/01", "1-dec-2011"
            let parts = words[0].split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" }
            guard parts.count == 3, !(words[0].contains("-") && words[0].contains("/")) else { return nil }
            if let y = number(parts[0], digits: 4...4) {
                (year, month, day) = (y, number(parts[1], digits: 1...2), number(parts[2], digits: 1...2))
            } else if let m = monthNumber(String(parts[1])) {
                (day, month, year) = (dayNumber(String(parts[0])), m, number(parts[2], digits: 4...4))
            }
        } else if words.count == 3 {
            // "1 dec 2011", "dec 1, 2011", "december 1st 2011"
            let cleaned = words.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".,")) }
            year = number(Substring(cleaned[2]), digits: 4...4)
            if let m = monthNumber(cleaned[1]) { (day, month) = (dayNumber(cleaned[0]), m) }
            else if let m = monthNumber(cleaned[0]) { (month, day) = (m, dayNumber(cleaned[1])) }
        }
        guard let year, let month, let day, (1...12).contains(month),
              (1...PartialTime.daysIn(month: month, year: year)).contains(day) else { return nil }
        let padded = { (n: Int, width: Int) in String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// A clock time in 24-hour form, "HH:MM" (":SS" when the seconds are not zero), from a folded
    /// label that is one: "7:45 pm", "7:45p", "7.45 p.m.", "7 pm", "07:45", "19:45:30". Nil for
    /// anything else, such as "7.45" (a number), "3.50p" (a price) or "25:00". A duration "12:30"
    /// (minutes and seconds) reads as the time 12:30.
    static func clockTime(_ folded: String) -> String? {
        guard let first = folded.first, first.isASCII, first.isNumber, folded.count <= 14 else { return nil }
        var text = Substring(folded)
        var afternoon: Bool?, letterOnly = false
        for (suffix, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true), ("a", false), ("p", true)] where text.hasSuffix(suffix) {
            text = text.dropLast(suffix.count)
            afternoon = pm
            letterOnly = suffix.count == 1
            break
        }
        text = text.hasSuffix(" ") ? text.dropLast() : text
        // Without am or pm only "H:MM" reads as a time; with "a" or "p" only "H:MM" too (a gate
        // "12A" and a price "3.50p" are no times); with "am" or "pm" also "H.MM" and "H".
        let parts = text.split(separator: afternoon == nil || letterOnly || text.contains(":") ? ":" : ".", omittingEmptySubsequences: false)
        guard (afternoon == nil || letterOnly ? 2...3 : 1...3).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
        var hour = Int(parts[0])!
        let minute = parts.count > 1 ? Int(parts[1])! : 0, second = parts.count > 2 ? Int(parts[2])! : 0
        guard minute < 60, second < 60 else { return nil }
        if let afternoon {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (afternoon ? 12 : 0)
        } else {
            guard hour < 24 else { return nil }
        }
        let hhmm = (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
        return second == 0 ? hhmm : hhmm + ":" + (second < 10 ? "0" : "") + "\(second)"
    }
}

/// An immutable value held by reference: copying what holds it copies one reference. Equal and
/// hashed by its value.
final class Shared<Value: Hashable & Sendable>: Hashable, Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (a: Shared, b: Shared) -> Bool { a === b || a.value == b.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// How a claim's place in time was decided.
public enum Placement: String, Sendable, Hashable, Codable {
    /// By its report's publication time (minute or second precision).
    case published
    /// By recorded time, because the publication time is unknown or coarse (day or coarser).
    case recorded
}

/// A live claim resolved against merges, moves and its report: what every projection reads.
public struct ResolvedClaim: Sendable, Hashable {
    public var record: ClaimRecord {
        get { recordStorage.value }
        set { recordStorage = Shared(newValue) }
    }
    public var key: FigureKey
    public var originator: String
    public var via: [String]
    public var report: ReportInfo? {
        get { reportStorage?.value }
        set { reportStorage = newValue.map(Shared.init) }
    }
    /// Sort key in time: publication time when precise, else recorded time.
    public var time: String
    public var placement: Placement
    /// Interval the claim stands for; −∞/∞ where open.
    public var low: Double
    public var high: Double
    /// A label as compared (``Candidate/comparable(_:)``); the claim's value keeps it as written.
    public var label: String?
    public var isCategorical: Bool
    // The record and the report are most of a resolved claim's fields; held by reference, they
    // are not copied each time the claim is (projections copy claims into many groupings).
    private var recordStorage: Shared<ClaimRecord>
    private var reportStorage: Shared<ReportInfo>?

    public var claim: ClaimAsserted { recordStorage.value.claim }
    public var id: String { recordStorage.value.claim.claimID }
    /// The one value an exact numeric claim states, whether it stands for that point (13 killed) or
    /// for what its written decimals cover (159.4 is 159.35…159.45); nil for bounds and labels.
    public var pointValue: Double? {
        guard claim.bound == .exact, !claim.combined, let v = claim.value?.number, v.isFinite, low <= v, v <= high else { return nil }
        return v
    }

    /// `some` says only that there was harm: it agrees with any positive figure and suggests none.
    public var isInformative: Bool { claim.bound != .some }

    /// `report` is the claim's report from `state`, shared by the claims resolved with it.
    init(record: Shared<ClaimRecord>, key: FigureKey, report: Shared<ReportInfo>?, state: ClaimsState) {
        recordStorage = record
        reportStorage = report
        self.key = key
        let c = record.value.claim
        originator = state.canonicalSource(c.originator)
        via = c.via.map(state.canonicalSource)
        if let report = report?.value, report.hasPreciseTime, let published = report.published {
            time = published
            placement = .published
        } else {
            time = report?.value.recordedAt ?? record.value.recordedAt
            placement = .recorded
        }
        if case .label(let l) = c.value {
            label = Candidate.comparable(l)
            isCategorical = true
            low = -.infinity
            high = .infinity
        } else {
            label = nil
            isCategorical = false
            let isCount = c.kind == .count
            var lo = c.low ?? (isCount ? 0 : -.infinity)
            let hi = c.high ?? .infinity
            // "Killed and injured 13" bounds the killed from above only.
            if c.combined, isCount { lo = 0 }
            low = lo
            high = hi
        }
    }

    /// Whether the claim is consistent with a value. In a hierarchy of categories the claim's
    /// value (a label, or a code written as a number) agrees with itself and every value beneath it.
    public func agrees(with value: Candidate, hierarchy: LabelHierarchy? = nil) -> Bool {
        if let hierarchy, !hierarchy.isEmpty, let mine = proposals.first, claim.bound == .exact {
            return hierarchy.contains(mine.description, value.description)
        }
        switch value {
        case .label(let l): return label == l
        case .number(let n): return !isCategorical && low <= n && n <= high
        }
    }

    /// The value this claim proposes as a candidate for best, if any.
    var proposals: [Candidate] {
        if let label { return [.label(label)] }
        guard isInformative else { return [] }
        if let v = claim.value?.number, low <= v, v <= high, !claim.combined { return [.number(v)] }
        if claim.combined, let v = claim.value?.number { return [.number(v)] }
        var out: [Candidate] = []
        if low.isFinite { out.append(.number(low)) }
        if high.isFinite, high != low { out.append(.number(high)) }
        return out
    }

    /// How narrow the claim is, to choose among one originator's statements made at the same time.
    var width: Double {
        if isCategorical { return 0 }
        if !isInformative { return .infinity }
        if !high.isFinite || !low.isFinite { return .greatestFiniteMagnitude }
        return high - low
    }
}

extension ClaimsState {
    /// Where a claim stands on the published axis (what `publishedBefore` compares): its report's
    /// publication time, or, when that is unknown, the time the ledger recorded the claim.
    public func placedTime(of record: ClaimRecord) -> String {
        reports[record.claim.reportID]?.published ?? record.recordedAt
    }

    /// Every live claim, resolved, sorted by claim id (the order all sums run in, so results are
    /// bit-for-bit reproducible).
    public func resolvedClaims(options: ProjectionOptions = ProjectionOptions()) -> [ResolvedClaim] {
        // Sort the live claims' positions by id, then resolve them in that order: a resolved claim
        // is large, and copying it (or even an id with its key) in a sort costs far more.
        var ids: [String] = []
        var keys: [FigureKey] = []
        var records: [Shared<ClaimRecord>] = []
        for record in claims.values {
            guard let key = key(of: record) else { continue }
            if let cutoff = options.publishedBefore, placedTime(of: record) >= cutoff { continue }
            ids.append(record.claim.claimID)
            keys.append(key)
            records.append(Shared(record))
        }
        let order = ids.indices.sorted { ids[$0] < ids[$1] }
        var sharedReports: [String: Shared<ReportInfo>] = [:]
        return order.map { i in
            let reportID = records[i].value.claim.reportID
            var report = sharedReports[reportID]
            if report == nil, let info = reports[reportID] {
                report = Shared(info)
                sharedReports[reportID] = report
            }
            return ResolvedClaim(record: records[i], key: keys[i], report: report, state: self)
        }
    }
}

/// Keeps each originator's latest statement (see ``isLater(_:than:)``); statements made at the
/// same time (one report) keep the narrowest. Returns kept and superseded claims, both in
/// claim-id order.
func latestPerOriginator(_ claims: [ResolvedClaim]) -> (kept: [ResolvedClaim], superseded: [ResolvedClaim]) {
    // By index: the claims (distinct ids) are only copied once, into kept or superseded.
    var latest: [String: Int] = [:]
    for i in claims.indices {
        guard let current = latest[claims[i].originator] else { latest[claims[i].originator] = i; continue }
        if isLater(claims[i], than: claims[current]) { latest[claims[i].originator] = i }
    }
    var isKept = [Bool](repeating: false, count: claims.count)
    for i in latest.values { isKept[i] = true }
    var kept: [ResolvedClaim] = []
    var superseded: [ResolvedClaim] = []
    kept.reserveCapacity(latest.count)
    for i in claims.indices {
        if isKept[i] { kept.append(claims[i]) } else { superseded.append(claims[i]) }
    }
    return (kept, superseded)
}

/// Later by publication time, a coarse time counting from the start of its period (as
/// `--published-before` counts it: "2022-02-03" is before "2022-02-03T11:00:00Z"), and an
/// unknown one by when the ledger recorded the report; then by placed time, then the narrower
/// claim, then position. A total order, so the latest statement never depends on claim ids.
func isLater(_ a: ResolvedClaim, than b: ResolvedClaim) -> Bool {
    let pa = a.report?.published ?? a.time, pb = b.report?.published ?? b.time
    if pa != pb { return pa > pb }
    if a.time != b.time { return a.time > b.time }
    if a.width != b.width { return a.width < b.width }
    if a.record.position != b.record.position { return a.record.position > b.record.position }
    return a.id > b.id
}
