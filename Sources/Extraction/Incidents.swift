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
        return false
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
