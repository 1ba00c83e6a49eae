import Events
import Foundation
import Projections
import Testing

@Suite("Projection commands", .serialized)
struct ProjectionCommandTests {
    static let atmeh = "atmeh-raid-2022-02-03"
    static let kabr = "deir-ez-zor-kabr-raid"

    /// Every projection command, as the user would run it at some moment.
    static let commands: [[String]] = [
        ["incidents"],
        ["consensus", atmeh],
        ["consensus", atmeh, "--format", "json"],
        ["consensus", "--all", "--format", "csv"],
        ["reliability", "--format", "csv"],
        ["history", atmeh, "killed", "people"],
        ["explain", atmeh, "killed", "children"],
        // As of a published time, asked at each moment of the ledger (both axes at once)
        ["incidents", "--published-before", "2022-02-03T08:00Z"],
        ["consensus", "--all", "--format", "csv", "--published-before", "2022-02-03T08:00Z"],
    ]

    @Test("output at --at-position N is byte-identical to what each command printed when the ledger ended at N")
    func asOfPositionReproducesThePast() throws {
        // Given the seed ledger, exported, and replayed into a second ledger a slice at a time
        let cli = try CLI()
        try #require(cli.run("demo", "--ledger", cli.path("seed.sqlite")).status == 0)
        try #require(cli.run("export", "--ledger", cli.path("seed.sqlite"), cli.path("all.ndjson")).status == 0)
        let lines = try String(contentsOfFile: cli.path("all.ndjson"), encoding: .utf8).split(separator: "\n").map(String.init)
        try #require(lines.count > 100)
        try #require(cli.run("init").status == 0)
        var captured: [Int: [String]] = [:]
        let cuts = Array(stride(from: 20, to: lines.count, by: 23)) + [lines.count]
        for cut in cuts {
            try cli.write("prefix.ndjson", lines[..<cut].joined(separator: "\n") + "\n")
            try #require(cli.run("import", "--format", "events", cli.path("prefix.ndjson")).status == 0)
            // What each command prints now that the ledger ends at `cut`
            captured[cut] = try Self.commands.map { command in
                let r = try cli.run(command)
                return "\(r.status)\n\(r.stdout)"
            }
        }
        // When each is asked again later, as of that position
        for cut in cuts {
            for (i, command) in Self.commands.enumerated() {
                let r = try cli.run(command + ["--at-position", String(cut)])
                // Then it prints the same bytes
                #expect("\(r.status)\n\(r.stdout)" == captured[cut]![i], "\(command.joined(separator: " ")) at position \(cut)")
            }
        }
        // and the outputs did change along the way (the test can fail)
        #expect(Set(cuts.map { captured[$0]![3] }).count > 2)
        #expect(captured[lines.count]![1].contains("killed/people"))
    }

    @Test("the seed annotation gives the expected Atmeh and al-Kabr figures")
    func seedExpectations() throws {
        let cli = try CLI()
        try #require(cli.run("demo", "--ledger", cli.ledger).status == 0)
        let out = try cli.run("consensus", "--all", "--format", "json")
        try #require(out.status == 0, "\(out.stderr)")
        let all = try JSONDecoder().decode([Consensus].self, from: Data(out.stdout.utf8))
        func figure(_ incident: String, _ figure: String, _ group: String?) throws -> Consensus {
            try #require(all.first { $0.incident == incident && $0.figure == figure && $0.group == group }, "\(incident) \(figure)/\(group ?? "")")
        }
        let people = try figure(Self.atmeh, "killed", "people")
        #expect(people.best == 13 && (people.low ?? 99) <= 10 && people.high == 13)
        let children = try figure(Self.atmeh, "killed", "children")
        #expect(children.best == 6 && (children.low ?? 99) <= 2 && (children.high ?? 0) >= 7)
        let us = try figure(Self.atmeh, "killed", "us_personnel")
        #expect(us.best == 0 && us.originators == 1 && us.grade == .weak)
        let militants = try figure(Self.kabr, "killed", "militants")
        #expect(militants.grade == .contested)
        #expect(Set(militants.supporting.compactMap(\.value) + militants.contradicting.compactMap(\.value)) == ["14", "17"])
    }

    @Test("the demo prints each incident's consensus and the history of the Atmeh death toll")
    func demoPrintsProjections() throws {
        let cli = try CLI()
        let out = try cli.run("demo", "--ledger", cli.ledger)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("== Consensus per incident"))
        #expect(out.stdout.contains("== \(Self.kabr)"))
        #expect(out.stdout.contains("== History of the Atmeh death toll"))
        #expect(out.stdout.contains("→ best 13"))
    }

    @Test("consensus CSV has exactly the documented columns")
    func consensusCSV() throws {
        let cli = try CLI()
        try #require(cli.run("demo", "--ledger", cli.ledger).status == 0)
        let csv = try cli.run("consensus", Self.atmeh, "--format", "csv").stdout.split(separator: "\n")
        #expect(csv.first == "incident,figure,group,best,low,high,grade,originators,claims")
        #expect(csv.contains { $0.hasPrefix("\(Self.atmeh),killed,people,13,") })
    }

    @Test("explain shows provenance, and a quote that no longer matches the stored text is an error")
    func explainChecksQuotes() throws {
        let cli = try CLI()
        try #require(cli.run("demo", "--ledger", cli.ledger).status == 0)
        let good = try cli.run("explain", Self.atmeh, "killed", "children")
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("matches the stored text") && good.stdout.contains("hash ") && good.stdout.contains("extractor"))
        #expect(!good.stdout.contains("MISMATCH"))
        // A categorical figure shows each label's weight and probability, and why they differ
        let outcome = try cli.run("explain", Self.atmeh, "outcome").stdout
        #expect(outcome.contains("vote failure: weight ") && outcome.contains("vote success: weight ") && outcome.contains("→ probability"))
        #expect(outcome.contains("best success") == outcome.contains("(the probabilities multiply the odds"))
        // and the label prior behind the probabilities: flat, since only this incident has an outcome
        #expect(outcome.contains("(label prior 0.500)"))
        // When a report text is altered behind the ledger's back
        let edit = try CLI.shell("""
            sqlite3 claims.sqlite "DROP TRIGGER events_are_immutable; UPDATE events SET payload = replace(payload, 'children', 'chxldren') WHERE type = 'report_ingested';"
            """, in: cli.folder)
        try #require(edit.status == 0, "\(edit.stderr)")
        let bad = try cli.run("explain", Self.atmeh, "killed", "children")
        // Then the mismatch is shown as such and the command fails
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("QUOTE MISMATCH"))
        #expect(bad.stderr.contains("claims verify"))
    }

    @Test("usage errors say what to do")
    func errors() throws {
        let cli = try CLI()
        try #require(cli.run("demo", "--ledger", cli.ledger).status == 0)
        let none = try cli.run("consensus")
        #expect(none.status != 0 && none.stderr.contains("--all"))
        let unknown = try cli.run("consensus", "nowhere")
        #expect(unknown.status == 1 && unknown.stderr.contains("claims incidents"))
        let group = try cli.run("history", Self.atmeh, "killed", "aliens")
        #expect(group.status == 1 && group.stderr.contains("groups with claims") && group.stderr.contains("children"))
        let time = try cli.run("consensus", Self.atmeh, "--published-before", "yesterday-ish")
        #expect(time.status != 0 && time.stderr.contains("--published-before needs a time") && !time.stderr.contains("unknown"))
        let unknownTime = try cli.run("consensus", Self.atmeh, "--recorded-before", "unknown")
        #expect(unknownTime.status != 0 && unknownTime.stderr.contains("--recorded-before needs a time, not \"unknown\""))
        // A position past the end of the ledger is refused, by every command that takes one
        for command in [["consensus", "--all"], ["incidents"], ["reliability"], ["history", Self.atmeh, "killed", "people"]] {
            let beyond = try cli.run(command + ["--at-position", "100000"])
            #expect(beyond.status == 1 && beyond.stderr.contains("--at-position 100000 is beyond the end of the ledger"), "\(command): \(beyond.stderr)")
        }
        // A negative position is named as such, not taken for a missing value
        let negative = try cli.run("consensus", "--all", "--at-position", "-1")
        #expect(negative.status != 0 && negative.stderr.contains("--at-position must be 0 or more"), "\(negative.stderr)")
        #expect(try cli.run("log", "--from", "-3").stderr.contains("--from must be 0 or more"))
    }

    @Test("published-before leaves out later reports")
    func publishedBefore() throws {
        let cli = try CLI()
        try #require(cli.run("demo", "--ledger", cli.ledger).status == 0)
        let early = try cli.run("consensus", Self.atmeh, "--format", "csv", "--published-before", "2000-01-01")
        #expect(early.status == 0)
        #expect(early.stdout == "incident,figure,group,best,low,high,grade,originators,claims\n")
        let now = try cli.run("consensus", Self.atmeh, "--format", "csv", "--published-before", "2100-01-01")
        #expect(now.stdout == (try cli.run("consensus", Self.atmeh, "--format", "csv").stdout))
    }

    @Test("incidents honours --published-before: the incidents and claim counts the consensus sees as of that time")
    func incidentsPublishedBefore() throws {
        // Given the seed ledger (reports of 2022-02-03 06:17Z and 09:08Z, of that day, of 2023-07-10, and of unknown time)
        let cli = try CLI()
        try #require(cli.run("demo", "--ledger", cli.ledger).status == 0)
        let now = try cli.run("incidents", "--format", "csv")
        try #require(now.status == 0, "\(now.stderr)")
        // When nothing had been published yet, nothing is listed (the demo opened its incidents after 2000)
        #expect(try cli.run("incidents", "--published-before", "2000-01-01").stdout == "no incidents\n")
        // A cutoff after everything lists what the ledger holds now
        #expect(try cli.run("incidents", "--format", "csv", "--published-before", "2100-01-01").stdout == now.stdout)
        // At 08:00Z on the day of the raid only the Atmeh report of 06:17Z had been published
        let early = try cli.run("incidents", "--format", "json", "--published-before", "2022-02-03T08:00Z")
        let earlyRows = try JSONDecoder().decode([IncidentSummary].self, from: Data(early.stdout.utf8))
        #expect(earlyRows.map(\.incident) == [Self.atmeh])
        let all = try JSONDecoder().decode([IncidentSummary].self, from: Data(try cli.run("incidents", "--format", "json").stdout.utf8))
        #expect(earlyRows[0].claims < all.first { $0.incident == Self.atmeh }!.claims)
        // Then at every cutoff the listing counts exactly the claims and figures the consensus uses
        for cutoff in ["2022-02-03T07:00Z", "2022-02-03T08:00Z", "2022-02-04", "2023-07-09", "2024", "2100"] {
            let listed = try JSONDecoder().decode([IncidentSummary].self,
                                                  from: Data(try cli.run("incidents", "--format", "json", "--published-before", cutoff).stdout.utf8))
            let consensus = try cli.run("consensus", "--all", "--format", "json", "--published-before", cutoff)
            try #require(consensus.status == 0, "\(consensus.stderr)")
            let figures = try JSONDecoder().decode([Consensus].self, from: Data(consensus.stdout.utf8))
            let withClaims = listed.filter { $0.claims > 0 }
            #expect(Set(withClaims.map(\.incident)) == Set(figures.map(\.incident)), "\(cutoff)")
            for incident in withClaims {
                let own = figures.filter { $0.incident == incident.incident }
                #expect(incident.figures == own.count, "\(incident.incident) before \(cutoff)")
                #expect(incident.claims == own.map(\.claims).reduce(0, +), "\(incident.incident) before \(cutoff)")
            }
        }
    }

    @Test("rebuild recomputes the tables and changes nothing the commands print")
    func rebuild() throws {
        let cli = try CLI()
        try #require(cli.run("demo", "--ledger", cli.ledger).status == 0)
        let before = try cli.run("reliability").stdout
        let rebuilt = try cli.run("rebuild")
        #expect(rebuilt.status == 0 && rebuilt.stdout.contains("rebuilt projections at position"))
        #expect(try cli.run("reliability").stdout == before)
        #expect(try cli.run("verify").status == 0)
    }

    @Test("evaluate truth refuses malformed gold and metadata, naming the file and line", arguments: [
        ("truth.csv", "junk\no1,population,5\n", "truth.csv:1: the header is \"junk\""),
        ("truth.csv", "object,attribute,value\no1,population\n", "truth.csv:2: expected 3 fields"),
        ("truth.csv", "object,attribute,value\no1,population,\"5\n", "truth.csv:2: a quoted field is not closed"),
        ("meta.json", "{\"kind\": \"numeric\"", "meta.json: is not a JSON object"),
        ("meta.json", "{\"kind\": \"numerical\"}", "meta.json: kind is numerical; it is one of numeric, categorical"),
    ])
    func evaluateTruthRefusesBadFiles(file: String, contents: String, message: String) throws {
        let cli = try CLI()
        let dir = try cli.truthSet("set", ["claims.csv": "object,attribute,source,value\no1,population,a,5\n",
                                           "truth.csv": "object,attribute,value\no1,population,5\n"])
        #expect(try cli.run("evaluate", "truth", dir.path).status == 0)
        try contents.write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
        let result = try cli.run("evaluate", "truth", dir.path)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("evaluate truth imports a set, scores it and prints the baselines, in seconds for 25k claims")
    func evaluateTruth() throws {
        // Given a numeric set of 2,500 objects × 10 sources: six honest, four that add noise
        let cli = try CLI()
        var claims = "object,attribute,source,value\n", truth = "object,attribute,value\n"
        var g = SystemRandomNumberGenerator()
        for o in 0..<2_500 {
            let value = 1000 + o * 7
            truth += "o\(o),population,\(value)\n"
            for s in 0..<10 { claims += "o\(o),population,src\(s),\(s < 6 ? value : value + Int.random(in: 1...500, using: &g))\n" }
        }
        let dir = try cli.truthSet("synthetic", ["claims.csv": claims, "truth.csv": truth, "meta.json": #"{"name": "synthetic", "kind": "numeric"}"#])
        // When evaluated
        let start = Date()
        let out = try cli.run("evaluate", "truth", dir.path, "--format", "json")
        let seconds = Date().timeIntervalSince(start)
        // Then the honest majority wins everywhere, and it took seconds
        #expect(out.status == 0, "\(out.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]]).first
        let score = try #require(result?["score"] as? [String: Any])
        #expect(score["items"] as? Int == 2_500)
        #expect(score["errorRate"] as? Double == 0)
        #expect(result?["claims"] as? Int == 25_000)
        #expect(seconds < 60, "took \(seconds) s")
        let table = try cli.run("evaluate", "truth", dir.path)
        #expect(table.stdout.contains("majority vote") && table.stdout.contains("ERROR RATE"))
    }

    @Test func hierarchicalSetsAndConsensusNestLabels() throws {
        // Given a hierarchical set: two cities in one state; sources a and b only ever name the state,
        // c and d name the city (q's city written once by id)
        let cli = try CLI()
        let hierarchy = "id,name,parent_id\nus,United States,\nca,California,us\nla,Los Angeles,ca\nsf,San Francisco,ca\n"
        var claims = "object,attribute,source,value\n"
        var truth = "object,attribute,value\n"
        for (object, city) in [("p1", "Los Angeles"), ("p2", "San Francisco"), ("p3", "Los Angeles"), ("p4", "San Francisco")] {
            claims += "\(object),born,a,California\n\(object),born,b,California\n\(object),born,c,\(city)\n\(object),born,d,\(city)\n"
            truth += "\(object),born,\(city)\n"
        }
        claims += "q,born,a,California\nq,born,c,sf\nq,born,d,San Francisco\n"
        truth += "q,born,San Francisco\n"
        // r: the city-naming sources stop at the state, and one other source names a city in it
        claims += "r,born,a,California\nr,born,b,California\nr,born,c,California\nr,born,d,California\nr,born,e,Los Angeles\n"
        truth += "r,born,California\n"
        let dir = try cli.truthSet("places", ["hierarchy.csv": hierarchy, "claims.csv": claims, "truth.csv": truth,
                                              "meta.json": #"{"name": "places", "kind": "hierarchical"}"#])
        // When evaluated, the hierarchical measures are printed
        let table = try cli.run("evaluate", "truth", dir.path)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("GEN. ACCURACY") && table.stdout.contains("MEAN DISTANCE"))
        let json = try cli.run("evaluate", "truth", dir.path, "--format", "json")
        let score = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])?.first?["score"] as? [String: Any])
        // Every city is found: the state's claims do not speak against it, and sf is San Francisco
        #expect(score["accuracy"] as? Double == 1 && score["generalisedAccuracy"] as? Double == 1 && score["meanDistance"] as? Double == 0)

        // And `claims consensus --hierarchy` nests labels in a ledger
        _ = try cli.run("init")
        #expect(try cli.run("import", "--format", "claims-csv", dir.appendingPathComponent("claims.csv").path).status == 0)
        let flat = try cli.run("consensus", "q", "--format", "csv")
        let nested = try cli.run("consensus", "q", "--format", "csv", "--hierarchy", dir.appendingPathComponent("hierarchy.csv").path)
        #expect(flat.stdout.contains(",1,3\n"), "without it the three answers differ: \(flat.stdout)")
        // (shown as the first claim in the ledger wrote it)
        #expect(nested.stdout.contains("q,born,,sf,,,"), "\(nested.stdout)")
        #expect(nested.stdout.contains(",3,3\n"), "all three sources support it: \(nested.stdout)")
        // explain says why the heavier label (every claim at or above Los Angeles) is not the likelier one
        let explained = try cli.run("explain", "r", "born", "--hierarchy", dir.appendingPathComponent("hierarchy.csv").path)
        #expect(explained.stdout.hasPrefix("r born: best California"), "\(explained.stdout)")
        #expect(explained.stdout.contains("(labels nest:") && !explained.stdout.contains("confusion matrix"), "\(explained.stdout)")
        // A broken hierarchy names the file and line, and nothing is printed
        let bad = cli.folder.appendingPathComponent("bad.csv")
        try "id,name,parent_id\nus,United States,\nca,California,xx\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try cli.run("consensus", "q", "--hierarchy", bad.path)
        #expect(refused.status != 0 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("bad.csv:3: parent_id xx is not the id of any row"), "\(refused.stderr)")
    }

    @Test("evaluate truth keeps the codes of categorical and hierarchical sets as written (06037 is not 6037)")
    func codesWithLeadingZeros() throws {
        let cli = try CLI()
        func evaluate(_ files: [String: String]) throws -> [String: Any] {
            let dir = try cli.truthSet(UUID().uuidString, files)
            let out = try cli.run("evaluate", "truth", dir.path, "--format", "json")
            #expect(out.status == 0, "\(out.stderr)")
            return try #require((try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])?.first)
        }
        // Given counties under their state, by FIPS id, in a folder that declares no kind
        let places = try evaluate([
            "hierarchy.csv": "id,name,parent_id\n06,California,\n06037,Los Angeles County,06\n06075,San Francisco County,06\n",
            "claims.csv": "object,attribute,source,value\np1,b,s1,06037\np1,b,s2,06037\np2,b,s1,06075\np2,b,s2,06\n",
            "truth.csv": "object,attribute,value\np1,b,06037\np2,b,06075\n",
        ])
        // Then both counties are found, by the consensus and by majority vote
        #expect((places["score"] as? [String: Any])?["accuracy"] as? Double == 1)
        #expect((places["majorityVote"] as? [String: Any])?["generalisedAccuracy"] as? Double == 1)
        // Given zip codes in a categorical set (its kind written in capitals), one object given 2139 for gold 02139
        let zips = try evaluate([
            "meta.json": #"{"kind": " Categorical"}"#,
            "claims.csv": "object,attribute,source,value\np1,zip,s1,02139\np1,zip,s2,02139\np2,zip,s1,2139\np2,zip,s2,2139\n",
            "truth.csv": "object,attribute,value\np1,zip,02139\np2,zip,02139\n",
        ])
        // Then 2139 is another code
        #expect((zips["score"] as? [String: Any])?["accuracy"] as? Double == 0.5)
        #expect((zips["majorityVote"] as? [String: Any])?["accuracy"] as? Double == 0.5)
    }

    @Test("evaluate truth warns about gold rows that no claim is about, and counts them")
    func goldWithoutClaims() throws {
        // Given ten objects, nine of which truth.csv writes in another case than claims.csv
        let cli = try CLI()
        var claims = "object,attribute,source,value\n", truth = "object,attribute,value\n"
        for o in 0..<10 {
            claims += "Obj\(o),p,s1,\(o)\nObj\(o),p,s2,\(o)\n"
            truth += "\(o == 9 ? "Obj" : "obj")\(o),p,\(o)\n"
        }
        let dir = try cli.truthSet("partial", ["claims.csv": claims, "truth.csv": truth])
        // When evaluated
        let out = try cli.run("evaluate", "truth", dir.path, "--format", "json")
        // Then the nine are named on standard error with the first one's line, and counted in the JSON
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("truth.csv: 9 of 10 gold rows name no claimed object and attribute (first: line 2, obj0,p); they are not scored"),
                "\(out.stderr)")
        let result = try #require((try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])?.first)
        #expect(result["goldRowsWithoutClaims"] as? Int == 9)
        #expect((result["score"] as? [String: Any])?["items"] as? Int == 1)
        #expect(try cli.run("evaluate", "truth", dir.path).stdout.contains("1 gold items with claims, 9 gold rows without claims, not scored"))
        // and once the names match, there is nothing to say
        try claims.lowercased().replacingOccurrences(of: "obj9", with: "Obj9").write(to: dir.appendingPathComponent("claims.csv"), atomically: true, encoding: .utf8)
        let matched = try cli.run("evaluate", "truth", dir.path, "--format", "json")
        #expect(!matched.stderr.contains("not scored"), "\(matched.stderr)")
        let all = try #require((try JSONSerialization.jsonObject(with: Data(matched.stdout.utf8)) as? [[String: Any]])?.first)
        #expect(all["goldRowsWithoutClaims"] as? Int == 0 && (all["score"] as? [String: Any])?["items"] as? Int == 10)
    }

    @Test("evaluate truth names claims.csv and its line when a multi-valued set's claims cannot be read", arguments: [
        ("object,attribute,source,value\nb1,author,s1,\"John Smith\nb1,author,s2,John Smith\n", "claims.csv:2: a quoted field is not closed"),
        ("object,attribute,source,value\n", "claims.csv: the table has a header and no rows"),
        ("object,attribute,source,value\nb1,author,s1,John Smith,extra\n", "claims.csv:2: expected 4 fields, as the header has, found 5"),
        ("object,attribute,source,value\nb1,author,s1,Ann\nb1,author,,Bob\n", "claims.csv:3: field \"source\": is empty"),
        ("object,attribute,source,value\nb1,author,s1,\(String(repeating: "x", count: 199))\n", "claims.csv: an item its lists imply"),
    ])
    func multiValuedErrorsNameClaimsCSV(claims: String, message: String) throws {
        let cli = try CLI()
        let dir = try cli.truthSet("books", ["claims.csv": claims, "truth.csv": "object,attribute,value\nb1,author,John Smith\n",
                                             "meta.json": #"{"kind": "multi-valued"}"#])
        let result = try cli.run("evaluate", "truth", dir.path)
        #expect(result.status != 0)
        #expect(result.stderr.contains(dir.appendingPathComponent(message).path) && !result.stderr.contains("yes-no"), "\(result.stderr)")
    }

    @Test func oneBadFolderDoesNotStopTheOthers() throws {
        // Given a good set and one whose claims.csv has an unclosed quote
        let cli = try CLI()
        var dirs: [URL] = []
        for (name, claims) in [("good", "object,attribute,source,value\na,n,s1,10\na,n,s2,10\n"), ("bad", "object,attribute,source,value\na,n,s1,\"10\n")] {
            dirs.append(try cli.truthSet(name, ["claims.csv": claims, "truth.csv": "object,attribute,value\na,n,10\n"]))
        }
        // When both are evaluated, the bad one first
        for format in ["table", "json"] {
            let result = try cli.run("evaluate", "truth", dirs[1].path, dirs[0].path, "--format", format)
            // Then the good one is still scored, the bad one's error names its file and line, and the run fails
            #expect(result.status != 0)
            #expect(result.stdout.contains("\"good\"") || result.stdout.contains("good (numeric"), "\(result.stdout)")
            #expect(result.stderr.contains(dirs[1].appendingPathComponent("claims.csv").path + ":2"), "\(result.stderr)")
        }
    }

    @Test func multiValuedSetsAreScoredAsSetsOfValues() throws {
        // Given books with several authors: three sources agree on two authors, one adds a third
        let cli = try CLI()
        var claims = "object,attribute,source,value\n"
        for s in ["s1", "s2", "s3"] { claims += "b,authors,\(s),Ann\nb,authors,\(s),Bob\n" }
        claims += "b,authors,s4,Ann\nb,authors,s4,Cy\n"
        let dir = try cli.truthSet("books", ["claims.csv": claims, "truth.csv": "object,attribute,value\nb,authors,Ann\nb,authors,Bob\n",
                                             "meta.json": #"{"name": "books", "kind": "multi-valued"}"#])
        // When evaluated
        let table = try cli.run("evaluate", "truth", dir.path)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("EXACT SETS") && table.stdout.contains("PRECISION") && table.stdout.contains("8 claims"), "\(table.stdout)")
        // Then the set {Ann, Bob} is found exactly: Cy, listed by one source of four, is left out
        let json = try cli.run("evaluate", "truth", dir.path, "--format", "json")
        let score = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])?.first?["score"] as? [String: Any])
        #expect(score["accuracy"] as? Double == 1 && score["f1"] as? Double == 1)
    }

    @Test("every projection command has help text for every option",
          arguments: ["incidents", "consensus", "reliability", "history", "explain", "rebuild", "evaluate truth", "evaluate speed"])
    func help(command: String) throws {
        let result = try CLI().run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("OVERVIEW:"))
        // An option with no help text ends its line after its name, and no indented help follows
        // (long option names put their help on the next line).
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let bare = lines.indices.filter { i in
            lines[i].hasPrefix("  -") && !lines[i].dropFirst(4).contains("  ")
                && !(i + 1 < lines.count && lines[i + 1].hasPrefix("          ") && !lines[i + 1].trimmingCharacters(in: .whitespaces).isEmpty)
        }.map { lines[$0] }
        #expect(bare.isEmpty, "options without help: \(bare)")
    }
}
