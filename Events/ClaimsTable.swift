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
/// originator, a plain decimal number → an exact numeric value, anything else → a label, no
/// group. The file is the report (`text/csv`) and each claim quotes its row. One mapping, used
/// by `claims import --format claims-csv` and by the pure truth-set evaluation.
public enum ClaimsTable {
    public static let header = ["object", "attribute", "source", "value"]
    public static let extractor = ExtractorRef(name: "claims-csv", version: "1")

    /// The claim a data row states. Its id derives from the file and the row's line, so the
    /// same file imported again gives the same claims.
    public static func claim(from row: CSVRow, reportID: String) throws(WireFormatError) -> ClaimAsserted {
        guard row.fields.count == 4 else {
            throw WireFormatError(field: "", reason: "expected 4 fields (object,attribute,source,value), found \(row.fields.count)")
        }
        let trimmed = row.fields.map(trimSpaces)
        for (name, value) in zip(header, trimmed) where value.isEmpty {
            throw WireFormatError(field: name, reason: "is empty")
        }
        let claimID = "csv:\(reportID.prefix(16)):\(row.line)"
        return ClaimAsserted(
            claimID: claimID, reportID: reportID, incidentID: trimmed[0], figure: trimmed[1], group: nil,
            value: parseValue(trimmed[3]), bound: .exact, originator: trimmed[2],
            quotes: [Quote(text: row.text, start: row.start, end: row.end)], extractor: extractor)
    }

    /// Drops spaces and tabs around a field (cheaper than Foundation's trimming, which bridges).
    static func trimSpaces(_ field: String) -> String {
        let utf8 = field.utf8
        guard utf8.first == 0x20 || utf8.first == 0x09 || utf8.last == 0x20 || utf8.last == 0x09 else { return field }
        let start = utf8.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? utf8.endIndex
        let end = utf8.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { utf8.index(after: $0) } ?? start
        return String(field[start..<end])
    }

    /// Digits with an optional sign, decimal point and exponent (`42`, `-3.5`, `+7`, `007`, `1e6`) are
    /// numeric; anything else is a label.
    static func parseValue(_ text: String) -> ClaimValue {
        let allowed = text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || "+-.eE".utf8.contains($0) }
        if allowed, text.utf8.contains(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
           let number = Double(text), number.isFinite {
            return .number(number)
        }
        return .label(text)
    }
}
