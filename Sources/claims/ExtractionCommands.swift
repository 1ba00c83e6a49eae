import ArgumentParser
import Events
import Extraction
import Foundation
import Ledger

/// Options every command that runs the built-in extractor shares.
struct ExtractorOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Extra sources, tab-separated: id, kind, name, affiliation, alias|alias|… (see Sources/Extraction/README.md).", valueName: "file"))
    var sources: String?
    @Option(help: ArgumentHelp("Extra places, tab-separated: key, level, name, alias|alias|…", valueName: "file"))
    var places: String?

    /// The built-in gazetteers, extended by the files given and by the ledger's own sources
    /// and aliases (`source_alias_added`).
    func extractor(ledger store: LedgerStore? = nil) throws -> RuleExtractor {
        var sourceGazetteer = SourceGazetteer.builtIn
        var placeGazetteer = PlaceGazetteer.builtIn
        if let sources {
            do { sourceGazetteer = sourceGazetteer.merging(try SourceGazetteer(tsv: try ReportFile.readText(sources))) }
            catch let error as GazetteerError { throw InputError(file: sources, line: error.line, message: error.reason) }
        }
        if let places {
            do { placeGazetteer = placeGazetteer.merging(try PlaceGazetteer(tsv: try ReportFile.readText(places))) }
            catch let error as GazetteerError { throw InputError(file: places, line: error.line, message: error.reason) }
        }
        if let store { sourceGazetteer = sourceGazetteer.merging(try LedgerGazetteer.sources(in: store)) }
        return RuleExtractor(gazetteer: sourceGazetteer, places: placeGazetteer)
    }
}

/// What the ledger knows that the extractor can use: sources with their aliases, and incidents.
enum LedgerGazetteer {
    static func sources(in store: LedgerStore) throws -> SourceGazetteer {
        var byID: [String: GazetteerSource] = [:]
        var order: [String] = []
        for event in try store.decodedEvents(ofType: SourceRegistered.type) {
            // Anonymous collectives are scoped to one report: they are not names to look for.
            guard case .sourceRegistered(let s) = event, s.scopeReport == nil else { continue }
            byID[s.sourceID] = GazetteerSource(id: s.sourceID, name: s.name, kind: s.kind, affiliation: s.affiliation)
            order.append(s.sourceID)
        }
        for event in try store.decodedEvents(ofType: SourceAliasAdded.type) {
            if case .sourceAliasAdded(let a) = event { byID[a.sourceID]?.aliases.append(a.alias) }
        }
        return SourceGazetteer(sources: order.compactMap { byID[$0] })
    }

    static func incidents(in store: LedgerStore, places: PlaceGazetteer) throws -> [KnownIncident] {
        try store.decodedEvents(ofType: IncidentOpened.type).compactMap { event in
            if case .incidentOpened(let opened) = event { KnownIncident(opened, places: places) } else { nil }
        }
    }
}

/// Turns one report's extraction into events, inside a write transaction.
struct ExtractionAppender {
    let extractor: RuleExtractor
    var known: [KnownIncident]

    /// Events for `report`: sources not yet registered, the incident when new, and the claims.
    /// `incident` names the main incident by hand (opened if the ledger lacks it).
    mutating func events(for report: ReportIngested, incident: String?, appender: inout Appender) throws -> [NewEvent] {
        let result = extractor.extract(text: report.text, language: report.languages.first, published: report.published)
        let decision: IncidentDecision
        if let incident {
            decision = try appender.hasIncident(incident)
                ? .attach(incidentID: incident)
                : .open(IncidentOpened(incidentID: incident, title: incident, kind: result.incident.kind,
                                       date: result.incident.date, place: result.incident.place))
        } else {
            decision = IncidentResolver.resolve(result.incident, known: known)
        }
        if case .open(let opened) = decision {
            known.append(KnownIncident(id: opened.incidentID, kind: opened.kind, placeKey: result.incident.placeKey, date: opened.date))
        }
        var events: [NewEvent] = []
        for payload in result.events(reportID: report.reportID, decision: decision, outletSourceID: report.outlet) {
            if let source = payload as? SourceRegistered, try appender.hasSource(source.sourceID) { continue }
            events.append(try NewEvent.checked(payload))
        }
        return events
    }
}

/// `claims extract`: what the built-in extractor finds, without writing anything.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the claims the built-in extractor (rules@1) finds in a report, without writing.",
        discussion: """
            With --format json, one object per line: incident, figure, group, value, bound, low, high, \
            originator, via (nearest relay first), quote, start, end. start and end count Unicode scalars \
            (code points) into the normalised text (NFC, LF line ends), end exclusive. incident is the id \
            the report's main incident would get (place-kind-date, "unplaced…" without a known place), or "background" \
            for figures about earlier incidents.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, table }

    @Argument(help: ArgumentHelp("A report file (UTF-8), or - for standard input.", valueName: "file"))
    var file: String
    @Option(help: ArgumentHelp("Language of the text: ar, en, … (default: both are tried).", valueName: "tag"))
    var language: String?
    @Option(help: ArgumentHelp("Publication time, for dates like \"yesterday\" (default: unknown).", valueName: "time"))
    var published: String = "unknown"
    @Option(help: ArgumentHelp("json (one claim per line) or table.", valueName: "format"))
    var format: Format = .table
    @OptionGroup var gazetteers: ExtractorOptions

    func validate() throws {
        do { _ = try PartialTime.parse(published) } catch { throw ValidationError("--published: \(error.reason)") }
    }

    func run() throws {
        try guarded {
            let text = try ReportFile.readText(file)
            let result = try gazetteers.extractor().extract(text: text, language: language, published: try PartialTime.parse(published))
            let mainIncident = IncidentResolver.openEvent(for: result.incident, taken: []).incidentID
            let output = BufferedOutput()
            for claim in result.claims {
                let incident = claim.incident == .main ? mainIncident : "background"
                let quote = claim.quotes.first
                if format == .json {
                    var b = JSONObjectBuilder()
                    b.set("incident", incident)
                    b.set("figure", claim.figure)
                    b.set("group", claim.group.map(JSONValue.string) ?? .null)
                    b.set("value", claim.value.map(JSONValue.number) ?? .null)
                    b.set("bound", claim.bound.rawValue)
                    b.set("low", claim.low.map(JSONValue.number) ?? .null)
                    b.set("high", claim.high.map(JSONValue.number) ?? .null)
                    b.set("originator", claim.originator)
                    b.set("via", strings: claim.via)
                    b.set("quote", quote?.text ?? "")
                    b.set("start", quote?.start ?? 0)
                    b.set("end", quote?.end ?? 0)
                    output.write(b.value.canonicalString)
                } else {
                    let value = Rendering.valueText(claim.value.map(ClaimValue.number), claim.bound, claim.low, claim.high)
                    output.write("\(Terminal.pad(incident, 12)) \(Terminal.pad(Rendering.figureName(claim.figure, claim.group), 26)) \(Terminal.pad(value, 10)) \(Rendering.chain(claim.originator, claim.via))")
                    output.write("    “\(Terminal.isolated(quote?.text ?? ""))” [\(quote?.start ?? 0)..<\(quote?.end ?? 0)]")
                }
            }
            output.flush()
        }
    }
}

/// `claims reextract`: runs the built-in extractor again over every stored report.
struct Reextract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the built-in extractor again over every stored report; append new claims, withdraw superseded ones.",
        discussion: """
            Claims the extractor produces and the ledger lacks are appended; claims of earlier built-in \
            extractor runs (extractor name "rules") that it no longer produces are withdrawn (claim_withdrawn, \
            superseded_by rules@N). Claims from analysts or other extractors are left alone. Nothing is \
            rewritten: the log keeps everything, and running it twice changes nothing the second time.
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var actor: ActorOption
    @OptionGroup var gazetteers: ExtractorOptions
    @Option(help: ArgumentHelp("The extractor to run; only the built-in rules@1 exists.", valueName: "name@version"))
    var extractor: String = RuleExtractor.reference.description

    func validate() throws {
        if extractor != RuleExtractor.reference.description {
            throw ValidationError("unknown extractor \(extractor); the built-in one is \(RuleExtractor.reference)")
        }
    }

    func run() throws {
        try guarded {
            let store = try ledger.open(.readWrite)
            let rules = try gazetteers.extractor(ledger: store)
            let reports = try store.decodedEvents(ofType: ReportIngested.type).compactMap { event -> ReportIngested? in
                if case .reportIngested(let r) = event, r.mediaType == "text/plain" { r } else { nil }
            }
            let existing = try Dictionary(uniqueKeysWithValues: reports.map { ($0.reportID, try store.claims(ofReport: $0.reportID)) })
            var wiring = ExtractionAppender(extractor: rules, known: try LedgerGazetteer.incidents(in: store, places: rules.places))
            let (appended, withdrawn) = try store.write(actor: actor.name) { appender in
                var appended = 0, withdrawn = 0
                for (n, report) in reports.enumerated() {
                    let earlier = (existing[report.reportID] ?? []).filter { !$0.withdrawn && $0.extractor.hasPrefix("rules@") }
                    // Keep re-extracted claims on the incident the report's claims are on now.
                    let incident = Dictionary(grouping: earlier, by: \.incidentID).max { $0.value.count < $1.value.count }?.key
                    let events = try wiring.events(for: report, incident: incident, appender: &appender)
                    var produced: Set<String> = []
                    for event in events {
                        if case .claimAsserted(let claim) = event.event { produced.insert(claim.claimID) }
                        if try appender.append(event).isNew, case .claimAsserted = event.event { appended += 1 }
                    }
                    for claim in earlier where !produced.contains(claim.claimID) {
                        _ = try appender.append(NewEvent.checked(ClaimWithdrawn(
                            claimID: claim.claimID, reason: "not produced by \(RuleExtractor.reference) on re-extraction",
                            supersededBy: RuleExtractor.reference)))
                        withdrawn += 1
                    }
                    Terminal.progress("re-extracting reports", done: n + 1, total: reports.count)
                }
                return (appended, withdrawn)
            }
            print("re-extracted \(reports.count) reports with \(RuleExtractor.reference): \(appended) claims appended, \(withdrawn) withdrawn")
        }
    }
}

/// `claims evaluate extraction`: scores the built-in extractor on the development sets.
struct EvaluateExtraction: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract: "Score the built-in extractor on the shared evaluation sets (seeds, PITF, FA-KES, Arabic sentences, GVA).",
        discussion: """
            Reads DIR/corpus/gold.json (with DIR/corpus/articles/), DIR/eval/extraction/{pitf,fakes,gva}.PORTION.jsonl and \
            DIR/eval/arabic/sentences.PORTION.jsonl, where PORTION is --portion, else dev, else the only portion \
            present; a set whose file is absent is skipped and named. \
            GVA: every document of an incident is extracted onto one incident and the consensus killed and injured \
            counts are compared with the archive's (exact match per incident). Published on PITF deaths (Zhong et al., EACL 2023): regex 0.117, SRL 0.741, fine-tuned T5 0.813 exact match.
            """)

    @Option(help: ArgumentHelp("The folder holding corpus/ and eval/.", valueName: "dir"))
    var data: String = "../shared"
    @Option(help: ArgumentHelp("Which portion's files to read (pitf.PORTION.jsonl …): dev, test, … (default: dev, else the only one present).", valueName: "name"))
    var portion: String?

    func run() throws {
        try guarded {
            let start = Date()
            let shared = URL(fileURLWithPath: data)
            let files = ExtractionEvaluation.files(in: shared, portion: portion)
            guard !files.isEmpty else {
                throw InputError(file: shared.standardizedFileURL.path, message: "holds none of the evaluation sets (corpus/gold.json, eval/extraction/*.\(portion ?? "dev").jsonl, eval/arabic/sentences.\(portion ?? "dev").jsonl); point --data at the folder that holds corpus/ and eval/ (default ../shared)")
            }
            let extractor = RuleExtractor()
            for score in try ExtractionEvaluation.run(files: files, extractor: extractor) { print(score) }
            if let gva = files["gva"] { print(try GVAEvaluation.run(file: gva, extractor: extractor)) }
            for name in ExtractionEvaluation.setNames where files[name] == nil { print("\(name): skipped, no file for it under \(data)") }
            print(String(format: "(%.1f s)", Date().timeIntervalSince(start)))
        }
    }
}
