import Events
import Foundation

/// The built-in rule-based extractor, `rules@1`: Arabic, English and mixed reports → claims.
///
/// It reads normalised report text (``ReportText/normalise(_:)``) sentence by sentence in one
/// linear pass: numbers and counted nouns, the figure word next to them, bound words, negations,
/// sub-counts ("among them", بينهم), attribution and relays, and the main incident's kind, place
/// and date. Every quote is an exact span of the text in Unicode scalars. See `README.md` for
/// the conventions.
public struct RuleExtractor: Sendable {
    public static let reference = ExtractorRef(name: "rules", version: "1")
    /// Reports longer than this many UTF-8 bytes are refused (``ExtractionError/tooLarge``).
    public static let maximumBytes = 64 * 1024 * 1024

    public var gazetteer: SourceGazetteer
    public var places: PlaceGazetteer

    public init(gazetteer: SourceGazetteer = .builtIn, places: PlaceGazetteer = .builtIn) {
        self.gazetteer = gazetteer
        self.places = places
    }

    /// Decodes report bytes (invalid UTF-8 is an error), normalises and extracts.
    public func extract(bytes: [UInt8], language: String? = nil, published: PartialTime = .unknown) throws(ExtractionError) -> ExtractionResult {
        guard bytes.count <= Self.maximumBytes else { throw .tooLarge(bytes: bytes.count, limit: Self.maximumBytes) }
        let text: String
        do { text = try ReportText.decode(bytes) } catch { throw .invalidUTF8(byteOffset: error.byteOffset, line: error.line) }
        return extract(text: ReportText.normalise(text), language: language, published: published)
    }

    /// Extracts claims, sources and the main incident's descriptor from normalised text.
    /// `language` is a hint only (both scripts are always read); `published` dates the incident.
    public func extract(text: String, language: String? = nil, published: PartialTime = .unknown) -> ExtractionResult {
        var run = Run(text: text, gazetteer: gazetteer, places: places, published: published)
        run.go()
        return ExtractionResult(extractor: Self.reference, claims: run.claims, incident: run.descriptor, sources: run.sourceList)
    }
}

/// One extraction run over one report.
struct Run {
    let scalars: [Unicode.Scalar]
    let tokens: [Token]
    let gazetteer: SourceGazetteer
    let places: PlaceGazetteer
    let published: PartialTime
    var claims: [ExtractedClaim] = []
    struct ClaimKey: Hashable {
        var incident: IncidentRole, figure: String, group: String?, value: Double?, bound: Bound, originator: String, via: [String], combined: Bool
    }
    var claimIndex: [ClaimKey: Int] = [:]
    var sources: [String: ExtractedSource] = [:]
    var sourceOrder: [String] = []
    var descriptor = IncidentDescriptor(kind: nil, place: nil, placeKey: nil, date: .unknown)
    /// The attribution of the last attributed sentence, for "he added" and "the sources".
    var lastAttribution: Attribution?
    /// The last anonymous collective that spoke, with its relays ("the sources" refers back to it).
    var lastAnonymous: (GazetteerSource, [GazetteerSource])?
    var previousBackground = false
    /// Sentences since the last one that named a speaker (``lastAttribution``) in this paragraph;
    /// nil when the paragraph has none to go on with.
    var sentencesSinceSpeaker: Int?
    /// How many sentences after the one that names a speaker still speak for it.
    static let speakerReach = 2
    /// Quote starts of claims of one victim who dies (``singleVictimDeaths``).
    var singleVictimQuotes = Set<Int>()
    /// Counts of specific aircraft stated so far about the main incident (``restatedAircraft``).
    var specificAircraft: [(figure: String, group: String?, value: Double)] = []
    /// Whether the report names the coalition or the US: their aircraft and strikes are `coalition`.
    let reportNamesCoalition: Bool
    var publishedYear: Int?
    /// Whether any sentence tells of a death (a killed figure word, fatally, succumbed).
    let reportTellsOfDeath: Bool
    /// Capitalised words written after another capitalised word on one line ("Devin Mitchell"):
    /// a lone "Mitchell" elsewhere in the report is a surname (``namedPerson(endingAt:lower:)``).
    let reportSurnames: Set<String>

    struct Attribution: Equatable {
        var originator: String
        var via: [String]
        var position: Int
    }

    var sourceList: [ExtractedSource] { sourceOrder.compactMap { sources[$0] } }

    init(text: String, gazetteer: SourceGazetteer, places: PlaceGazetteer, published: PartialTime) {
        scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(text)
        for k in tokens.indices where tokens[k].kind == .word {
            tokens[k].cachedTrigger = Self.lookupTrigger(tokens[k])
            tokens[k].cachedGroup = Self.lookupGroup(tokens[k])
            tokens[k].cachedThing = Self.lookupThing(tokens[k])
            if tokens[k].script == .latin { tokens[k].cachedCues = SingleVictim.cues[tokens[k].norm] ?? [] }
        }
        // "حكم بالإعدام", "محاولة اغتيال": a sentence to death or an attempt tells of no such event.
        for k in tokens.indices.dropFirst() where tokens[k].cachedTrigger != nil && tokens[k].script == .arabic {
            let toDeath = tokens[k].norm.hasPrefix(ArabicNorm.normalise("ب")) && tokens[k - 1].stems.contains(where: Lexicon.sentenceCues.contains)
            if toDeath || tokens[k - 1].stems.contains(where: Lexicon.attemptCues.contains) { tokens[k].cachedTrigger = nil }
        }
        // "حصد أرواح", "أودى بأرواح": lives are a count of killed only where a verb takes them
        // ("إنقاذ أرواح 30 شخصا" saves them, "حماية أرواح المدنيين" protects them).
        for k in tokens.indices where tokens[k].cachedTrigger != nil && tokens[k].script == .arabic && tokens[k].stems.contains(Words.arwah) {
            let taken = (max(0, k - 3)..<k).contains { tokens[$0].kind == .word && tokens[$0].stems.contains(where: Lexicon.lifeTakingVerbs.contains) }
            if !taken { tokens[k].cachedTrigger = nil }
        }
        self.tokens = tokens
        reportNamesCoalition = tokens.contains { t in
            t.kind == .word && (Things.coalitionWords.contains(t.norm) && t.norm != "us" || t.script == .arabic && t.stems.contains(where: Things.coalitionWords.contains)
                || t.text == "US" || t.text == "U.S" || t.norm == "americans" || t.norm == "pentagon")
        }
        reportTellsOfDeath = tokens.contains { t in
            t.kind == .word && (t.cachedTrigger == "killed" || ["fatally", "mortally", "fatal", "succumbed", "dies"].contains(t.norm))
        }
        var surnames = Set<String>()
        for k in tokens.indices.dropFirst() where tokens[k].kind == .word && tokens[k - 1].kind == .word && !tokens[k].lineBefore {
            if tokens[k].script == .latin, tokens[k - 1].script == .latin, tokens[k].text.first?.isUppercase == true, tokens[k - 1].text.first?.isUppercase == true {
                surnames.insert(tokens[k].norm)
            }
        }
        reportSurnames = surnames
        self.gazetteer = gazetteer
        self.places = places
        self.published = published
        if let t = published.time, t.count >= 4 { publishedYear = Int(t.prefix(4)) }
    }

    func quote(_ start: Int, _ end: Int) -> Quote {
        let a = tokens[start].start
        let b = tokens[max(start, end - 1)].end
        return Quote(text: String(String.UnicodeScalarView(scalars[a..<b])), start: a, end: b)
    }

    // MARK: Sentences

    func sentences() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        let n = tokens.count
        var i = 0
        while i < n {
            let t = tokens[i]
            if i > start, t.lineBefore {
                result.append(start..<i); start = i
            }
            if t.kind == .punct, ".!?؟".contains(t.text) || t.text == "…" {
                let next = i + 1 < n ? tokens[i + 1] : nil
                let lowerNext = next.map { $0.script == .latin && $0.text.first!.isLowercase } ?? false
                if next == nil || (next!.spaceBefore && !lowerNext) || next!.lineBefore {
                    // closing quotes stay with the sentence
                    var j = i + 1
                    while j < n, tokens[j].kind == .punct, "\"”»'".contains(tokens[j].text), !tokens[j].lineBefore { j += 1 }
                    result.append(start..<j); start = j; i = j; continue
                }
            }
            i += 1
            // Bound the work per sentence on text without punctuation.
            if i - start >= 400 { result.append(start..<i); start = i }
        }
        if start < n { result.append(start..<n) }
        return result
    }

    mutating func go() {
        let sents = sentences()
        var mainKinds: [String: Int] = [:]
        var placeVotes: [String: (PlaceGazetteer.Place, Int, Int)] = [:]
        var explicitDates: [PartialTime] = []
        var relative: Int?
        var weekday: Int?
        var headingClaims: [ExtractedClaim] = []
        let recentMain = datesMainIncidentRecently(sents)
        for (index, s) in sents.enumerated() {
            let heading = isHeading(s)
            // A photo caption ("Pic: …", "صورة: …") repeats the story; it states nothing of its own.
            // A paragraph tells one account: a sentence that names no speaker goes on with the
            // speaker named in the sentences just before it, in the same paragraph (a caption
            // opening a paragraph ends the one before it too). The carry fades after
            // `Self.speakerReach` sentences, so text without blank lines does not give one
            // speaker everything that follows.
            if tokens[s.lowerBound].paragraphBefore { sentencesSinceSpeaker = nil }
            if isCaption(s) { continue }
            let background = isBackground(s)
            previousBackground = background
            var attributions = attribute(s)
            if attributions.isEmpty, let since = sentencesSinceSpeaker, since < Self.speakerReach, let last = lastAttribution {
                attributions = [Attribution(originator: last.originator, via: last.via, position: s.lowerBound)]
                sentencesSinceSpeaker = since + 1
            } else {
                // `attribute` keeps the sentence's last speaker as `lastAttribution`.
                sentencesSinceSpeaker = attributions.contains { $0.originator != Self.unnamedReports } ? 0 : nil
            }
            // Clauses about an earlier event ("earlier that day", "قبل أيام") inside a main sentence.
            let earlier = background ? [] : earlierClauses(s, recentMain: recentMain)
            if !background {
                for k in kinds(s.lowerBound..<(earlier.first?.lowerBound ?? s.upperBound)) { mainKinds[k, default: 0] += 1 }
                for (n, e) in earlier.enumerated() {
                    for k in kinds(e.upperBound..<(n + 1 < earlier.count ? earlier[n + 1].lowerBound : s.upperBound)) { mainKinds[k, default: 0] += 1 }
                }
                var i = s.lowerBound
                while i < s.upperBound {
                    if let (p, len) = places.match(tokens, at: i, limit: s.upperBound) {
                        let prior = placeVotes[p.key]
                        placeVotes[p.key] = (p, (prior?.1 ?? 0) + 1, prior?.2 ?? i)
                        i += len
                    } else { i += 1 }
                }
                if index < 8 {
                    if relative == nil, let r = relativeDay(s) { relative = r.0; weekday = r.1 }
                    explicitDates.append(contentsOf: self.explicitDates(s))
                }
            }
            var found = ranges(in: s, found: mentions(in: s))
            found += zeros(in: s)
            found += durations(in: s)
            found += partlyFatal(in: s, existing: found)
            let (keptByPair, coordinated) = coordinatedPair(in: s, existing: found)
            if !coordinated.isEmpty { found = keptByPair + coordinated }
            let deaths = singleVictimDeaths(in: s, previous: index > 0 ? sents[index - 1] : nil, existing: found)
            for m in deaths { singleVictimQuotes.insert(tokens[m.start].start) }
            found += deaths
            let objects = singleVictimObjects(in: s, existing: found)
            for m in objects { singleVictimQuotes.insert(tokens[m.start].start) }
            found += objects
            let (kept, pair) = pairsOfSingleVictims(in: s, found: found)
            if let pair {
                singleVictimQuotes.insert(tokens[pair.start].start)
                found = kept + [pair]
            }
            let wounds = singleVictimInjuries(in: s, previous: index > 0 ? sents[index - 1] : nil, existing: found)
            for m in wounds { singleVictimQuotes.insert(tokens[m.start].start) }
            found += wounds
            let (keptWounds, together) = woundedTogether(in: s, found: found)
            if let together {
                singleVictimQuotes.insert(tokens[together.start].start)
                found = keptWounds + [together]
            }
            let losses = aircraftLosses(in: s)
            if !losses.isEmpty {
                // The lost aircraft are not a separate count of aircraft taking part.
                found.removeAll { m in (m.figure == "helicopters" || m.figure == "warplanes") && losses.contains { $0.start < m.end && m.start < $0.end } }
                found += losses
            }
            // "أربع مروحيات" … "طائرات 4": a generic aircraft count restating a specific one.
            let here = found.filter { $0.figure == "helicopters" || $0.figure == "warplanes" }.compactMap { m in m.value.map { (figure: m.figure, group: m.group, value: $0) } }
            if !(specificAircraft.isEmpty && here.isEmpty) {
                found += restatedAircraft(in: s, earlier: specificAircraft + here, existing: found)
            }
            if !background { specificAircraft += here }
            for var m in found {
                // "باحتمال إصابة مدني", "possibly 5 killed": a count stated as a possibility is approximate.
                if m.bound == .exact, m.value != nil, m.value != 0, m.start > s.lowerBound, stemIn(tokens[m.start - 1], Self.hedges) { m.bound = .about }
                let a = attributionFor(m.start, attributions)
                let isEarlier = earlier.contains { $0.contains(m.start) }
                var claim = ExtractedClaim(incident: background || isEarlier ? .background : .main, figure: m.figure, group: m.group, value: m.value, bound: m.bound,
                                   low: m.low, high: m.high, originator: a?.originator ?? ExtractedClaim.outletOriginator,
                                   via: a?.via ?? [], quotes: [quote(m.start, m.end)], combined: m.combined)
                claim.isSubCount = m.isSubCount
                claim.isVague = m.vague
                claim.isAdditional = m.isAdditional
                claim.sharedFigureWord = m.triggerAt.map { tokens[$0].start }
                if heading { headingClaims.append(claim) } else { add(claim) }
            }
        }
        // A heading sums up the body: its claim stands only where the body does not state the
        // same figure for the same group (for any group when the heading gives no number).
        for h in headingClaims where !claims.contains(where: { c in
            c.incident == h.incident && c.figure == h.figure && (c.group == h.group || h.value == nil && c.figure != "duration_minutes")
        }) {
            add(h)
        }
        dropSingleVictimsCountedElsewhere()
        dropOnePersonAmongALargerCount()
        foldRestatements()
        descriptor.kind = mainKinds.max { a, b in a.value < b.value || a.value == b.value && Self.kindPriority(a.key) > Self.kindPriority(b.key) }?.key
        if let best = placeVotes.values.max(by: { a, b in
            // The most specific place, and among those the one the report names first (its lead).
            (a.0.level, -a.2, a.1) < (b.0.level, -b.2, b.1)
        }) {
            descriptor.place = best.0.name
            descriptor.placeKey = best.0.key
        }
        descriptor.date = incidentDate(explicit: explicitDates, relative: relative, weekday: weekday)
    }

    static let hedges: Set<String> = Set(["احتمال", "احتمالية", "يحتمل", "محتمل"].map(ArabicNorm.normalise)).union(["possibly", "possible", "potentially", "probably"])

    static func kindPriority(_ k: String) -> Int {
        ["raid": 0, "drone_strike": 1, "airstrike": 2, "bombing": 3, "shelling": 4, "shooting": 5][k] ?? 9
    }

    /// Whether a sentence is a heading: a whole line of at most 15 tokens with no sentence-final
    /// punctuation, followed by more text.
    func isHeading(_ s: Range<Int>) -> Bool {
        guard s.count <= 15, tokens[s.lowerBound].lineBefore, s.upperBound < tokens.count, tokens[s.upperBound].lineBefore else { return false }
        var k = s.upperBound - 1
        while k > s.lowerBound, tokens[k].kind == .punct, "\"”»'".contains(tokens[k].text) { k -= 1 }
        return !(tokens[k].kind == .punct && ".!?؟…".contains(tokens[k].text))
    }

    func isCaption(_ s: Range<Int>) -> Bool {
        guard s.count >= 2, tokens[s.lowerBound].lineBefore, tokens[s.lowerBound + 1].text == ":" else { return false }
        return ["pic", "photo", "picture", "caption", "image", Words.n("صورة"), Words.n("الصورة")].contains(tokens[s.lowerBound].norm)
    }

    /// Adds a claim, merging it with an identical one stated elsewhere in the report.
    mutating func add(_ c: ExtractedClaim) {
        // A duration restated later in the report ("the mission, which lasted more than half an
        // hour") is the duration already stated: one claim, quoted again when the speaker is the same.
        if c.figure == "duration_minutes", let i = claims.firstIndex(where: { $0.figure == c.figure && $0.incident == c.incident && $0.value == c.value && $0.bound == c.bound }) {
            if claims[i].originator == c.originator, claims[i].via == c.via, let last = claims[i].quotes.last, !(last.start < c.quotes[0].end && c.quotes[0].start < last.end) {
                claims[i].quotes.append(contentsOf: c.quotes)
            }
            return
        }
        let key = ClaimKey(incident: c.incident, figure: c.figure, group: c.group, value: c.value, bound: c.bound,
                           originator: c.originator, via: c.via, combined: c.combined)
        if let i = claimIndex[key] {
            // Quotes arrive in text order: only the last one can overlap a new one.
            if let last = claims[i].quotes.last, !(last.start < c.quotes[0].end && c.quotes[0].start < last.end) {
                claims[i].quotes.append(contentsOf: c.quotes)
            }
            return
        }
        claimIndex[key] = claims.count
        claims.append(c)
    }

    /// Claims a speaker states twice in different words are one assertion:
    /// - a casualty with no number ("which led to civilian victims") from a speaker who gives a
    ///   number for the same figure and group ("13 civilians fell") restates that number;
    /// - a relay stating in its own voice what it attributes elsewhere in the report (the lede
    ///   "al-Mayadeen's correspondent confirms civilian victims fell", then "the correspondent,
    ///   citing local sources, reports … civilian victims") is passing the originator's claim on:
    ///   one claim, the originator's, quoted at both places.
    mutating func foldRestatements() {
        var dropped = Set<Int>()
        // Looked up by key, not by a scan of all claims per claim (a long report has thousands).
        func speakerKey(_ d: ExtractedClaim) -> ClaimKey {
            ClaimKey(incident: d.incident, figure: d.figure, group: d.group, value: nil, bound: .some, originator: d.originator, via: d.via, combined: false)
        }
        func valueKey(_ d: ExtractedClaim) -> ClaimKey {
            ClaimKey(incident: d.incident, figure: d.figure, group: d.group, value: d.value, bound: d.bound, originator: "", via: [], combined: d.combined)
        }
        let numbered = Set(claims.filter { $0.value != nil }.map(speakerKey))
        var byValue: [ClaimKey: [Int]] = [:]
        for j in claims.indices where !claims[j].via.isEmpty { byValue[valueKey(claims[j]), default: []].append(j) }
        for (i, c) in claims.enumerated() {
            if c.value == nil, c.bound == .some, !c.combined, numbered.contains(speakerKey(c)) {
                dropped.insert(i); continue
            }
            guard c.via.isEmpty, c.originator != ExtractedClaim.outletOriginator,
                  let j = byValue[valueKey(c)]?.first(where: { j in !dropped.contains(j) && claims[j].via.contains(c.originator) }) else { continue }
            claims[j].quotes = (claims[j].quotes + c.quotes).sorted { $0.start < $1.start }
            dropped.insert(i)
        }
        guard !dropped.isEmpty else { return }
        claims = claims.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
        claimIndex = [:]
    }

    /// One victim who dies ("He died at the hospital") in a report that counts its killed
    /// elsewhere ("Three people were killed") is one of those counted, or the same person: the
    /// count is the report's statement of the toll, and the single death adds no claim. The same
    /// holds for one wounded victim in a report that counts its injured.
    mutating func dropSingleVictimsCountedElsewhere() {
        guard !singleVictimQuotes.isEmpty else { return }
        for figure in ["killed", "injured"] {
            func single(_ c: ExtractedClaim) -> Bool { c.figure == figure && c.quotes.allSatisfy { singleVictimQuotes.contains($0.start) } }
            let counted = claims.filter { $0.figure == figure && $0.incident == .main && ($0.value ?? 0) >= 1 && !single($0) }.compactMap(\.value).max()
            guard let largest = counted else { continue }
            claims.removeAll { single($0) && $0.incident == .main && ($0.value ?? 0) <= largest }
        }
        claimIndex = [:]
    }

    /// One person killed or wounded ("A 41-year-old man was wounded", "One man was shot") in a
    /// report whose speaker counts more people of that figure ("Four men were wounded") is one of
    /// those counted: the count is the speaker's statement, and the one adds no claim of its own.
    /// Only for the group people: a child or a woman among them is a group of its own.
    mutating func dropOnePersonAmongALargerCount() {
        func isOne(_ c: ExtractedClaim) -> Bool {
            c.incident == .main && c.group == "people" && c.value == 1 && c.bound == .exact && !c.combined && !c.isAdditional
                && (c.figure == "killed" || c.figure == "injured")
        }
        guard claims.contains(where: isOne) else { return }
        let counted = claims.filter { !isOne($0) }
        let before = claims.count
        claims.removeAll { one in
            isOne(one) && counted.contains { c in
                c.incident == .main && c.figure == one.figure && c.group == "people" && c.originator == one.originator && c.via == one.via
                    && !c.combined && (c.value ?? 0) > 1 && c.bound != .upTo && c.bound != .atMost
            }
        }
        if claims.count != before { claimIndex = [:] }
    }

    mutating func register(_ s: GazetteerSource) {
        if sources[s.id] == nil {
            sources[s.id] = ExtractedSource(id: s.id, name: s.name, kind: s.kind, affiliation: s.affiliation, scopedToReport: s.kind == .anonymous)
            sourceOrder.append(s.id)
        }
        if let aff = s.affiliation, let org = gazetteer.source(id: aff) { register(org) }
    }

    // MARK: Helpers

    func stemIn(_ t: Token, _ set: Set<String>) -> Bool {
        if set.contains(t.norm) { return true }
        return t.script == .arabic && t.stems.contains(where: set.contains)
    }
    func trigger(_ t: Token) -> String? { t.cachedTrigger }
    func group(_ t: Token) -> (String, GrammaticalNumber)? { t.cachedGroup }
    func thing(_ t: Token) -> String? { t.cachedThing }
    static func lookupTrigger(_ t: Token) -> String? {
        guard t.kind == .word else { return nil }
        if let f = Lexicon.triggers[t.norm] { return f }
        if t.script == .arabic { for s in t.stems.dropFirst() { if let f = Lexicon.triggers[s] { return f } } }
        return nil
    }
    static func lookupGroup(_ t: Token) -> (String, GrammaticalNumber)? {
        guard t.kind == .word else { return nil }
        if let g = Lexicon.groupNouns[t.norm] { return g }
        guard t.script == .arabic else { return nil }
        for s in t.stems.dropFirst() {
            guard let g = Lexicon.groupNouns[s] else { continue }
            // "الفوج الثالث": a definite ordinal is a rank in a series, not one more person.
            if Lexicon.ordinals.contains(s), t.norm.dropLast(s.count).hasSuffix(ArabicNorm.al) { return nil }
            return g
        }
        return possessedGroup(t)
    }

    /// A person noun with a pronoun attached is the noun's group: `وطفلها` (and her child),
    /// `والدته` (his mother). A final ة is no pronoun (`مدنية` is an adjective).
    static func possessedGroup(_ t: Token) -> (String, GrammaticalNumber)? {
        guard t.text.unicodeScalars.last(where: { !Scalars.isArabicMark($0.value) })?.value != 0x0629 else { return nil }
        for s in t.stems {
            for suffix in Lexicon.pronounSuffixes where s.hasSuffix(suffix) && s.count - suffix.count >= 3 {
                let base = s.dropLast(suffix.count)
                // A feminine noun keeps its ت before the pronoun: والدته → والدة.
                if base.hasSuffix(ArabicNorm.normalise("ت")) {
                    let feminine = String(base.dropLast()) + ArabicNorm.normalise("ة")
                    if let g = Lexicon.feminineKin[feminine] ?? Lexicon.groupNouns[feminine], g.0 != "others" { return g }
                } else if let g = Lexicon.groupNouns[String(base)], g.0 != "others", g.0 != "militant_leaders" {
                    return g
                }
            }
        }
        return nil
    }
    static func lookupThing(_ t: Token) -> String? {
        guard t.kind == .word else { return nil }
        for s in t.stems { if let f = Things.nouns[s] { return f } }
        return nil
    }
    func isAnd(_ t: Token) -> Bool { t.norm == "and" || t.norm == Words.n("و") || t.norm == "," || t.norm == "،" || t.norm == "or" }
}
