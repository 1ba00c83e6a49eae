import ArgumentParser
import Events
import Foundation
import Ledger
import Projections

extension LabelHierarchy {
    /// A hierarchy table from a file; errors name the file and line.
    static func read(_ path: String) throws -> LabelHierarchy {
        do { return try LabelHierarchy(csv: try ReportFile.readText(path)) } catch let error as LabelHierarchy.TableError {
            throw InputError(file: path, line: error.line, message: error.message)
        }
    }
}

/// As of when (and how labels nest): the options every projection command takes.
struct AsOfOptions: ParsableArguments {
    @Option(name: .customLong("published-before"),
            help: ArgumentHelp("Only claims from reports published before this time (2022-02-03T12:00Z, 2022-02-03, 2022-02, 2022); a report of unknown time counts by when it was recorded.", valueName: "time"))
    var publishedBefore: String?
    // Unconditional, so that "--at-position -1" reaches validate() instead of reading as an option.
    @Option(name: .customLong("at-position"), parsing: .unconditional,
            help: ArgumentHelp("The ledger as it was when it ended at position N: prints what the command printed then.", valueName: "n"))
    var atPosition: Int64?
    @Option(name: .customLong("recorded-before"),
            help: ArgumentHelp("The ledger as it was before this time: only events recorded before it (UTC unless an offset is given).", valueName: "time"))
    var recordedBefore: String?
    @Option(help: ArgumentHelp("Nest category labels as this table says (id,name,parent_id): a label agrees with every label beneath it (a city with its country), and best is chosen by how detailed each source usually is. Computed from the log.", valueName: "file"))
    var hierarchy: String?

    func validate() throws {
        if let atPosition, atPosition < 0 { throw ValidationError("--at-position must be 0 or more (a position in `claims log`)") }
        for (name, value) in [("--published-before", publishedBefore), ("--recorded-before", recordedBefore)] {
            guard let value else { continue }
            let time = try? PartialTime.parse(value).time
            if time == nil {
                throw ValidationError("\(name) needs a time, not \"\(value)\": write 2022-02-03T12:00Z, 2022-02-03T14:00+02:00, 2022-02-03, 2022-02 or 2022")
            }
        }
    }

    /// No as-of option (and no hierarchy): the ledger as it is now, as the materialised tables hold it.
    var isLatest: Bool { publishedBefore == nil && atPosition == nil && recordedBefore == nil && hierarchy == nil }

    var publishedCutoff: String? { publishedBefore.flatMap { try? PartialTime.parse($0).time } }

    /// Recorded times carry milliseconds (`…T06:17:00.000Z`); a cutoff is written the same way.
    var recordedCutoff: String? {
        guard let time = recordedBefore.flatMap({ try? PartialTime.parse($0).time }) else { return nil }
        if time.contains("T"), time.hasSuffix("Z"), !time.contains(".") { return String(time.dropLast()) + ".000Z" }
        return time
    }

    func options() throws -> ProjectionOptions {
        var options = ProjectionOptions(publishedBefore: publishedCutoff)
        if let hierarchy { options.labelHierarchy = try LabelHierarchy.read(hierarchy) }
        return options
    }

    /// Projections computed from the log as of the chosen moment.
    func projections(_ store: LedgerStore) throws -> LedgerProjections {
        try store.projections(asOfPosition: atPosition, recordedBefore: recordedCutoff, options: try options())
    }

    func context(_ store: LedgerStore) throws -> ProjectionContext { try projections(store).context }

    /// For one incident: on demand from its claims and the materialised weights when asking
    /// about now, else from the log.
    func context(_ store: LedgerStore, incident: String) throws -> ProjectionContext {
        if isLatest, let projections = try store.incidentProjection(incident) { return projections }
        if isLatest { try noteIfBehind(store) }
        let projections = try context(store)
        guard projections.state.incidents[incident] != nil else {
            throw CommandError("no incident \"\(incident)\"\(isLatest ? "" : " as of the moment asked") in \(store.path); list them with `claims incidents`")
        }
        return projections
    }

    /// The materialised answer when asking about now and the tables are current; otherwise
    /// (with a note when they are behind) the answer computed from the log.
    func materialisedOrComputed<T>(_ store: LedgerStore, materialised: () throws -> T?, computed: () throws -> T) throws -> T {
        if isLatest, let value = try materialised() { return value }
        if isLatest { try noteIfBehind(store) }
        return try computed()
    }

    func noteIfBehind(_ store: LedgerStore) throws {
        let status = try store.projectionStatus()
        if status.computedByOtherMethod {
            Terminal.note("note: materialised projections were computed by another version of claims; computing from the log (run `claims rebuild` to store them anew)")
        } else if !status.isCurrent {
            Terminal.note("note: materialised projections are at position \(status.checkpoint) of \(status.head); computing from the log (run `claims rebuild` to catch up)")
        }
    }
}

/// A command's own error: the message says what went wrong and what to do.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// For commands whose output has no table shape for CSV (explain, evaluate).
enum TableOrJSON: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

struct Incidents: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List incidents with their claims and figures.",
        discussion: "Incidents merged into another are listed under it (merged). Claims withdrawn do not count.")

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var asOf: AsOfOptions
    @Option(help: ArgumentHelp("table, json or csv.", valueName: "format"))
    var format: OutputFormat = .table

    func run() throws {
        try guarded {
            let store = try ledger.open(.readOnly)
            let incidents = try asOf.materialisedOrComputed(store, materialised: { try store.materialisedIncidents() }) {
                try store.projectionState(asOfPosition: asOf.atPosition, recordedBefore: asOf.recordedCutoff).incidentSummaries(publishedBefore: asOf.publishedCutoff)
            }
            print(ProjectionRendering.incidents(incidents, format: format), terminator: "")
        }
    }
}

struct ConsensusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consensus",
        abstract: "What the ledger believes: best, low, high and grade per incident × figure × group.",
        discussion: """
            best is the value with the most reliability-weighted support among independent originators \
            (each originator's latest statement counts once, however many outlets relay it); low–high \
            spans the finite ends the retained claims state. Grades: confirmed (the responsible party \
            concedes the harm), fair (two or more independent credible originators), weak (one), \
            contested (credible originators disagree), discounted. CSV columns: \
            incident,figure,group,best,low,high,grade,originators,claims.
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var asOf: AsOfOptions
    @Argument(help: ArgumentHelp("The incident (see `claims incidents`); omit with --all.", valueName: "incident"))
    var incident: String?
    @Flag(help: "Every incident.")
    var all = false
    @Option(help: ArgumentHelp("table, json or csv.", valueName: "format"))
    var format: OutputFormat = .table

    func validate() throws {
        if incident == nil && !all { throw ValidationError("give an INCIDENT (see `claims incidents`) or --all") }
        if incident != nil && all { throw ValidationError("give either an INCIDENT or --all, not both") }
    }

    func run() throws {
        try guarded {
            let store = try ledger.open(.readOnly)
            let figures = try incident.map { try asOf.context(store, incident: $0).consensus(incident: $0) }
                ?? asOf.materialisedOrComputed(store, materialised: { try store.materialisedSnapshot()?.consensus }) {
                    try asOf.context(store).consensus()
                }
            print(ProjectionRendering.consensus(figures, format: format), terminator: "")
        }
    }
}

struct ReliabilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reliability",
        abstract: "How reliable each source has been: score, uncertainty, bias, relay fidelity.",
        discussion: """
            A source's score is its leave-one-out agreement with the other originators' consensus across \
            all incidents (truth discovery), smoothed towards a prior: an analyst's assessment \
            (source_assessed) or its class (sources of its kind with a similar number of claims). \
            Counts are compared after removing the source's own bias, so a source that consistently \
            reports high or low is shown as biased, not as unreliable. \
            Adjudicated figures (figure_adjudicated) score against the established value. n is the number \
            of scored claims; bias (log scale) > 0 means the source reports higher than the others.
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var asOf: AsOfOptions
    @Option(help: ArgumentHelp("table, json or csv.", valueName: "format"))
    var format: OutputFormat = .table

    func run() throws {
        try guarded {
            let store = try ledger.open(.readOnly)
            let table = try asOf.materialisedOrComputed(store, materialised: { try store.materialisedSnapshot()?.reliability }) {
                try asOf.projections(store).reliabilityTable
            }
            print(ProjectionRendering.reliability(table, format: format), terminator: "")
        }
    }
}

/// INCIDENT FIGURE [GROUP], resolved against what the ledger holds.
struct FigureArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("The incident (see `claims incidents`).", valueName: "incident"))
    var incident: String
    @Argument(help: ArgumentHelp("The figure: killed, injured, outcome …", valueName: "figure"))
    var figure: String
    @Argument(help: ArgumentHelp("Whose figure: people, civilians, children, militants … (omit for figures without a group).", valueName: "group"))
    var group: String?

    func key(in context: ProjectionContext) throws -> FigureKey {
        let key = FigureKey(incident: context.state.canonicalIncident(incident), figure: figure, group: group)
        guard context.claimsByKey[key] == nil else { return key }
        let known = context.keys.filter { $0.incident == key.incident }
        let same = known.filter { $0.figure == figure }.map { $0.group ?? "(no group)" }
        let hint = !same.isEmpty ? "groups with claims: \(same.joined(separator: ", "))"
            : known.isEmpty ? "the incident has no live claims" : "figures with claims: \(Set(known.map(\.figure)).sorted().joined(separator: ", "))"
        throw CommandError("no live claims for \(key) in \(incident); \(hint)")
    }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "How a figure moved as reports came in: each report's claims and the consensus after it.",
        discussion: """
            Reports are ordered by publication time; those with an unknown or coarse (day or coarser) time \
            are placed by when the ledger recorded them and marked [recorded]. Every claim is listed, \
            superseded ones too. Each step uses today's reliability weights; for what the ledger said \
            on an earlier day, add --recorded-before or --at-position.
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var figure: FigureArguments
    @Option(help: ArgumentHelp("table, json or csv.", valueName: "format"))
    var format: OutputFormat = .table

    func run() throws {
        try guarded {
            let store = try ledger.open(.readOnly)
            let context = try asOf.context(store, incident: figure.incident)
            let key = try figure.key(in: context)
            guard let history = context.history(key) else { throw CommandError("no history for \(key)") }
            print(ProjectionRendering.history(history, format: format), terminator: "")
        }
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The derivation of one figure: every claim with its weight, provenance and checked quote.",
        discussion: """
            For each claim: role (supporting, contradicting, superseded), weight, originator ← relays, the \
            report's outlet, time and URL, the quote checked against the stored report text at its span, \
            the extractor, the event position and hash. A quote that does not match the stored text is an \
            error: it is shown as a mismatch and the command exits 1 (run `claims verify`).
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var asOf: AsOfOptions
    @OptionGroup var figure: FigureArguments
    @Option(help: ArgumentHelp("table or json (for CSV: claims consensus --format csv).", valueName: "format"))
    var format: TableOrJSON = .table

    func run() throws {
        try guarded {
            let store = try ledger.open(.readOnly)
            let context = try asOf.context(store, incident: figure.incident)
            let key = try figure.key(in: context)
            guard let audit = context.audit(key) else { throw CommandError("no derivation for \(key)") }
            var texts: [String: ScalarOffsetIndex] = [:]
            var checks: [String: [QuoteCheck]] = [:]
            for entry in audit.entries {
                if texts[entry.report] == nil { texts[entry.report] = ScalarOffsetIndex(try store.reportText(entry.report) ?? "") }
                checks[entry.claim] = entry.quotes.map { Audit.check($0, in: texts[entry.report]!) }
            }
            print(ProjectionRendering.explain(audit, checks: checks, asJSON: format == .json, nestedLabels: asOf.hierarchy != nil), terminator: "")
            let bad = audit.entries.filter { !(checks[$0.claim] ?? []).allSatisfy(\.isMatch) }.map(\.claim)
            if !bad.isEmpty {
                throw CommandError("\(bad.count) claim\(bad.count == 1 ? "" : "s") (\(bad.joined(separator: ", "))) quote text the stored report does not hold at the quoted span; the ledger may have been altered: run `claims verify`")
            }
        }
    }
}

struct Rebuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recompute the materialised projections (consensus, reliability, incidents) from the log.",
        discussion: """
            The projection tables are brought up to date after every write; rebuild recomputes them from \
            scratch, e.g. after an interrupted update or an upgrade of the method. It changes no event.
            """)

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        try guarded {
            let store = try ledger.open(.readWrite)
            let start = Date()
            let summary = try store.rebuildProjections()
            let seconds = Date().timeIntervalSince(start)
            let rate = seconds > 0 ? Int(Double(summary.events) / seconds) : 0
            print("rebuilt projections at position \(summary.position): \(summary.events) events in \(String(format: "%.2f", seconds)) s (\(rate) events/s), \(summary.written) rows written")
            print(String(format: "  read and decode the log %.2f s, learn reliability and project %.2f s, write the tables %.2f s",
                         summary.foldSeconds, summary.projectSeconds, summary.writeSeconds))
        }
    }
}
