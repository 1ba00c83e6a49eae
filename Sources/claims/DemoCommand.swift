import ArgumentParser
import Events
import Foundation
import Ledger
import Projections
import SeedCorpus

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a ledger from the five bundled seed articles and their hand annotation, and show it.",
        discussion: """
            Ingests the articles, appends the analyst annotation (sources, aliases, incidents, claims), \
            then prints each incident's claims grouped by figure: value and bound, originator ← relays, \
            and the quote. Running it again on the same ledger changes nothing: every event is already there.
            """)

    @Option(help: ArgumentHelp("The ledger to build (created if missing).", valueName: "path"))
    var ledger: String = "claims-demo.sqlite"

    func run() throws {
        try guarded {
            let store = try LedgerStore.create(at: ledger) ?? LedgerStore.open(at: ledger, access: .readWrite)
            let lines = try String(contentsOf: SeedCorpus.annotation, encoding: .utf8)
                .split(separator: "\n").map(String.init)
            let annotation = try lines.enumerated().map { n, line in
                do { return try NewEvent.parse(line: line) } catch {
                    throw InputError(file: "annotation.ndjson", line: n + 1, error)
                }
            }
            // Events that cite a report (scoped sources, claims) follow the reports; the rest
            // (outlets among them) precede them.
            let citesReport = { (e: NewEvent) -> Bool in
                switch e.event {
                case .claimAsserted: true
                case .sourceRegistered(let s): s.scopeReport != nil
                default: false
                }
            }
            let summary = try store.write(actor: "demo") { appender in
                var appended = 0
                for event in annotation where !citesReport(event) { appended += try appender.append(event).isNew ? 1 : 0 }
                for article in SeedCorpus.articles {
                    let text = try ReportFile.readText(article.url.path)
                    let report = ReportIngested(
                        text: text, outlet: article.outlet, fileName: article.fileName,
                        languages: article.language.split(separator: ",").map(String.init),
                        published: try PartialTime.parse(article.published))
                    appended += try appender.append(NewEvent.checked(report)).isNew ? 1 : 0
                }
                for event in annotation where citesReport(event) { appended += try appender.append(event).isNew ? 1 : 0 }
                return appended
            }
            let events = try store.events().map { ($0.position, try $0.decode()) }
            print("ledger \(ledger): \(events.count) events (\(summary) new)")
            print(Rendering.listing(ClaimListing(events)))
            print(try ProjectionRendering.demoSection(store))
        }
    }
}
