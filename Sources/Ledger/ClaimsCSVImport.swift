import Events
import Foundation

/// `claims import --format claims-csv`: tables of claims with the columns object, attribute,
/// source and value (in any order, and optionally group), as truth-discovery data sets and
/// spreadsheets have them.
///
/// The file itself is the provenance: it is stored as a report (`text/csv`, by hash), and each
/// claim quotes its row. object → incident, attribute → figure, source → originator, a plain
/// decimal number → an exact numeric value, anything else → a label. Unknown sources and
/// incidents are registered on the way. Claim ids are derived from the file and row, so
/// importing the same file again (say after an interruption) adds only what is missing.
public enum ClaimsCSVImport {
    /// `valuesAsWritten`: every value is a label, numbers included (see ``ClaimsTable/claim(from:columns:reportID:valuesAsWritten:places:)``).
    public static func run(path: String, store: LedgerStore, actor: String, refreshingProjections: Bool = true, valuesAsWritten: Bool = false,
                           progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ImportSummary {
        let text = try ReportFile.readText(path)
        let (rows, columns) = try table(text, path: path)
        let headerRow = rows[0]
        let places = valuesAsWritten ? nil : ClaimsTable.WrittenPlaces(rows: rows.dropFirst(), columns: columns)
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        let report = ReportIngested(text: text, mediaType: "text/csv", title: fileName, fileName: fileName)
        return try store.write(actor: actor, refreshingProjections: refreshingProjections) { appender in
            var summary = ImportSummary()
            var values = ValueKinds()
            var repeats = Repeats()
            let known = try KnownSources(appender: &appender)
            var empty: [Int] = []
            if try appender.append(NewEvent.checked(report)).isNew { summary.appended += 1 } else { summary.skipped += 1 }
            for (n, row) in rows.dropFirst().enumerated() {
                summary.lines += 1
                do {
                    guard var claim = try ClaimsTable.claim(from: row, columns: columns, reportID: report.reportID, valuesAsWritten: valuesAsWritten, places: places) else {
                        empty.append(row.line)
                        continue
                    }
                    claim.originator = known.source(claim.originator)
                    values.note(claim, line: row.line)
                    repeats.note(claim, line: row.line)
                    for event in try claimEvents(claim, appender: &appender) {
                        if try appender.append(event).isNew { summary.appended += 1 } else { summary.skipped += 1 }
                    }
                } catch {
                    throw rowError(error, path: path, line: row.line)
                }
                if n % 4096 == 0 { progress?(n, rows.count - 1) }
            }
            progress?(rows.count - 1, rows.count - 1)
            summary.warnings = values.mixed.map { "\(path):\($0)" }
            if !columns.ignored.isEmpty {
                summary.warnings.insert("\(path):\(headerRow.line): column\(columns.ignored.count == 1 ? "" : "s") \(columns.ignored.joined(separator: ", ")) ignored (a claims table reads object, attribute, source, value and group)", at: 0)
            }
            if let first = empty.first {
                summary.warnings.append("\(path):\(first): \(empty.count) row\(empty.count == 1 ? " has" : "s have") an empty value and stated no claim (skipped)")
            }
            if let warning = repeats.warning { summary.warnings.append("\(path):\(warning)") }
            return summary
        }
    }

    /// A table's rows, its header first, and its columns; errors name the file and line: a field
    /// that does not parse, a header without the four columns, no data rows.
    static func table(_ text: String, path: String) throws -> (rows: [CSVRow], columns: ClaimsTable.Columns) {
        let rows: [CSVRow]
        do { rows = try CSVParser.rows(text) } catch { throw InputError(file: path, line: error.line, message: error.reason) }
        guard let headerRow = rows.first else { throw InputError(file: path, message: "the file is empty") }
        let columns: ClaimsTable.Columns
        do { columns = try ClaimsTable.Columns(header: headerRow.fields) } catch {
            throw InputError(file: path, line: headerRow.line, message: "the header \"\(headerRow.text)\" \(error.reason)")
        }
        guard rows.count > 1 else { throw InputError(file: path, message: "the table has a header and no rows; nothing was stored") }
        return (rows, columns)
    }

    /// Checks a table as ``run(path:store:actor:refreshingProjections:valuesAsWritten:progress:)``
    /// would, storing nothing, with the same errors. `claims evaluate truth` imports a multi-valued
    /// set as the yes/no table its lists imply, a temporary file; this names the user's file instead.
    public static func check(path: String, text: String, valuesAsWritten: Bool = false) throws {
        let (rows, columns) = try table(text, path: path)
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        let reportID = ReportIngested(text: text, mediaType: "text/csv", title: fileName, fileName: fileName).reportID
        let places = valuesAsWritten ? nil : ClaimsTable.WrittenPlaces(rows: rows.dropFirst(), columns: columns)
        for row in rows.dropFirst() {
            do {
                guard let claim = try ClaimsTable.claim(from: row, columns: columns, reportID: reportID, valuesAsWritten: valuesAsWritten, places: places) else { continue }
                _ = try NewEvent.checked(IncidentOpened(incidentID: claim.incidentID, title: claim.incidentID))
                _ = try NewEvent.checked(SourceRegistered(sourceID: claim.originator, name: claim.originator, kind: .unknown))
                _ = try NewEvent.checked(claim, id: "claim_asserted:" + claim.claimID)
            } catch {
                throw rowError(error, path: path, line: row.line)
            }
        }
    }

    /// An error about a row, a field of the event named as the table's column it came from.
    static func rowError(_ error: any Error, path: String, line: Int) -> InputError {
        if case LedgerError.idReused = error {
            // A row's claim id comes from the file's text and the line, so only another reading of the same row differs.
            return InputError(file: path, line: line, message: "this table is already in the ledger, and this row was read differently then (by an earlier version of claims, or before one of its names was another source's); nothing was stored. The ledger keeps its claims; to read the table as now, import it into a new ledger")
        }
        let wire = (error as? WireFormatError) ?? { if case LedgerError.invalidEvent(let e) = error { e } else { nil } }()
        return InputError(file: path, line: line, wire.map { WireFormatError(field: ClaimsTable.column(ofField: $0.field), reason: $0.reason) } ?? error)
    }

    /// Which attributes have numbers and which labels: an attribute with both is voted on as
    /// labels, which a stray "n/a" or "1,234" among counts does silently unless it is said.
    struct ValueKinds {
        var numbers: [String: Int] = [:]
        var firstLabel: [String: (line: Int, text: String)] = [:]
        var labels: [String: Int] = [:]

        mutating func note(_ claim: ClaimAsserted, line: Int) {
            switch claim.value {
            case .label(let text):
                labels[claim.figure, default: 0] += 1
                if firstLabel[claim.figure] == nil { firstLabel[claim.figure] = (line, text) }
            default:
                numbers[claim.figure, default: 0] += 1
            }
        }

        var mixed: [String] {
            firstLabel.sorted { $0.value.line < $1.value.line }.compactMap { figure, first in
                guard let n = numbers[figure] else { return nil }
                let l = labels[figure] ?? 0
                return "\(first.line): attribute \(figure) has \(n) numeric value\(n == 1 ? "" : "s") and \(l) label\(l == 1 ? "" : "s") (the first label: \"\(first.text)\"); "
                    + "an object whose values mix them is voted on as labels, not as numbers. Leave missing values empty (not \"n/a\"), or give the labels another attribute"
            }
        }
    }

    /// A table's source as the ledger knew it before the import: by id, name or alias, then the
    /// same ignoring case ("sohr" is the source with the alias "SOHR"); else the table's own text, registered as
    /// a new source. Where two sources share a name, the one with the smaller id.
    struct KnownSources {
        var exact: [String: String] = [:]
        var folded: [String: String] = [:]

        init(appender: inout Appender) throws {
            // Ids first, so that a source's id is never taken for another source's name.
            let names = try appender.sourceNames()
            for pass in [true, false] {
                for (name, id) in names where (name == id) == pass {
                    if exact[name] == nil { exact[name] = id }
                    if folded[name.lowercased()] == nil { folded[name.lowercased()] = id }
                }
            }
        }

        func source(_ text: String) -> String { exact[text] ?? folded[text.lowercased()] ?? text }
    }

    /// Rows in which a source gives another value for an object and attribute it already gave
    /// one for: only its last row counts in the consensus (as an originator's latest statement).
    struct Repeats {
        var firstValue: [String: (line: Int, value: ClaimValue?)] = [:]
        var count = 0
        var example: String?

        mutating func note(_ claim: ClaimAsserted, line: Int) {
            let key = [claim.incidentID, claim.figure, claim.group ?? "", claim.originator].joined(separator: "\u{1}")
            guard let first = firstValue[key] else { firstValue[key] = (line, claim.value); return }
            guard first.value != claim.value else { return }
            count += 1
            let figure = claim.group.map { "\(claim.figure)/\($0)" } ?? claim.figure
            if example == nil { example = "\(line): source \(claim.originator) already gave \(claim.incidentID) \(figure) another value on line \(first.line)" }
        }

        var warning: String? {
            example.map { "\($0); \(count) such row\(count == 1 ? "" : "s"). Only a source's last row for an object counts in the consensus (history keeps the others); for several values per object (a multi-valued set) use `claims evaluate truth` with \"kind\": \"multi-valued\"" }
        }
    }

    static func claimEvents(_ claim: ClaimAsserted, appender: inout Appender) throws -> [NewEvent] {
        var events: [NewEvent] = []
        if try !appender.hasIncident(claim.incidentID) {
            events.append(try NewEvent.checked(IncidentOpened(incidentID: claim.incidentID, title: claim.incidentID)))
        }
        if try !appender.hasSource(claim.originator) {
            events.append(try NewEvent.checked(SourceRegistered(sourceID: claim.originator, name: claim.originator, kind: .unknown)))
        }
        events.append(try NewEvent.checked(claim, id: "claim_asserted:" + claim.claimID))
        return events
    }
}
