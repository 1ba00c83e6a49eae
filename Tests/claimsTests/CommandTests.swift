import Events
import Foundation
import Testing

@Suite("The claims command", .serialized)
struct CommandTests {
    @Test("init, ingest twice, log, stats")
    func ingestOnce() throws {
        let cli = try CLI()
        #expect(try cli.run("init").stdout.contains("created ledger"))
        #expect(try cli.run("init").stdout.contains("already a ledger"))
        let report = try cli.write("r.txt", "Reuters: 13 killed.\r\n")

        let first = try cli.run("ingest", report, "--outlet", "Reuters", "--published", "2022-02-03T08:17+02:00", "--language", "en")
        let second = try cli.run("ingest", report)

        #expect(first.status == 0 && first.stdout.contains("ingested as report \(ReportText.id(ofNormalised: "Reuters: 13 killed."))"))
        #expect(second.status == 0 && second.stdout.contains("already ingested") && second.stdout.contains("nothing changed"))
        // A copy that differs only in the whitespace it ends with is the same report.
        let copy = try cli.run("ingest", try cli.write("copy.txt", "Reuters: 13 killed. \n\n"))
        #expect(copy.status == 0 && copy.stdout.contains("already ingested"))
        let log = try cli.run("log")
        #expect(log.stdout.split(separator: "\n").count == 2)
        #expect(log.stdout.contains("Reuters (news_agency)") && log.stdout.contains("2022-02-03T06:17:00Z"))
        #expect(try cli.run("log", "--type", "report_ingested", "--json").stdout.contains(#""outlet":"reuters""#))
        #expect(try cli.run("stats").stdout.contains("reports    1"))
    }

    @Test("a text stored with its final newline (as earlier versions did) is recognised when ingested again")
    func untrimmedStoredText() throws {
        let cli = try CLI()
        try #require(cli.run("init").status == 0)
        let text = "Reuters: 13 killed.\n"
        let stored = ReportIngested(text: text, languages: ["en"], published: .unknown)
        let line = #"{"type":"report_ingested","schema_version":1,"payload":"# + String(decoding: try JSONSerialization.data(withJSONObject: [
            "report_id": stored.reportID, "text": text, "media_type": "text/plain", "languages": ["en"],
            "published": ["time": NSNull(), "precision": "unknown"]] as [String: Any]), as: UTF8.self) + "}"
        try #require(cli.run("append", try cli.write("old.ndjson", line)).status == 0)
        let again = try cli.run("ingest", try cli.write("r.txt", text))
        #expect(again.status == 0 && again.stdout.contains("already ingested as report \(stored.reportID)"))
        for variant in ["Reuters: 13 killed.", "Reuters: 13 killed.\n\n", "Reuters: 13 killed. \n"] {
            let copy = try cli.run("ingest", try cli.write("v.txt", variant))
            #expect(copy.status == 0 && copy.stdout.contains("already ingested as report \(stored.reportID)"), "\(variant.debugDescription): \(copy.stdout)")
        }
        #expect(try cli.run("stats").stdout.contains("reports    1"))
    }

    @Test("--outlet finds a source the gazetteer knows by any alias, and a stored text registers nothing")
    func outletByAlias() throws {
        let cli = try CLI()
        try #require(cli.run("init").status == 0)
        let first = try cli.write("a.txt", "Eleven civilians were killed.")
        #expect(try cli.run("ingest", first, "--outlet", "المرصد السوري لحقوق الإنسان").status == 0)
        #expect(try cli.run("ingest", try cli.write("b.txt", "Nine were killed."), "--outlet", "SOHR").status == 0)
        let sources = try cli.run("log", "--type", "source_registered").stdout
        #expect(sources.split(separator: "\n").count == 1 && sources.contains("syrian-observatory-for-human-rights"))
        #expect(try cli.run("log", "--type", "report_ingested", "--json").stdout.components(separatedBy: #""outlet":"syrian-observatory-for-human-rights""#).count == 3)
        // Given a text stored before, When ingested again with a new outlet, Then nothing is appended
        #expect(try cli.run("ingest", first, "--outlet", "A New Outlet").stdout.contains("nothing changed"))
        #expect(try cli.run("log").stdout.split(separator: "\n").count == 3)
        // And a name no gazetteer knows is registered as an outlet
        #expect(try cli.run("ingest", try cli.write("c.txt", "Two were injured."), "--outlet", "Enab Baladi").status == 0)
        #expect(try cli.run("log", "--type", "source_registered").stdout.contains("source:enab-baladi v1  Enab Baladi (outlet)"))
    }

    @Test("verify exits 0 on an intact chain and 2 naming the event edited with sqlite3")
    func verifyAfterTampering() throws {
        let cli = try CLI()
        try #require(cli.run("init").status == 0)
        for i in 1...3 { try #require(cli.run("ingest", try cli.write("r\(i).txt", "report number \(i)")).status == 0) }
        #expect(try cli.run("verify").status == 0)

        let edit = try CLI.shell("""
            sqlite3 claims.sqlite "DROP TRIGGER events_are_immutable; UPDATE events SET payload = replace(payload, 'number 2', 'number 9') WHERE position = 2;"
            """, in: cli.folder)
        try #require(edit.status == 0, "\(edit.stderr)")

        let result = try cli.run("verify")
        #expect(result.status == 2)
        #expect(result.stderr.contains("chain broken at event 2"))
    }

    @Test("export, then import into an empty ledger, gives the same last hash")
    func exportImport() throws {
        let cli = try CLI()
        try #require(cli.run("demo", "--ledger", cli.ledger).status == 0)
        #expect(try cli.run("export", cli.path("all.ndjson")).status == 0)
        let copy = cli.path("copy.sqlite")
        try #require(cli.run("init", "--ledger", copy).status == 0)

        let imported = try cli.run("import", "--ledger", copy, "--format", "events", cli.path("all.ndjson"))

        #expect(imported.status == 0, "\(imported.stderr)")
        let lastLine = { (stats: String) in stats.split(separator: "\n").last.map(String.init) ?? "" }
        #expect(lastLine(try cli.run("stats").stdout) == lastLine(try cli.run("stats", "--ledger", copy).stdout))
        #expect(try cli.run("export", "--ledger", copy, "-").stdout == String(contentsOfFile: cli.path("all.ndjson"), encoding: .utf8))
    }

    @Test("append reads standard input, and the same lines twice are stored once")
    func appendStdin() throws {
        let cli = try CLI()
        try #require(cli.run("init").status == 0)
        let lines = #"{"type":"source_registered","schema_version":1,"payload":{"source_id":"sohr","name":"SOHR","kind":"monitor"}}"#
        #expect(try cli.run("append", "-", stdin: lines).stdout.contains("appended 1 event"))
        #expect(try cli.run("append", "-", stdin: lines).stdout.contains("skipped 1 already stored"))
    }

    @Test("the demo builds the seed ledger, prints every incident, and a second run adds nothing")
    func demo() throws {
        let cli = try CLI()
        let first = try cli.run("demo", "--ledger", cli.ledger)
        let second = try cli.run("demo", "--ledger", cli.ledger)

        #expect(first.status == 0, "\(first.stderr)")
        for incident in ["atmeh-raid-2022-02-03", "muhajir-drone-strike-2023-07-07", "deir-ez-zor-kabr-raid"] {
            #expect(first.stdout.contains("[\(incident)]"))
        }
        #expect(first.stdout.contains("Syrian Civil Defense ← Reuters"))
        #expect(first.stdout.contains("“among them 6 children”"))
        #expect(second.stdout.contains("(0 new)"))
        #expect(try cli.run("verify").status == 0)
    }

    /// Every command path the tool lists, found by walking `--help` (so a new command is covered).
    static func commandPaths(_ prefix: [String] = []) throws -> [[String]] {
        let help = try CLI().run(prefix + ["--help"]).stdout
        guard let start = help.range(of: "SUBCOMMANDS:") else { return [] }
        let names = help[start.upperBound...].split(separator: "\n").prefix { !$0.isEmpty && !$0.hasPrefix("  See") }
            .compactMap { line -> String? in
                guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
                return line.split(separator: " ").first.map(String.init)
            }
            .filter { $0 != "help" }
        return try names.flatMap { name in [prefix + [name]] + (try commandPaths(prefix + [name])) }
    }

    @Test("every command has help text for every option")
    func help() throws {
        let paths = try CommandTests.commandPaths()
        #expect(paths.count >= 20, "\(paths)")
        for path in paths {
            let result = try CLI().run(path + ["--help"])
            #expect(result.status == 0, "\(path)")
            #expect(result.stdout.contains("OVERVIEW:"), "\(path) has no abstract")
            // An option line with no help text ends right after the option's name, and is not
            // followed by the wrapped help of a long option name.
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let bare = lines.indices.filter { i in
                lines[i].hasPrefix("  -") && !lines[i].contains("  ", after: 4)
                    && !(i + 1 < lines.count && lines[i + 1].hasPrefix(String(repeating: " ", count: 10)))
            }.map { lines[$0] }
            #expect(bare.isEmpty, "\(path): options without help: \(bare)")
        }
    }

    @Test("schemas print for a type and the list names every type")
    func schema() throws {
        let cli = try CLI()
        #expect(try cli.run("schema", "claim_asserted").stdout.contains(#""additionalProperties": false"#))
        let list = try cli.run("schema").stdout
        for type in LedgerEvent.payloadTypes.map({ $0.type }) { #expect(list.contains(type)) }
    }
}

extension Substring {
    /// Whether two spaces occur somewhere after the first `offset` characters.
    func contains(_ needle: String, after offset: Int) -> Bool {
        dropFirst(offset).contains(needle)
    }
}
