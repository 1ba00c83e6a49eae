import Events
import Foundation
import Testing
@testable import Extraction

/// The five seed articles, read from the package's SeedCorpus data folder.
func seedArticle(_ prefix: String) throws -> String {
    var dir = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { dir.deleteLastPathComponent() }
    let folder = dir.appendingPathComponent("Sources/SeedCorpus/Data/articles")
    let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix(prefix) })
    return ReportText.normalise(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
}

@Suite struct SeedTests {
    @Test func bilingualReportStatesOneClaimWithSeveralSpans() throws {
        // Given the Al Mayadeen report: English translation, then the Arabic original
        let text = try seedArticle("001")
        let r = RuleExtractor().extract(text: text, published: try PartialTime.parse("2022-02-03T08:17+02:00"))
        // Then "at least 13" is one claim quoted in both languages
        let c = try #require(r.claims.first { $0.figure == "killed" && $0.value == 13 })
        #expect(c.bound == .atLeast && c.originator == "syrian-civil-defense" && c.via == ["reuters"])
        #expect(c.quotes.count == 2)
        // and every quote is the exact span of the text
        let index = ScalarOffsetIndex(text)
        for claim in r.claims { for q in claim.quotes { #expect(index.text(from: q.start, to: q.end) == q.text) } }
        #expect(r.incident.placeKey == "atmeh" && r.incident.kind == "raid")
    }

    @Test func threeAtmehReportsLandOnOneIncidentAndTheOthersOnTwo() throws {
        // Given the five seeds with their publication times
        let times = ["000": "2022-02-03T09:08Z", "001": "2022-02-03T08:17+02:00", "002": "2022-02-03", "003": "2023-07-10", "004": "unknown"]
        var known: [KnownIncident] = []
        var decided: [String: String] = [:]
        // When each is resolved against the incidents opened before it
        for key in times.keys.sorted() {
            let r = RuleExtractor().extract(text: try seedArticle(key), published: try PartialTime.parse(times[key]!))
            let d = IncidentResolver.resolve(r.incident, known: known)
            if case .open(let o) = d { known.append(KnownIncident(id: o.incidentID, kind: o.kind, placeKey: r.incident.placeKey, date: o.date)) }
            decided[key] = d.incidentID
        }
        // Then the three Atmeh reports share one incident and the others have their own
        #expect(decided["000"] == decided["001"] && decided["001"] == decided["002"])
        #expect(Set(decided.values).count == 3)
        #expect(known.first?.date == PartialTime(time: "2022-02-03", precision: .day))
    }

    @Test func eventsAreValidAndIdempotent() throws {
        // Given an extraction of a seed report
        let text = try seedArticle("002")
        let reportID = ReportText.id(ofNormalised: text)
        let r = RuleExtractor().extract(text: text, published: try PartialTime.parse("2022-02-03"))
        let decision = IncidentResolver.resolve(r.incident, known: [])
        // When mapped to events twice
        let a = r.events(reportID: reportID, decision: decision)
        let b = RuleExtractor().extract(text: text, published: try PartialTime.parse("2022-02-03")).events(reportID: reportID, decision: decision)
        // Then the claim ids are the same and every event passes the wire-format checks
        let ids = a.compactMap { ($0 as? ClaimAsserted)?.claimID }
        #expect(!ids.isEmpty)
        #expect(ids == b.compactMap { ($0 as? ClaimAsserted)?.claimID })
        #expect(Set(ids).count == ids.count)
        for e in a { try e.checkValues() }
        #expect(a.contains { $0 is IncidentOpened })
        let claim = try #require(a.compactMap { $0 as? ClaimAsserted }.first)
        #expect(claim.extractor == ExtractorRef(name: "rules", version: "1"))
        let index = ScalarOffsetIndex(text)
        for q in claim.quotes { #expect(index.text(from: q.start, to: q.end) == q.text) }
    }
}

@Suite struct RobustnessTests {
    @Test func randomBytesGiveClaimsOrAClearError() {
        // Given random byte strings, some of them invalid UTF-8
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<2000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            // When extracted (strictly, and decoded lossily)
            do { _ = try RuleExtractor().extract(bytes: bytes) } catch { #expect(error.description.contains("UTF-8")) }
            let lossy = ReportText.normalise(String(decoding: bytes, as: UTF8.self))
            let r = RuleExtractor().extract(text: lossy)
            // Then any claim's quote is still an exact span
            let index = ScalarOffsetIndex(lossy)
            for c in r.claims { for q in c.quotes { #expect(index.text(from: q.start, to: q.end) == q.text) } }
        }
    }

    @Test func invalidUTF8IsReportedWithItsPlace() {
        #expect(throws: ExtractionError.invalidUTF8(byteOffset: 3, line: 1)) { try RuleExtractor().extract(bytes: [0x61, 0x62, 0x63, 0xFF]) }
    }

    @Test func bidiControlsAndMixedScriptsDoNotBreakReading() {
        let text = "\u{202B}قتل \u{2067}13\u{2069} شخصا\u{202C} and 4 people were injured in Atmeh أطمة."
        let r = RuleExtractor().extract(text: text)
        #expect(r.claims.contains { $0.figure == "killed" && $0.value == 13 })
        #expect(r.claims.contains { $0.figure == "injured" && $0.value == 4 })
    }

    @Test func tenMegabyteReportIsLinear() throws {
        // Given a 10 MB report of repeated sentences, and one without any punctuation
        let sentence = "قال المرصد السوري إن 13 شخصا على الأقل قتلوا بينهم 6 أطفال. At least 12 people died and 20 others were wounded. "
        let big = String(repeating: sentence, count: 10_000_000 / sentence.utf8.count + 1)
        #expect(big.utf8.count >= 10_000_000)
        let noPunct = String(repeating: "word 12 ", count: 125_000)
        // When extracted
        let clock = ContinuousClock()
        var claimCount = 0
        let elapsed = clock.measure { claimCount = RuleExtractor().extract(text: big).claims.count }
        let elapsedFlat = clock.measure { _ = RuleExtractor().extract(text: noPunct) }
        // Then it finishes, and every sentence's claims merge into the same few claims
        #expect(claimCount > 0 && claimCount < 10)
        // The rate is reported, never asserted: it depends on the machine and the build.
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("extraction speed: \(big.utf8.count) bytes in \(elapsed) = \(String(format: "%.2f", Double(big.utf8.count) / 1e6 / max(seconds, 1e-9))) MB/s; 1 MB without punctuation in \(elapsedFlat)")
    }
}
