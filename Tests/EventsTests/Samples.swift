@testable import Events

/// Fully populated payloads of every type: every optional field set, so that round trips and
/// schema checks exercise every field.
enum Samples {
    static let reportText = "Reuters cited the Syrian Civil Defense saying 13 people were killed, among them 6 children.\nنقلت رويترز عن الدفاع المدني مقتل 13 شخصا."
    static let report = ReportIngested(text: reportText, outlet: "al-mayadeen", title: "Raid near Atmeh", url: "https://example.org/atmeh",
                                       fileName: "atmeh.txt", languages: ["en", "ar"],
                                       published: PartialTime(time: "2022-02-03T06:17:00Z", precision: .minute))

    static func claim(id: String = "c1", value: ClaimValue? = .number(13), bound: Bound = .atLeast) -> ClaimAsserted {
        ClaimAsserted(claimID: id, reportID: report.reportID, incidentID: "atmeh", figure: "killed", group: "people",
                      value: value, bound: bound, originator: "syrian-civil-defense", via: ["reuters"],
                      quotes: [Quote(text: "13 people were killed", start: 47, end: 68)],
                      extractor: ExtractorRef(name: "analyst", version: "1"), combined: true, note: "sample")
    }

    static var all: [LedgerEvent] {
        [
            .reportIngested(report),
            .sourceRegistered(SourceRegistered(sourceID: "john-kirby", name: "John Kirby", kind: .spokesperson,
                                               affiliation: "us-department-of-defense", scopeReport: report.reportID)),
            .sourceAliasAdded(SourceAliasAdded(sourceID: "sohr", alias: "المرصد السوري لحقوق الإنسان")),
            .sourcesMerged(SourcesMerged(into: "sohr", merged: "syrian-observatory", reason: "same monitor")),
            .incidentOpened(IncidentOpened(incidentID: "atmeh", title: "Raid near Atmeh", kind: "raid",
                                           date: PartialTime(time: "2022-02-03", precision: .day), place: "Atmeh, Idlib")),
            .incidentsMerged(IncidentsMerged(into: "atmeh", merged: "atmeh-2", reason: "duplicate")),
            .claimAsserted(claim()),
            .claimWithdrawn(ClaimWithdrawn(claimID: "c1", reason: "re-extracted", supersededBy: ExtractorRef(name: "rules", version: "2"))),
            .claimMoved(ClaimMoved(claimID: "c1", toIncident: "atmeh-2", reason: "other raid")),
            .sourceAssessed(SourceAssessed(sourceID: "sohr", reliability: 0.8, note: "long record")),
            .figureAdjudicated(FigureAdjudicated(incidentID: "atmeh", figure: "killed", group: "people", value: .number(13),
                                                 authority: "UN inquiry", note: "final")),
        ]
    }
}
