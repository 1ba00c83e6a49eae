import Events
import Foundation
import Ledger
import Projections

/// Text renderings of events and projections for the terminal.
enum Rendering {
    /// `     12  2026-11-21T06:01:02.345Z  claim_asserted      claim:seed-000-1 v1  killed/people = 13 …`
    static func logLine(_ event: RecordedEvent) -> String {
        let head = "\(String(event.position).leftPadded(7))  \(event.recordedAt)  \(Terminal.pad(event.type, 19)) \(event.stream) v\(event.version)"
        let summary = (try? event.decode()).map(summary) ?? "(payload does not decode)"
        return "\(head)  \(summary)"
    }

    static func summary(_ event: LedgerEvent) -> String {
        switch event {
        case .reportIngested(let e):
            let title = e.title ?? e.fileName ?? "untitled"
            return "\(Terminal.isolated(title)) [\(e.mediaType), \(e.text.unicodeScalars.count) chars, \(e.published.display)\(e.outlet.map { ", outlet \($0)" } ?? "")]"
        case .sourceRegistered(let e): return "\(e.name) (\(e.kind.rawValue)\(e.affiliation.map { ", for \($0)" } ?? ""))"
        case .sourceAliasAdded(let e): return "\(e.sourceID) also known as \(e.alias)"
        case .sourcesMerged(let e): return "\(e.merged) merged into \(e.into)"
        case .incidentOpened(let e): return "\(Terminal.isolated(e.title)) (\(e.date.display)\(e.place.map { ", \(Terminal.isolated($0))" } ?? ""))"
        case .incidentsMerged(let e): return "\(e.merged) merged into \(e.into)"
        case .claimAsserted(let c):
            return "\(c.incidentID): \(figureName(c.figure, c.group)) \(valueText(c.value, c.bound, c.low, c.high)) by \(chain(c.originator, c.via)) [\(c.extractor)]"
        case .claimWithdrawn(let e): return "\(e.claimID) withdrawn: \(e.reason)"
        case .claimMoved(let e): return "\(e.claimID) moved to \(e.toIncident)"
        case .sourceAssessed(let e): return "\(e.sourceID) assessed at \(JSONValue.canonicalNumber(e.reliability))"
        case .figureAdjudicated(let e): return "\(e.incidentID): \(figureName(e.figure, e.group)) = \(e.value.display) per \(e.authority)"
        }
    }

    static func figureName(_ figure: String, _ group: String?) -> String {
        group.map { "\(figure)/\($0)" } ?? figure
    }

    /// `= 13`, `≥ 9`, `> 30`, `≈ 50`, `≤ 20`, `10–15`, `some (≥ 1)`.
    static func valueText(_ value: ClaimValue?, _ bound: Bound, _ low: Double?, _ high: Double?) -> String {
        let n = { (x: Double?) in x.map(JSONValue.canonicalNumber) ?? "?" }
        switch bound {
        case .exact: return "= \(value?.display ?? "?")"
        case .atLeast: return "≥ \(value?.display ?? n(low))"
        case .moreThan: return "> \(value?.display ?? "?")"
        case .about: return "≈ \(value?.display ?? "?")"
        case .atMost: return "≤ \(value?.display ?? n(high))"
        case .upTo: return "up to \(value?.display ?? n(high))"
        case .range: return "\(n(low))–\(n(high))"
        case .some: return "some (≥ 1)"
        }
    }

    /// `Syrian Civil Defense ← Reuters`: originator ← nearest relay ← …, each name isolated so that
    /// Arabic names keep the arrows in place.
    static func chain(_ originator: String, _ via: [String]) -> String {
        ([originator] + via).map(Terminal.isolated).joined(separator: " ← ")
    }

    static func listing(_ listing: ClaimListing) -> String {
        var out = ""
        for incident in listing.incidents {
            out += "\n== \(Terminal.isolated(incident.title)) [\(incident.id)]\n"
            out += "   \(incident.date.display)\(incident.place.map { ", \(Terminal.isolated($0))" } ?? "")\n"
            if incident.figures.isEmpty { out += "   (no claims)\n" }
            for figure in incident.figures {
                out += "\n   \(figureName(figure.figure, figure.group))\n"
                for claim in figure.claims {
                    out += "     \(Terminal.pad(valueText(claim.value, claim.bound, claim.low, claim.high), 10)) \(chain(claim.originator, claim.via))\n"
                    out += "       “\(Terminal.isolated(claim.quote))”\n"
                }
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
