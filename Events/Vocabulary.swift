import Foundation

/// How a claimed number relates to the true figure. "At least 9" does not contradict "13".
public enum Bound: String, CaseIterable, Sendable, Codable {
    case exact, atLeast = "at_least", moreThan = "more_than", about, atMost = "at_most", upTo = "up_to", range, some

    /// The interval a value with this bound stands for, when the claim gives no explicit
    /// `low`/`high`. `nil` means open-ended (or, for a lower end of a non-count, unbounded).
    ///
    /// Conventions: `more_than n` is `[n+1, ∞)` for counts and `[n, ∞)` otherwise; `about n`
    /// is `[⌊0.9n⌋, ⌈1.1n⌉]`; `at_most n` and `up_to n` are `[0, n]` for counts; `some` is
    /// `[1, ∞)`; `range` has no implied interval (it must state low and high).
    public func impliedInterval(value: Double?, isCount: Bool) -> (low: Double?, high: Double?) {
        switch self {
        case .some: return (1, nil)
        case .range: return (nil, nil)
        default: break
        }
        guard let v = value else { return (nil, nil) }
        switch self {
        case .exact: return (v, v)
        case .atLeast: return (v, nil)
        case .moreThan: return (isCount ? v + 1 : v, nil)
        case .about:
            let spread = abs(v) * 0.1
            return ((v - spread).rounded(.down), (v + spread).rounded(.up))
        case .atMost, .upTo: return (isCount ? 0 : nil, v)
        case .range, .some: return (nil, nil)
        }
    }
}

/// What a figure counts or states decides which values are allowed for it.
public enum FigureKind: String, Sendable {
    /// People or things: whole, never negative, at most 2^53 − 1.
    case count
    /// A measured quantity (a duration, a distance): any finite number.
    case quantity
    /// A label: `outcome`, `target`.
    case categorical

    /// The documented core vocabulary; other figure names are open.
    public static let coreCounts: Set<String> = [
        "killed", "injured", "captured", "arrested", "missing", "hostages_freed", "displaced",
        "helicopters", "aircraft", "aircraft_lost", "strikes", "houses_destroyed", "vehicles_destroyed",
    ]
    public static let coreQuantities: Set<String> = ["duration_minutes", "duration_hours", "duration_days"]
    public static let coreCategorical: Set<String> = ["outcome", "target"]
    /// Figures outside the core vocabulary whose names end in a unit are quantities.
    public static let unitSuffixes = ["_minutes", "_hours", "_days", "_km", "_meters", "_kg", "_usd", "_percent"]

    /// The kind of a figure. A text value is always a label. Outside the core vocabulary, a
    /// figure with a group ("killed" of "children") counts members of that group; one without
    /// (a `population` column of an imported table) is a quantity.
    public static func of(figure: String, group: String?, value: ClaimValue?) -> FigureKind {
        if case .label = value { return .categorical }
        if coreCategorical.contains(figure) { return .categorical }
        if coreCounts.contains(figure) { return .count }
        if coreQuantities.contains(figure) || unitSuffixes.contains(where: figure.hasSuffix) { return .quantity }
        return group == nil ? .quantity : .count
    }

    /// The largest count the ledger stores: every whole number up to it is exact as a Double
    /// and as an SQLite integer.
    public static let maximumCount: Double = 9_007_199_254_740_991
}

/// A claimed value: a number (a count or a quantity) or a label.
public enum ClaimValue: Hashable, Sendable {
    case number(Double)
    case label(String)

    public var json: JSONValue {
        switch self {
        case .number(let n): .number(n)
        case .label(let s): .string(s)
        }
    }

    public init?(json: JSONValue) {
        switch json {
        case .number(let n): self = .number(n)
        case .string(let s): self = .label(s)
        default: return nil
        }
    }

    public var number: Double? { if case .number(let n) = self { n } else { nil } }
    public var label: String? { if case .label(let s) = self { s } else { nil } }

    public var display: String {
        switch self {
        case .number(let n): JSONValue.canonicalNumber(n)
        case .label(let s): s
        }
    }
}

/// Who makes or relays claims.
public enum SourceKind: String, CaseIterable, Sendable {
    case outlet, newsAgency = "news_agency", monitor, ngo, government, armedForce = "armed_force"
    case armedGroup = "armed_group", spokesperson, person, anonymous, unknown
}

/// How precisely a publication (or incident) time is known.
public enum TimePrecision: String, CaseIterable, Sendable {
    case second, minute, day, month, year, unknown
}

/// A time with its precision, normalised so that its text sorts chronologically:
/// `2022-02-03T06:17:00Z` (second and minute precision, always UTC), `2022-02-03`, `2022-02`,
/// `2022`; `nil` when unknown. Coarse times sort at the start of their period.
public struct PartialTime: Hashable, Sendable {
    public var time: String?
    public var precision: TimePrecision

    public static let unknown = PartialTime(time: nil, precision: .unknown)

    public init(time: String?, precision: TimePrecision) {
        self.time = time
        self.precision = time == nil ? .unknown : precision
    }

    /// Parses `unknown`, `2022`, `2022-02`, `2022-02-03`, or `2022-02-03T08:17[:00][.000]` with
    /// `Z`, `±HH:MM` or `±HHMM` (no zone means UTC; a space may replace the `T`).
    public static func parse(_ text: String) throws(WireFormatError) -> PartialTime {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let fail = WireFormatError(field: "time", reason: "\"\(text)\" is not a time; use 2022-02-03T08:17+02:00, 2022-02-03, 2022-02, 2022 or unknown")
        if trimmed.lowercased() == "unknown" || trimmed.isEmpty { return .unknown }
        let chars = Array(trimmed)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count else { return nil }
            let slice = chars[range]
            guard slice.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(String(slice))
        }
        guard let year = number(0..<4), year >= 1 else { throw fail }
        if chars.count == 4 { return PartialTime(time: String(format: "%04d", year), precision: .year) }
        guard chars.count >= 7, chars[4] == "-", let month = number(5..<7), (1...12).contains(month) else { throw fail }
        if chars.count == 7 { return PartialTime(time: String(format: "%04d-%02d", year, month), precision: .month) }
        guard chars.count >= 10, chars[7] == "-", let day = number(8..<10), day >= 1, day <= daysIn(month: month, year: year) else { throw fail }
        if chars.count == 10 { return PartialTime(time: String(format: "%04d-%02d-%02d", year, month, day), precision: .day) }
        guard chars.count >= 16, chars[10] == "T" || chars[10] == " ", chars[13] == ":",
              let hour = number(11..<13), hour < 24, let minute = number(14..<16), minute < 60 else { throw fail }
        var index = 16
        var second = 0
        var precision = TimePrecision.minute
        if index < chars.count, chars[index] == ":" {
            guard let s = number(index + 1..<index + 3), s < 60 else { throw fail }
            second = s
            precision = .second
            index += 3
            if index < chars.count, chars[index] == "." {
                index += 1
                while index < chars.count, chars[index].isASCII, chars[index].isNumber { index += 1 }
            }
        }
        var offsetSeconds = 0
        if index < chars.count {
            let sign = chars[index]
            if sign == "Z" || sign == "z" {
                index += 1
            } else if sign == "+" || sign == "-" {
                guard let oh = number(index + 1..<index + 3), oh <= 14 else { throw fail }
                var om = 0
                if index + 3 < chars.count, chars[index + 3] == ":" {
                    guard let m = number(index + 4..<index + 6) else { throw fail }
                    om = m
                    index += 6
                } else if let m = number(index + 3..<index + 5) {
                    om = m
                    index += 5
                } else {
                    index += 3
                }
                offsetSeconds = (oh * 3600 + om * 60) * (sign == "-" ? -1 : 1)
            } else {
                throw fail
            }
        }
        guard index == chars.count else { throw fail }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let local = calendar.date(from: components) else { throw fail }
        let utc = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: local.addingTimeInterval(TimeInterval(-offsetSeconds)))
        let time = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", utc.year!, utc.month!, utc.day!, utc.hour!, utc.minute!, utc.second!)
        return PartialTime(time: time, precision: precision)
    }

    /// Whether `text` is exactly `YYYY-MM-DDTHH:MM:SSZ` with a valid date and time: the form
    /// ``parse(_:)`` gives for minute and second precision, which it returns unchanged. A cheap
    /// byte check that spares reading stored events a calendar conversion each.
    static func isNormalisedUTCSecond(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b -> Bool in
            guard b.count == 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
                  b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"), b[19] == UInt8(ascii: "Z") else { return false }
            func number(_ from: Int, _ count: Int) -> Int? {
                var n = 0
                for i in from..<(from + count) {
                    let d = b[i] &- UInt8(ascii: "0")
                    guard d <= 9 else { return nil }
                    n = n * 10 + Int(d)
                }
                return n
            }
            guard let year = number(0, 4), year >= 1, let month = number(5, 2), (1...12).contains(month),
                  let day = number(8, 2), day >= 1, day <= daysIn(month: month, year: year),
                  let hour = number(11, 2), hour < 24, let minute = number(14, 2), minute < 60,
                  let second = number(17, 2), second < 60 else { return false }
            return true
        }
    }

    /// Days in a month of the Gregorian calendar (1 = January).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var display: String {
        guard let time else { return "unknown time" }
        switch precision {
        case .second, .minute, .unknown: return time
        case .day, .month, .year: return "\(time) (\(precision.rawValue))"
        }
    }

    static let fields: [Field] = [
        .optional("time", .string(minLength: 4), "normalised time: 2022-02-03T06:17:00Z (UTC), 2022-02-03, 2022-02 or 2022; null when unknown"),
        Field("precision", .enumeration(TimePrecision.allCases.map(\.rawValue)), "how precisely the time is known"),
    ]

    var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("time", time.map(JSONValue.string) ?? .null)
        b.set("precision", precision.rawValue)
        return b.value
    }

    init(reader: JSONObjectReader) throws(WireFormatError) {
        let time = try reader.optionalString("time")
        guard let precision = TimePrecision(rawValue: try reader.string("precision")) else {
            throw reader.fail("precision", "unknown precision")
        }
        if let time, !PartialTime.isNormalisedUTCSecond(time) {
            // Stored times must already be normalised so that sorting and hashing agree.
            let parsed = try? PartialTime.parse(time)
            guard let parsed, parsed.time == time else {
                throw reader.fail("time", "\"\(time)\" is not a normalised time (2022-02-03T06:17:00Z, 2022-02-03, 2022-02 or 2022)")
            }
        }
        self.init(time: time, precision: precision)
    }
}

/// A passage of a report: its text and where it stands in the stored (normalised) report text,
/// as offsets in Unicode scalars (code points, as Python's `str` counts), `end` exclusive.
public struct Quote: Hashable, Sendable {
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }

    static let fields: [Field] = [
        Field("text", .string(minLength: 1), "the exact passage"),
        Field("start", .integer(minimum: 0), "offset of its first character in the stored report text, in Unicode scalars"),
        Field("end", .integer(minimum: 0), "offset just past its last character, in Unicode scalars"),
    ]

    var json: JSONValue {
        .object(["text": .string(text), "start": .number(Double(start)), "end": .number(Double(end))])
    }

    init(reader: JSONObjectReader) throws(WireFormatError) {
        self.init(text: try reader.string("text"), start: try reader.int("start"), end: try reader.int("end"))
        if end - start != text.unicodeScalars.count {
            throw reader.fail("end", "end − start is \(end - start) but the quote has \(text.unicodeScalars.count) characters")
        }
    }
}

/// What turned text into a claim: `rules@1`, an external pipeline, or `analyst`.
public struct ExtractorRef: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }

    public var description: String { "\(name)@\(version)" }

    static let fields: [Field] = [
        Field("name", .string(minLength: 1), "extractor name: rules, an external pipeline, or analyst"),
        Field("version", .string(minLength: 1), "extractor version"),
    ]

    var json: JSONValue { .object(["name": .string(name), "version": .string(version)]) }

    init(reader: JSONObjectReader) throws(WireFormatError) {
        self.init(name: try reader.string("name"), version: try reader.string("version"))
    }
}
