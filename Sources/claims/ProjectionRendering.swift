import Events
import Foundation
import Projections

/// Text, JSON and CSV renderings of projections. Pure: the same values give the same bytes.
enum ProjectionRendering {
    static func n(_ value: Double?) -> String { value.map(JSONValue.canonicalNumber) ?? "" }
    static func f3(_ value: Double) -> String { String(format: "%.3f", value) }

    static func json<T: Encodable>(_ value: T) -> String {
        String(decoding: ProjectionSnapshot.encode(value), as: UTF8.self) + "\n"
    }

    static func csv(_ rows: [[String]]) -> String {
        rows.map(CSVWriter.row).joined(separator: "\n") + "\n"
    }

    /// Columns padded to their widest cell (counted in characters).
    static func table(_ rows: [[String]], indent: String = "") -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        let rows = rows.map { $0.map(Terminal.isolated) }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], Terminal.width(of: cell)) } }
        return rows.map { row in
            var line = indent
            for (i, cell) in row.enumerated() { line += i == row.count - 1 ? cell : Terminal.pad(cell, widths[i]) + "  " }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }

    static func range(_ low: Double?, _ high: Double?) -> String {
        switch (low, high) {
        case (nil, nil): "–"
        case (let l?, nil): "\(n(l))–∞"
        case (nil, let h?): "≤ \(n(h))"
        case (let l?, let h?): l == h ? n(l) : "\(n(l))–\(n(h))"
        }
    }

    static func figureName(_ figure: String, _ group: String?) -> String { group.map { "\(figure)/\($0)" } ?? figure }

    // MARK: - incidents

    static func incidents(_ incidents: [IncidentSummary], format: OutputFormat) -> String {
        switch format {
        case .json: return json(incidents)
        case .csv:
            return csv([["incident", "title", "kind", "date", "place", "claims", "figures", "merged"]] + incidents.map {
                [$0.incident, $0.title, $0.kind ?? "", $0.date ?? "", $0.place ?? "", String($0.claims), String($0.figures), $0.merged.joined(separator: " ")]
            })
        case .table:
            if incidents.isEmpty { return "no incidents\n" }
            return table([["INCIDENT", "DATE", "CLAIMS", "FIGURES", "TITLE"]] + incidents.map {
                [$0.incident, $0.date ?? "?", String($0.claims), String($0.figures),
                 $0.title + ($0.merged.isEmpty ? "" : " (merged: \($0.merged.joined(separator: ", ")))")]
            })
        }
    }

    // MARK: - consensus

    static func consensus(_ figures: [Consensus], format: OutputFormat) -> String {
        switch format {
        case .json: return json(figures)
        case .csv: return csv([Consensus.csvHeader] + figures.map(\.csvFields))
        case .table:
            if figures.isEmpty { return "no live claims\n" }
            var out = ""
            var incident: String?
            var rows: [[String]] = []
            func flush() {
                guard let incident else { return }
                out += "== \(incident)\n" + table(rows, indent: "   ")
                let problems = GroupInconsistency.find(in: figures.filter { $0.incident == incident })
                for p in problems {
                    out += "   ! \(figureName(p.figure, p.group)) best \(n(p.best)) is above \(figureName(p.figure, p.parentGroup)) best \(n(p.parentBest))\(p.severity == "hard" ? " (even the ranges disagree)" : "")\n"
                }
                rows = []
            }
            for c in figures {
                if c.incident != incident {
                    flush()
                    if incident != nil { out += "\n" }
                    incident = c.incident
                    rows = [["FIGURE", "BEST", "RANGE", "GRADE", "ORIGINATORS", "CLAIMS", "AGAINST"]]
                }
                let against = c.contradicting.isEmpty ? "" : c.contradicting.map { "\($0.originator) \($0.value ?? $0.bound)" }.joined(separator: "; ")
                rows.append([figureName(c.figure, c.group), c.bestDisplay, c.kind == "categorical" ? votes(c) : range(c.low, c.high),
                             c.grade.rawValue, String(c.originators), String(c.claims), against])
            }
            flush()
            return out
        }
    }

    static func votes(_ c: Consensus) -> String {
        c.votes.map { "\($0.label) \(String(format: "%.2f", $0.probability))" }.joined(separator: " / ")
    }

    // MARK: - reliability

    static func reliability(_ table: [SourceReliability], format: OutputFormat) -> String {
        switch format {
        case .json: return json(table)
        case .csv:
            return csv([["source", "name", "kind", "score", "uncertainty", "scored_claims", "prior", "prior_basis", "bias", "relayed", "fidelity"]] + table.map {
                [$0.source, $0.name, $0.kind, f3($0.score), f3($0.uncertainty), String($0.scoredClaims), f3($0.prior), $0.priorBasis,
                 $0.bias.map(f3) ?? "", String($0.relayed), $0.fidelity.map(f3) ?? ""]
            })
        case .table:
            if table.isEmpty { return "no sources with claims\n" }
            let sorted = table.sorted { $0.score != $1.score ? $0.score > $1.score : $0.source < $1.source }
            return ProjectionRendering.table([["SOURCE", "KIND", "SCORE", "±", "N", "BIAS", "FIDELITY", "PRIOR"]] + sorted.map { r in
                [r.name == r.source ? r.source : "\(r.name) [\(r.source)]", r.kind, f3(r.score), f3(r.uncertainty), String(r.scoredClaims),
                 r.bias.map { ($0 >= 0 ? "+" : "") + f3($0) } ?? "", r.fidelity.map { "\(f3($0)) (\(r.relayed))" } ?? "", r.priorBasis]
            })
        }
    }

    // MARK: - history

    static func history(_ h: FigureHistory, format: OutputFormat) -> String {
        switch format {
        case .json: return json(h)
        case .csv:
            return csv([["incident", "figure", "group", "report", "outlet", "time", "placement", "claims", "best", "low", "high", "grade", "originators"]] + h.steps.map { s in
                [h.incident, h.figure, h.group ?? "", s.report, s.outlet ?? "", s.time, s.placement.rawValue,
                 s.claims.map { "\($0.originator) \($0.bound) \($0.value ?? "")" }.joined(separator: "; "),
                 s.label ?? n(s.best), n(s.low), n(s.high), s.grade.rawValue, String(s.originators)]
            })
        case .table:
            var out = "\(h.incident) \(figureName(h.figure, h.group))\n"
            for s in h.steps {
                out += "\n\(s.time)\(s.placement == .recorded ? " [recorded; published \(s.published ?? "unknown")]" : "")  \(s.outlet ?? "(no outlet)")  report \(s.report.prefix(12))\n"
                for c in s.claims {
                    out += "   + \(Rendering.chain(c.originator, c.via)): \(c.bound)\(c.value.map { " " + $0 } ?? "")\(c.bound == "exact" || c.bound == "some" ? "" : " [\(range(c.low, c.high))]")\n"
                }
                out += "   → best \(s.label ?? s.best.map(JSONValue.canonicalNumber) ?? "some") [\(range(s.low, s.high))] \(s.grade.rawValue), \(s.originators) originator\(s.originators == 1 ? "" : "s")\n"
            }
            return out
        }
    }

    // MARK: - explain

    /// `nestedLabels`: the labels were compared in a hierarchy (`--hierarchy`), so their
    /// probabilities come from the model of how sources answer in a tree, not confusion matrices.
    static func explain(_ audit: FigureAudit, checks: [String: [QuoteCheck]], asJSON: Bool, nestedLabels: Bool = false) -> String {
        if asJSON {
            struct Checked: Encodable { var audit: FigureAudit; var quoteChecks: [String: [String]] }
            return json(Checked(audit: audit, quoteChecks: checks.mapValues { $0.map(describe) }))
        }
        let c = audit.consensus
        var out = "\(c.incident) \(figureName(c.figure, c.group)): best \(c.bestDisplay) [\(range(c.low, c.high))] \(c.grade.rawValue), "
        let all = Set((c.supporting + c.contradicting).map(\.originator)).count
        out += "supported by \(c.originators) of \(all) independent originator\(all == 1 ? "" : "s"), \(c.claims) claim\(c.claims == 1 ? "" : "s")\n"
        if let adjudicated = c.adjudicated { out += "adjudicated: \(adjudicated)\n" }
        if !audit.responsibleParties.isEmpty { out += "responsible parties (heuristic): \(audit.responsibleParties.joined(separator: ", "))\n" }
        for v in c.votes {
            out += "vote \(v.label): weight \(f3(v.weight)) from \(v.originators) originator\(v.originators == 1 ? "" : "s") → probability \(f3(v.probability))"
            out += v.prior.map { " (label prior \(f3($0)))\n" } ?? "\n"
        }
        if let heaviest = c.votes.max(by: { $0.weight < $1.weight }), let likeliest = c.votes.max(by: { $0.probability < $1.probability }),
           heaviest.label != likeliest.label, nestedLabels {
            out += "(labels nest: a label's weight counts every claim at or above it, while the probabilities weigh how\n"
            out += " detailed each source usually is: a broad answer from a source that usually names the narrower label says\n"
            out += " that label is not known, and one naming a label beneath what the others give may be a guess)\n"
        } else if let heaviest = c.votes.max(by: { $0.weight < $1.weight }), let likeliest = c.votes.max(by: { $0.probability < $1.probability }),
           heaviest.label != likeliest.label {
            out += "(the probabilities multiply the odds each source's confusion matrix gives, learned across incidents\n"
            out += " (Dawid–Skene), instead of adding weights: among few labels a source near chance adds little, so one more\n"
            out += " reliable source can outweigh two less reliable ones; they also carry how often each label is the truth\n"
            out += " on the figure's other incidents)\n"
        }
        for e in audit.entries {
            out += "\n\(e.role) \(e.claim)  weight \(f3(e.weight)) (reliability \(f3(e.reliability)))"
            if e.partyConcession { out += "  [party concession]" }
            if e.partyDenial { out += "  [party denial]" }
            out += "\n"
            out += "   value     \(e.bound) \(e.value ?? "")  [\(range(e.low, e.high))]\(e.combined ? " (killed and injured combined)" : "")\n"
            out += "   source    \(Rendering.chain(e.originatorName, e.viaNames))\n"
            out += "   report    \(Terminal.isolated(e.outletName ?? e.outlet ?? "(no outlet)")), \(e.published ?? "unknown time") (\(e.precision))\(e.placement == .recorded ? " [placed by recorded time]" : "")\n"
            if let title = e.title { out += "             \(Terminal.isolated(title))\n" }
            if let url = e.url { out += "             \(url)\n" }
            out += "             report \(e.report)\n"
            for (i, q) in e.quotes.enumerated() {
                let check = checks[e.claim]?[i] ?? .outOfRange(textLength: 0)
                switch check {
                case .matches: out += "   quote     “\(Terminal.isolated(q.text))” [\(q.start)–\(q.end), matches the stored text]\n"
                case .mismatch(let found): out += "   QUOTE MISMATCH at [\(q.start)–\(q.end)]: the claim says “\(Terminal.isolated(q.text))”, the stored text has “\(Terminal.isolated(found))”\n"
                case .outOfRange(let length): out += "   QUOTE MISMATCH at [\(q.start)–\(q.end)]: beyond the stored text (\(length) characters)\n"
                }
            }
            out += "   extractor \(e.extractor)\n"
            out += "   event     position \(e.position), recorded \(e.recordedAt), hash \(e.hash)\n"
        }
        return out
    }

    static func describe(_ check: QuoteCheck) -> String {
        switch check {
        case .matches: "matches"
        case .mismatch(let found): "mismatch: \(found)"
        case .outOfRange(let length): "out of range: text has \(length)"
        }
    }
}

import Ledger

extension ProjectionRendering {
    /// The incident whose death toll the demo follows.
    static let demoHistory = FigureKey(incident: "atmeh-raid-2022-02-03", figure: "killed", group: "people")

    /// What `claims demo` prints after the claims: each incident's consensus, and how the Atmeh
    /// death toll moved as reports came in.
    static func demoSection(_ store: LedgerStore) throws -> String {
        let snapshot: ProjectionSnapshot
        if let materialised = try store.materialisedSnapshot() {
            snapshot = materialised
        } else {
            snapshot = try store.projections().snapshot()
        }
        var out = "\n== Consensus per incident (claims consensus --all)\n\n"
        out += consensus(snapshot.consensus, format: .table)
        out += "\n== History of the Atmeh death toll (claims history \(demoHistory.incident) \(demoHistory.figure) \(demoHistory.group!))\n\n"
        if let context = try store.incidentProjection(demoHistory.incident) ?? Optional(try store.projections().context),
           let h = context.history(demoHistory) {
            out += history(h, format: .table)
        }
        return out
    }
}
