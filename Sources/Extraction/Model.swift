import Events
import Foundation

/// Whether a claim is about the report's main incident or an earlier one it mentions as background.
public enum IncidentRole: String, Hashable, Sendable {
    case main
    /// A figure about another, earlier incident ("the raid that killed al-Baghdadi in 2019"):
    /// never attached to the main incident.
    case background
}

/// A claim found in a report, before it is tied to a ledger incident.
public struct ExtractedClaim: Hashable, Sendable {
    public var incident: IncidentRole
    /// killed, injured, captured, arrested, missing, hostages_freed, helicopters, warplanes,
    /// strikes, houses_destroyed, duration_minutes.
    public var figure: String
    /// people, civilians, children, women, soldiers, police, militants, us_personnel, other,
    /// coalition, clashes, operation …; nil where no group applies.
    public var group: String?
    /// nil for bound `some`.
    public var value: Double?
    public var bound: Bound
    public var low: Double?
    public var high: Double?
    /// Source id of whoever first made the claim; ``ExtractedClaim/outletOriginator`` when the
    /// report states it in its own voice.
    public var originator: String
    /// Source ids of relays, nearest to the originator first; the report's outlet is not listed.
    public var via: [String]
    /// Every place the report states the claim, in text order; offsets in Unicode scalars.
    public var quotes: [Quote]
    /// "killed and injured 13": the value covers more than `figure`.
    public var combined: Bool
    /// A breakdown of the figure before it ("among them 6 children", بينهم).
    public var isSubCount: Bool = false
    /// Scalar offset of the figure word when several counts share it ("seven women and three
    /// children were killed"): such counts add up to the figure's total.
    public var sharedFigureWord: Int? = nil
    /// The number stands for a vague word ("dozens" = 10 `at_least`, `مئات` = 100 `at_least`).
    public var isVague: Bool = false
    /// Victims in addition to ones counted or named before ("four other people", "another
    /// four", "two more"): a toll adds them to what came before.
    public var isAdditional: Bool = false

    /// The originator id that stands for the publishing outlet itself.
    public static let outletOriginator = "(outlet)"

    public init(incident: IncidentRole = .main, figure: String, group: String?, value: Double?, bound: Bound,
                low: Double? = nil, high: Double? = nil, originator: String, via: [String] = [], quotes: [Quote], combined: Bool = false) {
        self.incident = incident
        self.figure = figure
        self.group = group
        self.value = value
        self.bound = bound
        let implied = bound.impliedInterval(value: value, isCount: FigureKind.of(figure: figure, group: group, value: value.map(ClaimValue.number)) == .count)
        self.low = low ?? implied.low
        self.high = high ?? implied.high
        self.originator = originator
        self.via = via
        self.quotes = quotes
        self.combined = combined
    }
}

/// A source named in a report.
public struct ExtractedSource: Hashable, Sendable {
    public var id: String
    public var name: String
    public var kind: SourceKind
    public var affiliation: String?
    /// Anonymous collectives are scoped to the report that cites them.
    public var scopedToReport: Bool
}

/// What, where and when the report's main incident is.
public struct IncidentDescriptor: Hashable, Sendable {
    /// raid, drone_strike, airstrike, bombing, shelling, shooting …; nil when not recognised.
    public var kind: String?
    /// Display name of the place, as the gazetteer names it or as written.
    public var place: String?
    /// Script- and spelling-independent key of the place (أطمة, آطمة, Atmeh, Aṭma → `atmeh`).
    public var placeKey: String?
    public var date: PartialTime

    public init(kind: String?, place: String?, placeKey: String?, date: PartialTime) {
        self.kind = kind
        self.place = place
        self.placeKey = placeKey
        self.date = date
    }
}

/// Everything the extractor found in one report.
public struct ExtractionResult: Hashable, Sendable {
    public var extractor: ExtractorRef
    public var claims: [ExtractedClaim]
    public var incident: IncidentDescriptor
    public var sources: [ExtractedSource]

    /// Claims about the main incident only.
    public var mainClaims: [ExtractedClaim] { claims.filter { $0.incident == .main } }
}

/// Why a report could not be read.
public enum ExtractionError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidUTF8(byteOffset: Int, line: Int)
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .invalidUTF8(let offset, let line): "invalid UTF-8 at byte \(offset) (line \(line)); convert the file to UTF-8 first"
        case .tooLarge(let bytes, let limit): "the report has \(bytes) bytes, more than the \(limit) the extractor reads; split it"
        }
    }
}
