import Events
import Foundation
import Testing

/// Each kind of bad input gets a clear error naming the file, line or field, and leaves the
/// ledger file byte for byte as it was.
@Suite("Bad input", .serialized)
struct BadInputTests {
    static let reportText = "Local sources said 13 people were killed, among them 6 children.\n"
    /// `claims ingest` stores the text without its final newline.
    static var reportID: String { ReportText.id(ofNormalised: ReportText.trimmingEnd(reportText)) }

    /// A ledger with one report, one source and one incident.
    func prepared() throws -> CLI {
        let cli = try CLI()
        try #require(cli.run("init").status == 0)
        let report = try cli.write("report.txt", BadInputTests.reportText)
        try #require(cli.run("ingest", report, "--published", "2022-02-03").status == 0)
        let setup = """
            {"type":"source_registered","schema_version":1,"payload":{"source_id":"local","name":"Local sources","kind":"anonymous"}}
            {"type":"incident_opened","schema_version":1,"payload":{"incident_id":"atmeh","title":"Raid","date":{"time":"2022-02-03","precision":"day"}}}
            """
        try #require(cli.run("append", try cli.write("setup.ndjson", setup)).status == 0)
        return cli
    }

    static func claim(value: String = "13", incident: String = "atmeh", report: String = reportID, extra: String = "") -> String {
        #"{"type":"claim_asserted","schema_version":2,\#(extra)"payload":{"claim_id":"c1","report_id":"\#(report)","incident_id":"\#(incident)","figure":"killed","group":"people","value":\#(value),"bound":"exact","originator":"local","via":[],"quotes":[{"text":"13 people were killed","start":19,"end":40}],"extractor":{"name":"analyst","version":"1"}}}"#
    }

    /// Runs `arguments` and checks: non-zero exit, every expected fragment in stderr, ledger unchanged.
    func expectRefused(_ cli: CLI, _ arguments: [String], mentions fragments: [String], ledger: String? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = ledger ?? cli.ledger
        let before = cli.digest(file)
        let result = try cli.run(arguments)
        #expect(result.status != 0, "exit status", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(result.stderr.contains(fragment), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        }
        #expect(cli.digest(file) == before, "the ledger file changed", sourceLocation: sourceLocation)
    }

    @Test("a valid claim goes in (the baseline the other cases change one thing of)")
    func baseline() throws {
        let cli = try prepared()
        let result = try cli.run("append", try cli.write("ok.ndjson", BadInputTests.claim()))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("appended 1 event"))
    }

    @Test("a malformed JSON line is named by file and line, and the valid lines before it are not stored")
    func malformedJSON() throws {
        let cli = try prepared()
        let file = try cli.write("bad.ndjson", BadInputTests.claim() + "\n{\"type\": \"claim_asserted\",\n")
        try expectRefused(cli, ["append", file], mentions: ["bad.ndjson:2:", "invalid JSON at column"])
    }

    @Test("an unknown event type")
    func unknownType() throws {
        let cli = try prepared()
        let file = try cli.write("bad.ndjson", BadInputTests.claim().replacingOccurrences(of: "claim_asserted", with: "claim_exploded"))
        try expectRefused(cli, ["append", file], mentions: ["bad.ndjson:1:", "unknown event type \"claim_exploded\""])
    }

    @Test("an unknown schema version")
    func unknownSchemaVersion() throws {
        let cli = try prepared()
        let file = try cli.write("bad.ndjson", BadInputTests.claim().replacingOccurrences(of: "\"schema_version\":2", with: "\"schema_version\":9"))
        try expectRefused(cli, ["append", file], mentions: ["bad.ndjson:1:", "schema_version", "not 9"])
    }

    @Test("a missing required field")
    func missingField() throws {
        let cli = try prepared()
        let file = try cli.write("bad.ndjson", BadInputTests.claim().replacingOccurrences(of: #""figure":"killed","#, with: ""))
        try expectRefused(cli, ["append", file], mentions: ["bad.ndjson:1:", "payload.figure", "missing required field"])
    }

    @Test("invalid UTF-8 in a report")
    func invalidUTF8() throws {
        let cli = try prepared()
        let file = try cli.write("latin1.txt", bytes: Array("Quelques mots\nen fran".utf8) + [0xE7, 0x61, 0x69, 0x73])
        try expectRefused(cli, ["ingest", file], mentions: ["latin1.txt:2:", "invalid UTF-8 at byte 21"])
    }

    @Test("empty files", arguments: [["ingest"], ["append"], ["import", "--format", "claims-csv"], ["import", "--format", "events"]])
    func emptyFile(command: [String]) throws {
        let cli = try prepared()
        let file = try cli.write("empty.txt", "")
        try expectRefused(cli, command + [file], mentions: ["empty.txt", "empty"])
    }

    @Test("a folder where a file belongs", arguments: [["ingest"], ["extract"], ["append"], ["import", "--format", "claims-csv"], ["import", "--format", "events"]])
    func folderAsInput(command: [String]) throws {
        let cli = try prepared()
        let folder = cli.path("reports")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try expectRefused(cli, command + [folder], mentions: ["reports: is a folder; give the path of a file in it"])
        try expectRefused(cli, command + [cli.path("nothing.txt")], mentions: ["nothing.txt: no such file"])
        try expectRefused(cli, ["stats", "--ledger", folder], mentions: ["is not a ClaimsLedger database (it is a folder)"])
    }

    @Test("a language that is not a tag", arguments: ["xx-!!", "en,,ar", "عربي"])
    func badLanguage(tag: String) throws {
        let cli = try prepared()
        try expectRefused(cli, ["ingest", try cli.write("new.txt", "Two were killed."), "--language", tag], mentions: ["--language", "is not a language tag"])
    }

    @Test("a new ledger in a folder that does not exist says to create the folder, and creates nothing")
    func ledgerInMissingFolder() throws {
        let cli = try CLI()
        let result = try cli.run("init", "--ledger", cli.path("later/claims.sqlite"))
        #expect(result.status != 0 && result.stderr.contains("the folder \(cli.path("later")) does not exist; create it first"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("later")))
    }

    @Test("an NDJSON file that starts with a byte-order mark is read like one without")
    func byteOrderMark() throws {
        let cli = try prepared()
        let line = #"{"type":"source_registered","schema_version":1,"payload":{"source_id":"zz","name":"ZZ","kind":"outlet"}}"#
        let file = try cli.write("bom.ndjson", bytes: [0xEF, 0xBB, 0xBF] + Array((line + "\n").utf8))
        let result = try cli.run("append", file)
        #expect(result.status == 0 && result.stdout.contains("appended 1 event"), "\(result.stderr)")
    }

    @Test("a count of people that is negative or too large to store", arguments: [("-3", "cannot be negative"), ("1e300", "too large to store"), ("2.5", "whole number")])
    func badCounts(value: String, message: String) throws {
        let cli = try prepared()
        let file = try cli.write("bad.ndjson", BadInputTests.claim(value: value))
        try expectRefused(cli, ["append", file], mentions: ["bad.ndjson:1:", "payload.value", message])
    }

    @Test("a claim naming a report or an incident the ledger does not hold")
    func unknownReferences() throws {
        let cli = try prepared()
        let noIncident = try cli.write("a.ndjson", BadInputTests.claim(incident: "nowhere"))
        try expectRefused(cli, ["append", noIncident], mentions: ["a.ndjson:1:", "payload.incident_id", "no incident \"nowhere\""])
        let noReport = try cli.write("b.ndjson", BadInputTests.claim(report: String(repeating: "0", count: 64)))
        try expectRefused(cli, ["append", noReport], mentions: ["b.ndjson:1:", "payload.report_id", "no report", "claims ingest"])
    }

    @Test("a stale expected version")
    func staleVersion() throws {
        let cli = try prepared()
        try #require(cli.run("append", try cli.write("ok.ndjson", BadInputTests.claim())).status == 0)
        let withdraw = #"{"type":"claim_withdrawn","schema_version":1,"expected_version":0,"payload":{"claim_id":"c1","reason":"mis-read"}}"#
        try expectRefused(cli, ["append", try cli.write("w.ndjson", withdraw)], mentions: ["w.ndjson:1:", "version conflict on stream claim:c1", "expected no stream (0), but it is at 1"])
    }

    @Test("a file that is not a ClaimsLedger database", arguments: ["text", "sqlite"])
    func notALedger(kind: String) throws {
        let cli = try CLI()
        let file = cli.path("other.db")
        if kind == "text" {
            try cli.write("other.db", "just some notes\n")
        } else {
            try #require(CLI.shell("sqlite3 other.db 'CREATE TABLE notes(x); INSERT INTO notes VALUES (1);'", in: cli.folder).status == 0)
        }
        for command in [["stats"], ["log"], ["verify"], ["append", try cli.write("x.ndjson", "{}")]] {
            try expectRefused(cli, command + ["--ledger", file], mentions: ["is not a ClaimsLedger database"], ledger: file)
        }
    }

    @Test("a read-only ledger file refuses writes and still serves reads")
    func readOnlyLedger() throws {
        let cli = try prepared()
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: cli.ledger)
        let file = try cli.write("ok.ndjson", BadInputTests.claim())
        try expectRefused(cli, ["append", file], mentions: ["is read-only", "chmod u+w"])
        let stats = try cli.run("stats")
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("events     3"))
    }

    @Test("export refuses a folder and the ledger itself, and leaves both as they were")
    func exportOverSomethingElse() throws {
        let cli = try prepared()
        let folder = cli.path("keep")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let kept = try cli.write("keep/notes.txt", "mine")
        try expectRefused(cli, ["export", folder], mentions: ["keep: names a folder", "export.ndjson"])
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "mine")
        try expectRefused(cli, ["export", cli.ledger], mentions: ["is the ledger itself"])
        try expectRefused(cli, ["export", cli.path("missing/all.ndjson")], mentions: ["missing", "exists and is writable"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).allSatisfy { !$0.hasSuffix(".partial") })
    }

    @Test("a ledger in a folder the reader may not write is read as it is, and refuses writes")
    func ledgerInReadOnlyFolder() throws {
        let cli = try prepared()
        let before = cli.digest(cli.ledger)
        // As root, permissions do not bind: read as nobody instead (setpriv, util-linux).
        let asReader: String
        if getuid() == 0 {
            asReader = "setpriv --reuid=65534 --regid=65534 --clear-groups \(CLI.executable.path)"
        } else {
            asReader = CLI.executable.path
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: cli.folder.path)
        }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.folder.path) }
        let stats = try CLI.shell("\(asReader) stats --ledger \(cli.ledger)", in: cli.folder)
        #expect(stats.status == 0 && stats.stdout.contains("events     3"), "\(stats.stderr)")
        #expect(try CLI.shell("\(asReader) verify --ledger \(cli.ledger)", in: cli.folder).status == 0)
        let write = try CLI.shell("\(asReader) ingest --ledger \(cli.ledger) \(cli.path("report.txt"))", in: cli.folder)
        #expect(write.status != 0 && write.stderr.contains("is read-only"), "\(write.stderr)")
        #expect(cli.digest(cli.ledger) == before)
        #expect(!FileManager.default.fileExists(atPath: cli.ledger + "-wal"))
    }

    @Test("a missing ledger tells how to create one")
    func missingLedger() throws {
        let cli = try CLI()
        let result = try cli.run("stats")
        #expect(result.status != 0)
        #expect(result.stderr.contains("no ledger at") && result.stderr.contains("claims init"))
        #expect(!FileManager.default.fileExists(atPath: cli.ledger))
    }

    @Test("a claims table with a bad row names the row and stores nothing")
    func badCSVRow() throws {
        let cli = try prepared()
        let csv = try cli.write("t.csv", "object,attribute,source,value\nparis,population,ed1,2100000\nparis,population,ed2\n")
        try expectRefused(cli, ["import", "--format", "claims-csv", csv], mentions: ["t.csv:3:", "expected 4 fields"])
        let header = try cli.write("h.csv", "city,attribute,source,value\nparis,population,ed1,2100000\n")
        try expectRefused(cli, ["import", "--format", "claims-csv", header], mentions: ["h.csv:1:", "object,attribute,source,value"])
        let headerOnly = try cli.write("o.csv", "object,attribute,source,value\n")
        try expectRefused(cli, ["import", "--format", "claims-csv", headerOnly], mentions: ["o.csv", "no rows", "nothing was stored"])
    }

    @Test("a claims table: empty values are skipped, repeated sources named in warnings, known sources found by name; a too-long field names its column")
    func emptyAndRepeatedRows() throws {
        let cli = try prepared()
        let csv = try cli.write("e.csv", "object,attribute,source,value\nparis,price,ed1,\"1,234\"\nparis,price,ed2,\nparis,price,ed1,1300\n")
        let result = try cli.run("import", "--format", "claims-csv", csv)
        #expect(result.status == 0)
        #expect(result.stdout.contains("imported 3 rows"), "\(result.stdout)")
        #expect(result.stderr.contains("warning: \(csv):3: 1 row has an empty value and stated no claim (skipped)"), "\(result.stderr)")
        #expect(result.stderr.contains("warning: \(csv):4: source ed1 already gave paris price another value on line 2"), "\(result.stderr)")
        // "1,234" went in as the number 1234, and ed1's last row is the one that counts
        #expect(try cli.run("consensus", "paris", "--format", "csv").stdout.contains("paris,price,,1300,1300,1300,weak,1,2"))
        // A source the ledger knows is found by name, ignoring case, rather than registered again
        let known = try cli.run("import", "--format", "claims-csv", try cli.write("k.csv", "object,attribute,source,value\natmeh,killed,LOCAL SOURCES,13\n"))
        #expect(known.status == 0 && known.stdout.contains("2 events appended"), "\(known.stdout)")
        #expect(try cli.run("consensus", "atmeh", "--format", "json").stdout.contains(#""originator":"local""#))
        // A source's id wins over another source that bears it as its name
        let namesake = #"{"type":"source_registered","schema_version":1,"payload":{"source_id":"x1","name":"local","kind":"outlet"}}"#
        try #require(cli.run("append", try cli.write("x1.ndjson", namesake)).status == 0)
        try #require(cli.run("import", "--format", "claims-csv", try cli.write("k2.csv", "object,attribute,source,value\nkabr,killed,local,3\n")).status == 0)
        let kabr = try cli.run("consensus", "kabr", "--format", "json").stdout
        #expect(kabr.contains(#""originator":"local""#) && !kabr.contains(#""originator":"x1""#), "\(kabr)")
        // Columns in another order, with a group and a column the table does not read
        let grouped = try cli.run("import", "--format", "claims-csv", try cli.write("g.csv", "source,object,attribute,group,value,note\nlocal,atmeh,killed,children,6,x\n"))
        #expect(grouped.status == 0 && grouped.stderr.contains("g.csv:1: column note ignored"), "\(grouped.stderr)")
        // one source's figures of different groups are not repeats
        #expect(!grouped.stderr.contains("already gave"))
        let twoGroups = try cli.run("import", "--format", "claims-csv", try cli.write("t2.csv", "object,attribute,group,source,value\natmeh,killed,women,local,1\natmeh,killed,men,local,2\n"))
        #expect(twoGroups.status == 0 && !twoGroups.stderr.contains("already gave"), "\(twoGroups.stderr)")
        #expect(try cli.run("consensus", "atmeh", "--format", "csv").stdout.contains("atmeh,killed,children,6,6,6,weak,1,1"))
        let long = try cli.write("l.csv", "object,attribute,source,value\n\(String(repeating: "x", count: 201)),price,ed1,3\n")
        try expectRefused(cli, ["import", "--format", "claims-csv", long], mentions: ["l.csv:2:", "field \"object\"", "at most 200 characters"])
    }

    @Test("a claims table whose attribute mixes numbers and labels is stored with a warning naming the first label")
    func mixedValues() throws {
        let cli = try prepared()
        let before = try cli.run("stats").stdout
        let csv = try cli.write("m.csv", "object,attribute,source,value\nparis,killed,ed1,8\nparis,killed,ed2,n/a\nlyon,killed,ed1,3\n")
        let result = try cli.run("import", "--format", "claims-csv", csv)
        #expect(result.status == 0)
        // The report, two incidents, two sources and three claims: every appended event is counted
        #expect(result.stdout.contains("imported 3 rows: 8 events appended"), "\(result.stdout)")
        #expect(result.stderr.contains("warning: \(csv):3: attribute killed has 2 numeric values and 1 label (the first label: \"n/a\")"), "\(result.stderr)")
        #expect(try cli.run("stats").stdout != before)
        // A table of numbers only gives no warning
        let clean = try cli.run("import", "--format", "claims-csv", try cli.write("n.csv", "object,attribute,source,value\nparis,killed,ed3,9\n"))
        #expect(clean.status == 0 && !clean.stderr.contains("warning"))
    }
}
