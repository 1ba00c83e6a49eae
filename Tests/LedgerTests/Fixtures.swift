import Events
import Foundation
import Projections
@testable import Ledger

/// A ledger in a fresh temporary folder, removed when the test ends.
final class TemporaryLedger {
    let folder: URL
    let path: String
    let store: LedgerStore

    init(learningSchedule: LearningSchedule = .standard) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("claims-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("ledger.sqlite").path
        store = try LedgerStore.create(at: path, learningSchedule: learningSchedule)!
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func file(_ name: String, _ contents: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Every row of every table, so tests can show that a failed write changed nothing.
    func snapshot() throws -> [String] {
        try store.dbQueue.read { db in
            var rows: [String] = []
            for table in ["events", "reports", "sources", "source_aliases", "incidents", "claims"] {
                rows += try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table): \($0)" }
            }
            return rows
        }
    }
}

import GRDB

/// A small world: one report, its sources and an incident, ready for claims.
enum World {
    static let text = "At least 13 people were killed, among them 6 children, the Syrian Civil Defense told Reuters.\nقتل 9 أشخاص بينهم طفلين، بحسب المرصد السوري."
    static let report = ReportIngested(text: text, outlet: "reuters", languages: ["en", "ar"],
                                       published: PartialTime(time: "2022-02-03T06:17:00Z", precision: .minute))

    static var setup: [NewEvent] {
        [
            NewEvent(SourceRegistered(sourceID: "reuters", name: "Reuters", kind: .newsAgency)),
            NewEvent(SourceRegistered(sourceID: "scd", name: "Syrian Civil Defense", kind: .ngo)),
            NewEvent(SourceRegistered(sourceID: "sohr", name: "Syrian Observatory for Human Rights", kind: .monitor)),
            NewEvent(report),
            NewEvent(IncidentOpened(incidentID: "atmeh", title: "Raid near Atmeh", kind: "raid",
                                    date: PartialTime(time: "2022-02-03", precision: .day))),
        ]
    }

    /// `text` must occur in the report; the quote's span is computed from it.
    static func claim(_ id: String, _ quote: String, value: Double, bound: Bound = .exact, group: String = "people",
                      originator: String = "scd", via: [String] = ["reuters"]) -> ClaimAsserted {
        let scalars = Array(World.text.unicodeScalars), needle = Array(quote.unicodeScalars)
        let start = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<$0 + needle.count]) == needle }!
        return ClaimAsserted(claimID: id, reportID: report.reportID, incidentID: "atmeh", figure: "killed", group: group,
                             value: .number(value), bound: bound, originator: originator, via: via,
                             quotes: [Quote(text: quote, start: start, end: start + needle.count)],
                             extractor: ExtractorRef(name: "analyst", version: "1"))
    }
}
