import Events
import Foundation

/// A quote with the span it claims in its report's stored text.
public struct AuditQuote: Codable, Hashable, Sendable {
    public var text: String
    public var start: Int
    public var end: Int
}

/// One claim behind a figure, with everything needed to trace it back.
public struct AuditEntry: Codable, Hashable, Sendable {
    public var claim: String
    /// `supporting`, `contradicting` or `superseded` (replaced by its originator's later statement).
    public var role: String
    /// Vote weight in the consensus (0 when superseded).
    public var weight: Double
    public var reliability: Double
    public var originator: String
    public var originatorName: String
    /// Relays, nearest first.
    public var via: [String]
    public var viaNames: [String]
    public var value: String?
    public var bound: String
    public var low: Double?
    public var high: Double?
    public var combined: Bool
    public var partyDenial: Bool
    public var partyConcession: Bool
    public var report: String
    public var outlet: String?
    public var outletName: String?
    public var title: String?
    public var url: String?
    public var published: String?
    public var precision: String
    public var placement: Placement
    public var quotes: [AuditQuote]
    public var extractor: String
    public var position: Int64
    public var recordedAt: String
    public var hash: String
}

/// The derivation of one figure: its consensus and every claim behind it.
public struct FigureAudit: Codable, Hashable, Sendable {
    public var consensus: Consensus
    public var responsibleParties: [String]
    public var entries: [AuditEntry]
}

/// The result of checking a quote against the stored report text.
public enum QuoteCheck: Hashable, Sendable {
    case matches
    /// The span lies outside the text.
    case outOfRange(textLength: Int)
    /// The text at the span is not the quote.
    case mismatch(found: String)

    public var isMatch: Bool { self == .matches }
}

public enum Audit {
    /// Checks a quote against its report's stored text by its span (Unicode-scalar offsets).
    /// A mismatch is an error for the caller to show, never to paper over.
    public static func check(_ quote: AuditQuote, in reportText: String) -> QuoteCheck {
        check(quote, in: ScalarOffsetIndex(reportText))
    }

    /// The same with an index built once per report.
    public static func check(_ quote: AuditQuote, in index: ScalarOffsetIndex) -> QuoteCheck {
        guard let found = index.text(from: quote.start, to: quote.end) else { return .outOfRange(textLength: index.scalarCount) }
        return found == quote.text ? .matches : .mismatch(found: found)
    }
}

extension ProjectionContext {
    /// The audit of one figure; nil when no live claim states it.
    public func audit(_ key: FigureKey) -> FigureAudit? {
        guard let consensus = consensus(key), let claims = claimsByKey[key] else { return nil }
        var roles: [String: (String, WeightedClaim)] = [:]
        for w in consensus.supporting { roles[w.claim] = ("supporting", w) }
        for w in consensus.contradicting { roles[w.claim] = ("contradicting", w) }
        let entries = claims.sorted { ($0.time, $0.record.position) < ($1.time, $1.record.position) }.map { c -> AuditEntry in
            let role = roles[c.id]
            let outlet = c.report?.outlet.map(state.canonicalSource)
            return AuditEntry(
                claim: c.id, role: role?.0 ?? "superseded", weight: role?.1.weight ?? 0, reliability: score(of: c.originator),
                originator: c.originator, originatorName: state.sourceName(c.originator), via: c.via, viaNames: c.via.map(state.sourceName),
                value: c.claim.value?.display, bound: c.claim.bound.rawValue, low: c.low.isFinite ? c.low : nil,
                high: c.high.isFinite ? c.high : nil, combined: c.claim.combined,
                partyDenial: role?.1.partyDenial ?? false, partyConcession: role?.1.partyConcession ?? false,
                report: c.claim.reportID, outlet: outlet, outletName: outlet.map(state.sourceName), title: c.report?.title, url: c.report?.url,
                published: c.report?.published, precision: c.report?.precision ?? TimePrecision.unknown.rawValue, placement: c.placement,
                quotes: c.claim.quotes.map { AuditQuote(text: $0.text, start: $0.start, end: $0.end) },
                extractor: c.claim.extractor.description, position: c.record.position, recordedAt: c.record.recordedAt, hash: c.record.hash)
        }
        return FigureAudit(consensus: consensus, responsibleParties: responsibleParties(of: key.incident), entries: entries)
    }
}
