import Events
import Foundation
@testable import Projections

/// Builds small synthetic ledgers for tests: each call appends one event at the next position.
struct Scenario {
    var events: [ProjectionEvent] = []
    var reportIDs: [String: String] = [:]
    var reportTexts: [String: String] = [:]
    var clock = 0

    mutating func add(_ payload: some EventPayload) {
        clock += 1
        let recorded = String(format: "2026-11-21T06:%02d:%02d.000Z", (clock / 60) % 60, clock % 60)
        events.append(ProjectionEvent(position: Int64(events.count + 1), recordedAt: recorded, hash: String(format: "%064x", events.count + 1),
                                      event: LedgerEvent(payload)))
    }

    mutating func source(_ id: String, _ kind: SourceKind = .monitor, affiliation: String? = nil) {
        add(SourceRegistered(sourceID: id, name: id.replacingOccurrences(of: "-", with: " ").capitalized, kind: kind, affiliation: affiliation))
    }

    mutating func incident(_ id: String) { add(IncidentOpened(incidentID: id, title: id)) }

    /// A report named `name`, published at `published` ("2022-02-03T09:08:00Z", "2022-02-03", nil).
    mutating func report(_ name: String, published: String?, outlet: String? = nil, text: String? = nil) {
        let body = text ?? "Report \(name): claims about incidents."
        let time = published.map { try! PartialTime.parse($0) } ?? .unknown
        let r = ReportIngested(text: body, outlet: outlet, title: "Title \(name)", url: "https://example.org/\(name)", languages: ["en"], published: time)
        reportIDs[name] = r.reportID
        reportTexts[name] = body
        add(r)
    }

    /// A claim; `value` a number, or nil with bound `some`.
    mutating func claim(_ id: String, report: String, incident: String, _ figure: String, _ group: String?, _ value: Double?,
                        _ bound: Bound = .exact, by originator: String, via: [String] = [], low: Double? = nil, high: Double? = nil,
                        quote: Quote? = nil) {
        add(ClaimAsserted(claimID: id, reportID: reportIDs[report]!, incidentID: incident, figure: figure, group: group,
                          value: value.map { .number($0) }, bound: bound, low: low, high: high, originator: originator, via: via,
                          quotes: [quote ?? Quote(text: "x", start: 0, end: 1)], extractor: ExtractorRef(name: "analyst", version: "1")))
    }

    mutating func label(_ id: String, report: String, incident: String, _ figure: String, _ value: String, by originator: String, via: [String] = []) {
        add(ClaimAsserted(claimID: id, reportID: reportIDs[report]!, incidentID: incident, figure: figure, group: nil,
                          value: .label(value), bound: .exact, originator: originator, via: via,
                          quotes: [Quote(text: "x", start: 0, end: 1)], extractor: ExtractorRef(name: "analyst", version: "1")))
    }

    var state: ClaimsState { ClaimsState.fold(events) }

    func context(_ options: ProjectionOptions = ProjectionOptions()) -> ProjectionContext {
        ProjectionContext(state: state, options: options)
    }

    func consensus(_ incident: String, _ figure: String, _ group: String?, _ options: ProjectionOptions = ProjectionOptions()) -> Consensus? {
        context(options).consensus(FigureKey(incident: incident, figure: figure, group: group))
    }
}

/// The Atmeh raid as the seed articles report it (synthetic events reproducing the situation).
func atmehScenario() -> Scenario {
    var s = Scenario()
    let i = "atmeh"
    s.incident(i)
    s.source("outlet-000", .outlet)
    s.source("al-mayadeen", .outlet)
    s.source("reuters", .newsAgency)
    s.source("syrian-civil-defense", .ngo)
    s.source("sohr", .monitor)
    s.source("us-dod", .armedForce)
    s.source("john-kirby", .spokesperson, affiliation: "us-dod")
    s.source("local-sources-000", .anonymous)
    s.source("sources-000", .anonymous)
    s.source("local-sources-001", .anonymous)
    s.source("local-media-002", .anonymous)
    s.source("sputnik", .outlet)
    s.report("000", published: "2022-02-03T09:08:00Z", outlet: "outlet-000")
    s.report("001", published: "2022-02-03T06:17:00Z", outlet: "al-mayadeen")
    s.report("002", published: "2022-02-03")
    // 000
    s.claim("c000-people", report: "000", incident: i, "killed", "people", 13, by: "outlet-000")
    s.claim("c000-civ-some", report: "000", incident: i, "killed", "civilians", nil, .some, by: "local-sources-000")
    s.claim("c000-civ", report: "000", incident: i, "killed", "civilians", 13, by: "sources-000")
    s.claim("c000-children", report: "000", incident: i, "killed", "children", 6, by: "sources-000")
    s.label("c000-outcome-dod", report: "000", incident: i, "outcome", "success", by: "us-dod", via: ["john-kirby"])
    s.label("c000-outcome-local", report: "000", incident: i, "outcome", "failure", by: "local-sources-000")
    s.claim("c000-us", report: "000", incident: i, "killed", "us_personnel", 0, by: "us-dod", via: ["john-kirby"])
    // 001
    s.claim("c001-people", report: "001", incident: i, "killed", "people", 13, .atLeast, by: "syrian-civil-defense", via: ["reuters"])
    s.claim("c001-children", report: "001", incident: i, "killed", "children", 6, by: "syrian-civil-defense", via: ["reuters"])
    s.claim("c001-civ-some", report: "001", incident: i, "killed", "civilians", nil, .some, by: "local-sources-001", via: ["al-mayadeen"])
    s.label("c001-outcome-mayadeen", report: "001", incident: i, "outcome", "failure", by: "al-mayadeen")
    s.label("c001-outcome-dod", report: "001", incident: i, "outcome", "success", by: "us-dod", via: ["john-kirby"])
    s.claim("c001-us", report: "001", incident: i, "killed", "us_personnel", 0, by: "us-dod", via: ["john-kirby"])
    // 002
    s.claim("c002-people", report: "002", incident: i, "killed", "people", 9, .atLeast, by: "sohr")
    s.claim("c002-children", report: "002", incident: i, "killed", "children", 2, by: "sohr")
    s.claim("c002-women", report: "002", incident: i, "killed", "women", 1, by: "sohr")
    s.label("c002-outcome-dod", report: "002", incident: i, "outcome", "success", by: "us-dod")
    s.claim("c002-us", report: "002", incident: i, "killed", "us_personnel", 0, by: "us-dod")
    s.claim("c002-people-local", report: "002", incident: i, "killed", "people", 10, by: "local-media-002")
    s.claim("c002-children-local", report: "002", incident: i, "killed", "children", 7, by: "local-media-002")
    s.claim("c002-people-some", report: "002", incident: i, "killed", "people", nil, .some, by: "sohr")
    // al-Kabr
    s.incident("kabr")
    s.source("activists-004", .anonymous)
    s.source("kurdish-sources-004", .anonymous)
    s.report("004", published: nil)
    s.claim("c004-heli-a", report: "004", incident: "kabr", "helicopters", "coalition", 4, by: "activists-004")
    s.claim("c004-mil-a", report: "004", incident: "kabr", "killed", "militants", 14, by: "activists-004")
    s.claim("c004-heli-k", report: "004", incident: "kabr", "helicopters", "coalition", 4, by: "kurdish-sources-004")
    s.claim("c004-mil-k", report: "004", incident: "kabr", "killed", "militants", 17, by: "kurdish-sources-004")
    return s
}
