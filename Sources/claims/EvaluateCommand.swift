import ArgumentParser
import Events
import Foundation
import Ledger
import Projections

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the extractor and the projections on evaluation sets, and time the projections.",
        subcommands: [EvaluateExtraction.self, EvaluateTruth.self, EvaluateSpeed.self])
}

struct EvaluateTruth: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "truth",
        abstract: "Score the consensus on truth-discovery sets (claims.csv, truth.csv, meta.json).",
        discussion: """
            For each folder: imports claims.csv into a fresh temporary ledger through the same path as \
            `claims import --format claims-csv`, runs the consensus for every object, and scores it against \
            truth.csv: MAE, RMSE and error rate (estimate rounded half up to the gold's decimal places ≠ gold) over the items whose \
            gold is a number, accuracy over all. A set whose meta.json says "kind": "categorical" or "hierarchical" is voted \
            on as categories, its values read as written (codes: 06037 is not 6037). A hierarchical set (hierarchy.csv: id,name,parent_id; a folder with that file and \
            no declared kind counts as one) nests its labels: a label agrees with every label beneath it, best \
            is chosen by a model of how detailed each source usually is, and the scores add generalised accuracy (the estimate is the gold label or an ancestor) and the mean \
            distance in the tree from estimate to gold. A "multi-valued" set (several values per item, one row per value, \
            several gold rows) goes in as yes/no claims: every source that speaks about an item says yes to \
            the values it lists and no to the others (values that differ only in case or spacing, or spell one time or date, are one value, \
            also against gold; "Smith, John" is not "John Smith"; claims.csv is checked as the import checks \
            a table, and errors name its line); it is scored by precision, recall and F1 over values and \
            the share of items whose set is exactly right. Gold rows whose object and attribute no claim names \
            (matched as written, case included) are not scored; a warning counts them, as does the JSON \
            (goldRowsWithoutClaims). A folder that fails (a missing file, a row that does not parse) is reported with its file and line, \
            the others are still scored, and the command then exits with 1. Same method and defaults for every set. Majority vote (every row one vote, \
            ties to the lowest value) is computed alongside, and for numeric sets the median of the claimed \
            values, and the published marks of the development \
            sets (../shared/eval/README.md) are shown for them.
            """)

    @Argument(help: ArgumentHelp("Folders holding claims.csv and truth.csv (and meta.json).", valueName: "dir"))
    var folders: [String]
    @Option(help: ArgumentHelp("table or json.", valueName: "format"))
    var format: TableOrJSON = .table

    func validate() throws {
        if folders.isEmpty { throw ValidationError("give at least one folder with claims.csv and truth.csv, e.g. ../shared/eval/truth/population") }
    }

    struct Result: Encodable {
        var set: String
        var kind: String
        var claims: Int
        /// Gold rows whose object and attribute no claim names: no score counts them.
        var goldRowsWithoutClaims: Int
        var score: TruthSet.Score
        var majorityVote: TruthSet.Score
        /// Numeric sets: the median of the claimed values.
        var median: TruthSet.Score?
        var publishedBest: String?
        var importSeconds: Double
        var consensusSeconds: Double
    }

    /// Published or peer marks on the development sets (../shared/eval/README.md).
    static let published: [String: String] = [
        "population": "error rate 0.1625 (Investment); MAE 1617.7 (majority vote, error rate 0.184); TruthFinder MAE 1753.7 / RMSE 8944.3 / error rate 0.173",
        "dog": "accuracy 0.8426 (Dawid–Skene, LFC); majority vote 0.8178",
    ]

    func run() throws {
        try guarded {
            var results: [Result] = []
            var failed = 0
            for folder in folders {
                // One folder's error is reported and the others are still scored.
                do { results.append(try evaluate(folder)) } catch {
                    Terminal.error("\(folder): \(error)")
                    failed += 1
                }
            }
            // A folder that failed makes the whole run fail, after the others are printed.
            let failure = failed == 0 ? nil : ExitCode.failure
            if format == .json {
                print(ProjectionRendering.json(results), terminator: "")
                if let failure { throw failure }
                return
            }
            for r in results {
                let unscored = r.goldRowsWithoutClaims == 0 ? "" : ", \(r.goldRowsWithoutClaims) gold rows without claims, not scored"
                print("\(r.set) (\(r.kind), \(r.claims) claims, \(r.score.items) gold items with claims\(unscored))")
                func f(_ x: Double?, _ format: String = "%.4f") -> String { x.map { String(format: format, $0) } ?? "–" }
                // Errors of counts in the thousands read best to a tenth; of prices or ratings, to 1/10,000.
                func magnitude(_ x: Double?) -> String { (x ?? 0) >= 100 ? "%.1f" : "%.4f" }
                let hierarchical = r.score.generalisedAccuracy != nil, multiValued = r.score.f1 != nil
                let numeric = r.score.mae != nil
                let columns = hierarchical ? ["GEN. ACCURACY", "MEAN DISTANCE"] : multiValued ? ["PRECISION", "RECALL", "F1"]
                    : numeric ? ["MAE", "RMSE", "ERROR RATE"] : []
                var rows = [["", multiValued ? "EXACT SETS" : "ACCURACY"] + columns]
                for (label, s) in [("consensus", r.score), ("majority vote", r.majorityVote)] + (r.median.map { [("median", $0)] } ?? []) {
                    let measures = hierarchical ? [f(s.generalisedAccuracy), f(s.meanDistance, "%.3f")]
                        : multiValued ? [f(s.precision), f(s.recall), f(s.f1)]
                        : numeric ? [f(s.mae, magnitude(s.mae)), f(s.rmse, magnitude(s.rmse)), f(s.errorRate)] : []
                    rows.append([label, f(s.accuracy)] + measures)
                }
                print(ProjectionRendering.table(rows, indent: "   "), terminator: "")
                if let n = r.score.numericItems, n < r.score.items {
                    print("   MAE, RMSE and error rate are over the \(n) items whose gold is a number; accuracy is over all \(r.score.items)")
                }
                if let p = r.publishedBest { print("   published best: \(p)") }
                print(String(format: "   time: import %.2f s, consensus %.2f s\n", r.importSeconds, r.consensusSeconds))
            }
            if let failure { throw failure }
        }
    }

    /// Imports one folder's claims into a fresh temporary ledger and scores the consensus.
    func evaluate(_ folder: String) throws -> Result {
        let dir = URL(fileURLWithPath: folder)
        let claimsPath = dir.appendingPathComponent("claims.csv").path
        let truthPath = dir.appendingPathComponent("truth.csv").path
        for path in [claimsPath, truthPath] where !FileManager.default.fileExists(atPath: path) {
            throw CommandError("\(path) is missing; a truth set folder holds claims.csv (object,attribute,source,value) and truth.csv (object,attribute,value)")
        }
        let meta = try readMeta(dir.appendingPathComponent("meta.json").path)
        let truth = try ReportFile.readText(truthPath)
        try checkGold(truth, path: truthPath)
        let hierarchyPath = dir.appendingPathComponent("hierarchy.csv").path
        let hasHierarchy = FileManager.default.fileExists(atPath: hierarchyPath)
        let kind = TruthSet.kind(metaJSON: meta) ?? (hasHierarchy ? "hierarchical" : "numeric")
        var hierarchy = LabelHierarchy()
        if kind == "hierarchical" {
            guard hasHierarchy else {
                throw CommandError("\(hierarchyPath) is missing; a hierarchical set holds hierarchy.csv (id,name,parent_id)")
            }
            hierarchy = try LabelHierarchy.read(hierarchyPath)
        }
        let name = metaName(meta) ?? dir.lastPathComponent

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("claims-evaluate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let start = Date()
        guard let store = try LedgerStore.create(at: scratch.appendingPathComponent("ledger.sqlite").path) else {
            throw CommandError("could not create a temporary ledger in \(scratch.path)")
        }
        let claimsText = try ReportFile.readText(claimsPath)
        // A multi-valued set goes in as the yes/no claims its lists imply.
        let multiValued = kind == "multi-valued"
        var importPath = claimsPath
        if multiValued {
            // Only the implied table is imported, a temporary file: claims.csv is checked first,
            // so that an error names it and its line. Its values are parts of names, not numbers.
            try ClaimsCSVImport.check(path: claimsPath, text: claimsText, valuesAsWritten: true)
            importPath = scratch.appendingPathComponent("claims-yes-no.csv").path
            try TruthSet.impliedClaims(multiValuedCSV: claimsText).write(toFile: importPath, atomically: true, encoding: .utf8)
        }
        // The consensus is computed below with the set's declared kind; skip materialising.
        let imported: ImportSummary
        do {
            imported = try ClaimsCSVImport.run(path: importPath, store: store, actor: "evaluate", refreshingProjections: false,
                                               valuesAsWritten: TruthSet.valuesAsWritten(kind: kind))
        } catch let error as InputError where multiValued {
            // What the check of claims.csv cannot foresee: an implied item's name (object → value) refused.
            throw InputError(file: claimsPath, message: "an item its lists imply (object\(TruthSet.valueSeparator)value) is refused: \(error.message)")
        }
        for warning in imported.warnings { Terminal.note("warning: \(warning)") }
        if kind == "numeric" {
            for a in TruthSet.labelsAgainstNumericGold(claimsCSV: claimsText, truthCSV: truth) {
                Terminal.note("warning: \(claimsPath): no value of \"\(a.attribute)\" is a number (line \(a.line): \"\(a.value)\"), "
                    + "but its gold is numeric; the values are voted on as labels, and a label counts as wrong against a number. "
                    + "Write them as numbers (1234, 1,234, 1.2K) to have them compared as numbers.")
            }
        }
        let unclaimed = TruthSet.goldWithoutClaims(claimsCSV: claimsText, truthCSV: truth)
        if let first = unclaimed.first {
            Terminal.note("warning: \(truthPath): \(unclaimed.count) of \(unclaimed.of) gold rows name no claimed object and attribute "
                + "(first: line \(first.line), \(first.key.incident),\(first.key.figure)); they are not scored. "
                + "Objects and attributes are matched as claims.csv writes them, case included.")
        }
        let importSeconds = Date().timeIntervalSince(start)
        let consensusStart = Date()
        let state = try store.projectionState()
        let context = ProjectionContext(state: state, options: TruthSet.options(kind: kind, hierarchy: hierarchy, state: state))
        let score = multiValued ? TruthSet.scoreMultiValued(context, claimsCSV: claimsText, truthCSV: truth) : TruthSet.score(context, truthCSV: truth)
        let consensusSeconds = Date().timeIntervalSince(consensusStart)
        let majorityVote = multiValued ? TruthSet.majorityVoteMultiValued(claimsCSV: claimsText, truthCSV: truth)
            : TruthSet.majorityVote(claimsCSV: claimsText, truthCSV: truth, hierarchy: hierarchy.isEmpty ? nil : hierarchy,
                                    categorical: kind == "categorical")
        let median = score.mae == nil ? nil : TruthSet.median(claimsCSV: claimsText, truthCSV: truth)
        return Result(set: name, kind: kind, claims: multiValued ? TruthSet.rowCount(claimsText) : imported.lines,
                      goldRowsWithoutClaims: unclaimed.count, score: score,
                      majorityVote: majorityVote, median: median,
                      publishedBest: EvaluateTruth.published[name], importSeconds: importSeconds, consensusSeconds: consensusSeconds)
    }

    static let kinds = ["numeric", "categorical", "multi-valued", "hierarchical"]

    /// meta.json, if the folder has one: a JSON object whose `kind`, when given, is one we know.
    func readMeta(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "" }
        let text = try ReportFile.readText(path)
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw InputError(file: path, message: "is not a JSON object; fix it or remove it (it is optional: name, kind)")
        }
        if let kind = object["kind"], !((kind as? String).map { Self.kinds.contains(TruthSet.kind(written: $0)) } ?? false) {
            throw InputError(file: path, message: "kind is \(kind); it is one of \(Self.kinds.joined(separator: ", "))")
        }
        return text
    }

    /// The gold file's shape, checked before anything is scored: a row that does not parse, another
    /// header or a row without three fields would otherwise drop gold silently.
    func checkGold(_ text: String, path: String) throws {
        let rows: [CSVRow]
        do { rows = try CSVParser.rows(text) } catch { throw InputError(file: path, line: error.line, message: error.reason) }
        guard let header = rows.first else { throw InputError(file: path, message: "the file is empty") }
        guard header.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) == ["object", "attribute", "value"] else {
            throw InputError(file: path, line: header.line, message: "the header is \"\(header.text)\"; truth.csv starts with the header object,attribute,value")
        }
        guard rows.count > 1 else { throw InputError(file: path, message: "has a header and no gold rows") }
        for row in rows.dropFirst() where row.fields.count != 3 {
            throw InputError(file: path, line: row.line, message: "expected 3 fields (object,attribute,value), found \(row.fields.count)")
        }
    }

    func metaName(_ meta: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(meta.utf8)) as? [String: Any] else { return nil }
        return object["name"] as? String
    }
}

struct EvaluateSpeed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speed",
        abstract: "Time on-demand consensus for single incidents (and optionally a full rebuild) on a ledger.",
        discussion: """
            Picks incidents spread evenly over the ledger and computes each one's consensus on demand from \
            its claims and the materialised reliability weights, as `claims consensus INCIDENT` does; prints \
            p50 and p99. With --rebuild, first recomputes every materialised projection and prints events/s.
            """)

    @OptionGroup var ledger: LedgerOptions
    @Option(help: ArgumentHelp("How many incidents to time.", valueName: "n"))
    var samples: Int = 1000
    @Flag(help: "Also time a full rebuild of the materialised projections first.")
    var rebuild = false

    func validate() throws {
        if samples < 1 { throw ValidationError("--samples must be at least 1") }
    }

    func run() throws {
        try guarded {
            let store = try ledger.open(rebuild ? .readWrite : .readOnly)
            if rebuild {
                let start = Date()
                let summary = try store.rebuildProjections()
                let seconds = Date().timeIntervalSince(start)
                print(String(format: "rebuild: %d events in %.2f s (%.0f events/s)", summary.events, seconds, Double(summary.events) / seconds))
            }
            guard try store.projectionStatus().isCurrent else {
                throw CommandError("the materialised projections are behind the ledger; run `claims rebuild` (or add --rebuild)")
            }
            let ids = try store.incidentIDs()
            guard !ids.isEmpty else { throw CommandError("the ledger has no incidents") }
            let step = max(1, ids.count / samples)
            var times: [Double] = []
            var claims = 0
            for i in stride(from: 0, to: ids.count, by: step).prefix(samples) {
                let start = DispatchTime.now().uptimeNanoseconds
                let figures = try store.incidentConsensus(ids[i]) ?? []
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                claims += figures.map(\.claims).reduce(0, +)
            }
            times.sort()
            let p = { (q: Double) in times[min(times.count - 1, Int(Double(times.count) * q))] }
            print(String(format: "on-demand consensus of one incident: %d incidents (%.1f claims each), p50 %.3f ms, p99 %.3f ms, max %.3f ms",
                         times.count, Double(claims) / Double(times.count), p(0.5), p(0.99), times.last!))
        }
    }
}
