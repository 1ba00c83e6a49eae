import Foundation
import Testing

@Suite("Durability", .serialized)
struct DurabilityTests {
    /// A claims table of `rows` rows over 500 objects and 200 sources.
    static func table(rows: Int) -> String {
        var csv = "object,attribute,source,value\n"
        csv.reserveCapacity(rows * 40)
        for i in 0..<rows { csv += "city-\(i % 500),population,editor-\(i % 200),\(100_000 + i)\n" }
        return csv
    }

    @Test("an import killed part-way leaves a verifiable ledger, and running it again completes it exactly")
    func killedImport() throws {
        let cli = try CLI()
        try #require(cli.run("init").status == 0)
        let rows = 150_000
        let csv = try cli.write("big.csv", DurabilityTests.table(rows: rows))
        let wal = cli.ledger + "-wal"

        // Start the import and kill it once its transaction has written to the WAL.
        let (process, _, _) = try cli.start(["import", "--format", "claims-csv", csv])
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline {
            let size = ((try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int) ?? 0
            if size > 4 << 20 { break }
            usleep(20_000)
        }
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(wasRunning, "the import finished before it could be killed; make the table larger")
        #expect(process.terminationReason == .uncaughtSignal)

        let verify = try cli.run("verify")
        #expect(verify.status == 0, "\(verify.stderr)")

        let rerun = try cli.run("import", "--format", "claims-csv", csv)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let stats = try cli.run("stats").stdout
        // One report, 500 incidents, 200 sources and one claim per row: nothing lost, nothing twice.
        #expect(stats.contains("events     \(1 + 500 + 200 + rows)"), "\(stats)")
        #expect(stats.contains("claims     \(rows) (0 withdrawn)"), "\(stats)")
        #expect(try cli.run("verify").status == 0)
        #expect(try cli.run("import", "--format", "claims-csv", csv).stdout.contains("0 events appended"))
    }

    @Test("two processes appending to one ledger at once lose nothing and never fork the chain")
    func concurrentAppends() throws {
        let cli = try CLI()
        try #require(cli.run("init").status == 0)
        let batches = 15, perBatch = 40
        for writer in ["a", "b"] {
            for batch in 0..<batches {
                let lines = (0..<perBatch).map { i in
                    #"{"type":"source_registered","schema_version":1,"payload":{"source_id":"\#(writer)-\#(batch)-\#(i)","name":"Source \#(writer) \#(batch) \#(i)","kind":"unknown"}}"#
                }
                try cli.write("\(writer)-\(batch).ndjson", lines.joined(separator: "\n"))
            }
        }
        let claims = CLI.executable.path
        let loop = { (writer: String) in
            "for i in $(seq 0 \(batches - 1)); do \"\(claims)\" append --ledger claims.sqlite \(writer)-$i.ndjson >/dev/null || exit 1; done"
        }

        // Both writers run their loops at the same time; each append waits for the other's lock.
        let writers = try ["a", "b"].map { writer in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", loop(writer)]
            process.currentDirectoryURL = cli.folder
            try process.run()
            return process
        }
        writers.forEach { $0.waitUntilExit() }

        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        #expect(try cli.run("stats").stdout.contains("events     \(2 * batches * perBatch)"))
        #expect(try cli.run("verify").status == 0)
        let positions = try cli.run("log", "--json").stdout.split(separator: "\n").count
        #expect(positions == 2 * batches * perBatch)
    }
}
