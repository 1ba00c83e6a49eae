import ArgumentParser
import Events
import Extraction
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
            let summary: Int
            do { summary = try store.write(actor: "demo") { appender in
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
            } } catch LedgerError.versionConflict(let stream, _, _) {
                throw CommandError("\(ledger) already holds \(stream) with other events than the demo's (nothing was written); "
                                      + "run the demo on a ledger of its own: claims demo --ledger NEW.sqlite")
            }
            let events = try store.events().map { ($0.position, try $0.decode()) }
            print("ledger \(ledger): \(events.count) events (\(summary) new)")
            print(Rendering.listing(ClaimListing(events)))
            print(try ProjectionRendering.demoSection(store))
            print(try extractorComparison(annotation: annotation))
            print("""

                Explore it (or export CLAIMS_LEDGER=\(ledger)):
                   claims consensus --ledger \(ledger) --all
                   claims explain --ledger \(ledger) atmeh-raid-2022-02-03 killed people
                   claims history --ledger \(ledger) atmeh-raid-2022-02-03 killed people
                   claims reliability --ledger \(ledger)
                """)
        }
    }

    /// Runs the built-in extractor on each seed article and lists where its claims differ from
    /// the hand annotation, matching claims on figure, group, value and bound.
    func extractorComparison(annotation: [NewEvent]) throws -> String {
        let extractor = RuleExtractor()
        var out = "\n== The built-in extractor (\(RuleExtractor.reference)) against the hand annotation\n"
        var matchedTotal = 0, annotatedTotal = 0, extractedTotal = 0
        for article in SeedCorpus.articles {
            let text = try ReportFile.readText(article.url.path)
            let reportID = ReportText.id(ofNormalised: text)
            let key = { (figure: String, group: String?, value: Double?, bound: Bound) in
                "\(figure)/\(group ?? "-") \(Rendering.valueText(value.map(ClaimValue.number), bound, nil, nil))"
            }
            var annotated: [String] = annotation.compactMap {
                guard case .claimAsserted(let c) = $0.event, c.reportID == reportID, c.value?.label == nil else { return nil }
                return key(c.figure, c.group, c.value?.number, c.bound)
            }
            let extracted = extractor.extract(text: text, language: nil, published: try PartialTime.parse(article.published))
                .mainClaims.map { key($0.figure, $0.group, $0.value, $0.bound) }
            var extra: [String] = []
            var matched = 0
            annotatedTotal += annotated.count
            extractedTotal += extracted.count
            for claim in extracted {
                if let i = annotated.firstIndex(of: claim) { annotated.remove(at: i); matched += 1 } else { extra.append(claim) }
            }
            matchedTotal += matched
            out += "\n   \(article.fileName): \(matched) claims agree, \(annotated.count) only annotated, \(extra.count) only extracted\n"
            for claim in annotated { out += "     − \(claim)\n" }
            for claim in extra { out += "     + \(claim)\n" }
        }
        let precision = extractedTotal > 0 ? Double(matchedTotal) / Double(extractedTotal) : 0
        let recall = annotatedTotal > 0 ? Double(matchedTotal) / Double(annotatedTotal) : 0
        out += String(format: "\n   numeric claims: precision %.2f, recall %.2f (− annotated only, + extracted only)\n", precision, recall)
        return out
    }
}
