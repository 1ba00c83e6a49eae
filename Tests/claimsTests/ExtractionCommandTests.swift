import Events
import Foundation
import SeedCorpus
import Testing

extension String {
    /// Characters before the first occurrence of `part`, or nil.
    func distance(of part: String) -> Int? {
        range(of: part).map { self.distance(from: startIndex, to: $0.lowerBound) }
    }
}

@Suite("Extraction commands", .serialized)
struct ExtractionCommandTests {
    static var articles: [SeedCorpus.Article] { SeedCorpus.articles }

    @Test("extract prints one JSON object per claim with the documented fields, and writes nothing")
    func extractJSON() throws {
        let cli = try CLI()
        let article = try #require(ExtractionCommandTests.articles.first { $0.fileName.hasPrefix("001") })
        let result = try cli.run("extract", article.url.path, "--published", article.published, "--format", "json")

        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        let text = try normalisedText(ofFile: article.url.path)
        for line in lines {
            let object = try #require(try JSONValue.parse(String(line)).objectValue)
            #expect(Set(object.keys) == ["incident", "figure", "group", "value", "bound", "low", "high", "originator", "via", "quote", "start", "end"])
            // The quote is exactly the text at its offsets.
            let start = Int(object["start"]!.numberValue!), end = Int(object["end"]!.numberValue!)
            #expect(ScalarOffsetIndex(text).text(from: start, to: end) == object["quote"]?.stringValue)
        }
        #expect(!FileManager.default.fileExists(atPath: cli.ledger))
    }

    @Test("tables isolate Arabic text so the brackets and offsets around it stay in place; JSON carries the text as it is")
    func arabicIsIsolatedInTables() throws {
        let cli = try CLI()
        let report = try cli.write("ar.txt", "قال المرصد السوري إن 9 مدنيين قتلوا.\n")
        let table = try cli.run("extract", report).stdout
        #expect(table.contains("“\u{2068}9 مدنيين قتلوا\u{2069}” [21..<35]"), "\(table)")
        let json = try cli.run("extract", report, "--format", "json").stdout
        #expect(json.contains(#""quote":"9 مدنيين قتلوا""#) && !json.contains("\u{2068}"))
        // A padded column counts the isolated text by its letters only: the next column lines up
        try #require(cli.run("init").status == 0)
        let outletVoice = try cli.write("b.txt", "قتل 9 مدنيين في القصف.\n")
        try #require(cli.run("ingest", outletVoice, "--extract", "--incident", "x", "--outlet", "عنب بلدي").status == 0)
        let lines = try cli.run("reliability").stdout.split(separator: "\n").map { line in
            String(String.UnicodeScalarView(line.unicodeScalars.filter { $0.value != 0x2068 && $0.value != 0x2069 }))
        }
        let header = try #require(lines.first), row = try #require(lines.first { $0.hasPrefix("عنب بلدي") })
        #expect(header.distance(of: "KIND") == row.distance(of: "outlet"), "\(lines)")
    }

    @Test("ingest --extract puts the three Atmeh reports on one incident; reextract twice changes nothing the second time")
    func ingestExtractAndReextract() throws {
        let cli = try CLI()
        try #require(cli.run("init").status == 0)
        for article in ExtractionCommandTests.articles {
            var arguments = ["ingest", "--extract", article.url.path, "--published", article.published, "--language", article.language]
            if let outlet = article.outlet { arguments += ["--outlet", outlet] }
            let result = try cli.run(arguments)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("claims extracted"))
        }

        let incidents = try cli.run("log", "--type", "incident_opened", "--json").stdout.split(separator: "\n")
        #expect(incidents.count == 3, "\(incidents)")
        let claimsBefore = try cli.run("log", "--type", "claim_asserted").stdout.split(separator: "\n").count
        #expect(claimsBefore > 0)

        let first = try cli.run("reextract")
        let headAfterFirst = try cli.run("stats").stdout
        let second = try cli.run("reextract")

        #expect(first.status == 0, "\(first.stderr)")
        #expect(second.stdout.contains("0 claims appended, 0 withdrawn"), "\(second.stdout)")
        #expect(try cli.run("stats").stdout == headAfterFirst)
        #expect(try cli.run("verify").status == 0)
    }

    @Test("--incident names the main incident by hand")
    func namedIncident() throws {
        let cli = try CLI()
        try #require(cli.run("init").status == 0)
        let article = try #require(ExtractionCommandTests.articles.first)
        let result = try cli.run("ingest", "--extract", "--incident", "my-incident", article.url.path)
        #expect(result.status == 0, "\(result.stderr)")
        let claims = try cli.run("log", "--type", "claim_asserted", "--json").stdout
        #expect(claims.contains(#""incident_id":"my-incident""#))
        #expect(!claims.contains(#""incident_id":"atmeh"#))
    }

    @Test("--incident without --extract is a usage error")
    func incidentNeedsExtract() throws {
        let cli = try CLI()
        let result = try cli.run("ingest", "--incident", "x", "some.txt")
        #expect(result.status != 0)
        #expect(result.stderr.contains("add --extract"))
    }
}

/// The normalised text of a file, as the ledger stores it.
func normalisedText(ofFile path: String) throws -> String {
    ReportText.normalise(try String(contentsOfFile: path, encoding: .utf8))
}

@Suite("Extraction evaluation command")
struct EvaluateExtractionCommandTests {
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared").standardized

    static var sharedIsPresent: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("eval/extraction/gva.dev.jsonl").path)
    }

    @Test("evaluate extraction scores every set, GVA through the consensus of each incident's documents",
          .enabled(if: sharedIsPresent, "needs ../shared next to the package"))
    func evaluate() throws {
        let result = try CLI().run("evaluate", "extraction", "--data", Self.shared.path)
        #expect(result.status == 0, "\(result.stderr)")
        for set in ["seeds:", "pitf:", "fakes:", "arabic:", "gva: n=844"] { #expect(result.stdout.contains(set), "\(result.stdout)") }
        // A floor a little under what rules@1 measured (killed 0.610, injured 0.435).
        let gva = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("gva:") })
        let killed = try #require(Double(gva.split(separator: " ").first { $0.hasPrefix("killed=") }?.dropFirst(7) ?? ""))
        #expect(killed >= 0.58)
    }

    @Test("evaluate extraction reads another portion's files, skips and names absent sets, and refuses a folder with none")
    func heldOutPortion() throws {
        // Given a folder holding only a PITF file of a portion named test, and an Arabic set with a dev and a test portion
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("portion-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("eval/extraction"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("eval/arabic"), withIntermediateDirectories: true)
        try #"{"id": 1, "description": "Gunmen killed 7 villagers.", "deaths": 7, "date": "2017-01-02"}"#
            .write(to: dir.appendingPathComponent("eval/extraction/pitf.test.jsonl"), atomically: true, encoding: .utf8)
        let sentence = #"{"sentence": "قتل 5 مدنيين", "date_extracted": "2015-08-08 07:03:21", "claims": [{"figure": "killed", "group": "civilians", "value": 5, "bound": "exact"}]}"#
        let wrong = #"{"sentence": "قتل 5 مدنيين", "date_extracted": "2015-08-08 07:03:21", "claims": []}"#
        try wrong.write(to: dir.appendingPathComponent("eval/arabic/sentences.dev.jsonl"), atomically: true, encoding: .utf8)
        try sentence.write(to: dir.appendingPathComponent("eval/arabic/sentences.test.jsonl"), atomically: true, encoding: .utf8)
        // When it is scored without a portion: PITF's only portion, Arabic's dev
        let plain = try CLI().run("evaluate", "extraction", "--data", dir.path)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.contains("pitf: n=1 P=– R=– F1=– exact=1.000"), "\(plain.stdout)")
        #expect(plain.stdout.contains("arabic: n=1 P=0.000"), "\(plain.stdout)")
        for set in ["seeds", "fakes", "gva"] { #expect(plain.stdout.contains("\(set): skipped, no file for it"), "\(plain.stdout)") }
        // and with --portion test: both test files
        let test = try CLI().run("evaluate", "extraction", "--data", dir.path, "--portion", "test")
        #expect(test.stdout.contains("pitf: n=1") && test.stdout.contains("arabic: n=1 P=1.000 R=1.000 F1=1.000"), "\(test.stdout)")
        // Then a portion no set has is refused, naming the folder
        let none = try CLI().run("evaluate", "extraction", "--data", dir.path, "--portion", "final")
        #expect(none.status != 0)
        #expect(none.stderr.contains(dir.path) && none.stderr.contains("holds none of the evaluation sets"), "\(none.stderr)")
    }
}
