import Foundation

/// One data row of a claims table, with where it stands in the (normalised) file text.
public struct CSVRow: Sendable, Equatable {
    public var line: Int
    public var fields: [String]
    /// The row's text, without its line end, and its offsets in Unicode scalars.
    public var text: String
    public var start: Int
    public var end: Int
}

/// Writes RFC 4180 CSV, as ``CSVParser`` reads it: fields with a comma, quote or line break are quoted.
public enum CSVWriter {
    public static func row(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }
}

/// RFC 4180 CSV: comma-separated, fields optionally in double quotes (with `""` for a quote
/// inside), rows ending in LF (the text is normalised, so CRLF is already LF).
public enum CSVParser {
    public static func rows(_ text: String) throws(CSVSyntaxError) -> [CSVRow] {
        let bytes = Array(text.utf8)
        var rows: [CSVRow] = []
        var index = 0
        var scalar = 0
        var line = 1
        while index < bytes.count {
            let rowStartByte = index, rowStartScalar = scalar, rowLine = line
            var fields: [String] = []
            var field: [UInt8] = []
            var quoted = false
            var fieldStart = true
            while index < bytes.count {
                let b = bytes[index]
                if quoted {
                    if b == UInt8(ascii: "\"") {
                        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                            field.append(b); index += 1; scalar += 1
                        } else {
                            quoted = false
                        }
                    } else {
                        field.append(b)
                        if b == 0x0A { line += 1 }
                    }
                } else if b == UInt8(ascii: "\"") && fieldStart {
                    quoted = true
                } else if b == UInt8(ascii: ",") {
                    fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true)
                    fieldStart = true; index += 1; scalar += 1
                    continue
                } else if b == 0x0A {
                    break
                } else {
                    field.append(b)
                }
                fieldStart = false
                if b & 0xC0 != 0x80 { scalar += 1 }
                index += 1
            }
            if quoted { throw CSVSyntaxError(line: rowLine, reason: "a quoted field is not closed") }
            fields.append(String(decoding: field, as: UTF8.self))
            let rowText = String(decoding: bytes[rowStartByte..<index], as: UTF8.self)
            let endScalar = scalar
            if index < bytes.count { index += 1; scalar += 1; line += 1 }  // the LF
            if rowText.isEmpty { continue }
            rows.append(CSVRow(line: rowLine, fields: fields, text: rowText, start: rowStartScalar, end: endScalar))
        }
        return rows
    }
}

/// A CSV file that cannot be read as rows.
public struct CSVSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var reason: String
    public var description: String { "line \(line): \(reason)" }
}

/// Tables of claims with the header `object,attribute,source,value`, as truth-discovery data
/// sets and spreadsheets have them: object → incident, attribute → figure, source →
/// originator, a number → an exact numeric value, anything else → a label; an optional `group`
/// column gives the group ("children" of `killed`). Columns may come in any order; others are
/// ignored. The file is the report (`text/csv`) and each claim quotes its row. One mapping, used
/// by `claims import --format claims-csv` and by the pure truth-set evaluation.
public enum ClaimsTable {
    public static let header = ["object", "attribute", "source", "value"]
    public static let extractor = ExtractorRef(name: "claims-csv", version: "2")

    /// Where a table's columns are, from its header (names compared ignoring case and spaces).
    public struct Columns: Sendable, Equatable {
        public let object: Int, attribute: Int, source: Int, value: Int
        public let group: Int?
        /// How many fields each row has.
        public let count: Int
        /// Columns that are none of the above, left out of the claims.
        public let ignored: [String]

        public static let standard = try! Columns(header: ClaimsTable.header)

        public init(header fields: [String]) throws(WireFormatError) {
            let names = fields.map { trimSpaces($0).lowercased() }
            func index(_ name: String) -> Int? { names.firstIndex(of: name) }
            guard let object = index("object"), let attribute = index("attribute"), let source = index("source"), let value = index("value") else {
                let missing = ClaimsTable.header.filter { index($0) == nil }
                throw WireFormatError(field: "header", reason: "has no column \(missing.joined(separator: ", ")); a claims table has the columns object,attribute,source,value (and optionally group)")
            }
            let known = ClaimsTable.header + ["group"]
            if let twice = names.first(where: { name in known.contains(name) && names.filter { $0 == name }.count > 1 }) {
                throw WireFormatError(field: "header", reason: "names the column \(twice) twice")
            }
            self.object = object; self.attribute = attribute; self.source = source; self.value = value
            group = index("group")
            count = fields.count
            var ignored: [String] = []
            for name in names.map({ $0.isEmpty ? "(unnamed)" : $0 }) where !known.contains(name) && !ignored.contains(name) { ignored.append(name) }
            self.ignored = ignored
        }
    }

    /// The claim a data row states, or nil when its value is empty (the source gave none: a
    /// missing cell, as tables of many sources have). Its id derives from the file and the row's
    /// line, so the same file imported again gives the same claims. Errors name the table's
    /// columns (object, attribute, source, value, group). With `valuesAsWritten` every value is a
    /// label, numbers included: codes of categories (`06037`, a FIPS id) keep their leading zeros.
    /// `places`, the table's ``WrittenPlaces``, reads a value by how finely its source writes.
    public static func claim(from row: CSVRow, columns: Columns = .standard, reportID: String,
                             valuesAsWritten: Bool = false, places: WrittenPlaces? = nil) throws(WireFormatError) -> ClaimAsserted? {
        guard row.fields.count == columns.count else {
            throw WireFormatError(field: "", reason: "expected \(columns.count) fields, as the header has, found \(row.fields.count)")
        }
        let field = { (i: Int) in trimSpaces(row.fields[i]) }
        let value = field(columns.value)
        guard !value.isEmpty else { return nil }
        for (name, i) in [("object", columns.object), ("attribute", columns.attribute), ("source", columns.source)] where field(i).isEmpty {
            throw WireFormatError(field: name, reason: "is empty")
        }
        let figure = field(columns.attribute)
        let group = columns.group.map(field).flatMap { $0.isEmpty ? nil : $0 }
        let claimID = "csv:\(reportID.prefix(16)):\(row.line)"
        let (parsed, plain) = valuesAsWritten ? (.label(value), nil) : try parseValue(value)
        let source = field(columns.source)
        let precision = FigureKind.of(figure: figure, group: group, value: parsed) == .count ? nil : plain.flatMap { plain in
            writtenPrecision(plain: plain, places: places?.finest(source: source, attribute: figure, plain: plain))
        }
        return ClaimAsserted(
            claimID: claimID, reportID: reportID, incidentID: field(columns.object), figure: figure, group: group,
            value: parsed, bound: .exact, low: precision?.low, high: precision?.high, originator: source,
            quotes: [Quote(text: row.text, start: row.start, end: row.end)], extractor: extractor)
    }

    /// What a measured value written with decimals stands for: half a unit of its last decimal
    /// either side. `159.4` is 159.35…159.45 and `2.08B` is 2.075…2.085 billion, so a price
    /// rounded to one decimal agrees with the exact price it rounds; `159.40` is 159.395…159.405.
    /// Whole numbers (`159`, `8860`, `1e3`) are exact: a trailing zero may be a digit or rounding,
    /// and nothing says which. Nil when the value is not a number or has no decimals.
    public static func writtenPrecision(_ text: String) -> (low: Double, high: Double)? {
        numberText(text).flatMap { writtenPrecision(plain: $0) }
    }

    /// ``writtenPrecision(_:)`` of a number already in its plain spelling (``numberText(_:)``),
    /// read to `places` decimal places where its source writes that finely (see ``WrittenPlaces``).
    static func writtenPrecision(plain: String, places finest: Int? = nil) -> (low: Double, high: Double)? {
        guard let value = Double(plain), value.isFinite, let (decimals, exponent) = writtenDigits(plain: plain), decimals > 0 else { return nil }
        // In units of a tenth of the last written digit, so that the ends are the decimals they look like.
        let places = max(decimals - exponent, finest ?? .min)
        guard abs(places) <= 15 else { return nil }
        if places < 0 {
            let half = 0.5 * pow(10, Double(-places))
            return (clamped(value - half, for: value), value + half)
        }
        let scale = pow(10, Double(places + 1))
        let tenths = (value * scale).rounded()
        // Past 2^53 tenths the ends are no longer exact decimals: such a value is taken as written.
        guard abs(tenths) < 9_007_199_254_740_992 else { return nil }
        let (low, high) = ((tenths - 5) / scale, (tenths + 5) / scale)
        guard low <= value, value <= high else { return nil }
        return (clamped(low, for: value), high)
    }

    /// How finely each source of a table writes each attribute. Tables often lose trailing zeros on
    /// the way (a spreadsheet or a script writes 1.90 as `1.9`), so one value's decimals do not say
    /// whether its source rounds: a source that writes `12.34` elsewhere in the attribute does not
    /// round to one decimal, and its `1.9` is 1.895…1.905, not 1.85…1.95. A value is read to the
    /// most decimal places its source gives any value of that attribute at least as large (by
    /// power of ten), so a source that writes three significant figures (`12.3`, `1.23`) still
    /// rounds `12.3`. A whole number stays exact, as a single value does.
    public struct WrittenPlaces: Sendable {
        /// source, attribute → power of ten of a value → the most places written at that power.
        private var places: [SourceAttribute: [Int: Int]] = [:]

        private struct SourceAttribute: Hashable, Sendable {
            var source: String
            var attribute: String
        }

        public init(rows: some Sequence<CSVRow>, columns: Columns) {
            for row in rows where row.fields.count == columns.count {
                guard let plain = numberText(row.fields[columns.value]), let (power, written) = Self.powerAndPlaces(plain) else { continue }
                let key = SourceAttribute(source: trimSpaces(row.fields[columns.source]), attribute: trimSpaces(row.fields[columns.attribute]))
                places[key, default: [:]][power] = max(places[key]?[power] ?? .min, written)
            }
        }

        /// The most places the source writes on values of the attribute as large as `plain` or larger.
        func finest(source: String, attribute: String, plain: String) -> Int? {
            guard let byPower = places[SourceAttribute(source: source, attribute: attribute)], let (power, _) = Self.powerAndPlaces(plain) else { return nil }
            var most: Int?
            for (p, written) in byPower where p >= power { most = max(most ?? written, written) }
            return most
        }

        /// A nonzero number's power of ten (`12.34` → 1) and its written decimal places (2).
        private static func powerAndPlaces(_ plain: String) -> (power: Int, places: Int)? {
            guard let value = Double(plain), value != 0, value.isFinite, let (decimals, exponent) = writtenDigits(plain: plain) else { return nil }
            return (Int(log10(value.magnitude).rounded(.down)), decimals - exponent)
        }
    }

    /// The decimals a plain number's mantissa is written with, and its exponent: `159.4` → (1, 0),
    /// `2.08e9` → (2, 9), `159` → (0, 0); nil when the exponent is not a whole number.
    public static func writtenDigits(plain: String) -> (decimals: Int, exponent: Int)? {
        var mantissa = Substring(plain), exponent = 0
        if let e = plain.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = plain[..<e]
            guard let x = Int(plain[plain.index(after: e)...].drop { $0 == "+" }) else { return nil }
            exponent = x
        }
        let decimals = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0
        return (decimals, exponent)
    }

    /// A value that is not negative does not stand for negatives: `0.0` is 0…0.05, so a figure
    /// of non-negative values stays one (counts and amounts are compared on the log scale).
    static func clamped(_ low: Double, for value: Double) -> Double { value >= 0 ? max(0, low) : low }

    /// The table column an event field comes from, for errors about a row.
    public static func column(ofField field: String) -> String {
        switch field {
        case "payload.incident_id", "incident_id": "object"
        case "payload.figure", "figure": "attribute"
        case "payload.originator", "originator", "payload.source_id", "source_id", "payload.name": "source"
        case "payload.value", "value": "value"
        case "payload.group", "group": "group"
        default: field
        }
    }

    /// Drops spaces and tabs around a field (cheaper than Foundation's trimming, which bridges).
    static func trimSpaces(_ field: String) -> String {
        let utf8 = field.utf8
        guard utf8.first == 0x20 || utf8.first == 0x09 || utf8.last == 0x20 || utf8.last == 0x09 else { return field }
        let start = utf8.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? utf8.endIndex
        let end = utf8.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { utf8.index(after: $0) } ?? start
        return String(field[start..<end])
    }

    /// A number as tables write it, or nil: digits with an optional sign, decimal point and
    /// exponent (`42`, `-3.5`, `+7`, `007`, `1e6`); also thousands grouped by commas or spaces
    /// (`1,234,567`, `1 234`), a leading currency sign (`$3.50`), a trailing `%` (`0.5%` is 0.5),
    /// a trailing K, M, B or T for thousands to trillions (`2.08B`) or bn, mn (`1.2bn`), the minus
    /// sign U+2212 (`−3.5`), and Arabic-Indic digits with the Arabic decimal and thousands signs
    /// (`١٢٣٬٤٥٦`). Anything else (`7:45`, `n/a`, `12 people`, `12m`, which may be metres) is not a number.
    public static func number(_ text: String) -> Double? {
        numberText(text).flatMap { Double($0) }
    }

    /// The plain spelling of a number as ``number(_:)`` reads it: `1,234` → `1234`.
    public static func numberText(_ raw: String) -> String? {
        let trimmed = trimSpaces(raw)
        // Most cells are plain numbers or plain words: settle those without rewriting the text.
        if trimmed.utf8.allSatisfy(isPlainByte) { return plainNumber(trimmed) }
        if !trimmed.utf8.contains(where: { digits.contains($0) || $0 >= 0x80 }) { return nil }
        var scalars: [Unicode.Scalar] = []
        for scalar in trimmed.unicodeScalars {
            switch scalar.value {
            case 0x0660...0x0669: scalars.append(Unicode.Scalar(scalar.value - 0x0660 + 0x30)!)
            case 0x06F0...0x06F9: scalars.append(Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!)
            case 0x066B: scalars.append(".")
            case 0x066C: scalars.append(",")
            case 0x2212: scalars.append("-")  // the minus sign typesetting uses
            default: scalars.append(scalar)
            }
        }
        var text = String(String.UnicodeScalarView(scalars))
        guard !text.isEmpty else { return nil }
        var sign = ""
        if text.hasPrefix("-") || text.hasPrefix("+") { sign = String(text.removeFirst()) }
        if let first = text.first, "$€£¥".contains(first) { text.removeFirst() }
        if text.hasSuffix("%") { text.removeLast() }
        // Thousands, millions, billions, trillions: 380.67K, 2.08B; and as finance writes them, 1.2bn, 3mn.
        var exponent = ""
        if let word = ["bn": "9", "mn": "6"][text.suffix(2).lowercased()], text.dropLast(2).last?.isNumber == true,
           !text.contains(where: { $0 == "e" || $0 == "E" }) {
            text.removeLast(2)
            exponent = "e" + word
        } else if let last = text.last, let power = ["K": "3", "k": "3", "M": "6", "B": "9", "T": "12"][String(last)],
           text.dropLast().last?.isNumber == true, !text.contains(where: { $0 == "e" || $0 == "E" }) {
            text.removeLast()
            exponent = "e" + power
        }
        text = sign + text
        if text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == 0x20 || $0 >= 0x80 }) {
            // Thousands: groups of exactly three digits after the first group of one to three.
            let separators: Set<Character> = [",", " ", "\u{00A0}", "\u{202F}", "\u{2009}"]
            var body = Substring(text)
            if body.first == "-" || body.first == "+" { body = body.dropFirst() }
            let (integer, fraction) = body.firstIndex(of: ".").map { (body[..<$0], body[$0...]) } ?? (body, "")
            let groups = integer.split(omittingEmptySubsequences: false, whereSeparator: { separators.contains($0) })
            let separatorsUsed = Set(integer.filter { separators.contains($0) })
            guard groups.count >= 2, separatorsUsed.count == 1, (1...3).contains(groups[0].count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }),
                  groups.allSatisfy({ $0.utf8.allSatisfy { digits.contains($0) } }) else { return nil }
            text = String(text.prefix(text.count - body.count)) + groups.joined() + fraction
        }
        return plainNumber(text + exponent)
    }

    static let digits = UInt8(ascii: "0")...UInt8(ascii: "9")

    /// A byte of a number as Swift writes one: a digit, sign, point or exponent.
    static func isPlainByte(_ byte: UInt8) -> Bool { digits.contains(byte) || "+-.eE".utf8.contains(byte) }

    /// `text` when it is a number written with those bytes only and with at least one digit.
    static func plainNumber(_ text: String) -> String? {
        text.utf8.allSatisfy(isPlainByte) && text.utf8.contains(where: digits.contains) && Double(text) != nil ? text : nil
    }

    /// A number (see ``number(_:)``) is an exact numeric value; anything else is a label. A number
    /// that cannot be stored as written (`1e400`, or a whole number beyond 2^53 − 1, which would
    /// lose digits) is refused, not kept as a label.
    static func parseValue(_ text: String) throws(WireFormatError) -> (value: ClaimValue, plain: String?) {
        guard let plain = numberText(text), let number = Double(plain) else { return (.label(text), nil) }
        guard number.isFinite else {
            throw WireFormatError(field: "value", reason: "\"\(text)\" is a number too large to store; write it in range or as a label in another attribute")
        }
        if number == 0, plain.prefix(while: { $0 != "e" && $0 != "E" }).contains(where: { ("1"..."9").contains($0) }) {
            throw WireFormatError(field: "value", reason: "\"\(text)\" is a number too small to store (it would become 0); write it in a larger unit")
        }
        if plain.utf8.allSatisfy({ digits.contains($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }), abs(number) > FigureKind.maximumCount {
            throw WireFormatError(field: "value", reason: "\"\(text)\" has more digits than can be stored exactly (whole numbers up to 9007199254740991)")
        }
        return (.number(number), plain)
    }
}
