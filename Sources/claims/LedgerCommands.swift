import ArgumentParser
import Events
import Foundation
import Extraction
import Ledger

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create an empty ledger file.")
    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        try guarded {
            if try LedgerStore.create(at: ledger.path) == nil {
                print("\(ledger.path) is already a ledger; nothing changed")
            } else {
                print("created ledger \(ledger.path)")
            }
        }
    }
}

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Store report texts (UTF-8 files); the same text is only ever stored once.",
        discussion: "Each file becomes one report_ingested event whose id is the SHA-256 of its normalised text (NFC, LF line ends, no byte-order mark, no trailing whitespace). A text stored before is left as it is, with its outlet and publication time.")

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var actor: ActorOption
    @Argument(help: ArgumentHelp("Report files (UTF-8 text).", valueName: "file"))
    var files: [String]
    @Option(help: ArgumentHelp("The publishing outlet: a source id, name or alias the ledger or the source gazetteer knows; registered as a new outlet if neither does.", valueName: "name"))
    var outlet: String?
    @Option(help: ArgumentHelp("Publication time: 2022-02-03T08:17+02:00 (a time without an offset is UTC), 2022-02-03, 2022-02, 2022 or unknown (default).", valueName: "time"))
    var published: String = "unknown"
    @Option(help: ArgumentHelp("Language tags of the text, comma-separated: ar, en, en,ar …", valueName: "tags"))
    var language: String?
    @Option(help: "Where the report was published.")
    var url: String?
    @Option(help: "The report's title.")
    var title: String?
    @Flag(help: "Also run the built-in extractor (rules@1) and append its incidents and claims in the same transaction.")
    var extract = false
    @Option(help: ArgumentHelp("With --extract: the main incident's id, instead of resolving it automatically (opened if new).", valueName: "key"))
    var incident: String?
    @OptionGroup var gazetteers: ExtractorOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one report file to ingest") }
        if incident != nil, !extract { throw ValidationError("--incident names the incident for --extract; add --extract") }
        do { _ = try PartialTime.parse(published) } catch { throw ValidationError("--published: \(error.reason)") }
        // BCP 47 in shape: letters, digits and hyphens, starting with a letter (ar, en, en-GB, ar-Latn).
        for tag in language?.split(separator: ",", omittingEmptySubsequences: false) ?? [] {
            let t = tag.trimmingCharacters(in: .whitespaces)
            guard let first = t.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
                  t.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }) else {
                throw ValidationError("--language: \"\(t)\" is not a language tag; write e.g. ar, en or en,ar")
            }
        }
    }

    func run() throws {
        try guarded {
            let store = try ledger.open(.readWrite)
            let time = try PartialTime.parse(published)
            let languages = language?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
            // Read every file first, so that one bad file stores none of them.
            let read = try files.map { try ReportFile.readText($0) }
            let texts = read.map(ReportText.trimmingEnd)
            let rules = extract ? try gazetteers.extractor(ledger: store) : nil
            var wiring = try rules.map { ExtractionAppender(extractor: $0, known: try LedgerGazetteer.incidents(in: store, places: $0.places)) }
            let namedOutlet = try outlet.map { (name: $0, gazetteer: try rules?.gazetteer ?? gazetteers.extractor().gazetteer) }
            let outcomes = try store.write(actor: actor.name) { appender in
                let outletID = try namedOutlet.map { outlet in
                    // A text stored before changes nothing, so its outlet is not registered for it.
                    let anyNew = try texts.contains { try appender.reportPosition(ReportText.id(ofNormalised: $0)) == nil }
                    return try resolveOrRegisterOutlet(outlet.name, gazetteer: outlet.gazetteer, register: anyNew, appender: &appender)
                }
                return try files.indices.map { i in
                    let file = files[i], text = texts[i]
                    // Stored by an earlier version, which kept the whitespace at the end: as read, or
                    // (the usual case) with one final newline.
                    for earlier in Set([read[i], text + "\n"]) where earlier != text {
                        let earlierID = ReportText.id(ofNormalised: earlier)
                        if let position = try appender.reportPosition(earlierID) {
                            return (file, earlierID, AppendOutcome.alreadyIngested(reportID: earlierID, position: position), 0)
                        }
                    }
                    let report = ReportIngested(text: text, outlet: outletID, title: title, url: url,
                                                fileName: URL(fileURLWithPath: file).lastPathComponent, languages: languages, published: time)
                    let outcome = try appender.append(NewEvent.checked(report))
                    var claims = 0
                    if outcome.isNew, wiring != nil {
                        for event in try wiring!.events(for: report, incident: incident, appender: &appender) {
                            if try appender.append(event).isNew, case .claimAsserted = event.event { claims += 1 }
                        }
                    }
                    return (file, report.reportID, outcome, claims)
                }
            }
            let described = [outlet.map { _ in "--outlet" }, published == "unknown" ? nil : "--published", title.map { _ in "--title" },
                             url.map { _ in "--url" }, language.map { _ in "--language" }].compactMap { $0 }
            let unapplied = described.isEmpty ? "" : ", \(described.joined(separator: ", ")) not applied"
            for (file, reportID, outcome, claims) in outcomes {
                switch outcome {
                case .appended(let position):
                    print("\(file): ingested as report \(reportID) (position \(position))\(extract ? ", \(claims) claims extracted" : "")")
                case .alreadyIngested(_, let position), .duplicate(let position):
                    print("\(file): already ingested as report \(reportID) (position \(position)); nothing changed\(unapplied)\(extract ? " (use claims reextract to extract again)" : "")")
                }
            }
        }
    }
}

/// Finds a source by id, name or alias in the ledger, else in the gazetteer (registering it as
/// the gazetteer describes it, so that "Reuters" is the news agency the extractor also finds),
/// else registers a new outlet with an id made from the name. With `register` false nothing is
/// appended.
func resolveOrRegisterOutlet(_ name: String, gazetteer: SourceGazetteer, register: Bool, appender: inout Appender) throws -> String {
    if let id = try appender.sourceID(named: name) { return id }
    var chain: [SourceRegistered] = []
    if var known = gazetteer.source(named: name) {
        while true {
            chain.append(SourceRegistered(sourceID: known.id, name: known.name, kind: known.kind, affiliation: known.affiliation))
            // A spokesperson's organisation is registered first.
            guard let organisation = known.affiliation, try !appender.hasSource(organisation),
                  let next = gazetteer.source(id: organisation), !chain.contains(where: { $0.sourceID == next.id }) else { break }
            known = next
        }
    } else {
        chain = [SourceRegistered(sourceID: SourceIDs.slug(name), name: name, kind: .outlet)]
    }
    if register {
        for source in chain.reversed() where try !appender.hasSource(source.sourceID) {
            _ = try appender.append(NewEvent.checked(source))
        }
    }
    return chain[0].sourceID
}

enum SourceIDs {
    /// `Al Mayadeen` → `al-mayadeen`; letters of any script are kept.
    static func slug(_ name: String) -> String {
        let words = name.lowercased().split { !($0.isLetter || $0.isNumber) }
        return words.isEmpty ? name : words.joined(separator: "-")
    }
}

struct Append: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Append NDJSON events (the published wire format) from an extractor or an analyst.",
        discussion: """
            One JSON object per line: {"type": …, "schema_version": …, "payload": {…}} with optional id, \
            expected_version, actor and correlation_id. The JSON Schemas are in Events/Schema/ (or run \
            `claims schema TYPE`). Every line is validated and checked against the ledger; all lines are \
            appended in one transaction, or none. Lines whose event id is already stored are skipped.
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var actor: ActorOption
    @Argument(help: ArgumentHelp("An NDJSON file, or - for standard input.", valueName: "file"))
    var file: String

    func run() throws {
        try guarded {
            let store = try ledger.open(.readWrite)
            let summary = try store.appendLines(path: file, actor: actor.name)
            print("appended \(summary.appended) event\(summary.appended == 1 ? "" : "s")\(summary.skipped > 0 ? ", skipped \(summary.skipped) already stored" : "")")
        }
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a claims table (claims-csv) or an export of another ledger (events).",
        discussion: """
            claims-csv: a CSV file with the header object,attribute,source,value. The file is stored as a \
            report and each claim quotes its row; object → incident, attribute → figure, source → originator, \
            a number (also 1,234  $3.50  0.5%  2.08B  1.2bn  ١٢٣) → an exact value, anything else → a label (labels are \
            compared ignoring case and spacing; 7:45 PM and 19:45 are one time, 1 Dec 2011 and 2011-12-01 one date). A value \
            written with decimals stands for what they cover (159.4: 159.35–159.45), read to the decimals its source writes \
            on values of that attribute as large (1.9 from a source that writes 12.34 is 1.90). One row per \
            claim; a row with an empty value states none and is skipped (with a warning). A source the ledger \
            knows by id, name or alias (ignoring case) is that source; unknown sources and incidents are registered.
            events: the output of `claims export`. Positions, envelopes and hashes are kept, so the export \
            must continue this ledger (normally: import into an empty one).
            Both run in one transaction: an error stores nothing. Running an interrupted import again \
            completes it without duplicates.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case claimsCSV = "claims-csv", events
    }

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var actor: ActorOption
    @Option(help: ArgumentHelp("claims-csv or events.", valueName: "format"))
    var format: Format
    @Argument(help: ArgumentHelp("The file to import.", valueName: "file"))
    var file: String
    @Flag(help: "Do not bring the materialised projections up to date afterwards (faster for large imports; run `claims rebuild` later, projection commands compute on demand meanwhile).")
    var noRefresh = false

    func run() throws {
        try guarded {
            let store = try ledger.open(.readWrite)
            let summary: ImportSummary
            switch format {
            case .claimsCSV:
                summary = try ClaimsCSVImport.run(path: file, store: store, actor: actor.name, refreshingProjections: !noRefresh) { done, total in
                    Terminal.progress("importing rows", done: done, total: total)
                }
            case .events:
                let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
                summary = try store.importEvents(path: file, refreshingProjections: !noRefresh) { bytes in Terminal.progress("importing bytes", done: bytes, total: size) }
            }
            print("imported \(summary.lines) \(format == .events ? "events" : "rows"): \(summary.appended) events appended\(summary.skipped > 0 ? ", \(summary.skipped) already stored" : "")")
            for warning in summary.warnings { Terminal.note("warning: \(warning)") }
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every event as NDJSON (canonical JSON, with positions and hashes).",
        discussion: "`claims import --format events` of this output into an empty ledger reproduces every position and hash.")

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: ArgumentHelp("Output file, or - for standard output.", valueName: "file"))
    var file: String = "-"

    func run() throws {
        try guarded {
            let store = try ledger.open(.readOnly)
            if file == "-" {
                _ = try store.export(to: FileHandle.standardOutput)
                return
            }
            let count = try OutputFile.replace(file, sparing: ledger.path) { handle in try store.export(to: handle) }
            Terminal.note("exported \(count) events to \(file)")
        }
    }
}

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List events in position order.")

    @OptionGroup var ledger: LedgerOptions
    @Option(help: ArgumentHelp("Only this stream, e.g. claim:seed-000-1 or incident:atmeh-raid-2022-02-03.", valueName: "stream"))
    var stream: String?
    @Option(help: ArgumentHelp("Only this event type, e.g. claim_asserted.", valueName: "type"))
    var type: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("From this position (inclusive).", valueName: "n"))
    var from: Int64?
    @Option(parsing: .unconditional, help: ArgumentHelp("Up to this position (inclusive).", valueName: "n"))
    var to: Int64?
    @Flag(help: "Print each event as a JSON line (the export format).")
    var json = false

    func validate() throws {
        if let type, LedgerEvent.payloadType(named: type) == nil {
            throw ValidationError("unknown event type \(type); known types: \(LedgerEvent.payloadTypes.map { $0.type }.joined(separator: ", "))")
        }
        for (name, n) in [("--from", from), ("--to", to)] where (n ?? 0) < 0 {
            throw ValidationError("\(name) must be 0 or more (a position in `claims log`)")
        }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    func run() throws {
        try guarded {
            let store = try ledger.open(.readOnly)
            let output = BufferedOutput()
            var shown = 0
            try store.forEachEvent(EventFilter(stream: stream, type: type, from: from, to: to)) { event in
                output.write(json ? event.exportLine : Rendering.logLine(event))
                shown += 1
            }
            output.flush()
            // An empty listing is an answer, but a mistyped stream or type should not look like one.
            if shown == 0, stream != nil || type != nil {
                Terminal.note("no events match\(stream.map { " stream \($0)" } ?? "")\(type.map { " type \($0)" } ?? ""); streams are named like claim:ID, incident:ID, source:ID, report:ID (see `claims log`)")
            }
        }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recompute the hash chain; exit 0 when intact, 2 naming the first broken event.",
        discussion: "Keep the last hash that `claims stats` prints somewhere else: a chain that verifies and still ends in that hash has not been rewritten.")

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        var broken: ChainBreak?
        try guarded {
            let store = try ledger.open(.readOnly)
            let start = Date()
            let (checked, firstBreak) = try store.verify { done, total in Terminal.progress("verifying", done: Int(done), total: Int(total)) }
            let seconds = Date().timeIntervalSince(start)
            if let firstBreak {
                Terminal.error("chain broken at \(firstBreak)")
                broken = firstBreak
            } else {
                let rate = seconds > 0 ? Int(Double(checked) / seconds) : 0
                print("ok: \(checked) events, chain intact (\(rate) events/s)")
            }
        }
        if broken != nil { throw ExitCode(2) }
    }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Counts of events by type, reports, incidents, sources, and the last position and hash.")
    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        try guarded {
            let stats = try ledger.open(.readOnly).stats()
            print("ledger     \(ledger.path)")
            print("events     \(stats.lastPosition)")
            for (type, count) in stats.eventsByType { print("  \(Terminal.pad(type, 20)) \(count)") }
            print("reports    \(stats.reports)")
            print("incidents  \(stats.incidents)")
            print("sources    \(stats.sources)")
            print("claims     \(stats.claims) (\(stats.withdrawnClaims) withdrawn)")
            print("last       position \(stats.lastPosition), hash \(stats.lastHash)")
        }
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of an event type's wire format (or list the types).",
        discussion: "The same schemas are published in Events/Schema/. --write DIR regenerates that folder.")

    @Argument(help: ArgumentHelp("An event type, e.g. claim_asserted; omit to list them.", valueName: "type"))
    var type: String?
    @Option(help: ArgumentHelp("Write every schema into this folder.", valueName: "dir"))
    var write: String?

    func run() throws {
        try guarded {
            if let write {
                switch PathKind(write) {
                case .missing: throw InputError(file: write, message: "no such folder; create it first (mkdir -p \(write))")
                case .file: throw InputError(file: write, message: "is a file; --write takes a folder")
                case .folder: break
                }
                for (name, text) in WireSchemas.all() {
                    try text.write(toFile: (write as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
                }
                print("wrote \(WireSchemas.all().count) schemas to \(write)")
            } else if let type {
                guard let text = WireSchemas.all().first(where: { $0.fileName == "\(type).schema.json" })?.text else {
                    throw ValidationError("unknown event type \(type); known types: \(LedgerEvent.payloadTypes.map { $0.type }.joined(separator: ", "))")
                }
                print(text, terminator: "")
            } else {
                for payloadType in LedgerEvent.payloadTypes {
                    print("\(Terminal.pad(payloadType.type, 20)) v\(payloadType.schemaVersion)  \(payloadType.summary)")
                }
            }
        }
    }
}

/// Collects lines and writes them in large blocks.
final class BufferedOutput {
    private var buffer: [UInt8] = []
    func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }
    func flush() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
