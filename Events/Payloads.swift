import Foundation

/// A published document was stored. Its id is the SHA-256 of its normalised text
/// (see ``ReportText``), so the same text is only ever ingested once.
public struct ReportIngested: EventPayload {
    public static let type = "report_ingested"
    public static let schemaVersion = 1
    public static let summary = "A report (article, statement, or an imported data file) was stored with its full normalised text."
    public static let startsStream = true

    public var reportID: String
    public var text: String
    /// `text/plain` for reports, `text/csv` for imported tables.
    public var mediaType: String
    /// The source id of the outlet that published it, when known.
    public var outlet: String?
    public var title: String?
    public var url: String?
    public var fileName: String?
    public var languages: [String]
    public var published: PartialTime

    public init(text: String, mediaType: String = "text/plain", outlet: String? = nil, title: String? = nil, url: String? = nil,
                fileName: String? = nil, languages: [String] = [], published: PartialTime = .unknown) {
        self.reportID = ReportText.id(ofNormalised: text)
        self.text = text
        self.mediaType = mediaType
        self.outlet = outlet
        self.title = title
        self.url = url
        self.fileName = fileName
        self.languages = languages
        self.published = published
    }

    public static let fields: [Field] = [
        Field("report_id", reportIdentifier, "SHA-256 of the normalised text, lowercase hex"),
        Field("text", .string(minLength: 1), "the full text, normalised (NFC, LF line ends, no byte-order mark)"),
        Field("media_type", .enumeration(["text/plain", "text/csv"]), "text/plain for a report, text/csv for an imported table"),
        .optional("outlet", identifier, "source id of the publishing outlet"),
        .optional("title", .string(), "title"),
        .optional("url", .string(), "where it was published"),
        .optional("file_name", .string(), "the file it was read from"),
        Field("languages", .array(.string(minLength: 2)), "BCP 47 language tags, e.g. [\"ar\", \"en\"]"),
        Field("published", .object(PartialTime.fields), "publication time with its precision"),
    ]

    public var stream: String { "report:\(reportID)" }

    public var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("report_id", reportID)
        b.set("text", text)
        b.set("media_type", mediaType)
        b.set("outlet", outlet)
        b.set("title", title)
        b.set("url", url)
        b.set("file_name", fileName)
        b.set("languages", strings: languages)
        b.set("published", published.json)
        return b.value
    }

    public init(reader r: JSONObjectReader) throws(WireFormatError) {
        reportID = try r.string("report_id")
        text = try r.string("text")
        mediaType = try r.string("media_type")
        outlet = try r.optionalString("outlet")
        title = try r.optionalString("title")
        url = try r.optionalString("url")
        fileName = try r.optionalString("file_name")
        languages = try r.strings("languages")
        published = try PartialTime(reader: r.object("published"))
    }

    public func checkValues() throws(WireFormatError) {
        guard ReportText.normalise(text) == text else {
            throw WireFormatError(field: "payload.text", reason: "is not normalised (NFC, LF line ends, no byte-order mark); ingest the file with `claims ingest` instead")
        }
        guard ReportText.id(ofNormalised: text) == reportID else {
            throw WireFormatError(field: "payload.report_id", reason: "is not the SHA-256 of the text (expected \(ReportText.id(ofNormalised: text)))")
        }
    }
}

/// Someone who makes or relays claims became known to the ledger.
public struct SourceRegistered: EventPayload {
    public static let type = "source_registered"
    public static let schemaVersion = 1
    public static let summary = "A source (outlet, agency, monitor, government, armed force, spokesperson, anonymous collective) was registered."
    public static let startsStream = true

    public var sourceID: String
    public var name: String
    public var kind: SourceKind
    /// For a spokesperson: the source id of the organisation they speak for.
    public var affiliation: String?
    /// For an anonymous collective ("local sources"): the report it is scoped to, since such
    /// collectives are not one entity across reports.
    public var scopeReport: String?

    public init(sourceID: String, name: String, kind: SourceKind, affiliation: String? = nil, scopeReport: String? = nil) {
        self.sourceID = sourceID
        self.name = name
        self.kind = kind
        self.affiliation = affiliation
        self.scopeReport = scopeReport
    }

    public static let fields: [Field] = [
        Field("source_id", identifier, "stable id, e.g. syrian-civil-defense"),
        Field("name", .string(minLength: 1), "display name"),
        Field("kind", .enumeration(SourceKind.allCases.map(\.rawValue)), "what kind of source it is"),
        .optional("affiliation", identifier, "for a spokesperson: the source id of the organisation they speak for"),
        .optional("scope_report", reportIdentifier, "for an anonymous collective: the report that cites it"),
    ]

    public var stream: String { "source:\(sourceID)" }

    public var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("source_id", sourceID)
        b.set("name", name)
        b.set("kind", kind.rawValue)
        b.set("affiliation", affiliation)
        b.set("scope_report", scopeReport)
        return b.value
    }

    public init(reader r: JSONObjectReader) throws(WireFormatError) {
        sourceID = try r.string("source_id")
        name = try r.string("name")
        kind = SourceKind(rawValue: try r.string("kind")) ?? .unknown
        affiliation = try r.optionalString("affiliation")
        scopeReport = try r.optionalString("scope_report")
    }
}

/// Another name, in any script, for a registered source.
public struct SourceAliasAdded: EventPayload {
    public static let type = "source_alias_added"
    public static let schemaVersion = 1
    public static let summary = "A source got another name (in any script), e.g. المرصد السوري لحقوق الإنسان for the Syrian Observatory for Human Rights."

    public var sourceID: String
    public var alias: String

    public init(sourceID: String, alias: String) {
        self.sourceID = sourceID
        self.alias = alias
    }

    public static let fields: [Field] = [
        Field("source_id", identifier, "the source"),
        Field("alias", .string(minLength: 1), "the other name"),
    ]

    public var stream: String { "source:\(sourceID)" }
    public var json: JSONValue { .object(["source_id": .string(sourceID), "alias": .string(alias)]) }

    public init(reader r: JSONObjectReader) throws(WireFormatError) {
        sourceID = try r.string("source_id")
        alias = try r.string("alias")
    }
}

/// Two source ids were found to be the same source; `merged` now counts as `into`.
public struct SourcesMerged: EventPayload {
    public static let type = "sources_merged"
    public static let schemaVersion = 1
    public static let summary = "Two registered sources were found to be one; the merged one's claims count as the surviving one's."

    public var into: String
    public var merged: String
    public var reason: String?

    public init(into: String, merged: String, reason: String? = nil) {
        self.into = into
        self.merged = merged
        self.reason = reason
    }

    public static let fields: [Field] = [
        Field("into", identifier, "the surviving source id"),
        Field("merged", identifier, "the source id merged into it"),
        .optional("reason", .string(), "why"),
    ]

    public var stream: String { "source:\(into)" }

    public var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("into", into)
        b.set("merged", merged)
        b.set("reason", reason)
        return b.value
    }

    public init(reader r: JSONObjectReader) throws(WireFormatError) {
        into = try r.string("into")
        merged = try r.string("merged")
        reason = try r.optionalString("reason")
    }

    public func checkValues() throws(WireFormatError) {
        if into == merged { throw WireFormatError(field: "payload.merged", reason: "a source cannot be merged into itself") }
    }
}

/// A real-world event that claims attach to.
public struct IncidentOpened: EventPayload {
    public static let type = "incident_opened"
    public static let schemaVersion = 1
    public static let summary = "An incident (one real-world event: what, when, where) was opened so that claims can attach to it."
    public static let startsStream = true

    public var incidentID: String
    public var title: String
    /// raid, drone_strike, shelling …; open vocabulary.
    public var kind: String?
    public var date: PartialTime
    public var place: String?

    public init(incidentID: String, title: String, kind: String? = nil, date: PartialTime = .unknown, place: String? = nil) {
        self.incidentID = incidentID
        self.title = title
        self.kind = kind
        self.date = date
        self.place = place
    }

    public static let fields: [Field] = [
        Field("incident_id", identifier, "stable id, e.g. atmeh-raid-2022-02-03"),
        Field("title", .string(minLength: 1), "what happened"),
        .optional("kind", .string(minLength: 1), "kind of event: raid, drone_strike, shelling …"),
        Field("date", .object(PartialTime.fields), "when it happened, with precision"),
        .optional("place", .string(), "where it happened"),
    ]

    public var stream: String { "incident:\(incidentID)" }

    public var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("incident_id", incidentID)
        b.set("title", title)
        b.set("kind", kind)
        b.set("date", date.json)
        b.set("place", place)
        return b.value
    }

    public init(reader r: JSONObjectReader) throws(WireFormatError) {
        incidentID = try r.string("incident_id")
        title = try r.string("title")
        kind = try r.optionalString("kind")
        date = try PartialTime(reader: r.object("date"))
        place = try r.optionalString("place")
    }
}

/// Two incidents were found to be one real-world event; the merged one's claims now count
/// for `into`.
public struct IncidentsMerged: EventPayload {
    public static let type = "incidents_merged"
    public static let schemaVersion = 1
    public static let summary = "Two incidents were found to be duplicates; the merged one's claims now belong to the surviving one."

    public var into: String
    public var merged: String
    public var reason: String?

    public init(into: String, merged: String, reason: String? = nil) {
        self.into = into
        self.merged = merged
        self.reason = reason
    }

    public static let fields: [Field] = [
        Field("into", identifier, "the surviving incident id"),
        Field("merged", identifier, "the incident id merged into it"),
        .optional("reason", .string(), "why"),
    ]

    public var stream: String { "incident:\(into)" }

    public var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("into", into)
        b.set("merged", merged)
        b.set("reason", reason)
        return b.value
    }

    public init(reader r: JSONObjectReader) throws(WireFormatError) {
        into = try r.string("into")
        merged = try r.string("merged")
        reason = try r.optionalString("reason")
    }

    public func checkValues() throws(WireFormatError) {
        if into == merged { throw WireFormatError(field: "payload.merged", reason: "an incident cannot be merged into itself") }
    }
}

/// A report asserts a figure about an incident. Schema version 2; version 1 (one quote with
/// top-level `quote`/`start`/`end`) is upcast on read.
public struct ClaimAsserted: EventPayload {
    public static let type = "claim_asserted"
    public static let schemaVersion = 2
    public static let summary = "A report asserts a figure about an incident: value, bound and interval, who said it and who relayed it, where it says so, and what extracted it."
    public static let startsStream = true

    public var claimID: String
    public var reportID: String
    public var incidentID: String
    /// killed, injured, … (numeric) or outcome, target, … (categorical); open vocabulary.
    public var figure: String
    /// people, civilians, children, …; nil where it does not apply (categorical figures).
    public var group: String?
    /// nil only for `some` and for a `range` that gives no single value.
    public var value: ClaimValue?
    public var bound: Bound
    /// Lower end of the interval; nil is unbounded below.
    public var low: Double?
    /// Upper end of the interval; nil is open-ended ("at least").
    public var high: Double?
    /// Source id of whoever first made the claim.
    public var originator: String
    /// Source ids of those who passed it on, nearest first (the report's outlet last).
    public var via: [String]
    /// Where the report says so; one claim stated several times in one report has several.
    public var quotes: [Quote]
    public var extractor: ExtractorRef
    /// True for combined phrasing ("killed and injured 13"): the value covers more than `figure`.
    public var combined: Bool
    public var note: String?

    /// A claim whose `low`/`high` are derived from `bound` and `value` unless given.
    public init(claimID: String, reportID: String, incidentID: String, figure: String, group: String?, value: ClaimValue?,
                bound: Bound, low: Double? = nil, high: Double? = nil, originator: String, via: [String] = [],
                quotes: [Quote], extractor: ExtractorRef, combined: Bool = false, note: String? = nil) {
        self.claimID = claimID
        self.reportID = reportID
        self.incidentID = incidentID
        self.figure = figure
        self.group = group
        self.value = value
        self.bound = bound
        let implied = bound.impliedInterval(value: value?.number, isCount: FigureKind.of(figure: figure, group: group, value: value) == .count)
        self.low = low ?? implied.low
        self.high = high ?? implied.high
        self.originator = originator
        self.via = via
        self.quotes = quotes
        self.extractor = extractor
        self.combined = combined
        self.note = note
    }

    public static let fields: [Field] = [
        Field("claim_id", identifier, "stable id of this assertion"),
        Field("report_id", reportIdentifier, "the report that makes it"),
        Field("incident_id", identifier, "the incident it is about"),
        Field("figure", .string(minLength: 1, maxLength: 100), "what is counted or stated: killed, injured, outcome …"),
        .optional("group", .string(minLength: 1, maxLength: 100), "whose figure: people, civilians, children …; null for categorical figures"),
        .optional("value", .numberOrString, "a number, or a label for categorical figures; null for bound some or a bare range"),
        Field("bound", .enumeration(Bound.allCases.map(\.rawValue)), "how the value bounds the true figure"),
        .optional("low", .number(), "lower end of the interval; null when unbounded below"),
        .optional("high", .number(), "upper end of the interval; null when open-ended"),
        Field("originator", identifier, "source id of whoever first made the claim"),
        Field("via", .array(identifier), "source ids that relayed it, nearest first"),
        Field("quotes", .array(.object(Quote.fields), minItems: 1), "passages of the report that state it"),
        Field("extractor", .object(ExtractorRef.fields), "what produced the claim"),
        Field("combined", .boolean, required: false, "the value covers more than the figure (\"killed and injured 13\")"),
        .optional("note", .string(), "free text"),
    ]

    public var stream: String { "claim:\(claimID)" }
    public var kind: FigureKind { FigureKind.of(figure: figure, group: group, value: value) }

    public var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("claim_id", claimID)
        b.set("report_id", reportID)
        b.set("incident_id", incidentID)
        b.set("figure", figure)
        b.set("group", group.map(JSONValue.string) ?? .null)
        b.set("value", value?.json ?? .null)
        b.set("bound", bound.rawValue)
        b.set("low", low.map(JSONValue.number) ?? .null)
        b.set("high", high.map(JSONValue.number) ?? .null)
        b.set("originator", originator)
        b.set("via", strings: via)
        b.set("quotes", JSONValue.array(quotes.map(\.json)))
        b.set("extractor", extractor.json)
        if combined { b.set("combined", true) }
        b.set("note", note)
        return b.value
    }

    public init(reader r: JSONObjectReader) throws(WireFormatError) {
        claimID = try r.string("claim_id")
        reportID = try r.string("report_id")
        incidentID = try r.string("incident_id")
        figure = try r.string("figure")
        group = try r.optionalString("group")
        value = ClaimValue(json: r.value("value"))
        guard let bound = Bound(rawValue: try r.string("bound")) else { throw r.fail("bound", "unknown bound") }
        self.bound = bound
        originator = try r.string("originator")
        via = try r.strings("via")
        var quotes: [Quote] = []
        for q in try r.objects("quotes") { quotes.append(try Quote(reader: q)) }
        self.quotes = quotes
        extractor = try ExtractorRef(reader: r.object("extractor"))
        combined = try r.bool("combined", default: false)
        note = try r.optionalString("note")
        // Absent low/high mean "as the bound implies"; an explicit null means unbounded.
        let implied = bound.impliedInterval(value: value?.number, isCount: FigureKind.of(figure: figure, group: group, value: value) == .count)
        low = r.members["low"] == nil ? implied.low : try r.optionalNumber("low")
        high = r.members["high"] == nil ? implied.high : try r.optionalNumber("high")
    }

    public func checkValues() throws(WireFormatError) {
        func fail(_ field: String, _ reason: String) -> WireFormatError { WireFormatError(field: "payload.\(field)", reason: reason) }
        if kind == .count {
            for (name, number) in [("value", value?.number), ("low", low), ("high", high)] {
                guard let number else { continue }
                if number < 0 { throw fail(name, "a count of \(figure) cannot be negative (\(JSONValue.canonicalNumber(number)))") }
                if number != number.rounded() { throw fail(name, "a count of \(figure) must be a whole number (\(JSONValue.canonicalNumber(number)))") }
                if number > FigureKind.maximumCount { throw fail(name, "\(JSONValue.canonicalNumber(number)) is too large to store as a count (the largest is 9007199254740991)") }
            }
        }
        if value == nil, bound != .some, bound != .range { throw fail("value", "is required for bound \(bound.rawValue)") }
        if bound == .some, value != nil { throw fail("value", "must be null for bound some (an unstated positive number)") }
        if bound == .range, low == nil || high == nil { throw fail(low == nil ? "low" : "high", "is required for bound range") }
        if case .label = value, bound != .exact { throw fail("bound", "a label takes bound exact") }
        if let low, let high, low > high { throw fail("low", "low (\(JSONValue.canonicalNumber(low))) is above high (\(JSONValue.canonicalNumber(high)))") }
        if let v = value?.number {
            // "More than n" excludes n itself: its interval starts above the value.
            if let low, bound != .moreThan, v < low { throw fail("value", "is below low") }
            if let high, v > high { throw fail("value", "is above high") }
        }
        if via.contains(originator) { throw fail("via", "lists the originator \(originator) as its own relay") }
    }
}

/// The claim was mis-extracted: the report never said it. A report revising its own figure is
/// not a withdrawal but a new claim.
public struct ClaimWithdrawn: EventPayload {
    public static let type = "claim_withdrawn"
    public static let schemaVersion = 1
    public static let summary = "A claim was mis-extracted (the report never said it) or superseded by a re-extraction, and no longer counts."

    public var claimID: String
    public var reason: String
    /// The extractor whose run withdrew it, when it was a re-extraction.
    public var supersededBy: ExtractorRef?

    public init(claimID: String, reason: String, supersededBy: ExtractorRef? = nil) {
        self.claimID = claimID
        self.reason = reason
        self.supersededBy = supersededBy
    }

    public static let fields: [Field] = [
        Field("claim_id", identifier, "the withdrawn claim"),
        Field("reason", .string(minLength: 1), "why"),
        Field("superseded_by", .object(ExtractorRef.fields), required: false, nullable: true, "the extractor whose re-extraction no longer produces it"),
    ]

    public var stream: String { "claim:\(claimID)" }

    public var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("claim_id", claimID)
        b.set("reason", reason)
        b.set("superseded_by", supersededBy?.json)
        return b.value
    }

    public init(reader r: JSONObjectReader) throws(WireFormatError) {
        claimID = try r.string("claim_id")
        reason = try r.string("reason")
        supersededBy = r.value("superseded_by").isNull ? nil : try ExtractorRef(reader: r.object("superseded_by"))
    }
}

/// The claim is about another incident than the one it was attached to.
public struct ClaimMoved: EventPayload {
    public static let type = "claim_moved"
    public static let schemaVersion = 1
    public static let summary = "A claim was found to be about another incident and now belongs to it."

    public var claimID: String
    public var toIncident: String
    public var reason: String?

    public init(claimID: String, toIncident: String, reason: String? = nil) {
        self.claimID = claimID
        self.toIncident = toIncident
        self.reason = reason
    }

    public static let fields: [Field] = [
        Field("claim_id", identifier, "the claim"),
        Field("to_incident", identifier, "the incident it now belongs to"),
        .optional("reason", .string(), "why"),
    ]

    public var stream: String { "claim:\(claimID)" }

    public var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("claim_id", claimID)
        b.set("to_incident", toIncident)
        b.set("reason", reason)
        return b.value
    }

    public init(reader r: JSONObjectReader) throws(WireFormatError) {
        claimID = try r.string("claim_id")
        toIncident = try r.string("to_incident")
        reason = try r.optionalString("reason")
    }
}

/// An analyst's prior on how reliable a source is.
public struct SourceAssessed: EventPayload {
    public static let type = "source_assessed"
    public static let schemaVersion = 1
    public static let summary = "An analyst stated a prior on a source's reliability."

    public var sourceID: String
    /// 0 (never right) … 1 (always right).
    public var reliability: Double
    public var note: String?

    public init(sourceID: String, reliability: Double, note: String? = nil) {
        self.sourceID = sourceID
        self.reliability = reliability
        self.note = note
    }

    public static let fields: [Field] = [
        Field("source_id", identifier, "the source"),
        Field("reliability", .number(minimum: 0, maximum: 1), "prior reliability, 0 to 1"),
        .optional("note", .string(), "the analyst's reasoning"),
    ]

    public var stream: String { "source:\(sourceID)" }

    public var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("source_id", sourceID)
        b.set("reliability", reliability)
        b.set("note", note)
        return b.value
    }

    public init(reader r: JSONObjectReader) throws(WireFormatError) {
        sourceID = try r.string("source_id")
        reliability = try r.number("reliability")
        note = try r.optionalString("note")
    }
}

/// An established figure (an official investigation, a court) used to score sources.
public struct FigureAdjudicated: EventPayload {
    public static let type = "figure_adjudicated"
    public static let schemaVersion = 1
    public static let summary = "An established figure for an incident (from an investigation, a court, a later census) against which sources are scored."

    public var incidentID: String
    public var figure: String
    public var group: String?
    public var value: ClaimValue
    public var authority: String
    public var note: String?

    public init(incidentID: String, figure: String, group: String?, value: ClaimValue, authority: String, note: String? = nil) {
        self.incidentID = incidentID
        self.figure = figure
        self.group = group
        self.value = value
        self.authority = authority
        self.note = note
    }

    public static let fields: [Field] = [
        Field("incident_id", identifier, "the incident"),
        Field("figure", .string(minLength: 1, maxLength: 100), "the figure"),
        .optional("group", .string(minLength: 1, maxLength: 100), "the group; null for categorical figures"),
        Field("value", .numberOrString, "the established value"),
        Field("authority", .string(minLength: 1), "who established it"),
        .optional("note", .string(), "free text"),
    ]

    public var stream: String { "incident:\(incidentID)" }

    public var json: JSONValue {
        var b = JSONObjectBuilder()
        b.set("incident_id", incidentID)
        b.set("figure", figure)
        b.set("group", group.map(JSONValue.string) ?? .null)
        b.set("value", value.json)
        b.set("authority", authority)
        b.set("note", note)
        return b.value
    }

    public init(reader r: JSONObjectReader) throws(WireFormatError) {
        incidentID = try r.string("incident_id")
        figure = try r.string("figure")
        group = try r.optionalString("group")
        guard let value = ClaimValue(json: r.value("value")) else { throw r.fail("value", "must be a number or a string") }
        self.value = value
        authority = try r.string("authority")
        note = try r.optionalString("note")
    }

    public func checkValues() throws(WireFormatError) {
        if FigureKind.of(figure: figure, group: group, value: value) == .count, let n = value.number {
            if n < 0 || n != n.rounded() || n > FigureKind.maximumCount {
                throw WireFormatError(field: "payload.value", reason: "a count of \(figure) must be a whole number from 0 to 9007199254740991")
            }
        }
    }
}
