import Events
import Foundation

/// SplitMix64: small, fast and the same on every platform, so a seed gives the same ledger.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ p: Double) -> Bool { unit() < p }
    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u = max(unit(), 1e-12), v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
}

/// A source as the generator knows it: its true reliability and bias.
struct SyntheticSource {
    var id: String
    var name: String
    var arabicName: String
    var kind: SourceKind
    /// Probability that a statement is accurate (within a few percent of the truth at that time).
    var reliability: Double
    /// Signed log-scale bias: a figure is multiplied by exp(bias).
    var bias: Double
}

/// What the generator knows is true about one incident.
struct IncidentTruth {
    var killed: Int
    var injured: Int
    var children: Int
}

/// A deterministic, seeded synthetic workload: sources with known reliability and bias,
/// incidents with known tolls, reports that arrive over time with rising tolls (English and
/// Arabic text, quotes that match the text by Unicode-scalar spans), wire stories relayed by
/// many outlets, mis-extracted claims later withdrawn, and duplicate incidents later merged.
///
/// It yields event payloads in chunks, so a ledger of any size is produced without holding it.
struct Workload {
    let seed: UInt64
    var random: SeededRandom
    private(set) var sources: [SyntheticSource] = []
    private(set) var truth: [String: IncidentTruth] = [:]
    /// Duplicate incident → the incident it will be merged into.
    private(set) var merged: [String: String] = [:]
    private(set) var emitted = 0
    private(set) var claimCount = 0
    private(set) var withdrawnCount = 0
    /// Every killed/people value stated about each incident, relays counted as separate reports:
    /// what a naive reader averaging the coverage would see.
    private(set) var naive: [String: [Int]] = [:]
    private var pending: [any EventPayload] = []
    private var incidentNumber = 0
    private var reportNumber = 0
    private var clock: Date
    private var setupDone = false
    let sourceCount: Int

    static let extractor = ExtractorRef(name: "synthetic", version: "1")
    static let places = ["Atmeh", "Idlib", "Aleppo", "Raqqa", "Deir ez-Zor", "Homs", "Hama", "Daraa", "Mosul", "Gaza", "Khan Younis", "Rafah"]
    static let arabicPlaces = ["أطمة", "إدلب", "حلب", "الرقة", "دير الزور", "حمص", "حماة", "درعا", "الموصل", "غزة", "خان يونس", "رفح"]
    static let arabicDigits: [Character] = ["٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"]

    /// `sourceCount` grows with the ledger so that each source has a similar number of claims.
    init(seed: UInt64, targetEvents: Int) {
        self.seed = seed
        random = SeededRandom(seed: seed)
        sourceCount = max(40, min(2_000, targetEvents / 2_000))
        clock = Date(timeIntervalSince1970: 1_640_995_200) // 2022-01-01
    }

    var originators: ArraySlice<SyntheticSource> { sources[0..<originatorCount] }
    var originatorCount: Int { sources.count * 2 / 5 }
    var agencies: ArraySlice<SyntheticSource> { sources[originatorCount..<(originatorCount + max(3, sources.count / 20))] }
    var outlets: ArraySlice<SyntheticSource> { sources[(originatorCount + max(3, sources.count / 20))...] }

    /// The next chunk of about `count` payloads (whole incidents at a time), or nil when `limit`
    /// payloads have been produced. The total is exactly `limit`.
    mutating func next(chunk count: Int, limit: Int) -> [any EventPayload]? {
        if emitted >= limit { return nil }
        if !setupDone { setUpSources(); setupDone = true }
        while pending.count < count { generateIncident() }
        let take = min(count, limit - emitted)
        let out = Array(pending.prefix(take))
        pending.removeFirst(take)
        emitted += take
        return out
    }

    /// Median over incidents of |median of all stated values − truth| / truth.
    func naiveMedianRelativeError() -> Double {
        var errors: [Double] = []
        for (id, values) in naive {
            guard let t = truth[id] else { continue }
            let sorted = values.sorted()
            errors.append(abs(Double(sorted[sorted.count / 2]) - Double(t.killed)) / Double(max(1, t.killed)))
        }
        errors.sort()
        return errors.isEmpty ? .nan : errors[errors.count / 2]
    }

    // MARK: - Sources

    mutating func setUpSources() {
        let originatorKinds: [SourceKind] = [.monitor, .ngo, .government, .armedForce, .monitor, .ngo]
        for i in 0..<sourceCount {
            let kind: SourceKind
            let role: String
            if i < sourceCount * 2 / 5 { kind = originatorKinds[i % originatorKinds.count]; role = "originator" }
            else if i < sourceCount * 2 / 5 + max(3, sourceCount / 20) { kind = .newsAgency; role = "agency" }
            else { kind = .outlet; role = "outlet" }
            // Reliability spread over [0.35, 0.97]; parties to the conflict lean low and biased.
            var reliability = 0.35 + 0.62 * random.unit()
            var bias = 0.25 * random.normal()
            if kind == .government || kind == .armedForce { reliability *= 0.8; bias -= 0.2 }
            let s = SyntheticSource(id: "\(role)-\(i)", name: "\(role.capitalized) \(i)", arabicName: "مصدر \(arabic(i))",
                                    kind: kind, reliability: reliability, bias: bias)
            sources.append(s)
            pending.append(SourceRegistered(sourceID: s.id, name: s.name, kind: s.kind))
            if i % 3 == 0 { pending.append(SourceAliasAdded(sourceID: s.id, alias: s.arabicName)) }
        }
    }

    func arabic(_ n: Int) -> String { String(String(n).map { Workload.arabicDigits[Int(String($0))!] }) }

    // MARK: - Incidents

    static let timeFormat: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return f
    }()

    mutating func generateIncident() {
        incidentNumber += 1
        clock.addTimeInterval(Double(random.int(600...7_200)))
        let id = "incident-\(incidentNumber)"
        let place = random.int(0...Workload.places.count - 1)
        let killed = Int(exp(1.0 + 3.0 * random.unit()).rounded())  // 3 … 55, skewed low
        let t = IncidentTruth(killed: killed, injured: Int(Double(killed) * (1 + 2 * random.unit())), children: killed / 3)
        truth[id] = t
        let day = String(Workload.timeFormat.string(from: clock).prefix(10))
        pending.append(IncidentOpened(incidentID: id, title: "Strike on \(Workload.places[place]) #\(incidentNumber)", kind: "airstrike",
                                      date: PartialTime(time: day, precision: .day), place: Workload.places[place]))
        // 2% are opened twice by mistake and merged later.
        var duplicate: String?
        if random.chance(0.02) {
            let dup = "incident-\(incidentNumber)-dup"
            duplicate = dup
            merged[dup] = id
            pending.append(IncidentOpened(incidentID: dup, title: "Airstrike in \(Workload.places[place])", kind: "airstrike",
                                          date: PartialTime(time: day, precision: .day), place: Workload.places[place]))
        }
        // Three to five originators speak about it, each one to three times as the toll rises.
        let speakers = (0..<random.int(3...5)).map { _ in random.int(0...originatorCount - 1) }
        let reports = random.int(4...8)
        var toWithdraw: [String] = []
        for r in 0..<reports {
            // The news cycle: the toll known at report r rises towards the truth.
            let progress = Double(r + 1) / Double(reports)
            let known = 0.55 + 0.45 * progress
            let originator = sources[speakers[r % speakers.count]]
            let published = clock.addingTimeInterval(Double(r) * 3_600 + Double(random.int(0...1_800)))
            let incidentForReport = (duplicate != nil && r == 1) ? duplicate! : id
            if r == reports - 1 || random.chance(0.25) {
                // A wire story: an agency relays the originator, many outlets repeat it.
                let agency = random.pick(Array(agencies))
                let relays = random.int(2...6)
                let figures = statements(originator, t, known: known)
                for _ in 0..<relays {
                    let outlet = random.pick(Array(outlets))
                    report(outlet: outlet, originator: originator, agency: agency, incident: incidentForReport, place: place,
                           figures: figures, published: published.addingTimeInterval(Double(random.int(60...3_600))), withdraw: &toWithdraw)
                }
            } else {
                let outlet = random.pick(Array(outlets))
                report(outlet: outlet, originator: originator, agency: nil, incident: incidentForReport, place: place,
                       figures: statements(originator, t, known: known), published: published, withdraw: &toWithdraw)
            }
        }
        for claim in toWithdraw {
            pending.append(ClaimWithdrawn(claimID: claim, reason: "mis-extracted: the figure belongs to another incident"))
            withdrawnCount += 1
        }
        if let duplicate { pending.append(IncidentsMerged(into: id, merged: duplicate, reason: "same strike, opened twice")) }
    }

    /// What one originator says at one moment: killed (and sometimes injured, children).
    mutating func statements(_ s: SyntheticSource, _ t: IncidentTruth, known: Double) -> [(figure: String, group: String, value: Int, atLeast: Bool)] {
        func say(_ truth: Int) -> Int {
            let spread = random.chance(s.reliability) ? 0.03 : 0.5
            return max(0, Int((Double(truth) * known * exp(s.bias + spread * random.normal())).rounded()))
        }
        var out = [(figure: "killed", group: "people", value: say(t.killed), atLeast: random.chance(0.3))]
        if random.chance(0.5) { out.append((figure: "injured", group: "people", value: say(t.injured), atLeast: false)) }
        if random.chance(0.3), t.children > 0 { out.append((figure: "killed", group: "children", value: say(t.children), atLeast: false)) }
        return out
    }

    /// One report: its text (English or Arabic), then its claims quoting it.
    mutating func report(outlet: SyntheticSource, originator: SyntheticSource, agency: SyntheticSource?, incident: String, place: Int,
                         figures: [(figure: String, group: String, value: Int, atLeast: Bool)], published: Date, withdraw: inout [String]) {
        reportNumber += 1
        let arabic = random.chance(0.35)
        var text = ""
        var scalars = 0
        func add(_ s: String) { text += s; scalars += s.unicodeScalars.count }
        var spans: [(start: Int, end: Int, sentence: String)] = []
        if arabic {
            add("\(Workload.arabicPlaces[place]) — تقرير رقم \(self.arabic(reportNumber)) من \(outlet.arabicName).\n")
        } else {
            add("\(Workload.places[place]) — \(outlet.name), report no. \(reportNumber).\n")
        }
        for f in figures {
            let who = arabic ? originator.arabicName : originator.name
            let via = agency.map { arabic ? "، نقلاً عن \($0.arabicName)" : ", \($0.name) reported" } ?? ""
            let sentence: String
            switch (arabic, f.figure, f.group) {
            case (true, "killed", "children"): sentence = "قُتل \(self.arabic(f.value)) أطفال في الغارة، بحسب \(who)\(via)."
            case (true, "injured", _): sentence = "وأصيب \(self.arabic(f.value)) آخرون، وفق \(who)\(via)."
            case (true, _, _): sentence = "قُتل \(f.atLeast ? "ما لا يقل عن " : "")\(self.arabic(f.value)) شخصاً في غارة على \(Workload.arabicPlaces[place])، بحسب \(who)\(via)."
            case (false, "killed", "children"): sentence = "Among the dead were \(f.value) children, \(who) said\(via)."
            case (false, "injured", _): sentence = "Another \(f.value) people were injured, according to \(who)\(via)."
            default: sentence = "\(f.atLeast ? "At least " : "")\(f.value) people were killed in a strike on \(Workload.places[place]), \(who) said\(via)."
            }
            let start = scalars
            add(sentence)
            spans.append((start, scalars, sentence))
            add(" ")
        }
        // A stray figure about something else, which an extractor may wrongly attach (and a later
        // correction withdraws).
        let stray = random.chance(0.03)
        if stray {
            let start = scalars
            let sentence = arabic ? "وفي حادثة منفصلة قُتل \(self.arabic(200 + reportNumber % 50)) شخصاً." : "In a separate attack, \(200 + reportNumber % 50) people were killed."
            add(sentence)
            spans.append((start, scalars, sentence))
        }
        text = ReportText.normalise(text)
        let payload = ReportIngested(text: text, outlet: outlet.id, title: "Report \(reportNumber)", url: "https://example.org/\(outlet.id)/\(reportNumber)",
                                     languages: [arabic ? "ar" : "en"],
                                     published: PartialTime(time: Workload.timeFormat.string(from: published), precision: .minute))
        pending.append(payload)
        let via = agency.map { [$0.id, outlet.id] } ?? [outlet.id]
        for (i, f) in figures.enumerated() {
            claimCount += 1
            if f.figure == "killed", f.group == "people" { naive[merged[incident] ?? incident, default: []].append(f.value) }
            pending.append(ClaimAsserted(
                claimID: "c\(claimCount)", reportID: payload.reportID, incidentID: incident, figure: f.figure, group: f.group,
                value: .number(Double(f.value)), bound: f.atLeast ? .atLeast : .exact, originator: originator.id,
                via: via, quotes: [Quote(text: spans[i].sentence, start: spans[i].start, end: spans[i].end)], extractor: Workload.extractor))
        }
        if stray {
            claimCount += 1
            let s = spans[spans.count - 1]
            pending.append(ClaimAsserted(
                claimID: "c\(claimCount)", reportID: payload.reportID, incidentID: incident, figure: "killed", group: "people",
                value: .number(Double(200 + reportNumber % 50)), bound: .exact, originator: outlet.id,
                via: [], quotes: [Quote(text: s.sentence, start: s.start, end: s.end)], extractor: Workload.extractor))
            withdraw.append("c\(claimCount)")
        }
    }
}
