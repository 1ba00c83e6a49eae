import Foundation
import Testing
@testable import Events
import SeedCorpus

/// The bundled hand annotation of the five seed articles (`SeedCorpus.annotation`) is valid
/// append input: every line parses, every claim points into the text of a bundled article,
/// every source and incident it names was introduced earlier in the file, and it annotates
/// as many claims per article and per incident as the reference annotation (gold.json).
@Suite("Seed annotation")
struct SeedAnnotationTests {
    /// One bundled article, its normalised text and report id.
    struct Report {
        var article: SeedCorpus.Article
        var text: String
        var id: String
    }

    static func reports() throws -> [Report] {
        try SeedCorpus.articles.map { article in
            let bytes = Array(try Data(contentsOf: article.url))
            let text = ReportText.normalise(try ReportText.decode(bytes))
            return Report(article: article, text: text, id: ReportText.id(ofNormalised: text))
        }
    }

    /// The annotation's lines, numbered from 1, with the event each parses to.
    static func events() throws -> [(line: Int, event: NewEvent)] {
        let text = try String(contentsOf: SeedCorpus.annotation, encoding: .utf8)
        var out: [(line: Int, event: NewEvent)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            out.append((index + 1, try NewEvent.parse(line: String(line))))
        }
        return out
    }

    static func claims() throws -> [ClaimAsserted] {
        try events().compactMap { if case .claimAsserted(let c) = $0.event.event { c } else { nil } }
    }

    @Test("the manifest lists the five bundled articles with parseable metadata")
    func manifest() throws {
        // Given the bundled manifest
        // When it is read
        let articles = SeedCorpus.articles

        // Then it has one row per article file, in file-name order, each readable and each
        // publication time accepted by PartialTime.parse
        #expect(articles.map(\.fileName) == [
            "000_07fe63a0c829ebc6.txt", "001_c9b4139e13832322.txt", "002_b1310d1a1971c9c8.txt",
            "003_fc6a60a6ef698b38.txt", "004_de51ea69b96948e3.txt",
        ])
        for article in articles {
            #expect(FileManager.default.fileExists(atPath: article.url.path), "\(article.fileName) is not bundled")
            #expect(!article.language.isEmpty)
            #expect(throws: Never.self) { try PartialTime.parse(article.published) }
        }
        #expect(articles.first { $0.fileName.hasPrefix("001") }?.outlet == "al-mayadeen")
        #expect(try PartialTime.parse(articles[0].published) == PartialTime(time: "2022-02-03T09:08:00Z", precision: .minute))
        #expect(try PartialTime.parse(articles[1].published) == PartialTime(time: "2022-02-03T06:17:00Z", precision: .minute))
        #expect(try PartialTime.parse(articles[4].published) == .unknown)
    }

    @Test("every line of the annotation parses as append input")
    func everyLineParses() throws {
        // Given the annotation file
        let text = try String(contentsOf: SeedCorpus.annotation, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty)

        // When each line is parsed
        // Then none fails, and claims are written in the current schema version
        for (index, line) in lines.enumerated() {
            do {
                let event = try NewEvent.parse(line: line)
                if event.type == ClaimAsserted.type { #expect(event.schemaVersion == ClaimAsserted.schemaVersion) }
            } catch {
                Issue.record("line \(index + 1): \(error)")
            }
        }
    }

    @Test("the annotation holds sources, aliases, incidents and claims, in that order")
    func contentsAndOrder() throws {
        // Given the parsed annotation
        let types = try Self.events().map(\.event.type)

        // When the event types are grouped in file order
        var runs: [String] = []
        for type in types where runs.last != type { runs.append(type) }

        // Then they come in four blocks, with the counts of the reference annotation
        #expect(runs == [SourceRegistered.type, SourceAliasAdded.type, IncidentOpened.type, ClaimAsserted.type])
        #expect(types.filter { $0 == IncidentOpened.type }.count == 3)
        #expect(types.filter { $0 == ClaimAsserted.type }.count == 50)
        #expect(Set(try Self.claims().map(\.claimID)).count == 50, "claim ids must be unique")
    }

    @Test("every claim belongs to a bundled article and is an analyst's")
    func claimsPointAtBundledArticles() throws {
        // Given the bundled articles and their report ids
        let ids = Set(try Self.reports().map(\.id))

        // When the claims are read
        let claims = try Self.claims()

        // Then each names the id of one of them and the analyst as extractor
        for claim in claims {
            #expect(ids.contains(claim.reportID), "\(claim.claimID): report \(claim.reportID) is not a bundled article")
            #expect(claim.extractor == ExtractorRef(name: "analyst", version: "1"), "\(claim.claimID)")
        }
    }

    @Test("every quote is the text at its span in the normalised article")
    func quotesMatchTheirSpans() throws {
        // Given the normalised text of each bundled article
        let indexes = Dictionary(uniqueKeysWithValues: try Self.reports().map { ($0.id, ScalarOffsetIndex($0.text)) })

        // When each quote's span is looked up
        for claim in try Self.claims() {
            let index = try #require(indexes[claim.reportID], "\(claim.claimID): unknown report")
            #expect(!claim.quotes.isEmpty)
            for quote in claim.quotes {
                // Then the text there is the quote
                #expect(index.text(from: quote.start, to: quote.end) == quote.text,
                        "\(claim.claimID): \(quote.start)..<\(quote.end) is not \"\(quote.text)\"")
            }
        }
    }

    @Test("every source and incident is introduced before it is used")
    func referencesAreRegisteredFirst() throws {
        // Given the parsed annotation, in file order
        var sources: Set<String> = []
        var incidents: Set<String> = []
        let reportIDs = Set(try Self.reports().map(\.id))

        // When each event is checked against what came before it
        for (line, new) in try Self.events() {
            func known(_ id: String, _ role: String) {
                let registered = sources.contains(id)
                #expect(registered, "line \(line): \(role) \(id) is not registered earlier")
            }
            switch new.event {
            case .sourceRegistered(let s):
                // Then no source is registered twice, affiliations point back, and scoped
                // sources are scoped to a bundled article
                #expect(!sources.contains(s.sourceID), "line \(line): \(s.sourceID) registered twice")
                if let affiliation = s.affiliation { known(affiliation, "affiliation") }
                if let scope = s.scopeReport { #expect(reportIDs.contains(scope), "line \(line): scope \(scope) is not a bundled article") }
                if s.kind == .anonymous { #expect(s.scopeReport != nil, "line \(line): anonymous \(s.sourceID) is not scoped to a report") }
                #expect(s.kind != .unknown, "line \(line): \(s.sourceID) has an unknown kind")
                sources.insert(s.sourceID)
            case .sourceAliasAdded(let a):
                known(a.sourceID, "alias source")
            case .incidentOpened(let i):
                #expect(!incidents.contains(i.incidentID), "line \(line): \(i.incidentID) opened twice")
                incidents.insert(i.incidentID)
            case .claimAsserted(let c):
                known(c.originator, "originator")
                for relay in c.via { known(relay, "relay") }
                #expect(incidents.contains(c.incidentID), "line \(line): incident \(c.incidentID) is not opened earlier")
            default:
                Issue.record("line \(line): unexpected \(new.type) in the seed annotation")
            }
        }
    }

    @Test("report-scoped sources are only cited by the report they are scoped to")
    func scopedSourcesStayInTheirReport() throws {
        // Given the report each scoped source belongs to
        var scope: [String: String] = [:]
        for (_, new) in try Self.events() {
            if case .sourceRegistered(let s) = new.event, let report = s.scopeReport { scope[s.sourceID] = report }
        }

        // When claims cite them
        for claim in try Self.claims() {
            for source in [claim.originator] + claim.via {
                // Then the claim is from that report
                if let report = scope[source] {
                    #expect(report == claim.reportID, "\(claim.claimID) cites \(source), which is scoped to another report")
                }
            }
        }
    }

    /// `../shared/corpus/gold.json` next to the package root, found from this file's path.
    static let goldURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/gold.json").standardizedFileURL

    struct Gold: Decodable {
        struct Claim: Decodable {
            var file: String
            var incident: String
        }
        var claims: [Claim]
    }

    @Test("claims per article and per incident match the reference annotation",
          .enabled(if: FileManager.default.fileExists(atPath: goldURL.path),
                   "skipped: the reference annotation ../shared/corpus/gold.json (next to the package root) is not present"))
    func countsMatchGold() throws {
        // Given the reference annotation and the file name of each report id
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: Self.goldURL))
        let fileOf = Dictionary(uniqueKeysWithValues: try Self.reports().map { ($0.id, $0.article.fileName) })

        // When the bundled claims are counted per article and per incident
        let claims = try Self.claims()
        let perArticle = Dictionary(grouping: claims) { fileOf[$0.reportID] ?? "?" }.mapValues(\.count)
        let perIncident = Dictionary(grouping: claims, by: \.incidentID).mapValues(\.count)

        // Then the counts are gold's
        #expect(perArticle == Dictionary(grouping: gold.claims, by: \.file).mapValues(\.count))
        #expect(perIncident == Dictionary(grouping: gold.claims, by: \.incident).mapValues(\.count))
    }
}
