import Events
import Foundation

/// Places the extractor recognises in either script, each with a key that is the same for
/// every spelling (أطمة, آطمة, Atmeh, Aṭma → `atmeh`).
///
/// File format (UTF-8, tab-separated, `#` comments): `key<TAB>level<TAB>name<TAB>alias|alias|…`
/// where level is `country`, `region`, `city` or `town` (more specific places win when a
/// report names several).
public struct PlaceGazetteer: Sendable {
    public struct Place: Hashable, Sendable {
        public var key: String
        public var name: String
        /// 0 country, 1 region, 2 city, 3 town or village.
        public var level: Int
        public var aliases: [String]
    }
    public private(set) var places: [Place] = []
    var index: [String: [(Int, [String])]] = [:]

    public init(places: [Place] = []) { for p in places { add(p) } }

    public init(tsv: String) throws(GazetteerError) {
        var list: [Place] = []
        let levels = ["country": 0, "region": 1, "city": 2, "town": 3]
        for (n, raw) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = raw.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard f.count >= 3, !f[0].isEmpty, !f[2].isEmpty else { throw GazetteerError(line: n + 1, reason: "expected key, level, name, aliases separated by tabs") }
            guard let level = levels[f[1]] else { throw GazetteerError(line: n + 1, reason: "unknown level \"\(f[1])\"; use country, region, city or town") }
            list.append(Place(key: f[0], name: f[2], level: level, aliases: f.count > 3 ? f[3].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } : []))
        }
        self.init(places: list)
    }

    public func merging(_ other: PlaceGazetteer) -> PlaceGazetteer {
        var copy = self
        for p in other.places { copy.add(p) }
        return copy
    }

    public mutating func add(_ p: Place) {
        let i = places.count
        places.append(p)
        for alias in [p.name] + p.aliases {
            let words = Tokenizer.tokenize(ReportText.normalise(alias)).filter { $0.kind != .punct }.map(\.norm)
            guard let first = words.first else { continue }
            index[first, default: []].append((i, words))
        }
    }

    func match(_ tokens: [Token], at i: Int, limit: Int) -> (Place, Int)? {
        guard tokens[i].kind == .word else { return nil }
        var best: (Int, Int)?
        for stem in tokens[i].stems {
            for (pi, words) in index[stem] ?? [] {
                var j = i + 1
                var ok = true
                for w in words.dropFirst() {
                    while j < limit, tokens[j].kind == .punct, tokens[j].text == "-" { j += 1 }
                    guard j < limit, tokens[j].norm == w || tokens[j].stems.contains(w) else { ok = false; break }
                    j += 1
                }
                if ok, best == nil || j - i > best!.1 { best = (pi, j - i) }
            }
        }
        return best.map { (places[$0.0], $0.1) }
    }

    public static let builtIn: PlaceGazetteer = try! PlaceGazetteer(tsv: """
    atmeh\ttown\tAtmeh\tAtma|Aṭma|Atme|أطمة|آطمة|اطمة
    al-kabr\ttown\tal-Kabr\tKabr|al-Kabr|الكبر
    al-jazra\ttown\tal-Jazra\tJazra|الجزرة
    deir-ballut\ttown\tDeir Ballut\tدير بلوط
    jarablus\ttown\tJarablus\tجرابلس
    afrin\tcity\tAfrin\tعفرين
    douma\tcity\tDouma\tدوما
    idlib\tregion\tIdlib\tIdleb|إدلب|ادلب
    aleppo\tregion\tAleppo\tHalab|حلب
    deir-ez-zor\tregion\tDeir ez-Zor\tDeir ezzor|Deir al-Zor|Deir Ezzor|دير الزور
    raqqa\tregion\tRaqqa\tRakka|الرقة
    hasakah\tregion\tHasakah\tHasakeh|الحسكة
    homs\tregion\tHoms\tحمص
    hama\tregion\tHama\tحماة
    daraa\tregion\tDaraa\tDeraa|درعا
    damascus\tcity\tDamascus\tدمشق
    eastern-ghouta\tregion\tEastern Ghouta\tGhouta|الغوطة الشرقية
    mosul\tcity\tMosul\tالموصل
    baghdad\tcity\tBaghdad\tبغداد
    anbar\tregion\tAnbar\tالأنبار
    sanaa\tcity\tSanaa\tSana'a|صنعاء
    aden\tcity\tAden\tعدن
    taiz\tcity\tTaiz\tتعز
    marib\tregion\tMarib\tمأرب|مارب
    kabul\tcity\tKabul\tكابل
    maiduguri\tcity\tMaiduguri\tمايدوغوري
    syria\tcountry\tSyria\tسوريا|سورية
    iraq\tcountry\tIraq\tالعراق
    yemen\tcountry\tYemen\tاليمن
    afghanistan\tcountry\tAfghanistan\tأفغانستان
    nigeria\tcountry\tNigeria\tنيجيريا
    turkey\tcountry\tTurkey\tتركيا
    """)
}

enum Dates {
    static let months: [String: Int] = {
        var d: [String: Int] = [:]
        let en = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        for (i, m) in en.enumerated() { d[m] = i + 1 }
        let ar = [["يناير", "كانون الثاني"], ["فبراير", "شباط"], ["مارس", "آذار"], ["أبريل", "ابريل", "نيسان"], ["مايو", "أيار"], ["يونيو", "يونيه", "حزيران"],
                  ["يوليو", "يوليه", "تموز"], ["أغسطس", "آب"], ["سبتمبر", "أيلول"], ["أكتوبر", "تشرين الأول"], ["نوفمبر", "تشرين الثاني"], ["ديسمبر", "كانون الأول"]]
        for (i, names) in ar.enumerated() { for n in names where !n.contains(" ") { d[ArabicNorm.normalise(n)] = i + 1 } }
        d[ArabicNorm.normalise("شباط")] = 2
        return d
    }()
    static let monthWords: Set<String> = Set(months.keys.filter { $0 != "may" && $0 != "march" })
    /// Sunday = 1 … Saturday = 7 (Gregorian weekday numbers).
    static let weekdays: [String: Int] = {
        var d: [String: Int] = ["sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6, "saturday": 7]
        for (n, v) in [("الأحد", 1), ("الاثنين", 2), ("الإثنين", 2), ("الثلاثاء", 3), ("الأربعاء", 4), ("الخميس", 5), ("الجمعة", 6), ("السبت", 7)] { d[ArabicNorm.normalise(n)] = v }
        return d
    }()
    static let ordinals: [String: Int] = {
        var d: [String: Int] = [:]
        let ar = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"]
        for (i, w) in ar.enumerated() { d[ArabicNorm.normalise(w)] = i + 1 }
        return d
    }()
    static let yesterday: Set<String> = Set([ArabicNorm.normalise("أمس"), "yesterday"])
    static let today: Set<String> = Set([ArabicNorm.normalise("اليوم"), "today"])

    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()
    static func date(_ y: Int, _ m: Int, _ d: Int) -> Date? {
        guard (1...12).contains(m), d >= 1, d <= 31 else { return nil }
        return calendar.date(from: DateComponents(year: y, month: m, day: d))
    }
    static func string(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}

extension Run {
    static let pastCues: Set<String> = Set(["الماضي", "نفسه", "وقبلها", "قبلها"].map(ArabicNorm.normalise)).union(["last", "previous", "earlier", "same"])

    /// Whether a sentence is about an earlier incident: it names a past year, or refers back
    /// ("the same month") right after such a sentence.
    func isBackground(_ s: Range<Int>) -> Bool {
        var hasPastYear = false
        for k in s where tokens[k].kind == .number {
            guard let v = Double(tokens[k].norm), v >= 1990, v <= 2100, v == v.rounded() else { continue }
            // "the deadliest attack since 2016", "الأعنف منذ عام 2016": a comparison, not an earlier event.
            if isComparisonSince(k, s) { continue }
            if let y = publishedYear { if Int(v) < y { hasPastYear = true } } else if k > s.lowerBound, stemIn(tokens[k - 1], Dates.monthWords) || tokens[k - 1].norm == Words.n("عام") || tokens[k - 1].norm == "in" {
                hasPastYear = false
            }
        }
        if hasPastYear { return true }
        if previousBackground, tokens[s.lowerBound..<min(s.upperBound, s.lowerBound + 6)].contains(where: { stemIn($0, Self.pastCues) }) { return true }
        // "العام الماضي", "last year"
        for k in s where k + 1 < s.upperBound {
            if (tokens[k].norm == "last" && tokens[k + 1].norm == "year") || (tokens[k].stems.contains(Words.year) && tokens[k + 1].norm == Words.past) { return true }
        }
        return isWarToll(s)
    }

    static let warWords: Set<String> = ["war", "conflict", "uprising", "insurgency"]
    /// Words after a war word that make it a modifier ("the war monitor", "war-torn", "war crimes").
    static let warModified: Set<String> = ["monitor", "monitors", "monitoring", "-", "crimes", "crime", "zone", "planes", "plane", "jets", "criminals"]
    /// Words that make a count about a war its cumulative toll: a perfect ("the war has killed"),
    /// a toll, "so far".
    static let cumulativeWords: Set<String> = ["has", "have", "toll", "tolls", "far"]

    /// A war's cumulative toll, told as background in a report of one incident: "Syria's conflict
    /// has killed more than 230000 people", "the war that has claimed over 300000 lives", "the
    /// death toll from the six-year conflict at more than 470000".
    func isWarToll(_ s: Range<Int>) -> Bool {
        var namesWar = false, cumulative = false
        for k in s where !tokens[k].cachedCues.isEmpty {
            if tokens[k].cachedCues.contains(.war), !(k + 1 < s.upperBound && Self.warModified.contains(tokens[k + 1].norm)) {
                namesWar = true
                // The perfect is the war's own: "the war has killed", "the conflict that has claimed".
                if (k + 1..<min(s.upperBound, k + 4)).contains(where: { ["has", "have"].contains(tokens[$0].norm) }) { cumulative = true }
            }
            if tokens[k].cachedCues.contains(.cumulative), !["has", "have"].contains(tokens[k].norm) { cumulative = true }
        }
        return namesWar && cumulative
    }

    static let sinceWords: Set<String> = Set(["منذ"].map(ArabicNorm.normalise)).union(["since"])
    /// Words between "since"/منذ and the year: "since early 2016", "منذ عام 2016", "since the start of".
    static let sinceFillers: Set<String> = Set(["عام", "العام", "سنة", "مطلع", "بداية", "أوائل", "أواخر", "منتصف"].map(ArabicNorm.normalise))
        .union(["early", "late", "mid", "the", "start", "beginning", "end", "of", "middle", "spring", "summer", "autumn", "fall", "winter"])
    /// Superlatives and firsts that a "since YEAR" compares with: deadliest, worst, first, الأعنف, الأكثر, أول.
    static let comparisonWords: Set<String> = Set(["الأعنف", "أعنف", "الأكثر", "الأسوأ", "أسوأ", "الأكبر", "أكبر", "الأعلى", "أعلى", "الأول", "أول", "الأدمى", "أدمى", "الأشد", "أشد"].map(ArabicNorm.normalise))
        .union(["deadliest", "worst", "bloodiest", "largest", "biggest", "highest", "heaviest", "most", "first", "greatest", "deadlier", "worse"])

    /// Whether the year at `k` follows "since"/منذ in a comparison ("the deadliest attack since
    /// 2016", "أعنف هجوم منذ عام 2016"): a superlative or a first earlier in the sentence. A count
    /// "since YEAR" without one ("300,000 have been killed since 2011") is a cumulative toll and
    /// stays background.
    func isComparisonSince(_ k: Int, _ s: Range<Int>) -> Bool {
        var j = k - 1
        while j >= s.lowerBound, k - j <= 4, tokens[j].kind == .word || tokens[j].text == "-", !stemIn(tokens[j], Self.sinceWords) {
            guard tokens[j].text == "-" || stemIn(tokens[j], Self.sinceFillers) else { return false }
            j -= 1
        }
        guard j >= s.lowerBound, tokens[j].kind == .word, stemIn(tokens[j], Self.sinceWords) else { return false }
        return (max(s.lowerBound, j - 12)..<j).contains { stemIn(tokens[$0], Self.comparisonWords) }
    }

    static let kindWords: [(String, [String])] = [
        ("raid", ["إنزال", "انزال", "إنزالا", "إنزالاً", "raid", "airdrop", "commando", "drop"]),
        ("drone_strike", ["مسيرة", "مسيرات", "المسيرة", "drone", "drones", "mq"]),
        ("airstrike", ["غارة", "غارات", "الغارة", "airstrike", "airstrikes", "bombardment"]),
        ("bombing", ["تفجير", "انفجار", "انتحاري", "مفخخة", "ناسفة", "bombing", "explosion", "blast", "bomber", "bomb"]),
        ("shelling", ["قصف", "قذائف", "shelling", "mortar", "shells"]),
        ("shooting", ["shooting", "gunmen", "gunfire", "النار"]),
    ]
    static let kindIndex: [String: String] = {
        var d: [String: String] = [:]
        for (k, ws) in kindWords { for w in ws { d[w.unicodeScalars.first!.value >= 0x600 ? ArabicNorm.normalise(w) : w] = k } }
        return d
    }()

    func kinds(_ s: Range<Int>) -> [String] {
        var out: [String] = []
        for k in s where tokens[k].kind == .word {
            if let kind = tokens[k].stems.lazy.compactMap({ Self.kindIndex[$0] }).first ?? Self.kindIndex[tokens[k].norm] { out.append(kind) }
        }
        return out
    }

    /// "أمس الأحد", "yesterday, Sunday", "اليوم الخميس": day offset and weekday if named.
    func relativeDay(_ s: Range<Int>) -> (Int, Int?)? {
        for k in s where tokens[k].kind == .word {
            let off: Int? = tokens[k].stems.contains(where: Dates.yesterday.contains) ? -1 : (tokens[k].stems.contains(where: Dates.today.contains) ? 0 : nil)
            guard let off else { continue }
            var wd: Int? = nil
            var j = k + 1
            while j < min(s.upperBound, k + 4) {
                if let w = tokens[j].stems.lazy.compactMap({ Dates.weekdays[$0] }).first { wd = w; break }
                if tokens[j].kind == .word, !(tokens[j].norm == Words.n("يوم") || tokens[j].norm == "(" ) { if tokens[j].script == .arabic { break } }
                j += 1
            }
            return (off, wd)
        }
        return nil
    }

    /// Day-and-month dates: "7 July", "July 7", "السابع من يوليو", "03 فبراير 2022".
    func explicitDates(_ s: Range<Int>) -> [PartialTime] {
        var out: [PartialTime] = []
        for k in s where tokens[k].kind == .word {
            guard let m = tokens[k].stems.lazy.compactMap({ Dates.months[$0] }).first ?? Dates.months[tokens[k].norm] else { continue }
            var day: Int? = nil
            if k > s.lowerBound, tokens[k - 1].kind == .number { day = Int(tokens[k - 1].norm) }
            else if k > s.lowerBound + 1, tokens[k - 1].norm == Words.n("من"), let d = tokens[k - 2].stems.lazy.compactMap({ Dates.ordinals[$0] }).first { day = d }
            else if k > s.lowerBound + 1, tokens[k - 1].norm == Words.n("من"), tokens[k - 2].kind == .number { day = Int(tokens[k - 2].norm) }
            else if k + 1 < s.upperBound, tokens[k + 1].kind == .number, let d = Int(tokens[k + 1].norm), d <= 31 { day = d }
            guard let d = day, (1...31).contains(d) else { continue }
            var year = publishedYear
            if k + 1 < s.upperBound, tokens[k + 1].kind == .number, let y = Int(tokens[k + 1].norm), y > 1900 { year = y }
            if k + 2 < s.upperBound, tokens[k + 2].kind == .number, let y = Int(tokens[k + 2].norm), y > 1900 { year = y }
            guard let y = year, let date = Dates.date(y, m, d) else { continue }
            out.append(PartialTime(time: Dates.string(date), precision: .day))
        }
        return out
    }

    func incidentDate(explicit: [PartialTime], relative: Int?, weekday: Int?) -> PartialTime {
        guard let t = published.time else { return .unknown }
        if published.precision == .year || published.precision == .month { return published }
        guard let base = Dates.date(Int(t.prefix(4))!, Int(t.dropFirst(5).prefix(2))!, Int(t.dropFirst(8).prefix(2))!) else { return .unknown }
        // An explicit date up to two weeks before publication names the incident's day.
        for e in explicit {
            if let et = e.time, let d = Dates.date(Int(et.prefix(4))!, Int(et.dropFirst(5).prefix(2))!, Int(et.dropFirst(8).prefix(2))!),
               d <= base, base.timeIntervalSince(d) <= 14 * 86_400, d != base {
                return e
            }
        }
        var day = base.addingTimeInterval(Double(relative ?? 0) * 86_400)
        if let wd = weekday {
            for back in 0..<7 {
                let candidate = day.addingTimeInterval(-Double(back) * 86_400)
                if Dates.calendar.component(.weekday, from: candidate) == wd { day = candidate; break }
            }
        }
        return PartialTime(time: Dates.string(day), precision: .day)
    }
}

// MARK: Earlier events inside a sentence

/// Time expressions that place what a clause tells before the report's main incident.
enum EarlierCues {
    static func words(_ phrase: String) -> [String] {
        phrase.split(separator: " ").map { $0.unicodeScalars.first!.value >= 0x600 ? ArabicNorm.normalise(String($0)) : String($0) }
    }
    /// Before the narrative's own time ("earlier that day", "the previous night", "في وقت سابق من
    /// ذلك اليوم", "قبل ذلك بأيام"): always an earlier event.
    static let narrative: [[String]] = [
        "earlier that", "earlier in the day", "earlier in the week", "earlier in the month", "earlier the same",
        "the previous day", "the previous night", "the previous week", "the previous month", "the day before", "the night before",
        "في وقت سابق من ذلك", "في وقت سابق من اليوم نفسه", "في اليوم السابق", "في الليلة السابقة", "في الأسبوع السابق", "قبل ذلك", "قبلها",
    ].map(words)
    /// Before the time of publication ("last week", "earlier this month", "قبل أيام",
    /// "الأسبوع الماضي"): an earlier event only when the report dates its main incident more
    /// recently (today, yesterday).
    static let published: [[String]] = [
        "last week", "last month", "last weekend", "earlier this week", "earlier this month", "earlier this year",
        "الأسبوع الماضي", "الشهر الماضي", "الأسبوع المنصرم", "الشهر المنصرم",
    ].map(words)
    /// Units of time: "two days earlier", "weeks ago", "قبل أيام", "قبل 3 أشهر".
    static let units: Set<String> = Set(["يوم", "يومين", "أيام", "أسبوع", "أسبوعين", "أسابيع", "شهر", "شهرين", "أشهر", "شهور", "سنة", "سنتين", "سنوات", "عام", "عامين", "أعوام", "ساعات"].map(ArabicNorm.normalise))
        .union(["day", "days", "week", "weeks", "month", "months", "year", "years", "hours"])
    /// Anchors that date a main incident near publication.
    static let recent: Set<String> = Set(["اليوم", "أمس", "الليلة", "فجر"].map(ArabicNorm.normalise))
        .union(["today", "yesterday", "tonight", "overnight"])
    /// Words that end a clause for the scope of a time expression.
    static let clauseWords: Set<String> = Set(["فيما", "بينما", "كما", "حين", "لكن", "ولكن"].map(ArabicNorm.normalise))
        .union(["while", "whereas", "but", "meanwhile", "after", "before", "when", "since"])
    /// Complementisers after a saying verb: a time expression before them dates the saying.
    static let complementisers: Set<String> = Set(["أن", "إن", "ان", "بأن"].map(ArabicNorm.normalise)).union(["that"])
}

extension Run {
    /// Whether the report dates its main incident near publication: "today", "yesterday",
    /// "overnight" in its first sentences. A weekday alone does not: a follow-up ("the funeral on
    /// Wednesday of the family shot last week") dates a later event than the one it reports.
    func datesMainIncidentRecently(_ sents: [Range<Int>]) -> Bool {
        for s in sents.prefix(4) {
            for k in s where tokens[k].kind == .word {
                if tokens[k].stems.contains(where: EarlierCues.recent.contains) || EarlierCues.recent.contains(tokens[k].norm) { return true }
            }
        }
        return false
    }

    /// The parts of a sentence about an earlier event than the main incident: the clause holding
    /// a time expression that places its event before the narrative ("earlier that day",
    /// "the day before", "two days earlier", "في وقت سابق من ذلك اليوم", "قبل ذلك بأيام") or, when
    /// the report dates its main incident near publication, before publication ("last week",
    /// "three weeks ago", "قبل أيام", "الأسبوع الماضي"). The clause runs between commas,
    /// semicolons and clause words (while, فيما). A time expression dating a saying ("said
    /// earlier this week that …", "قالت، في وقت سابق من ذلك اليوم، إن") dates the statement, not the event.
    func earlierClauses(_ s: Range<Int>, recentMain: Bool) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        let lower = s.lowerBound, limit = s.upperBound
        var k = lower
        while k < limit {
            guard tokens[k].kind == .word else { k += 1; continue }
            var length = 0
            for p in EarlierCues.narrative where phrase(p, at: k, limit: limit) { length = max(length, p.count) }
            if recentMain { for p in EarlierCues.published where phrase(p, at: k, limit: limit) { length = max(length, p.count) } }
            // "two days earlier", "a week before": a span of time counted back from the narrative.
            if length == 0, stemIn(tokens[k], EarlierCues.units), k + 1 < limit, tokens[k].script == .latin,
               tokens[k + 1].norm == "earlier" || tokens[k + 1].norm == "before" && (k + 2 == limit || tokens[k + 2].kind == .punct) || recentMain && tokens[k + 1].norm == "ago",
               k > lower, tokens[k - 1].kind == .number || Numbers.parse(tokens, k - 1, limit: limit) != nil || ["a", "an", "few", "several"].contains(tokens[k - 1].norm) || tokens[k].norm.hasSuffix("s") {
                length = 2
            }
            // "قبل أيام", "قبل نحو 3 سنوات", "قبل ذلك بيومين": before, a span of time.
            if length == 0, recentMain, tokens[k].norm == ArabicNorm.normalise("قبل") {
                var j = k + 1
                if j < limit, let (_, bs) = boundBefore(j + 1, from: j), bs == j { j += 1 }
                if j < limit, let q = Numbers.parse(tokens, j, limit: limit), q.end < limit { j = q.end }
                if j < limit, stemIn(tokens[j], EarlierCues.units) { length = j + 1 - k }
            }
            guard length > 0 else { k += 1; continue }
            // Dating a saying: a saying verb just before, or a complementiser right after.
            let after = k + length < limit ? tokens[k + length] : nil
            let before = (max(lower, k - 3)..<k).contains { stemIn(tokens[$0], Lexicon.sayingVerbs) }
            var nextWord = k + length
            // The rest of the expression ("day", اليوم), then punctuation.
            while nextWord < min(limit, k + length + 2), tokens[nextWord].kind == .word, !stemIn(tokens[nextWord], EarlierCues.complementisers) { nextWord += 1 }
            while nextWord < limit, tokens[nextWord].kind == .punct { nextWord += 1 }
            let complement = nextWord < limit && stemIn(tokens[nextWord], EarlierCues.complementisers)
            if before || complement || after.map({ stemIn($0, Lexicon.sayingVerbs) }) == true { k += length; continue }
            // The clause around it.
            func isBreak(_ i: Int) -> Bool {
                let t = tokens[i]
                if t.kind == .punct { return [",", "،", ";", "؛", ":"].contains(t.text) }
                return stemIn(t, EarlierCues.clauseWords)
            }
            var a = k
            while a > lower, !isBreak(a - 1) { a -= 1 }
            var b = k + length
            while b < limit, !isBreak(b) { b += 1 }
            // A fronted time expression ("Earlier that day, two officers …", "وقبل أيام، قتل …")
            // dates the clause after its comma.
            if b - (k + length) <= 2, b < limit, [",", "،"].contains(tokens[b].text), (a..<k).allSatisfy({ ["and", "but", Words.n("و")].contains(tokens[$0].norm) }) {
                b += 1
                while b < limit, !isBreak(b) { b += 1 }
            }
            spans.append(a..<b)
            k = b
        }
        return spans
    }
}
