import ArgumentParser
import Events
import Foundation
import GRDB
import Ledger
import Projections

@main
struct ClaimsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims-bench",
        abstract: "Benchmark the ledger on a synthetic workload, side by side with a plain SQLite insert and Python eventsourcing.",
        discussion: """
            For each size: generates a deterministic synthetic ledger (seeded), appends it through the store \
            (one transaction, projections not refreshed), and in the same pass inserts the same rows into a plain \
            SQLite table (one transaction, one prepared statement) and writes them for the Python eventsourcing \
            library (Scripts/eventsourcing-append.py). Then times verify, a full projection rebuild, an incremental \
            update after one append, on-demand consensus of one incident, and as-of queries; reads peak RSS per \
            phase; and scores the consensus and the reliability ranking against the generator's known truth. \
            Build with `swift build -c release` and run .build/release/claims-bench.
            """)

    @Option(name: .customLong("sizes"), parsing: .upToNextOption,
            help: ArgumentHelp("Ledger sizes in events.", valueName: "n"))
    var sizes: [Int] = [10_000, 100_000, 1_000_000]
    @Flag(help: "Smoke test: one small size, few samples; checks the benchmark works, not that the machine is fast.")
    var quick = false
    @Option(help: ArgumentHelp("Seed of the synthetic workload.", valueName: "n"))
    var seed: UInt64 = 7
    @Option(help: ArgumentHelp("Incidents timed for on-demand consensus.", valueName: "n"))
    var samples: Int = 1_000
    @Option(help: ArgumentHelp("As-of queries timed per size (each folds the log up to a position); default scales with size.", valueName: "n"))
    var asOfSamples: Int?
    @Flag(help: "Skip the Python eventsourcing comparison.")
    var noPython = false
    @Option(help: ArgumentHelp("python3 to run Scripts/eventsourcing-append.py with.", valueName: "path"))
    var python = "python3"
    @Option(help: ArgumentHelp("Folder for the scratch ledgers (removed afterwards).", valueName: "dir"))
    var workDir: String?
    @Option(help: ArgumentHelp("Also write the results as JSON to this file.", valueName: "path"))
    var json: String?

    func validate() throws {
        if sizes.isEmpty || sizes.contains(where: { $0 < 1_000 }) { throw ValidationError("--sizes takes sizes of at least 1000 events, e.g. --sizes 10000 100000") }
        if samples < 1 { throw ValidationError("--samples must be at least 1") }
    }

    func run() throws {
        let sizes = quick ? [3_000] : self.sizes
        let scratch = URL(fileURLWithPath: workDir ?? FileManager.default.temporaryDirectory.path)
            .appendingPathComponent("claims-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let script = ClaimsBench.pythonScript()
        var results: [SizeResult] = []
        for size in sizes {
            let dir = scratch.appendingPathComponent("\(size)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            var runner = SizeRun(size: size, seed: seed, dir: dir, samples: quick ? 50 : samples,
                                 asOfSamples: asOfSamples ?? (quick ? 3 : max(2, min(20, 200_000 / size))),
                                 python: noPython ? nil : (python, script))
            let result = try runner.run()
            results.append(result)
            try? FileManager.default.removeItem(at: dir)
            if quick { try result.check() }
        }
        print(Report.machine())
        print(Report.table(results))
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(results).write(to: URL(fileURLWithPath: json))
        }
        if quick { print("quick: OK (the benchmark ran end to end and the ledger verified; figures at this size say little about speed)") }
    }

    /// Scripts/eventsourcing-append.py next to the package this binary was built from.
    static func pythonScript() -> String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Scripts/eventsourcing-append.py").path
    }
}

/// Everything measured at one size.
struct SizeResult: Codable {
    var events = 0
    var claims = 0
    var incidents = 0
    var sources = 0
    // Import: building NewEvents (validation, canonical JSON) and appending them.
    var importSeconds = 0.0
    var encodeSeconds = 0.0
    var appendSeconds = 0.0
    var importPeakRSSMB = 0.0
    var plainSeconds = 0.0
    var pythonSeconds: Double?
    var pythonVersion: String?
    var pythonNote: String?
    var verifySeconds = 0.0
    var rebuildSeconds = 0.0
    /// Seconds spent reading and decoding the log, learning and projecting, writing the tables.
    var rebuildPhases: [Double] = []
    var rebuildPeakRSSMB = 0.0
    var incrementalAppendMS = 0.0
    var incrementalRefreshSeconds = 0.0
    var consensusP50MS = 0.0
    var consensusP99MS = 0.0
    var consensusSamples = 0
    var asOfP50MS = 0.0
    var asOfP99MS = 0.0
    var asOfSamples = 0
    var peakRSSMB = 0.0
    var bytesPerEvent = 0.0
    // Against the generator's truth.
    var consensusMedianRelativeError = 0.0
    var consensusWithin10Percent = 0.0
    var naiveMedianRelativeError = 0.0
    var scoredIncidents = 0
    var reliabilitySpearman = 0.0
    var rankedSources = 0
    var biasPearson: Double?
    var verified = false

    var importRate: Double { Double(events) / importSeconds }
    var appendRate: Double { Double(events) / appendSeconds }
    var plainRate: Double { Double(events) / plainSeconds }
    var pythonRate: Double? { pythonSeconds.map { Double(events) / $0 } }

    func check() throws {
        guard verified else { throw ValidationError("quick: the ledger did not verify") }
        guard events > 0, importSeconds > 0, rebuildSeconds > 0, consensusSamples > 0 else { throw ValidationError("quick: a phase did not run") }
        guard scoredIncidents > 0, consensusMedianRelativeError.isFinite else { throw ValidationError("quick: no incident could be scored against the truth") }
    }
}

/// Peak resident set size, read from /proc/self/status (VmHWM), and its reset.
enum Memory {
    static func peakMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
            return kb / 1024
        }
        return .nan
    }

    /// Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0), so each phase's
    /// peak can be read on its own.
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func percentile(_ sorted: [Double], _ q: Double) -> Double {
    sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))]
}

struct SizeRun {
    let size: Int
    let seed: UInt64
    let dir: URL
    let samples: Int
    let asOfSamples: Int
    let python: (command: String, script: String)?
    var result = SizeResult()

    init(size: Int, seed: UInt64, dir: URL, samples: Int, asOfSamples: Int, python: (String, String)?) {
        self.size = size
        self.seed = seed
        self.dir = dir
        self.samples = samples
        self.asOfSamples = asOfSamples
        self.python = python
    }

    mutating func log(_ message: String) {
        FileHandle.standardError.write(Data("[\(size)] \(message)\n".utf8))
    }

    mutating func run() throws -> SizeResult {
        let ledgerPath = dir.appendingPathComponent("ledger.sqlite").path
        guard let store = try LedgerStore.create(at: ledgerPath) else { throw ValidationError("\(ledgerPath) exists") }
        var workload = Workload(seed: seed, targetEvents: size)
        let eventsPath = dir.appendingPathComponent("events.tsv").path
        try importAll(store: store, workload: &workload, eventsPath: eventsPath)
        result.sources = workload.sources.count
        result.incidents = workload.truth.count
        result.claims = workload.claimCount
        result.bytesPerEvent = Double(["", "-wal"].map { fileSize(ledgerPath + $0) }.reduce(0, +)) / Double(result.events)
        log(String(format: "import %.0f events/s (append only %.0f), plain insert %.0f rows/s", result.importRate, result.appendRate, result.plainRate))

        runPython(eventsPath: eventsPath)
        try? FileManager.default.removeItem(atPath: eventsPath)

        var start = now()
        let (checked, firstBreak) = try store.verify()
        result.verifySeconds = now() - start
        result.verified = firstBreak == nil && checked == Int64(result.events)
        log(String(format: "verify %.0f events/s", Double(result.events) / result.verifySeconds))

        Memory.resetPeak()
        start = now()
        let rebuild = try store.rebuildProjections()
        result.rebuildSeconds = now() - start
        result.rebuildPeakRSSMB = Memory.peakMB()
        result.rebuildPhases = [rebuild.foldSeconds, rebuild.projectSeconds, rebuild.writeSeconds]
        log(String(format: "rebuild %.0f events/s, peak RSS %.0f MB (fold %.2f s, learn and project %.2f s, write %.2f s)",
                   Double(result.events) / result.rebuildSeconds, result.rebuildPeakRSSMB, rebuild.foldSeconds, rebuild.projectSeconds, rebuild.writeSeconds))

        try incremental(store: store, workload: &workload)
        try onDemand(store: store)
        try asOf(store: store)
        try scoreAgainstTruth(store: store, workload: workload)
        result.peakRSSMB = max(result.importPeakRSSMB, result.rebuildPeakRSSMB, Memory.peakMB())
        return result
    }

    func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    /// Appends the workload through the store and, in the same pass, the same rows into a plain
    /// table and the Python script's input. Only the store's and the plain insert's own work is timed.
    mutating func importAll(store: LedgerStore, workload: inout Workload, eventsPath: String) throws {
        let plainQueue = try DatabaseQueue(path: dir.appendingPathComponent("plain.sqlite").path)
        try plainQueue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: """
                CREATE TABLE events (position INTEGER PRIMARY KEY, id TEXT NOT NULL, stream TEXT NOT NULL, type TEXT NOT NULL,
                                     schema_version INTEGER NOT NULL, recorded_at TEXT NOT NULL, actor TEXT NOT NULL, payload TEXT NOT NULL)
                """)
        }
        _ = FileManager.default.createFile(atPath: eventsPath, contents: nil)
        let out = python == nil ? nil : FileHandle(forWritingAtPath: eventsPath)
        defer { try? out?.close() }
        var encode = 0.0, append = 0.0, plain = 0.0, closureEnd = 0.0
        var count = 0
        let recordedAt = "2026-01-01T00:00:00.000Z"
        Memory.resetPeak()
        let start = now()
        var untimed = 0.0
        try store.write(actor: "bench", refreshingProjections: false) { appender in
            try plainQueue.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                let insert = try db.makeStatement(sql: "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                while true {
                    var t = now()
                    guard let chunk = workload.next(chunk: 1_000, limit: size) else { untimed += now() - t; break }
                    untimed += now() - t
                    t = now()
                    let events = try chunk.map { try NewEvent.checked($0) }
                    encode += now() - t
                    t = now()
                    for e in events {
                        guard try appender.append(e).isNew else { throw ValidationError("generator produced a duplicate event \(e.id)") }
                    }
                    append += now() - t
                    t = now()
                    for e in events {
                        count += 1
                        insert.setUncheckedArguments([count, e.id, e.stream, e.type, e.schemaVersion, recordedAt, "bench",
                                                      String(decoding: e.payloadJSON, as: UTF8.self)])
                        try insert.execute()
                    }
                    plain += now() - t
                    t = now()
                    if let out {
                        var data = Data()
                        for e in events {
                            data.append(contentsOf: e.stream.utf8); data.append(9)
                            data.append(contentsOf: e.type.utf8); data.append(9)
                            data.append(contentsOf: e.payloadJSON); data.append(10)
                        }
                        out.write(data)
                    }
                    untimed += now() - t
                }
                let t = now()
                try db.execute(sql: "COMMIT")
                plain += now() - t
            }
            closureEnd = now()
        }
        let commit = now() - closureEnd
        result.importPeakRSSMB = Memory.peakMB()
        result.events = count
        result.encodeSeconds = encode
        result.appendSeconds = append + commit
        result.importSeconds = encode + append + commit
        result.plainSeconds = plain
        _ = start
        _ = untimed
    }

    mutating func runPython(eventsPath: String) {
        guard let python else { result.pythonNote = "skipped (--no-python)"; log("python: skipped (--no-python)"); return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python.command, python.script, eventsPath, dir.appendingPathComponent("python.sqlite").path, "10000"]
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        do { try process.run() } catch {
            result.pythonNote = "skipped: cannot run \(python.command) (\(error))"
            log("python: \(result.pythonNote!)")
            return
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let object = try? JSONSerialization.jsonObject(with: output) as? [String: Any],
              let seconds = object["seconds"] as? Double, let n = object["events"] as? Int, n == result.events else {
            let why = process.terminationStatus == 3 ? "the eventsourcing package is missing (pip install 'eventsourcing>=9.5,<9.6')"
                : "the script failed: \(errors.split(separator: "\n").last ?? "no output")"
            result.pythonNote = "skipped: \(why)"
            log("python: \(result.pythonNote!)")
            return
        }
        result.pythonSeconds = seconds
        result.pythonVersion = object["version"] as? String
        log(String(format: "python eventsourcing %@: %.0f events/s", result.pythonVersion ?? "?", Double(n) / seconds))
    }

    /// One more report and claim about an existing incident, then the refresh that brings the
    /// materialised projections up to date.
    mutating func incremental(store: LedgerStore, workload: inout Workload) throws {
        let incident = "incident-1"
        let sentence = "Rescuers found 2 more bodies, raising the toll, Monitor 0 said."
        let report = ReportIngested(text: "Late update.\n" + sentence, outlet: workload.outlets.first!.id, title: "Late update",
                                    languages: ["en"], published: PartialTime(time: "2026-01-01T00:00:00Z", precision: .minute))
        let claim = ClaimAsserted(claimID: "late-1", reportID: report.reportID, incidentID: incident, figure: "killed", group: "people",
                                  value: .number(Double(workload.truth[incident]!.killed)), bound: .exact, originator: workload.sources[0].id,
                                  via: [report.outlet!], quotes: [Quote(text: sentence, start: 13, end: 13 + sentence.unicodeScalars.count)],
                                  extractor: Workload.extractor)
        var start = now()
        try store.append([try NewEvent.checked(report), try NewEvent.checked(claim)], actor: "bench", refreshingProjections: false)
        result.incrementalAppendMS = (now() - start) * 1000
        start = now()
        try store.refreshProjections()
        result.incrementalRefreshSeconds = now() - start
        log(String(format: "incremental: append %.1f ms, refresh %.2f s", result.incrementalAppendMS, result.incrementalRefreshSeconds))
    }

    mutating func onDemand(store: LedgerStore) throws {
        let ids = try store.incidentIDs()
        let step = max(1, ids.count / samples)
        var times: [Double] = []
        for i in stride(from: 0, to: ids.count, by: step).prefix(samples) {
            let start = now()
            guard let figures = try store.incidentConsensus(ids[i]), !figures.isEmpty else { throw ValidationError("no consensus for \(ids[i])") }
            times.append((now() - start) * 1000)
        }
        times.sort()
        result.consensusP50MS = percentile(times, 0.5)
        result.consensusP99MS = percentile(times, 0.99)
        result.consensusSamples = times.count
        log(String(format: "one-incident consensus p50 %.3f ms, p99 %.3f ms (%d incidents)", result.consensusP50MS, result.consensusP99MS, times.count))
    }

    /// As `claims consensus INCIDENT --at-position N` does it: fold the log up to N, project, pick
    /// the incident.
    mutating func asOf(store: LedgerStore) throws {
        var random = SeededRandom(seed: seed ^ 0xA5)
        var times: [Double] = []
        for _ in 0..<asOfSamples {
            let position = Int64(result.events / 2 + random.int(0...result.events / 2))
            let start = now()
            let context = try store.projections(asOfPosition: position).context
            let incident = context.state.incidents.keys.min() ?? ""
            _ = context.consensus(incident: incident)
            times.append((now() - start) * 1000)
        }
        times.sort()
        result.asOfP50MS = percentile(times, 0.5)
        result.asOfP99MS = percentile(times, 0.99)
        result.asOfSamples = times.count
        log(String(format: "as-of p50 %.0f ms, p99 %.0f ms (%d queries)", result.asOfP50MS, result.asOfP99MS, times.count))
    }

    /// Consensus error and reliability ranking against what the generator knows, read from the
    /// materialised projections (the output of ``ProjectionContext`` over the whole log).
    mutating func scoreAgainstTruth(store: LedgerStore, workload: Workload) throws {
        guard let snapshot = try store.materialisedSnapshot() else { throw ValidationError("projections are behind after a refresh") }
        var errors: [Double] = []
        for c in snapshot.consensus where c.figure == "killed" && c.group == "people" {
            guard let truth = workload.truth[c.incident], let best = c.best, c.incident != "incident-1" else { continue }
            errors.append(abs(best - Double(truth.killed)) / Double(max(1, truth.killed)))
        }
        errors.sort()
        result.scoredIncidents = errors.count
        result.consensusMedianRelativeError = percentile(errors, 0.5)
        result.consensusWithin10Percent = Double(errors.filter { $0 <= 0.1 }.count) / Double(max(1, errors.count))
        result.naiveMedianRelativeError = workload.naiveMedianRelativeError()

        let truthBySource = Dictionary(uniqueKeysWithValues: workload.originators.map { ($0.id, $0) })
        let ranked = snapshot.reliability.filter { truthBySource[$0.source] != nil && $0.scoredClaims >= 5 }
        result.rankedSources = ranked.count
        result.reliabilitySpearman = Stats.spearman(ranked.map { truthBySource[$0.source]!.reliability }, ranked.map(\.score))
        let biased = ranked.filter { $0.bias != nil }
        if biased.count >= 3 { result.biasPearson = Stats.pearson(biased.map { truthBySource[$0.source]!.bias }, biased.map { $0.bias! }) }
        log(String(format: "truth: median relative error %.3f (naive %.3f), within 10%% %.2f; reliability Spearman %.2f over %d sources",
                   result.consensusMedianRelativeError, result.naiveMedianRelativeError, result.consensusWithin10Percent,
                   result.reliabilitySpearman, result.rankedSources))
    }
}

enum Stats {
    static func ranks(_ xs: [Double]) -> [Double] {
        let order = xs.indices.sorted { xs[$0] < xs[$1] }
        var ranks = [Double](repeating: 0, count: xs.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, xs[order[j + 1]] == xs[order[i]] { j += 1 }
            for k in i...j { ranks[order[k]] = Double(i + j) / 2 }
            i = j + 1
        }
        return ranks
    }

    static func pearson(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        guard n > 1 else { return .nan }
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (x, y) in zip(a, b) { sab += (x - ma) * (y - mb); saa += (x - ma) * (x - ma); sbb += (y - mb) * (y - mb) }
        return sab / (saa * sbb).squareRoot()
    }

    static func spearman(_ a: [Double], _ b: [Double]) -> Double { pearson(ranks(a), ranks(b)) }
}

enum Report {
    static func machine() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "?"
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        return "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu), \(ProcessInfo.processInfo.physicalMemory >> 30) GB; load average \(load); SQLite \(sqliteVersion())"
    }

    static func sqliteVersion() -> String {
        (try? DatabaseQueue().read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") }) ?? nil ?? "?"
    }

    static func rate(_ r: Double) -> String {
        if !r.isFinite { return "–" }
        if r >= 1e6 { return String(format: "%.2fM/s", r / 1e6) }
        if r >= 1e3 { return String(format: "%.1fk/s", r / 1e3) }
        return String(format: "%.0f/s", r)
    }

    static func table(_ results: [SizeResult]) -> String {
        var rows: [[String]] = [["what"] + results.map { "\($0.events) events" }]
        func row(_ label: String, _ f: (SizeResult) -> String) { rows.append([label] + results.map(f)) }
        row("claims / incidents / sources") { "\($0.claims) / \($0.incidents) / \($0.sources)" }
        row("import (encode + append + commit)") { "\(rate($0.importRate)) (\(String(format: "%.2f s", $0.importSeconds)))" }
        row("  of which store append + commit") { rate($0.appendRate) }
        row("plain SQLite insert, same rows") { rate($0.plainRate) }
        row("import ÷ plain insert (time)") { String(format: "%.1f×", $0.importSeconds / $0.plainSeconds) }
        row("Python eventsourcing append") { r in r.pythonRate.map(rate) ?? (r.pythonNote ?? "–") }
        row("import ÷ Python (speed)") { r in r.pythonRate.map { String(format: "%.2f×", r.importRate / $0) } ?? "–" }
        row("verify") { rate(Double($0.events) / $0.verifySeconds) }
        row("full rebuild") { "\(rate(Double($0.events) / $0.rebuildSeconds)) (\(String(format: "%.1f s", $0.rebuildSeconds)))" }
        row("  fold / learn+project / write") {
            $0.rebuildPhases.count == 3 ? String(format: "%.1f / %.1f / %.1f s", $0.rebuildPhases[0], $0.rebuildPhases[1], $0.rebuildPhases[2]) : "–"
        }
        row("incremental: append 1 report + 1 claim") { String(format: "%.1f ms", $0.incrementalAppendMS) }
        row("incremental: refresh after it") { String(format: "%.2f s", $0.incrementalRefreshSeconds) }
        row("one-incident consensus p50 / p99") { String(format: "%.2f / %.2f ms", $0.consensusP50MS, $0.consensusP99MS) }
        row("as-of consensus p50 / p99 (n)") { String(format: "%.0f / %.0f ms (%d)", $0.asOfP50MS, $0.asOfP99MS, $0.asOfSamples) }
        row("peak RSS: import / rebuild") { String(format: "%.0f / %.0f MB", $0.importPeakRSSMB, $0.rebuildPeakRSSMB) }
        row("bytes on disk per event") { String(format: "%.0f", $0.bytesPerEvent) }
        row("verified") { $0.verified ? "yes" : "NO" }
        row("killed: median rel. error (naive)") { String(format: "%.3f (%.3f)", $0.consensusMedianRelativeError, $0.naiveMedianRelativeError) }
        row("killed: within 10% of truth") { String(format: "%.0f%% of %d", 100 * $0.consensusWithin10Percent, $0.scoredIncidents) }
        row("reliability Spearman (sources)") { String(format: "%.2f (%d)", $0.reliabilitySpearman, $0.rankedSources) }
        row("bias Pearson") { $0.biasPearson.map { String(format: "%.2f", $0) } ?? "–" }
        let widths = rows[0].indices.map { i in rows.map { $0[i].count }.max()! }
        var out = ""
        for (n, r) in rows.enumerated() {
            out += "| " + r.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |\n"
            if n == 0 { out += "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|\n" }
        }
        return out
    }
}
