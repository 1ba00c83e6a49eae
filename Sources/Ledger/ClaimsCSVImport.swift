import Events
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

/// RFC 4180 CSV: comma-separated, fields optionally in double quotes (with `""` for a quote
/// inside), rows ending in LF (the text is normalised, so CRLF is already LF).
public enum CSVParser {
    public static func rows(_ text: String) throws -> [CSVRow] {
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
            if quoted { throw InputError(file: "", line: rowLine, message: "a quoted field is not closed") }
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

/// `claims import --format claims-csv`: tables of claims with the header
/// `object,attribute,source,value`, as truth-discovery data sets and spreadsheets have them.
///
/// The file itself is the provenance: it is stored as a report (`text/csv`, by hash), and each
/// claim quotes its row. object → incident, attribute → figure, source → originator, a plain
/// decimal number → an exact numeric value, anything else → a label. Unknown sources and
/// incidents are registered on the way. Claim ids are derived from the file and row, so
/// importing the same file again (say after an interruption) adds only what is missing.
public enum ClaimsCSVImport {
    public static let header = ["object", "attribute", "source", "value"]
    public static let extractor = ExtractorRef(name: "claims-csv", version: "1")

    public static func run(path: String, store: LedgerStore, actor: String, refreshingProjections: Bool = true,
                           progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ImportSummary {
        let text = try ReportFile.readText(path)
        let rows: [CSVRow]
        do { rows = try CSVParser.rows(text) } catch let error as InputError { throw InputError(file: path, line: error.line, message: error.message) }
        guard let headerRow = rows.first else { throw InputError(file: path, message: "the file is empty") }
        let header = headerRow.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard header == ClaimsCSVImport.header else {
            throw InputError(file: path, line: headerRow.line,
                             message: "the header is \"\(headerRow.text)\"; a claims table starts with the header object,attribute,source,value")
        }
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        let report = ReportIngested(text: text, mediaType: "text/csv", title: fileName, fileName: fileName)
        return try store.write(actor: actor, refreshingProjections: refreshingProjections) { appender in
            var summary = ImportSummary()
            _ = try appender.append(NewEvent.checked(report))
            for (n, row) in rows.dropFirst().enumerated() {
                summary.lines += 1
                do {
                    let events = try claimEvents(row: row, reportID: report.reportID, appender: &appender)
                    for event in events {
                        if try appender.append(event).isNew { summary.appended += 1 } else { summary.skipped += 1 }
                    }
                } catch {
                    throw InputError(file: path, line: row.line, error)
                }
                if n % 4096 == 0 { progress?(n, rows.count - 1) }
            }
            progress?(rows.count - 1, rows.count - 1)
            return summary
        }
    }

    static func claimEvents(row: CSVRow, reportID: String, appender: inout Appender) throws -> [NewEvent] {
        guard row.fields.count == 4 else {
            throw WireFormatError(field: "", reason: "expected 4 fields (object,attribute,source,value), found \(row.fields.count)")
        }
        let trimmed = row.fields.map(trimSpaces)
        for (name, value) in zip(header, trimmed) where value.isEmpty {
            throw WireFormatError(field: name, reason: "is empty")
        }
        let (object, attribute, source) = (trimmed[0], trimmed[1], trimmed[2])
        var events: [NewEvent] = []
        if try !appender.hasIncident(object) {
            events.append(try NewEvent.checked(IncidentOpened(incidentID: object, title: object)))
        }
        if try !appender.hasSource(source) {
            events.append(try NewEvent.checked(SourceRegistered(sourceID: source, name: source, kind: .unknown)))
        }
        let claimID = "csv:\(reportID.prefix(16)):\(row.line)"
        let claim = ClaimAsserted(
            claimID: claimID, reportID: reportID, incidentID: object, figure: attribute, group: nil,
            value: parseValue(trimmed[3]), bound: .exact, originator: source,
            quotes: [Quote(text: row.text, start: row.start, end: row.end)], extractor: extractor)
        events.append(try NewEvent.checked(claim, id: "claim_asserted:" + claimID))
        return events
    }

    /// Drops spaces and tabs around a field (cheaper than Foundation's trimming, which bridges).
    static func trimSpaces(_ field: String) -> String {
        let utf8 = field.utf8
        guard utf8.first == 0x20 || utf8.first == 0x09 || utf8.last == 0x20 || utf8.last == 0x09 else { return field }
        let start = utf8.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? utf8.endIndex
        let end = utf8.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { utf8.index(after: $0) } ?? start
        return String(field[start..<end])
    }

    /// A plain decimal number (`42`, `-3.5`, `1e6`) is numeric; anything else is a label.
    static func parseValue(_ text: String) -> ClaimValue {
        let allowed = text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || "+-.eE".utf8.contains($0) }
        if allowed, text.utf8.contains(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
           let number = Double(text), number.isFinite {
            return .number(number)
        }
        return .label(text)
    }
}
