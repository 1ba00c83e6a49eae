import Events
import Extraction
import Foundation
import Ledger
import Projections

/// Gun Violence Archive incidents (`eval/extraction/gva.<portion>.jsonl`): every document of an
/// incident is extracted onto one incident, the consensus is taken, and its killed and
/// injured counts are compared with the archive's, exact match per incident.
///
/// The count of a figure is the largest consensus best over its groups (people contains the
/// others); an incident with no claim of a figure counts 0.
enum GVAEvaluation {
    struct Score: CustomStringConvertible {
        var incidents: Int
        var killed: Double
        var injured: Double
        var description: String {
            String(format: "gva: n=%d exact=%.3f killed=%.3f injured=%.3f", incidents, (killed + injured) / 2, killed, injured)
        }
    }

    static func run(file url: URL, extractor: RuleExtractor) throws -> Score {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw InputError(file: url.path, message: "cannot read the file; give --data the folder holding eval/")
        }
        var killedRight = 0, injuredRight = 0, incidents = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard case .object(let record)? = try? JSONValue.parse(String(line)),
                  let gold = record["gold_killed"]?.numberValue, let goldInjured = record["gold_injured"]?.numberValue,
                  let documents = record["documents"]?.arrayValue else { continue }
            let incident = "gva-\(record["incident_id"]?.stringValue ?? String(incidents))"
            let estimate = counts(documents: documents, incident: incident, extractor: extractor)
            incidents += 1
            if estimate.killed == gold { killedRight += 1 }
            if estimate.injured == goldInjured { injuredRight += 1 }
            if let which = ProcessInfo.processInfo.environment["EXTRACTION_DEBUG"], which == "gva" || which == "gva-injured" && estimate.injured != goldInjured
                || which == "gva-killed" && estimate.killed != gold {
                // Per-incident differences with the claims of each document (`EXTRACTION_DEBUG=gva|gva-killed|gva-injured`).
                print("## \(incident) killed \(Int(gold)) got \(Int(estimate.killed)); injured \(Int(goldInjured)) got \(Int(estimate.injured))")
                for document in documents {
                    guard let raw = document["text"]?.stringValue else { continue }
                    let result = extractor.extract(text: ReportText.normalise(raw), language: "en")
                    for c in result.claims where c.figure == "killed" || c.figure == "injured" {
                        print("  \(c.incident) \(c.figure) \(c.group ?? "-") \(c.value.map { String(Int($0)) } ?? "some") \(c.bound.rawValue)\(c.isAdditional ? " additional" : "")\(c.isSubCount ? " part" : "") | \(c.originator) | \(c.quotes.first?.text ?? "")")
                    }
                }
            }
        }
        return Score(incidents: incidents, killed: Double(killedRight) / Double(max(incidents, 1)),
                     injured: Double(injuredRight) / Double(max(incidents, 1)))
    }

    /// Extracts every document onto `incident` and returns the consensus killed and injured.
    static func counts(documents: [JSONValue], incident: String, extractor: RuleExtractor) -> (killed: Double, injured: Double) {
        var events: [LedgerEvent] = [.incidentOpened(IncidentOpened(incidentID: incident, title: incident))]
        var known: Set<String> = []
        for document in documents {
            guard let raw = document["text"]?.stringValue, !raw.isEmpty else { continue }
            let text = ReportText.normalise(raw)
            let published = (document["published"]?.stringValue).flatMap { try? PartialTime.parse($0) } ?? .unknown
            let report = ReportIngested(text: text, title: document["title"]?.stringValue, languages: ["en"], published: published)
            events.append(.reportIngested(report))
            let result = extractor.extract(text: text, language: "en", published: published)
            for payload in result.events(reportID: report.reportID, decision: .attach(incidentID: incident), knownSources: known) {
                if let source = payload as? SourceRegistered { known.insert(source.sourceID) }
                events.append(LedgerEvent(payload))
            }
        }
        let state = ClaimsState.fold(events.enumerated().map { ProjectionEvent(position: Int64($0.offset + 1), recordedAt: "", event: $0.element) })
        let consensus = ProjectionContext(state: state).consensus(incident: incident)
        func count(_ figure: String) -> Double {
            consensus.filter { $0.figure == figure }.compactMap(\.best).max() ?? 0
        }
        return (count("killed"), count("injured"))
    }
}
