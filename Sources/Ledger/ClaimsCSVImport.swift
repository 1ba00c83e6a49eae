import Events
import Foundation

/// `claims import --format claims-csv`: tables of claims with the header
/// `object,attribute,source,value`, as truth-discovery data sets and spreadsheets have them.
///
/// The file itself is the provenance: it is stored as a report (`text/csv`, by hash), and each
/// claim quotes its row. object → incident, attribute → figure, source → originator, a plain
/// decimal number → an exact numeric value, anything else → a label. Unknown sources and
/// incidents are registered on the way. Claim ids are derived from the file and row, so
/// importing the same file again (say after an interruption) adds only what is missing.
public enum ClaimsCSVImport {
    public static func run(path: String, store: LedgerStore, actor: String, refreshingProjections: Bool = true,
                           progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ImportSummary {
        let text = try ReportFile.readText(path)
        let rows: [CSVRow]
        do { rows = try CSVParser.rows(text) } catch { throw InputError(file: path, line: error.line, message: error.reason) }
        guard let headerRow = rows.first else { throw InputError(file: path, message: "the file is empty") }
        let header = headerRow.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard header == ClaimsTable.header else {
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
        let claim = try ClaimsTable.claim(from: row, reportID: reportID)
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
