import Events
import Foundation

/// A figure found in a sentence, before attribution.
struct Mention {
    var figure: String
    var group: String?
    var value: Double?
    var bound: Bound
    var low: Double? = nil
    var high: Double? = nil
    var start: Int
    var end: Int
    var combined = false
    /// Token index of the figure word when found away from the count (shared by a list).
    var triggerAt: Int? = nil
    var isSubCount = false
    var vague = false
    /// "four other people", "another four", "two more": victims in addition to ones counted or
    /// named before.
    var isAdditional = false
}

/// Counted things that are figures of their own (not people).
enum Things {
    /// The figures of things counted (helicopters, strikes, …), as opposed to people.
    static let figures = Set(nouns.values)
    static let nouns: [String: String] = {
        var d: [String: String] = [:]
        let ar: [String: String] = [
            "مروحية": "helicopters", "مروحيات": "helicopters", "مروحيتين": "helicopters", "مروحيتان": "helicopters",
            "ضربة": "strikes", "ضربات": "strikes", "غارة": "strikes", "غارات": "strikes",
            "منزل": "houses_destroyed", "منازل": "houses_destroyed", "منزلا": "houses_destroyed", "بيت": "houses_destroyed", "بيوت": "houses_destroyed",
            "رهينة": "hostages_freed", "رهائن": "hostages_freed", "رهينه": "hostages_freed",
        ]
        for (k, v) in ar { d[ArabicNorm.normalise(k)] = v }
        for (k, v) in ["helicopters": "helicopters", "helicopter": "helicopters", "strikes": "strikes", "airstrikes": "strikes", "houses": "houses_destroyed",
                       "homes": "houses_destroyed", "hostages": "hostages_freed"] { d[k] = v }
        return d
    }()
    static let destroyWords: Set<String> = Set(["تدمير", "تدميرهما", "تدميرها", "دمر", "دمرت", "هدم", "تدميره"].map(ArabicNorm.normalise))
        .union(["destroyed", "demolish", "demolished", "destroy", "razed", "torched", "flattened"])
    static let freeWords: Set<String> = Set(["تحرير", "حرر", "حررت", "إطلاق"].map(ArabicNorm.normalise)).union(["freed", "free", "rescued", "released", "liberated"])
    static let coalitionWords: Set<String> = Set(["التحالف", "الأميركية", "الأمريكية", "أميركية", "أمريكية"].map(ArabicNorm.normalise)).union(["coalition", "american", "us"])
    /// Generic aircraft nouns (the kind may follow: طائرات مروحية, helicopters of the coalition).
    static let aircraftNouns: Set<String> = Set(["طائرة", "طائرات", "طائرتان", "طائرتين", "مروحية", "مروحيات", "مروحيتان", "مروحيتين", "مقاتلة", "مقاتلات", "مسيرة"].map(ArabicNorm.normalise))
        .union(["aircraft", "plane", "planes", "helicopter", "helicopters", "jet", "jets", "warplane", "warplanes", "drone", "drones", "chopper", "choppers"])
    /// Words saying an aircraft was lost: it fell, crashed, was shot down; its wreckage was found.
    static let lossWords: Set<String> = Set(["سقوط", "تحطم", "تحطمت", "إسقاط", "اسقاط", "أسقطت", "أسقط", "سقطت", "سقط", "حطام"].map(ArabicNorm.normalise))
        .union(["crashed", "crash", "crashes", "downed", "down", "wreckage", "lost", "wreck"])
    static let wreckageWords: Set<String> = Set(["حطام"].map(ArabicNorm.normalise)).union(["wreckage", "wreck"])
    static let warplaneWords: Set<String> = Set(["حربية", "حربيتان", "حربيتين"].map(ArabicNorm.normalise)).union(["warplanes", "jets"])
}

enum Bounds {
    /// Phrases before a number, in matching form, longest first.
    static let before: [([String], Bound)] = {
        let en: [(String, Bound)] = [
            ("no fewer than", .atLeast), ("not less than", .atLeast), ("at least", .atLeast), ("a minimum of", .atLeast),
            ("more than", .moreThan), ("over", .moreThan), ("upwards of", .moreThan), ("in excess of", .moreThan),
            ("about", .about), ("around", .about), ("approximately", .about), ("nearly", .about), ("almost", .about), ("roughly", .about),
            ("some", .about), ("an estimated", .about), ("close to", .about), ("up to", .upTo), ("as many as", .upTo), ("at most", .atMost),
            ("fewer than", .atMost), ("less than", .atMost), ("no more than", .atMost), ("not more than", .atMost),
            ("لا يتجاوز", .atMost), ("لا تتجاوز", .atMost), ("لم يتجاوز", .atMost), ("لم تتجاوز", .atMost), ("لا يزيد على", .atMost),
            ("لا يزيد عن", .atMost), ("لا تزيد على", .atMost), ("لا تزيد عن", .atMost), ("ما يصل إلى", .upTo), ("ما قد يصل إلى", .upTo),
            ("ما لا يقل عن", .atLeast), ("لا يقل عن", .atLeast), ("على الأقل", .atLeast), ("أكثر من", .moreThan), ("ما يزيد على", .moreThan),
            ("ما يزيد عن", .moreThan), ("يزيد على", .moreThan), ("يزيد عن", .moreThan), ("تجاوز", .moreThan), ("يتجاوز", .moreThan),
            ("نحو", .about), ("حوالي", .about), ("حوالى", .about), ("قرابة", .about), ("زهاء", .about), ("ما يقارب", .about), ("ما يناهز", .about),
            ("أقل من", .atMost), ("حتى", .upTo),
        ]
        return en.map { (phrase, b) in
            (phrase.split(separator: " ").map { $0.unicodeScalars.first!.value >= 0x600 ? ArabicNorm.normalise(String($0)) : String($0) }, b)
        }.sorted { $0.0.count > $1.0.count }
    }()
    /// ``before`` keyed by the phrase's last word (a one-word phrase also by its stems).
    static let beforeByLastWord: [String: [([String], Bound)]] = {
        var d: [String: [([String], Bound)]] = [:]
        for (words, b) in before { d[words.last!, default: []].append((words, b)) }
        return d
    }()
    static let after: [([String], Bound)] = [
        ([ArabicNorm.normalise("على"), ArabicNorm.normalise("الأقل")], .atLeast), (["at", "least"], .atLeast), (["or", "more"], .atLeast), ([ArabicNorm.normalise("تقريبا")], .about),
        (["or", "so"], .about),
    ]
}

extension Run {
    /// Whether the words of `phrase` stand at token `i` (the first may carry proclitics).
    func phrase(_ words: [String], at i: Int, limit: Int) -> Bool {
        guard i >= 0, i + words.count <= limit else { return false }
        for (k, w) in words.enumerated() {
            let t = tokens[i + k]
            if t.norm == w { continue }
            if k == 0, t.script == .arabic, t.stems.contains(w) { continue }
            return false
        }
        return true
    }

    /// A bound phrase ending just before token `i`: the bound and where the phrase starts.
    func boundBefore(_ i: Int, from lower: Int) -> (Bound, Int)? {
        guard i - 1 >= lower, i - 1 < tokens.count, tokens[i - 1].kind == .word else { return nil }
        let last = tokens[i - 1]
        var candidates: [([String], Bound)] = Bounds.beforeByLastWord[last.norm] ?? []
        if last.script == .arabic { for st in last.stems.dropFirst() { candidates += Bounds.beforeByLastWord[st] ?? [] } }
        if candidates.isEmpty { return nil }
        candidates.sort { $0.0.count > $1.0.count }
        for (words, b) in candidates {
            let s = i - words.count
            if s >= lower, phrase(words, at: s, limit: i) {
                // "some" only as "some 20", never "some of"
                return (b, s)
            }
        }
        return nil
    }

    func boundAfter(_ i: Int, limit: Int) -> (Bound, Int)? {
        for (words, b) in Bounds.after where phrase(words, at: i, limit: limit) { return (b, i + words.count) }
        return nil
    }

    /// Singular nouns whose dual is a count: persons, victims, counted things.
    static func countableSingular(_ s: String) -> Bool {
        Lexicon.groupNouns[s]?.1 == .singular || Things.nouns[s] != nil || Lexicon.victimNouns.contains(s)
    }

    func isVictimNoun(_ t: Token) -> Bool { t.kind == .word && (Lexicon.victimNouns.contains(t.norm) || t.script == .arabic && t.stems.dropFirst().contains(where: Lexicon.victimNouns.contains)) }
    func isNonPerson(_ t: Token) -> Bool { t.kind == .word && (stemIn(t, Lexicon.nonPersonNouns) || stemIn(t, Dates.monthWords)) }

    /// Figures with a number (or a dual, a singular, a vague quantity) in one sentence.
    func mentions(in s: Range<Int>) -> [Mention] {
        var out: [Mention] = []
        let lower = s.lowerBound, limit = s.upperBound
        var i = lower
        // Whole-sentence cues, looked up only when a counted thing needs them.
        func sentenceHas(_ set: Set<String>) -> Bool { tokens[s].contains { stemIn($0, set) } }
        var covered = Set<Int>()
        var forwardUsed = Set<Int>()
        // The group a body named before a list of victim counts gives the counts after it
        // ("تكبدت ميليشيات المتمردين 33 قتيلا و25 جريحا"), and where the list has got to.
        var bodyBeforeList: (group: String, end: Int)? = nil
        while i < limit {
            let t = tokens[i]
            var q = Numbers.parse(tokens, i, limit: limit)
            if let qq = q, qq.nounGroup == "overflow" { i = qq.end; continue }
            // "أحد المواطنين", "إحدى الطائرات": one of.
            if let qq = q, qq.nounGroup == "ahad" {
                q = nil
                if qq.end < limit, let g = group(tokens[qq.end]) { q = Quantity(value: 1, bound: .exact, start: i, end: qq.end + 1, nounGroup: g.0) }
                else if qq.end + 1 < limit, tokens[qq.end].norm == Words.n("من") || tokens[qq.end].norm == "of", let g = group(tokens[qq.end + 1]) {
                    q = Quantity(value: 1, bound: .exact, start: i, end: qq.end + 2, nounGroup: g.0)
                }
            }
            if q == nil, t.kind == .word {
                // Duals: طفلين, منزلين, رهينتين, قتيلين
                if let g = group(t), g.1 == .dual, g.0 != "others" {
                    if !(Lexicon.soundPluralsInYn.contains(t.stems.last ?? "") && !dualConfirmed(i, limit)) {
                        q = Quantity(value: 2, bound: .exact, start: i, end: i + 1, nounGroup: g.0)
                    }
                } else if let stem = Numbers.dualStem(t, known: Self.countableSingular)
                            ?? Numbers.constructDualStem(t, beforeNoun: i + 1 < limit && tokens[i + 1].kind == .word && tokens[i + 1].script == .arabic, known: Self.countableSingular) {
                    if let th = Things.nouns[stem] { q = Quantity(value: 2, bound: .exact, start: i, end: i + 1, nounIsThing: th) }
                    else if let g = Lexicon.groupNouns[stem], g.0 != "others" { q = Quantity(value: 2, bound: .exact, start: i, end: i + 1, nounGroup: g.0) }
                    else if let f = Lexicon.triggers[stem] { q = Quantity(value: 2, bound: .exact, start: i, end: i + 1, nounGroup: "victim:" + f) }
                } else if t.script == .arabic, Things.warplaneWords.contains(t.norm) == false, t.stems.contains(where: Words.twoPlanes.contains) {
                    if i + 1 < limit, stemIn(tokens[i + 1], Things.warplaneWords) {
                        q = Quantity(value: 2, bound: .exact, start: i, end: i + 2, nounIsThing: "warplanes")
                    }
                } else if let g = group(t), g.1 == .singular, g.0 != "militant_leaders" || i > lower && trigger(tokens[i - 1]) != nil || isSubjectOfFigureVerb(i, lower: lower, limit: limit) {
                    // A singular noun in a casualty phrase is one: قتل مدني, بينهم طفل, وامرأة.
                    let prev = i > lower ? tokens[i - 1] : nil
                    let afterTrigger = prev.map { trigger($0) != nil && !isVictimNoun($0) } ?? false
                    let afterCue = prev.map { stemIn($0, Lexicon.subCountCues) } ?? false
                    let listed = (t.norm.hasPrefix(Words.n("و")) && t.script == .arabic) && out.last.map { $0.end >= i - 1 } ?? false
                    let enArticle = t.script == .latin
                    let subject = g.0 != "others" && isSubjectOfFigureVerb(i, lower: lower, limit: limit)
                    if (afterTrigger || afterCue || listed || subject) && !enArticle && g.0 != "others" || g.0 == "others" && afterTrigger {
                        q = Quantity(value: 1, bound: .exact, start: i, end: i + 1, nounGroup: g.0)
                    }
                } else if t.norm == "another", i + 2 < limit, ["was", "is", "has"].contains(tokens[i + 1].norm) {
                    // "Three people were shot to death and another was injured": one more person, the
                    // subject of the figure verb the noun loop below looks for.
                    q = Quantity(value: 1, bound: .exact, start: i, end: i + 1)
                } else if t.norm == "a" || t.norm == "an" || t.norm == "one", i + 1 < limit {
                    var k = i + 1
                    // "a 46-year-old man", "an 8-month-old baby", "a 17 year old boy": an age before the noun.
                    if let ageEnd = ageEnd(startingAt: k, limit: limit), ageEnd < limit { k = ageEnd }
                    if k + 1 < limit, group(tokens[k]) == nil, tokens[k].script == .latin, group(tokens[k + 1]) != nil { k += 1 }
                    if let g = group(tokens[k]), g.1 == .singular, g.0 != "others", !isCompoundHead(k + 1, limit) {
                        q = Quantity(value: 1, bound: .exact, start: i, end: k + 1, nounGroup: g.0)
                    }
                }
            }
            // "رجل أمن" (a security man) is police; "رجلا أمن", "رجلي أمن" are its construct dual (the
            // ن of the dual drops before the noun it is joined to; a singular in construct has no ا).
            if i + 1 < limit, tokens[i + 1].stems.contains(Words.amn), t.stems.contains(where: Words.constructDualOfMan.contains) {
                q = Quantity(value: 2, bound: .exact, start: i, end: i + 2, nounGroup: "police")
            } else if var qq = q, qq.nounGroup == "people", qq.end == i + 1, qq.end < limit, tokens[qq.end].stems.contains(Words.amn) {
                qq.nounGroup = "police"; qq.end += 1
                q = qq
            }
            guard var quantity = q else { i += 1; continue }
            // An age in apposition to a name ("Ana Maria Cortes, 46, was …") is not a count.
            if tokens[i].kind == .number, quantity.end < limit, tokens[quantity.end].text == ",", i >= lower + 2, tokens[i - 1].text == ",",
               tokens[i - 2].script == .latin, tokens[i - 2].text.first?.isUppercase == true {
                i = quantity.end; continue
            }
            // A citation marker ("[18]"), a listed age ("ages 13, 17 and 19"), an age closing a
            // sentence after a name ("the death of Chazz Jenkins, 18."), a day of the month ("May 10").
            if tokens[i].kind == .number, quantity.end == i + 1, isNumberThatCountsNothing(i, lower: lower, limit: limit) {
                i = quantity.end; continue
            }
            // A number glued to a Latin word ("CBS4", "WKMG6") names a station or a model, not a count.
            if tokens[i].kind == .number, i > lower, !tokens[i].spaceBefore, tokens[i - 1].kind == .word, tokens[i - 1].script == .latin {
                i = quantity.end; continue
            }
            // A number inside a web address or path ("news/2360871/club-owner-killed") is an identifier.
            if tokens[i].kind == .number, i > lower, tokens[i - 1].text == "/", !tokens[i].spaceBefore
                || quantity.end < limit && tokens[quantity.end].text == "/" && !tokens[quantity.end].spaceBefore && tokens[i].kind == .number && quantity.end == i + 1 {
                i = quantity.end; continue
            }
            // Years and dates are not counts, unless a person or victim noun follows ("2000 عنصر",
            // "killed 2000 people") and no word of time comes before ("since 2015 civilians …", "عام 2014").
            // (English needs a plural person noun: "2017 Man dead", "2017 dead in crash" are date lines.)
            let next = quantity.end < limit ? tokens[quantity.end] : nil
            let countsPeople = next.map { n in
                n.script == .arabic ? group(n) != nil || isVictimNoun(n) : group(n)?.1 == .plural
            } ?? false
                && !(quantity.start > lower && Words.beforeAYear.contains(tokens[quantity.start - 1].norm))
                || tollRisesTo(quantity.start, lower: lower)
            if let v = quantity.value, quantity.nounGroup == nil, tokens[i].kind == .number, v >= 1900, v <= 2100, v == v.rounded(), !countsPeople {
                i = quantity.end; continue
            }
            var start = quantity.start
            if let (b, bs) = boundBefore(quantity.start, from: lower), quantity.bound == .exact {
                if !(b == .about && tokens[bs].norm == "some" && quantity.nounGroup != nil) {
                    quantity.bound = b; start = bs
                }
            }
            // The counted noun.
            var figure: String? = nil
            var groupName: String? = quantity.nounGroup
            var thingFigure: String? = quantity.nounIsThing
            var end = quantity.end
            if let g = groupName, g.hasPrefix("victim:") { figure = String(g.dropFirst(7)); groupName = "people" }
            // "a family of six": six people.
            if groupName == nil, thingFigure == nil, quantity.start >= lower + 2, tokens[quantity.start - 1].norm == "of",
               ["family", "families"].contains(tokens[quantity.start - 2].norm) {
                groupName = "people"
            }
            if groupName == nil && thingFigure == nil {
                var j = quantity.end
                if let (b, be) = boundAfter(j, limit: limit) { if quantity.bound == .exact { quantity.bound = b }; j = be; end = be }
                var decided = false
                var countsThings = false
                var skipped = 0
                while j < limit, skipped <= 4 {
                    let w = tokens[j]
                    if w.kind == .punct { if w.text == "-" || w.text == "(" || w.text == ")" { j += 1; skipped += 1; continue }; break }
                    // "sending five to the hospital": a bare count sent to a hospital is people.
                    if j == quantity.end, sentToHospital(start, j, lower: lower, limit: limit) != nil { decided = true; groupName = "people"; break }
                    // "two more people", "four other party members": the additive word modifies the noun.
                    if j == quantity.end, w.norm != "others", Self.additionalAfter.contains(w.norm), j + 1 < limit, tokens[j + 1].kind == .word { j += 1; skipped += 1; continue }
                    // ("41 والجرحى إلى 86": a victim noun with و opens the next item.)
                    if isVictimNoun(w), !isConjunct(w) {
                        figure = trigger(w); groupName = "people"; end = j + 1; decided = true
                        if w.norm == "casualties" { figure = nil; decided = false; groupName = nil }
                        break
                    }
                    // "Nine members of one family", "two families fled": families counted are not people.
                    if ["family", "families"].contains(w.norm), !(j + 1 < limit && ["members", "member"].contains(tokens[j + 1].norm)) { break }
                    if let g = group(w) {
                        // "9 من عناصر الشرطة": members of a body are the body's.
                        if let body = memberOfBody(j, limit) { groupName = body; end = j + 2 } else { groupName = g.0; end = j + 1 }
                        decided = true; break
                    }
                    if let th = thing(w) { thingFigure = th; end = j + 1; decided = true; break }
                    // "4 طائرات مروحية", "طائرتان حربيتان": a generic aircraft noun made specific by the word after it.
                    if j + 1 < limit, stemIn(w, Things.aircraftNouns), let th = thing(tokens[j + 1]) ?? (stemIn(tokens[j + 1], Things.warplaneWords) ? "warplanes" : nil),
                       th == "helicopters" || th == "warplanes" {
                        thingFigure = th; end = j + 2; decided = true; break
                    }
                    // "ارتفع إلى 18 عدد القتلى": the toll named after its number.
                    if w.script == .arabic, w.norm == Words.number, j + 1 < limit, isVictimNoun(tokens[j + 1]), let f = trigger(tokens[j + 1]) {
                        figure = f; groupName = "people"; end = j + 2; decided = true; break
                    }
                    if isNonPerson(w) { countsThings = true; break }
                    if trigger(w) != nil { decided = true; groupName = "people"; break }
                    // "three were killed", "two have died": a bare count as the subject of a figure verb.
                    if w.script == .latin, j == quantity.end, ["were", "have", "had", "are"].contains(w.norm) || w.norm == "was" && quantity.value == 1,
                       !(quantity.start > lower && ["no", "not"].contains(tokens[quantity.start - 1].norm)),  // "No one was injured"
                       j + 1 < limit, trigger(tokens[j + 1]) != nil
                        || j + 2 < limit && Lexicon.auxiliaries.contains(tokens[j + 1].norm) && trigger(tokens[j + 2]) != nil {
                        decided = true; groupName = "people"; break
                    }
                    // "executed nine of them": "of them" with no noun after it names no group of its own
                    // (the group named before, below).
                    if j == quantity.end, w.norm == "of", j + 1 < limit, tokens[j + 1].norm == "them", j + 2 >= limit || tokens[j + 2].kind == .punct || group(tokens[j + 2]) == nil && !modifiersBeforeNoun(j + 2, limit) {
                        decided = true; end = j + 2; break
                    }
                    if stemIn(w, Lexicon.countTerminators) || w.norm == "of" || w.norm == "the" {
                        if w.norm == Words.n("من") || w.norm == "of" || w.norm == "the" { j += 1; skipped += 1; continue }
                        decided = true; groupName = "people"; break
                    }
                    if w.script == .latin, w.norm.count > 3, w.norm.hasSuffix("s"), !w.norm.hasSuffix("ss"), j + 1 <= limit,
                       j + 1 == limit || !(tokens[j + 1].script == .latin && group(tokens[j + 1]) != nil) {
                        // An unlisted plural ("members", "miners", "Christians"): people, if a figure word confirms it.
                        groupName = "people"; end = j + 1; decided = true; break
                    }
                    if w.script == .latin, skipped < 2, w.text.first?.isUppercase == true || w.norm.hasSuffix("ed") || w.norm.hasSuffix("ian") || w.norm.hasSuffix("ese") || w.norm.hasSuffix("i") {
                        j += 1; skipped += 1; continue
                    }
                    // "14 Congolese were killed": a skipped capitalised word was the noun itself.
                    if w.script == .latin, skipped > 0, j > quantity.end, tokens[j - 1].text.first?.isUppercase == true,
                       Lexicon.auxiliaries.contains(w.norm) || trigger(w) != nil {
                        groupName = "people"; end = j; decided = true; break
                    }
                    // Modifiers before the counted noun: "17 local residents", "40 former members", "six illegal gold miners".
                    if w.script == .latin, skipped < 4, modifiersBeforeNoun(j, limit) { j += 1; skipped += 1; continue }
                    if w.script == .arabic, j > quantity.end, tokens[j - 1].norm == Words.n("من") {
                        // "١٢ من منسوبي القوات": a count of people of some body.
                        if let g = ofGroup(j, limit) { groupName = g } else { groupName = "people" }
                        end = j + 1; decided = true; break
                    }
                    break
                }
                // "وأصيب المئات بحالات اختناق": a vague count right after a verb of killing or wounding is its victims.
                let victimsOfVerb = quantity.vague && !countsThings && start > lower && tokens[start - 1].script == .arabic
                    && trigger(tokens[start - 1]) != nil && !isVictimNoun(tokens[start - 1]) && !stemIn(tokens[start - 1], Words.occurrence)
                if !decided {
                    if j >= limit || tokens[j].kind == .punct || victimsOfVerb { groupName = "people" } else { i = max(i + 1, quantity.end); continue }
                }
            }
            let victimCount = figure != nil && end > quantity.end
            if thingFigure == nil, groupName == nil || groupName == "people" && (end == quantity.end || victimCount), start > lower,
               let g = group(tokens[start - 1]), g.1 == .plural, g.0 != "others", tokens[start - 1].script == .arabic {
                groupName = g.0
                if victimCount { bodyBeforeList = (g.0, end) }
            } else if victimCount, groupName == "people", let list = bodyBeforeList, let last = out.last, last.end == list.end, listJoined(last.end, start) {
                groupName = list.group
                bodyBeforeList = (list.group, end)
            }
            // "بـ25 منهم", "two of them": the group named last before the count.
            if thingFigure == nil, groupName == nil || groupName == "people" && end == quantity.end, quantity.end < limit,
               tokens[quantity.end].norm == Words.minhum || tokens[quantity.end].norm == "of" && quantity.end + 1 < limit && tokens[quantity.end + 1].norm == "them" {
                var k = quantity.start - 1
                while k >= lower { if let g = group(tokens[k]), g.1 == .plural, g.0 != "others" { groupName = g.0; break }; k -= 1 }
                // "مقتل 25 مسلحا … وجرح العشرات منهم": a count nearer than that plural names them
                // (its noun is singular after the number).
                if let last = out.last(where: { !Things.figures.contains($0.figure) && $0.figure != "aircraft_lost" }), last.end - 1 > k,
                   let g = last.group, g != "people" {
                    groupName = g
                }
            }
            if thingFigure == nil, groupName == nil { groupName = "people" }
            // رجال الأمن, رجل أمن: police.
            if let g = groupName, g == "people", end < limit, end > quantity.end, tokens[end].stems.contains(Words.amn) { groupName = "police"; end += 1 }
            // "قتلى من السكان", "جريحا في صفوف المقاومة", "آخرين من الجيش": the body they belong to.
            var fromBody = false
            if let g = groupName, g == "people" || g == "others" || g == "soldiers" && tokens[end - 1].script == .arabic {
                if let og = ofGroup(end, limit) { groupName = og; fromBody = true }
            }
            // Bound after the noun: "9 أشخاص على الأقل", "13 people at least".
            if let (b, be) = boundAfter(end, limit: limit) { if quantity.bound == .exact { quantity.bound = b }; end = be }
            // American personnel.
            if let g = groupName, ["soldiers", "people", "others"].contains(g) {
                var k = end
                while k < min(limit, end + 4) { if stemIn(tokens[k], Lexicon.americanWords) { groupName = "us_personnel"; break }; k += 1 }
                if groupName != "us_personnel", start > lower, stemIn(tokens[start - 1], Lexicon.americanWords) { groupName = "us_personnel" }
            }
            var combined = false
            if let th = thingFigure {
                switch th {
                case "houses_destroyed": if !sentenceHas(Things.destroyWords) { i = end; continue }
                case "hostages_freed":
                    if !sentenceHas(Things.freeWords) {
                        thingFigure = nil; groupName = "other"
                    }
                default: break
                }
                if let th = thingFigure {
                    let g: String? = th == "houses_destroyed" || th == "hostages_freed" ? nil : (reportNamesCoalition ? "coalition" : nil)
                    out.append(Mention(figure: th, group: g, value: quantity.value, bound: quantity.bound, start: start, end: end))
                    for k in start..<end { covered.insert(k) }
                    i = end; continue
                }
            }
            // The figure: after the noun ("were killed", قتلوا), a sub-count's parent, or before.
            var qs = start
            var triggerAt: Int? = nil
            var inheritedSubCount = false
            if figure == nil {
                var k = end
                var steps = 0
                while k < limit, steps < 4, tokens[k].kind == .word, Lexicon.auxiliaries.contains(tokens[k].norm) || (tokens[k].script == .arabic && steps == 0 && group(tokens[k]) != nil) { k += 1; steps += 1 }
                // "Two suicide bombers killed at least 35 people": a count right before an active verb
                // with its own object counts the agents, not the victims.
                let agent = k < limit && k == end && tokens[k].script == .latin && ["killed", "kill", "kills", "wounded", "injured"].contains(tokens[k].norm)
                    && k + 1 < limit && (Numbers.parse(tokens, k + 1, limit: limit) != nil || boundBefore(k + 3, from: k + 1) != nil || boundBefore(k + 2, from: k + 1) != nil
                        || ["a", "an", "the", "his", "her", "their"].contains(tokens[k + 1].norm))
                // "was shot and killed by two unidentified gunmen": a count after "by" that follows a
                // figure word counts who did it.
                let byAgent = start > lower && tokens[start - 1].norm == "by" && (max(lower, start - 4)..<(start - 1)).contains { trigger(tokens[$0]) != nil }
                if agent || byAgent { i = max(i + 1, end); continue }
                if k < limit, let f = trigger(tokens[k]), !(tokens[k].script == .latin && ["death", "deaths", "lives", "bodies"].contains(tokens[k].norm) && tokens[k - 1].norm != "to") {
                    // Arabic: only a verb after the count agreeing with it (plural قتلوا, لقوا, أصيبوا; dual
                    // قتلا, أصيبا) or a victim noun; "41 والجرحى" opens the next item of a list.
                    let ar = tokens[k].script == .arabic
                    let agrees = tokens[k].norm.hasSuffix(Words.n("ون")) || tokens[k].norm.hasSuffix(Words.n("ا")) // ا: plural وا and dual
                    if !ar || !isConjunct(tokens[k]) && (agrees || isVictimNoun(tokens[k]) || tokens[k].norm.hasPrefix(Words.n("مفقود"))) {
                        // "were fatally wounded": a death.
                        figure = f == "injured" && ["fatally", "mortally"].contains(tokens[k - 1].norm) ? "killed" : f
                        end = k + 1; forwardUsed.insert(k); triggerAt = k
                        if k + 1 < limit, Words.deathWithPronoun.contains(tokens[k + 1].norm) || tokens[k + 1].norm == "dead" { end = k + 2 }
                    }
                }
            }
            if figure == nil, let shotAt = nonFatallyShot(from: qs, after: end, lower: lower, limit: limit) {
                figure = "injured"; end = shotAt + 1; forwardUsed.insert(shotAt); triggerAt = shotAt
            }
            var cue = (max(lower, qs - 2)..<qs).contains { k in (stemIn(tokens[k], Lexicon.subCountCues) || tokens[k].norm == Words.n("هم")) && !(k + 1..<qs).contains { trigger(tokens[$0]) != nil } }
            // "Two medics were among at least 31 people killed": a part of the count that follows.
            var after = end
            while after < limit, ["were", "was", "are", "is"].contains(tokens[after].norm) { after += 1 }
            if after + 1 < limit, tokens[after].norm == "among" || tokens[after].norm == Words.bayna,
               Numbers.parse(tokens, after + 1, limit: limit) != nil || (after + 3 < limit && boundBefore(after + 3, from: after + 1) != nil) {
                cue = true
            }
            if figure == nil, cue, let parent = out.last(where: { !Things.figures.contains($0.figure) }) {
                figure = parent.figure
                combined = parent.combined
            }
            func backward(_ reach: Int) {
                var k = qs - 1
                while k >= max(lower, qs - reach) {
                    if let f = trigger(tokens[k]), !forwardUsed.contains(k) {
                        figure = f
                        // merged: مقتل وإصابة N, killed and injured N
                        if f == "injured" {
                            var p = k - 1
                            if p >= lower, tokens[p].norm == "and" || tokens[p].norm == "or" || tokens[p].norm == Words.n("و") { p -= 1 }
                            // (Not a word agreeing with a subject before it, or the verb of the count before:
                            // "لقي ثلاثة جنود حتفهم وأصيب سبعة", "إن رجل أمن استشهد وأصيب اثنان آخران".)
                            if p >= lower, stemIn(tokens[p], Lexicon.killVerbsForMerge) || trigger(tokens[p]) == "killed" && !agreesWithSubjectBefore(tokens[p]) && !forwardUsed.contains(p) {
                                combined = true; k = p
                            }
                        }
                        if qs - k <= 3 { qs = k }
                        triggerAt = k
                        return
                    }
                    if tokens[k].kind == .punct, tokens[k].text == ";" || tokens[k].text == "؛" || tokens[k].text == ":" { return }
                    if stemIn(tokens[k], Self.clauseBreaks) { return }
                    // "… killed nine inmates and are hunting 19 others": a new verb phrase after "and".
                    if reach > 3, tokens[k].norm == "and", k + 1 < qs, startsVerbPhrase(tokens[k + 1]) { return }
                    k -= 1
                }
            }
            // A count joined by "and"/و to the count before it shares its figure: "ستة قتلى هم ثلاثة
            // شرطيين وثلاثة مدنيين", "seven women and three children were killed".
            if let prev = out.last, prev.isSubCount, listJoined(prev.end, qs) { inheritedSubCount = true }
            if figure == nil, let prev = out.last, !Things.figures.contains(prev.figure), prev.figure != "aircraft_lost", listJoined(prev.end, qs) {
                figure = prev.figure; triggerAt = prev.triggerAt; combined = prev.combined
            }
            // "killing at least 14 people, six of them children": a part of the count before.
            let ofThem = quantity.end + 1 < limit && tokens[quantity.end].norm == "of" && tokens[quantity.end + 1].norm == "them" && !out.isEmpty
            if ofThem { cue = true }
            // "ارتفع عدد الشهداء إلى 12", "the toll rose to 12": the figure word comes before.
            if figure == nil, qs > lower, tokens[qs - 1].norm == Words.n("الي") || tokens[qs - 1].norm == "to" { backward(8) }
            // "The toll from the chemical attack has risen to 86": a toll is of deaths unless its word says otherwise.
            if figure == nil, qs > lower, ["to", "at"].contains(tokens[qs - 1].norm), let toll = tollWord(before: qs - 1, lower: lower) {
                figure = toll > lower ? trigger(tokens[toll - 1]) ?? "killed" : "killed"; triggerAt = toll
            }
            // "a shooting that sent four people to the hospital": the wounded.
            // In a report that tells of a death, only others sent there (those sent may include one who died later).
            if figure == nil, let verb = sentToHospital(qs, end, lower: lower, limit: limit),
               !reportTellsOfDeath || isAdditional(quantity.start, quantity.end, lower: lower, limit: limit) { figure = "injured"; triggerAt = verb }
            if figure == nil { backward(3) }
            if figure == nil {
                // Further ahead: "تسع نساء من التجار وخمسة رجال، قتلوا", "Four civilians ... were killed".
                var k = end
                var ownPredicate = false
                while k < min(limit, end + (tokens[max(i, end - 1)].script == .latin || tokens[i].script == .latin ? 20 : 10)) {
                    let w = tokens[k]
                    if w.kind == .punct, w.text == "." || w.text == ";" || w.text == ":" { break }
                    // "Two men were shot and one of them died": once the count has its own verb, "and"
                    // with a new subject starts another clause, whose figure word is that subject's.
                    if Self.finiteBe.contains(w.norm) { ownPredicate = true }
                    if ownPredicate, w.norm == "and", k + 1 < limit, Self.newSubjects.contains(tokens[k + 1].norm) || Numbers.parse(tokens, k + 1, limit: limit) != nil { break }
                    if stemIn(w, Lexicon.sayingVerbs) {
                        // "were reported to have been killed", "were confirmed killed": passive saying verbs go on.
                        if k > end, ["were", "was", "are", "is", "been", "be"].contains(tokens[k - 1].norm) { k += 1; continue }
                        break
                    }
                    if stemIn(w, Self.clauseBreaks) { break }
                    if let f = trigger(w) {
                        // ("killed and over 65 injured": a count after "and" has its own figure.)
                        let followedByCount = k + 1 < limit && tokens[k + 1].norm != "and" && tokens[k + 1].kind != .punct
                            && (Numbers.parse(tokens, k + 1, limit: limit) != nil
                            || k + 2 < limit && boundBefore(k + 2, from: k + 1) != nil && Numbers.parse(tokens, k + 2, limit: limit) != nil
                            || k + 3 < limit && boundBefore(k + 3, from: k + 1) != nil && Numbers.parse(tokens, k + 3, limit: limit) != nil)
                        let nounOfFigure = w.script == .latin && ["death", "deaths", "lives", "bodies", "killing", "wounding", "injuring"].contains(w.norm)
                            && !(w.norm == "death" && k >= 2 && tokens[k - 1].norm == "to" && Self.violentToDeath.contains(tokens[k - 2].norm))
                        if !followedByCount && !nounOfFigure {
                            // "was fatally wounded", "mortally injured": a death.
                            let fatal = f == "injured" && k > lower && ["fatally", "mortally"].contains(tokens[k - 1].norm)
                            figure = fatal ? "killed" : f; forwardUsed.insert(k); triggerAt = k
                            if k - end <= 2 { end = k + 1 }
                        }
                        break
                    }
                    k += 1
                }
            }
            if figure == nil { backward(8) }
            // "سبعة بين قتيل وجريح"
            if figure == nil || figure != nil, end + 2 < limit, tokens[end].norm == Words.n("بين"), trigger(tokens[end + 1]) == "killed", trigger(tokens[end + 2]) == "injured" {
                figure = "killed"; combined = true; end += 3
            }
            guard var fig = figure else { i = max(i + 1, quantity.end); continue }
            // "A man was wounded and died", "were injured and later died": those wounded died.
            if fig == "injured", let t = triggerAt, t >= quantity.end, tokens[t].script == .latin, clauseTellsOfDeath(t + 1, limit: limit, newCounts: true) { fig = "killed" }
            var g = groupName ?? "people"
            if g == "others" {
                // "N others" are more of the same kind (militants, civilians); others than a child or a
                // woman are people.
                let previous = Set(out.filter { !Things.figures.contains($0.figure) && $0.figure != "aircraft_lost" }.compactMap(\.group))
                g = previous.count == 1 && !["children", "women", "militant_leaders"].contains(previous.first!) ? previous.first! : "people"
                // "مسلحين اثنين آخرين": the noun before the number names them.
                if quantity.start > lower, let pg = group(tokens[quantity.start - 1]), pg.1 == .plural, pg.0 != "others" { g = pg.0 }
            }
            if combined {
                let vague = quantity.bound != .exact
                for f in ["killed", "injured"] {
                    out.append(Mention(figure: f, group: g, value: vague ? nil : quantity.value, bound: vague ? .some : .upTo, start: qs, end: end, combined: true))
                }
            } else {
                // "عشرة قتلى و60 جريحا في صفوف المقاومة", "ضابطين ومجند من قوة الأمن": the body named
                // after a list is the force of every count in it.
                if fromBody {
                    var k = out.count - 1
                    var next = qs
                    while k >= 0, listJoined(out[k].end, next), ["people", "soldiers"].contains(out[k].group ?? "") {
                        out[k].group = g; next = out[k].start; k -= 1
                    }
                }
                // "abducted 14 passengers and executed nine of them": a part of a count of another
                // figure is the whole count of its own.
                let partOfAnotherFigure = ofThem && out.last(where: { !Things.figures.contains($0.figure) })?.figure != fig
                out.append(Mention(figure: fig, group: g, value: quantity.bound == .some ? nil : quantity.value, bound: quantity.bound, start: qs, end: end,
                                   triggerAt: triggerAt, isSubCount: cue && !partOfAnotherFigure || inheritedSubCount, vague: quantity.vague,
                                   isAdditional: isAdditional(quantity.start, quantity.end, lower: lower, limit: limit)))
                // "were kidnapped and killed": the same people, a second figure ("killed and injured"
                // is a combined figure, not both for everyone).
                if let k = triggerAt, k > qs, k + 2 < limit, tokens[k].script == .latin, tokens[k + 1].norm == "and",
                   let second = trigger(tokens[k + 2]), second != fig, tokens[k + 2].norm.hasSuffix("ed"), Set([fig, second]) != ["killed", "injured"] {
                    var also = out[out.count - 1]
                    also.figure = second
                    also.end = max(end, k + 3)
                    also.triggerAt = k + 2
                    out.append(also)
                    forwardUsed.insert(k + 2)
                }
            }
            for k in qs..<end { covered.insert(k) }
            i = max(i + 1, end)
        }
        // "4 أسرى بينهم قيادي", "12 dead, including a militant leader": a count of people with a
        // militant leader among them counts militants, and so do the counts listed before it
        // ("17 جثة و 4 أسرى بينهم قيادي": the losses of one side, like a body before a list).
        for k in out.indices where out[k].group == "people" && !out[k].isSubCount {
            let e = out[k].end
            guard e + 1 < limit, stemIn(tokens[e], Lexicon.subCountCues), group(tokens[e + 1])?.0 == "militant_leaders" else { continue }
            out[k].group = "militants"
            var j = k - 1
            while j >= 0, out[j].group == "people", !out[j].isSubCount, out[j].end <= out[j + 1].start, listJoined(out[j].end, out[j + 1].start) {
                out[j].group = "militants"
                j -= 1
            }
        }
        out += someMentions(in: s, covered: covered, existing: out)
        return out
    }

    /// Active verbs that send the wounded to a hospital: "sent three others to the hospital",
    /// "sending five men to area hospitals", "took two to the hospital".
    static let sendingVerbs: Set<String> = ["sent", "sending", "sends", "send", "took", "taking", "rushed", "rushing", "transported", "transporting", "put", "putting", "landed", "landing"]
    static let hospitalModifiers: Set<String> = ["the", "a", "an", "area", "local", "nearby", "two", "three", "different", "several", "various", "separate", "regional"]

    /// The sending verb right before a count starting at `qs` whose noun ends before `end`, when a
    /// hospital follows the count ("sent four people to the hospital", "put two in the hospital").
    func sentToHospital(_ qs: Int, _ end: Int, lower: Int, limit: Int) -> Int? {
        guard qs > lower, tokens[qs - 1].kind == .word, Self.sendingVerbs.contains(tokens[qs - 1].norm),
              end < limit, tokens[end].norm == "to" || tokens[end].norm == "in" else { return nil }
        var k = end + 1
        while k < min(limit, end + 4), Self.hospitalModifiers.contains(tokens[k].norm) { k += 1 }
        guard k < limit, ["hospital", "hospitals"].contains(tokens[k].norm) else { return nil }
        // "sent three officers to the hospital to interview …": a purpose, not a wound ("to be treated" is one).
        if k + 2 < limit, tokens[k + 1].norm == "to", tokens[k + 2].norm != "be" { return nil }
        // "put", "landed" take "in"; the others "to".
        let takesIn = ["put", "putting", "landed", "landing"].contains(tokens[qs - 1].norm)
        guard (tokens[end].norm == "in") == takesIn else { return nil }
        return qs - 1
    }

    static let ageWords: Set<String> = ["age", "ages", "aged"]
    /// Words after a house number: "665 Skyline Drive", "the 2500 block of Semple Avenue".
    static let streetWords: Set<String> = ["street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "boulevard", "blvd", "lane", "ln", "court",
                                           "ct", "way", "place", "pl", "highway", "hwy", "parkway", "pkwy", "terrace", "circle", "block"]
    static let roadWords: Set<String> = ["interstate", "route", "highway", "hwy", "exit"]
    /// Words before an age in decades: "in his 20's", "their early 20s".
    static let decadeOwners: Set<String> = ["his", "her", "their", "early", "late", "mid"]
    /// Gallery captions count pictures: "Image 5 of 33", "Photo 2 of 8".
    static let pictureWords: Set<String> = ["image", "photo", "picture", "slide", "page"]
    static let monthAbbreviations: Set<String> = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]

    static let ageUnits: Set<String> = ["year", "years", "month", "months", "week", "weeks", "day", "days"]

    /// The end of an age starting at `k`, hyphenated or not: "46-year-old", "17 year old",
    /// "8 months old".
    func ageEnd(startingAt k: Int, limit: Int) -> Int? {
        guard k < limit, tokens[k].kind == .number else { return nil }
        if k + 4 < limit, tokens[k + 1].text == "-", Self.ageUnits.contains(tokens[k + 2].norm), tokens[k + 3].text == "-", tokens[k + 4].norm == "old" { return k + 5 }
        if k + 2 < limit, tokens[k + 1].kind == .word, Self.ageUnits.contains(tokens[k + 1].norm), tokens[k + 2].norm == "old" { return k + 3 }
        return nil
    }

    /// The start of an age ending in "old" at `j` (``ageEnd(startingAt:limit:)`` read backwards).
    func ageStart(endingAt j: Int, lower: Int) -> Int? {
        guard j >= lower, j < tokens.count, tokens[j].norm == "old" else { return nil }
        for start in [j - 4, j - 2] where start >= lower && ageEnd(startingAt: start, limit: j + 1) == j + 1 { return start }
        return nil
    }

    /// Whether the bare number at `i` counts nothing: a citation marker, an age (listed, after a
    /// name, in decades, "N yo"/"year old"), a day after a month's name, a road or house number,
    /// or a gallery caption's picture number.
    func isNumberThatCountsNothing(_ i: Int, lower: Int, limit: Int) -> Bool {
        let before = i > lower ? tokens[i - 1] : nil
        let after = i + 1 < limit ? tokens[i + 1] : nil
        if before?.text == "[", after?.text == "]" { return true }
        if let b = before, b.kind == .word, b.script == .latin {
            if Self.ageWords.contains(b.norm) { return true }
            // "May 10", "March 3": the two months that are also words only when capitalised.
            if Dates.monthWords.contains(b.norm) || Self.monthAbbreviations.contains(b.norm) || b.text == "May" || b.text == "March" { return true }
        }
        // "Dec. 27": the abbreviation's dot may have closed the sentence before the day.
        if i >= 2, tokens[i - 1].text == ".", Self.monthAbbreviations.contains(tokens[i - 2].norm) { return true }
        if let b = before, b.kind == .word {
            // "Interstate 95", "Route 9": a road.
            if Self.roadWords.contains(b.norm) { return true }
            // "in his 20's", "their early 20s": an age in decades.
            if Self.decadeOwners.contains(b.norm), let v = Double(tokens[i].norm), v >= 10, v < 100, v.truncatingRemainder(dividingBy: 10) == 0 { return true }
        }
        // "The man, 38, was pronounced dead": an age in apposition to a person noun.
        if before?.text == ",", i - 2 >= lower, after.map({ $0.text == "," || $0.norm == "and" || $0.norm == "of" }) == true,
           tokens[i - 2].kind == .word, group(tokens[i - 2])?.1 == .singular || SingleVictim.personNouns.contains(tokens[i - 2].norm) {
            return true
        }
        // "80yo", "an 18 year old": an age.
        if let a = after, a.norm == "yo" || a.norm == "year" && i + 2 < limit && tokens[i + 2].norm == "old" { return true }
        // "665 Skyline Drive", "the 200 block of Mason Court": a house number.
        for k in (i + 1)..<min(limit, i + 4) {
            if Self.streetWords.contains(tokens[k].norm), tokens[k].norm == "block" || tokens[k].text.first?.isUppercase == true { return true }
            guard tokens[k].kind == .word, tokens[k].script == .latin, tokens[k].text.first?.isUppercase == true else { break }
        }
        // "Image 5 of 33": both numbers.
        if let b = before, Self.pictureWords.contains(b.norm), after?.norm == "of" { return true }
        if before?.norm == "of", i - 2 >= lower, tokens[i - 2].kind == .number, i - 3 >= lower, Self.pictureWords.contains(tokens[i - 3].norm) { return true }
        // "ages 13, 17 and 19": back over the list to "ages".
        var k = i - 1
        while k >= max(lower, i - 8), tokens[k].kind == .number || tokens[k].text == "," || tokens[k].norm == "and" { k -= 1 }
        if k >= lower, k < i - 1, tokens[k].kind == .word, Self.ageWords.contains(tokens[k].norm) { return true }
        // "Chazz Jenkins, 18." at the end of the sentence.
        if before?.text == ",", i - 2 >= lower, tokens[i - 2].script == .latin, tokens[i - 2].text.first?.isUppercase == true,
           after == nil || after.map({ $0.kind == .punct && [".", ")", ";"].contains($0.text) }) == true {
            return true
        }
        return false
    }

    static let bodies: [String: String] = {
        var d: [String: String] = ["army": "soldiers", "police": "police", "militants": "militants", "taliban": "militants",
                                   // "members of the Hezbollah militia", "members of the regime troops", "members of ISIS"
                                   "militia": "militants", "militias": "militants", "isis": "militants", "isil": "militants", "daesh": "militants",
                                   "nusra": "militants", "hezbollah": "militants", "qaeda": "militants", "rebels": "militants", "insurgents": "militants",
                                   "jihadists": "militants", "troops": "soldiers", "forces": "soldiers", "regime": "soldiers"]
        for (k, v) in [("الجيش", "soldiers"), ("الشرطة", "police"), ("المقاومة", "militants"), ("التنظيم", "militants"), ("داعش", "militants"),
                       ("الحوثيين", "militants"), ("الحوثي", "militants"), ("القوات", "soldiers"), ("النظام", "soldiers"), ("المسلحين", "militants"),
                       ("المتمردين", "militants"), ("الميليشيات", "militants"), ("الإرهابيين", "militants"), ("السكان", "civilians"), ("المدنيين", "civilians"),
                       ("الأمن", "police"), ("الجيش", "soldiers")] {
            d[ArabicNorm.normalise(k)] = v
        }
        return d
    }()

    /// The group of a body named by the word (`الجيش`, `الشرطة`, `ISIS`).
    func body(_ t: Token) -> String? { Self.bodies[t.norm] ?? t.stems.lazy.compactMap({ Self.bodies[$0] }).first }

    /// "عناصر الشرطة", "أفراد الجيش": a noun of membership before a body is that body's group.
    func memberOfBody(_ j: Int, _ limit: Int) -> String? {
        guard j + 1 < limit, tokens[j].stems.contains(where: Words.memberNouns.contains) else { return nil }
        // "عناصر القوات الأمنية", "عناصر قوات الأمن": security forces in general, police and army alike.
        if body(tokens[j + 1]) == "soldiers", j + 2 < limit, Self.securityWords.contains(tokens[j + 2].norm) { return "people" }
        return body(tokens[j + 1])
    }
    static let securityWords: Set<String> = Set(["الأمنية", "الأمن"].map(ArabicNorm.normalise))

    /// "وصل عدد قتلاه إلى 2000", "the death toll rose to 2000": a number right after "to" that a
    /// toll word (عدد, حصيلة, toll) shortly before leads to.
    func tollRisesTo(_ start: Int, lower: Int) -> Bool {
        guard start > lower, tokens[start - 1].norm == Words.n("الي") || tokens[start - 1].norm == "to" else { return false }
        return (max(lower, start - 6)..<(start - 1)).contains { k in
            [Words.number, Words.n("حصيلة"), "toll"].contains(tokens[k].norm)
        }
    }

    /// "The death toll from the attack on the market rose to 27": the word "toll" in the clause
    /// before the "to"/"at" at `k`, followed by a verb of rising or standing right before `k`.
    func tollWord(before k: Int, lower: Int) -> Int? {
        guard k - 1 >= lower, Self.tollVerbs.contains(tokens[k - 1].norm) else { return nil }
        var m = k - 2
        while m >= max(lower, k - 14) {
            if tokens[m].norm == "toll" { return m }
            if tokens[m].kind == .punct && tokens[m].text != "-" || stemIn(tokens[m], Self.clauseBreaks) { return nil }
            m -= 1
        }
        return nil
    }
    static let tollVerbs: Set<String> = ["rose", "risen", "climbed", "increased", "reached", "jumped", "stands", "stood", "rising", "climbing"]

    /// "من الجيش", "في صفوف المقاومة", "of the army": the group of the body named at `i`.
    func ofGroup(_ i: Int, _ limit: Int) -> String? {
        var k = i
        guard k < limit else { return nil }
        if let g = group(tokens[k]), g.0 == "others", k + 1 < limit { k += 1 }
        let start = k
        if tokens[k].norm == Words.n("من") || tokens[k].norm == "of" || tokens[k].norm == Words.n("في") { k += 1 }
        if k < limit, tokens[k].norm == Words.n("صفوف") || tokens[k].norm == "the" { k += 1 }
        // "ستة من أفراد المقاومة": a body right after the noun (construct state).
        if k == start, tokens[k].script == .arabic, tokens[k].stems.first?.hasPrefix(Words.n("ال")) == true, let g = Self.bodies[tokens[k].norm] { return g }
        guard k > start, k < limit else { return nil }
        var j = k
        while j < min(limit, k + 2) {
            if let g = body(tokens[j]) { return g }
            if let g = group(tokens[j]), g.1 == .plural, g.0 != "others", g.0 != "people" { return memberOfBody(j, limit) ?? g.0 }
            j += 1
        }
        return nil
    }

    /// "A 46-year-old man was shot Thursday", "four teens were shot on the court", "a child shot
    /// himself in the hand": people shot and not killed are wounded. The count is the subject of a
    /// passive "shot" (after was/were/been/got, or reflexive), a noun phrase right before it, and
    /// nothing in the report says anyone died (fatally, shot dead, killed, died, pronounced dead): "Four were shot, one fatally" counts the
    /// hit, not the wounded, and gives no claim here; so does "A boy shot himself … He was
    /// pronounced dead". The index of "shot", or nil.
    func nonFatallyShot(from start: Int, after end: Int, lower: Int, limit: Int) -> Int? {
        guard end < limit, tokens[end].script == .latin, start < end, end - start <= 8,
              !tokens[(start + 1)..<end].contains(where: { ["a", "an", "the"].contains($0.norm) || $0.kind == .word && $0.norm.hasSuffix("ing") }) else { return nil }
        var k = end
        var passive = false
        while k < min(limit, end + 4), tokens[k].kind == .word, tokens[k].norm != "shot" {
            guard ["was", "were", "been", "being", "got", "get", "have", "has", "had", "is", "are", "reportedly", "also", "allegedly", "apparently", "accidentally", "then", "both", "all"].contains(tokens[k].norm) else { return nil }
            if ["was", "were", "been", "being", "got", "get", "is", "are"].contains(tokens[k].norm) { passive = true }
            k += 1
        }
        guard k < limit, tokens[k].norm == "shot" else { return nil }
        let next = k + 1 < limit ? tokens[k + 1] : nil
        let reflexive = next.map { ["himself", "herself", "themselves"].contains($0.norm) } ?? false
        guard passive || reflexive else { return nil }
        if let n = next, n.norm == "down" || n.norm == "at" && !passive { return nil }
        // Anyone dying in the report makes "shot" the count of those hit, or a victim who died later.
        if reportTellsOfDeath { return nil }
        return k
    }

    /// Finite forms of "be": a count followed by one has a verb of its own.
    static let finiteBe: Set<String> = ["was", "were", "is", "are"]
    /// Words besides numbers that open a clause with a subject of its own after "and".
    static let newSubjects: Set<String> = ["he", "she", "they", "another", "both", "none"]
    static let additionalBefore: Set<String> = Set(["another", "further", "additional"])
    static let additionalAfter: Set<String> = Set(["other", "others", "more", "additional", "further"])

    /// Whether the count at `start..<end` adds to victims already counted or named: "four other
    /// people", "three others", "another four", "two more people", "اثنين آخرين", "3 آخرون".
    func isAdditional(_ start: Int, _ end: Int, lower: Int, limit: Int) -> Bool {
        if start > lower, Self.additionalBefore.contains(tokens[start - 1].norm) { return true }
        if tokens[start].norm == "another" { return true }
        guard end < limit else { return false }
        let next = tokens[end]
        if Self.additionalAfter.contains(next.norm) { return true }
        // Arabic: the count's noun, then آخرين ("مسلحين اثنين آخرين", "3 جرحى آخرين").
        for k in end..<min(limit, end + 2) where group(tokens[k])?.0 == "others" && tokens[k].script == .arabic { return true }
        return false
    }

    /// A plural dual-looking noun (شرطيين) counts as two only with a dual verb or اثنين.
    func dualConfirmed(_ i: Int, _ limit: Int) -> Bool {
        for k in (i + 1)..<min(limit, i + 4) {
            let w = tokens[k]
            if Words.ithnayn.contains(w.norm) { return true }
            if trigger(w) != nil, w.norm.hasSuffix(Words.n("ا")) { return true }
        }
        return false
    }

    /// Casualties stated with no number: ضحايا مدنيين, سقوط قتلى, وأصيب آخرون, civilian victims.
    func someMentions(in s: Range<Int>, covered: Set<Int>, existing: [Mention]) -> [Mention] {
        var out: [Mention] = []
        let lower = s.lowerBound, limit = s.upperBound
        for i in s where !covered.contains(i) {
            let t = tokens[i]
            guard t.kind == .word, let f = trigger(t), ["killed", "injured"].contains(f) else { continue }
            if negated(i, lower) { continue }
            var g: String? = nil
            var a = i, b = i + 1
            if i + 1 < limit, !covered.contains(i + 1), let gg = group(tokens[i + 1]), gg.1 == .plural, gg.0 != "militant_leaders" {
                g = gg.0; b = i + 2
                // "إصابة جنود أمريكيين", "American soldiers wounded": a named force's personnel.
                if ["soldiers", "people"].contains(gg.0), b < limit, stemIn(tokens[b], Lexicon.americanWords) { g = "us_personnel"; b += 1 }
            } else if i > lower, !covered.contains(i - 1), t.script == .latin, isVictimNoun(t), let gg = group(tokens[i - 1]), gg.1 == .plural,
                      !hasObject(after: i, limit: limit) {
                g = gg.0; a = i - 1
            } else if i > lower, t.norm == "victims" || t.norm == "casualties", tokens[i - 1].norm == "civilian" {
                g = "civilians"; a = i - 1
            } else if isVictimNoun(t), t.script == .arabic, i > lower, tokens[i - 1].stems.contains(where: Words.occurrence.contains) {
                g = "people"; a = i - 1
            } else if isVictimNoun(t), isConjunct(t), let pair = out.last, pair.end == i, pair.value == nil, pair.figure != f {
                // "سقوط قتلى وجرحى": the second victim noun of a pair, of the same group.
                g = pair.group
            }
            guard var gname = g else { continue }
            if gname == "others" {
                let previous = Set(existing.compactMap(\.group))
                gname = previous.count == 1 ? previous.first! : "people"
            }
            if gname == "people", existing.contains(where: { $0.figure == f }) { continue }
            if existing.contains(where: { $0.figure == f && $0.group == gname }) || out.contains(where: { $0.figure == f && $0.group == gname }) { continue }
            // ضحايا مدنيين بينهم أطفال: the sub-group stays in the same quote.
            if b + 1 < limit, stemIn(tokens[b], Lexicon.subCountCues), let sub = group(tokens[b + 1]), sub.1 == .plural { b += 2 }
            out.append(Mention(figure: f, group: gname, value: nil, bound: .some, start: a, end: b))
        }
        // بينهم مدنيون / including women / معظمهم من النساء والأطفال: an unstated number of a
        // sub-group, and of each plural listed with it (بينهم نساء وأطفال).
        for i in s where !covered.contains(i) && i + 1 < limit {
            let most = stemIn(tokens[i], Lexicon.mostOfThemCues)
            guard most || stemIn(tokens[i], Lexicon.subCountCues) else { continue }
            var first = i + 1
            if most, first + 1 < limit, tokens[first].norm == Words.n("من") || tokens[first].norm == "of" { first += 1 }
            guard !covered.contains(first), let g = group(tokens[first]), g.1 == .plural, g.0 != "others" else { continue }
            guard let parent = (existing + out).last(where: { $0.start < i && ($0.figure == "killed" || $0.figure == "injured") && $0.value != nil }) else { continue }
            var k = first
            while k < limit, !covered.contains(k), let part = group(tokens[k]), part.1 == .plural, part.0 != "others", k == first || isConjunct(tokens[k]) {
                if !(existing + out).contains(where: { $0.figure == parent.figure && $0.group == part.0 }) {
                    out.append(Mention(figure: parent.figure, group: part.0, value: nil, bound: .some, start: k == first ? i : k, end: k + 1))
                }
                k += 1
            }
        }
        return out
    }

    /// "Gunmen killed 73 cows", "Militants killed a teacher": an English verb with an object after
    /// it is active, so the plural before it did the killing.
    func hasObject(after i: Int, limit: Int) -> Bool {
        guard i + 1 < limit else { return false }
        let next = tokens[i + 1].norm
        if Numbers.parse(tokens, i + 1, limit: limit) != nil || ["a", "an", "the", "his", "her", "their", "several", "many", "dozens"].contains(next) { return true }
        // "killed at least 5", "killed over 20": a bound, not a preposition, when a number follows.
        return i + 2 < limit && (next == "at" && tokens[i + 2].norm == "least"
            || ["more", "over", "about"].contains(next) && Numbers.parse(tokens, i + 2, limit: limit) != nil)
    }

    /// Verbs of violence before "to death" ("shot to death", "hacked to death"); not "sentenced to death".
    static let violentToDeath: Set<String> = ["shot", "stabbed", "beaten", "hacked", "burned", "burnt", "tortured", "stoned", "crushed",
                                              "bludgeoned", "clubbed", "strangled", "trampled", "starved", "mauled", "bled"]

    /// Words that may stand between English "not" and the casualty word of a zero.
    static let notBeforeCasualty: Set<String> = ["be", "been", "was", "were", "is", "are", "any", "anyone", "anybody", "physically", "seriously",
                                                 "critically", "badly", "immediately", "result", "resulted", "in", "cause", "caused", "get", "got", "a", "single"]
    static let negationCues: Set<String> = Set(["لم", "دون", "بدون", "عدم", "لا", "بعدم", "ولا", "ولم"].map(ArabicNorm.normalise)).union(["no", "not", "without", "nobody", "none"])
    static let informationWords: Set<String> = Set(["تقارير", "معلومات", "تذكر", "ترد", "أنباء", "يعرف", "تعرف", "يبلغ", "تبلغ"].map(ArabicNorm.normalise))
        .union(["reports", "information", "word", "known", "unclear", "clear", "immediate", "immediately"])
    static let zeroKilledWords: Set<String> = Set(["قتلى", "ضحايا", "الأرواح", "وفيات", "قتيل", "مقتل", "بشرية"].map(ArabicNorm.normalise))
        .union(["casualties", "deaths", "dead", "killed", "victims", "fatalities", "died"])
    static let zeroInjuredWords: Set<String> = Set(["إصابات", "اصابات", "جرحى", "يصب", "يصاب", "تصب", "إصابة", "مصابين"].map(ArabicNorm.normalise))
        .union(["injuries", "injured", "wounded", "hurt"])

    func negated(_ i: Int, _ lower: Int) -> Bool {
        for k in max(lower, i - 5)..<i where stemIn(tokens[k], Self.negationCues) { return true }
        return false
    }

    /// "Nine people were shot, one fatally", "six people were shot, two of them fatally": of a
    /// count hit, the part named fatally is killed and the rest injured (the count alone is
    /// neither, see ``nonFatallyShot``).
    func partlyFatal(in s: Range<Int>, existing: [Mention]) -> [Mention] {
        var out: [Mention] = []
        for k in s where tokens[k].script == .latin && ["fatally", "mortally"].contains(tokens[k].norm) {
            // The part, right after a comma or a dash that follows the verb of the count.
            var p = k - 1
            if p - 2 >= s.lowerBound, tokens[p].norm == "them", tokens[p - 1].norm == "of" { p -= 2 }
            guard p - 2 >= s.lowerBound, let part = Numbers.parse(tokens, p, limit: k), part.end == p + 1, let partValue = part.value,
                  [",", "-", "–", "—"].contains(tokens[p - 1].text), Self.countHitVerbs.contains(tokens[p - 2].norm) else { continue }
            // The count: a number, at most two words of its noun, then "were"/"have been" and the verb.
            var a = p - 3
            while a >= s.lowerBound, ["were", "was", "have", "had", "been", "all"].contains(tokens[a].norm) { a -= 1 }
            guard a < p - 3 else { continue }
            var total: Quantity?
            for j in stride(from: a, through: max(s.lowerBound, a - 2), by: -1) {
                if let q = Numbers.parse(tokens, j, limit: a + 1), q.end + 2 > a, q.value != nil { total = q; break }
            }
            guard let total, let totalValue = total.value, totalValue > partValue,
                  !existing.contains(where: { $0.start < k + 1 && total.start < $0.end }) else { continue }
            let group = total.end <= a ? group(tokens[total.end]).map(\.0).flatMap { $0 == "others" ? nil : $0 } ?? "people" : "people"
            out.append(Mention(figure: "killed", group: group, value: partValue, bound: .exact, start: p, end: k + 1, triggerAt: k))
            if total.bound == .exact {
                out.append(Mention(figure: "injured", group: group, value: totalValue - partValue, bound: .exact, start: total.start, end: k + 1, triggerAt: p - 2))
            }
        }
        return out
    }

    /// Verbs of a count hit before ", M fatally".
    static let countHitVerbs: Set<String> = ["shot", "wounded", "injured", "stabbed", "hurt", "hit"]

    /// Explicit zeros: "no American casualties", لم يسفر عن سقوط قتلى, دون وقوع إصابات.
    func zeros(in s: Range<Int>) -> [Mention] {
        var out: [Mention] = []
        let lower = s.lowerBound, limit = s.upperBound
        // A negation with an exception is the exception's count, not zero.
        if tokens[s].contains(where: { stemIn($0, Words.exceptions) }) { return [] }
        var i = lower
        while i < limit {
            guard stemIn(tokens[i], Self.negationCues) || (tokens[i].norm == "no" && i + 1 < limit && tokens[i + 1].norm == "one") else { i += 1; continue }
            var figure: String? = nil
            var k = tokens[i].norm == "no" && i + 1 < limit && tokens[i + 1].norm == "one" ? i + 2 : i + 1
            var blocked = false
            while k < min(limit, i + 7) {
                let w = tokens[k]
                if w.kind == .punct, w.text != "-" { break }
                // A count after the negation is bounded by it, not denied: "لا تتجاوز ثلاثة شهداء",
                // "no more than three soldiers were killed".
                if w.kind == .number || Numbers.parse(tokens, k, limit: limit)?.value != nil { blocked = true; break }
                if stemIn(w, Self.informationWords) { blocked = true; break }
                if stemIn(w, Self.zeroKilledWords) || trigger(w) == "killed" { figure = "killed"; break }
                if stemIn(w, Self.zeroInjuredWords) || trigger(w) == "injured" { figure = "injured"; break }
                k += 1
            }
            guard !blocked, let f = figure else { i += 1; continue }
            // English "not" negates the verb right after it: a zero only when that verb is the
            // casualty word, or a copula or a result verb before it ("was not injured", "did not
            // result in any deaths"); "did not identify the victims", "not say if he was killed" are
            // about something else. "None of the victims/injuries" presupposes them.
            if tokens[i].script == .latin, tokens[i].norm == "not" || tokens[i].norm == "n't",
               (i + 1..<k).contains(where: { !Self.notBeforeCasualty.contains(tokens[$0].norm) }) { i += 1; continue }
            if tokens[i].norm == "none", i + 1 < limit, tokens[i + 1].norm == "of" { i += 1; continue }
            // "none had life-threatening injuries", "None were seriously injured", "no other injuries":
            // a denial of severe or further harm, not a zero.
            if (i + 1..<k).contains(where: { Self.severityQualifiers.contains(tokens[$0].norm) }) { i += 1; continue }
            // "في الأرواح" after خسائر
            var end = k + 1
            var g = "people"
            var scan = i + 1
            // (up to "عدم سقوط ضحايا في صفوف المدنيين")
            while scan < min(limit, k + 5) {
                let w = tokens[scan]
                if scan > k, w.kind == .punct { break }
                if stemIn(w, Lexicon.americanWords) { g = "us_personnel"; end = max(end, scan + 1) }
                else if let gg = group(w), g == "people", gg.0 != "others" { g = gg.0; end = max(end, scan + 1) }
                else if scan > k, (w.norm == Words.n("بشرية") || w.norm == Words.alarwah) { end = scan + 1 }
                scan += 1
            }
            // "no death among their members": a zero for the part named after "among"; a part we
            // cannot type says nothing about everyone (it is not "people 0").
            if g == "people", k + 1 < limit, tokens[k + 1].norm == "among" || tokens[k + 1].norm == Words.bayna || tokens[k + 1].norm == Words.n("بينهم") {
                i = end; continue
            }
            out.append(Mention(figure: f, group: g, value: 0, bound: .exact, start: i, end: end))
            // "لم يسفر عن أي خسائر في الأرواح أو أي إصابات": the second figure too.
            var m = end
            while m < min(limit, end + 4) {
                if tokens[m].norm == "or" || tokens[m].norm == Words.n("أو") || tokens[m].norm == Words.n("او") || tokens[m].norm == "nor" {
                    var n = m + 1
                    while n < min(limit, m + 4) {
                        let w = tokens[n]
                        let f2: String? = stemIn(w, Self.zeroInjuredWords) || trigger(w) == "injured" ? "injured" : (stemIn(w, Self.zeroKilledWords) || trigger(w) == "killed" ? "killed" : nil)
                        if let f2, f2 != f { out.append(Mention(figure: f2, group: g, value: 0, bound: .exact, start: m, end: n + 1)); end = n + 1; break }
                        n += 1
                    }
                    break
                }
                m += 1
            }
            i = end
        }
        return out
    }

    /// "between 5 and 7 soldiers were killed", "مقتل ما بين 5 و7 جنود": the two counts of one
    /// figure are one claim, range low–high, of the group named after the second.
    func ranges(in s: Range<Int>, found: [Mention]) -> [Mention] {
        var out = found
        let limit = s.upperBound
        for i in s where tokens[i].norm == "between" || tokens[i].script == .arabic && tokens[i].stems.contains(Words.bayna) {
            let a = i + 1
            guard a < limit, let qa = Numbers.parse(tokens, a, limit: limit), qa.bound == .exact, let low = qa.value else { continue }
            var b = qa.end
            if b < limit, tokens[b].norm == "and" || tokens[b].norm == Words.n("و") { b += 1 } else if !(b < limit && tokens[b].norm.hasPrefix(Words.n("و"))) { continue }
            guard b < limit, let qb = Numbers.parse(tokens, b, limit: limit), qb.bound == .exact, let high = qb.value, high > low,
                  let lo = out.firstIndex(where: { $0.value == low && $0.start <= a && a < $0.end }),
                  let hi = out.firstIndex(where: { $0.value == high && $0.start <= b && b < $0.end }),
                  lo != hi, out[lo].figure == out[hi].figure, !out[hi].combined else { continue }
            var range = out[hi]
            range.value = nil; range.bound = .range; range.low = low; range.high = high
            range.start = min(out[lo].start, i); range.end = max(out[lo].end, out[hi].end)
            out[hi] = range
            out.remove(at: lo)
        }
        return out
    }

    /// Words that narrow a denied harm to its severe or further part: "no life-threatening injuries".
    static let severityQualifiers: Set<String> = ["life", "threatening", "life-threatening", "serious", "seriously", "critically", "critical",
                                                  "severe", "severely", "major", "other", "further", "additional", "more", "else"]

    /// Durations: "استمرت أكثر من نصف ساعة", "lasting for more than half an hour", "لنحو ساعة ونصف".
    func durations(in s: Range<Int>) -> [Mention] {
        var out: [Mention] = []
        let lower = s.lowerBound, limit = s.upperBound
        let lastWords = Words.lasting
        guard tokens[s].contains(where: { stemIn($0, lastWords) || $0.script == .arabic && $0.norm.hasPrefix(Words.linahw) }) else { return [] }
        let group = tokens[s].contains(where: { stemIn($0, Words.clashes) }) ? "clashes" : "operation"
        var i = lower
        while i < limit {
            guard stemIn(tokens[i], lastWords) else { i += 1; continue }
            var j = i + 1
            if j < limit, tokens[j].norm == "for" { j += 1 }
            var bound = Bound.exact
            let bstart = j
            for (w, b) in Bounds.before where phrase(w, at: j, limit: limit) { bound = b; j += w.count; break }
            _ = bstart
            // The subject may stand between the verb and the times: "استمرت عملية الإنزال بين الساعة …".
            if let (at, (minutes, len)) = (j..<min(limit, j + 3)).lazy.compactMap({ k in self.timeRange(k, limit).map { (k, $0) } }).first {
                out.append(Mention(figure: "duration_minutes", group: group, value: minutes, bound: bound, start: i, end: at + len))
                i = at + len; continue
            }
            if let found = durationValue(j, limit) {
                let minutes = found.0
                var len = found.1, b2 = found.2
                // "استمرت ساعتين تقريبا": a bound word after the time.
                if j + len < limit, let (b3, e) = boundAfter(j + len, limit: limit), b2 == nil, bound == .exact { b2 = b3; len = e - j }
                out.append(Mention(figure: "duration_minutes", group: group, value: minutes, bound: b2 ?? bound, start: i, end: j + len))
                i = j + len
            } else { i += 1 }
        }
        // "لنحو ساعة ونصف": a bound word with ل before a time.
        for k in s where tokens[k].script == .arabic && tokens[k].norm.hasPrefix(Words.linahw) {
            if out.contains(where: { $0.start <= k && k < $0.end }) { continue }
            if let (minutes, len, _) = durationValue(k + 1, limit) {
                out.append(Mention(figure: "duration_minutes", group: group, value: minutes, bound: .about, start: k, end: k + 1 + len))
            }
        }
        return out
    }

    /// "بين الساعة 2:45 و 4", "from 2:45 to 4": the minutes between two clock times (the second
    /// taken as later the same half-day), at most 12 hours.
    func timeRange(_ i: Int, _ limit: Int) -> (Double, Int)? {
        guard i < limit, tokens[i].norm == Words.n("بين") || tokens[i].norm == "between" || tokens[i].norm == "from" else { return nil }
        var j = i + 1
        func clock() -> Double? {
            if j < limit, tokens[j].norm == Words.theHour || tokens[j].norm == "the" { j += 1 }
            guard j < limit, tokens[j].kind == .number, let h = Double(tokens[j].norm), h <= 24 else { return nil }
            j += 1
            var m = 0.0
            if j + 1 < limit, tokens[j].text == ":", tokens[j + 1].kind == .number, let mm = Double(tokens[j + 1].norm), mm < 60 { m = mm; j += 2 }
            return h * 60 + m
        }
        guard let a = clock(), j < limit, [Words.n("و"), "and", "to", "-", Words.n("حتى")].contains(tokens[j].norm) else { return nil }
        j += 1
        guard var b = clock() else { return nil }
        if b <= a { b += 12 * 60 }
        guard b - a > 0, b - a <= 12 * 60 else { return nil }
        return (b - a, j - i)
    }

    /// Minutes in a time expression at `i`: value, tokens, and a bound it implies ("for hours").
    func durationValue(_ i: Int, _ limit: Int) -> (Double, Int, Bound?)? {
        guard i < limit else { return nil }
        let t = tokens[i]
        let hour = Words.hour, half = Words.half
        if t.norm == "half", i + 2 < limit, tokens[i + 2].norm == "hour" { return (30, 3, nil) }
        if t.norm == "an" || t.norm == "one", i + 1 < limit, tokens[i + 1].norm == "hour" { return (60, 2, nil) }
        if t.norm == "hours" { return (60, 1, .moreThan) }
        if t.stems.contains(half), i + 1 < limit, tokens[i + 1].norm == hour { return (30, 2, nil) }
        if t.stems.contains(hour) || t.norm == hour {
            if i + 1 < limit, tokens[i + 1].norm == Words.andHalf { return (90, 2, nil) }
            return (60, 1, nil)
        }
        if t.stems.contains(Words.hours) { return (60, 1, .moreThan) }
        if t.stems.contains(where: Words.twoHours.contains) { return (120, 1, nil) }
        if let q = Numbers.parse(tokens, i, limit: limit), let v = q.value, q.end < limit {
            let u = tokens[q.end]
            if u.norm == "hours" || u.norm == "hour" || u.stems.contains(Words.hours) || u.stems.contains(hour) { return (v * 60, q.end - i + 1, nil) }
            if u.norm == "minutes" || u.stems.contains(where: Words.minutes.contains) { return (v, q.end - i + 1, nil) }
        }
        return nil
    }
}

/// Arabic words the rules name one by one, normalised once (never per token).
enum Words {
    static func n(_ w: String) -> String { ArabicNorm.normalise(w) }
    static let twoPlanes: Set<String> = [n("طائرتان"), n("طائرتين")]
    static let complementisers: Set<String> = Set(["إن", "أن", "بأن"].map(n))
    static let memberNouns: Set<String> = Set(["عناصر", "أفراد", "منتسبي", "منسوبي", "أعضاء"].map(n))
    static let constructDualOfMan: Set<String> = [n("رجلا"), n("رجلي")]
    static let amn = n("امن")
    /// A death named with its subject's pronoun: حتفهم, مصرعهما.
    static let deathWithPronoun: Set<String> = Set(["مصرع", "حتف"].flatMap { noun in ["ه", "ها", "هما", "هم"].map { n(noun + $0) } })
    static let ithnayn: Set<String> = [n("اثنين"), n("اثنان")]
    static let occurrence: Set<String> = Set(["سقوط", "وقوع", "وجود", "عن"].map(n))
    static let exceptions: Set<String> = Set(["عدا", "باستثناء", "سوى", "except"].map(n))
    static let alarwah = n("الأرواح")
    static let arwah = n("أرواح")
    static let lasting: Set<String> = Set(["استمرت", "استمر", "دامت", "لمدة", "مدة"].map(n)).union(["lasted", "lasting", "lasts"])
    static let clashes: Set<String> = Set(["اشتباكات", "اشتباك", "اشتبكوا", "معارك", "مواجهة", "مواجهات"].map(n)).union(["clash", "clashes", "fighting", "battle"])
    static let hour = n("ساعة"), half = n("نصف"), hours = n("ساعات"), andHalf = Words.n("و") + n("نصف"), linahw = n("لنحو")
    static let twoHours: Set<String> = [n("ساعتين"), n("ساعتان")]
    static let minutes: Set<String> = [n("دقيقة"), n("دقائق")]
    static let some = n("بعض"), ahad: Set<String> = [n("أحد"), n("إحدى")], ashara = n("عشرة")
    static let theHour = n("الساعة")
    static let minhum = n("منهم"), bayna = n("بين"), number = n("عدد")
    static let agency = n("وكالة"), year = n("العام"), past = n("الماضي")
    /// Words after which a number from 1900 to 2100 is a year.
    static let beforeAYear: Set<String> = Set(["في", "منذ", "عام", "العام", "سنة", "حتى", "خلال", "مطلع", "أواخر", "بداية", "نهاية", "ربيع", "صيف", "خريف", "شتاء"].map(n))
        .union(["in", "since", "of", "by", "until", "till", "during", "year", "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "before", "after"])
}

extension Run {
    /// Aircraft lost: a loss word next to an aircraft phrase (`سقوط "مروحية"`, `تحطم إحدى الطائرات`,
    /// `one of the helicopters … crashed`, `حطام طائرة`). One aircraft unless a number says
    /// otherwise; found wreckage proves at least one. Group `coalition` when the report names the
    /// coalition or the US.
    func aircraftLosses(in s: Range<Int>) -> [Mention] {
        var out: [Mention] = []
        let lower = s.lowerBound, limit = s.upperBound
        var k = lower
        while k < limit {
            guard tokens[k].kind == .word, stemIn(tokens[k], Things.aircraftNouns) || tokens[k].cachedThing == "helicopters" else { k += 1; continue }
            // The aircraft phrase: [number | one of | إحدى] aircraft-noun [kind word]
            var a = k, b = k + 1
            var value: Double = 1
            var bound = Bound.exact
            if b < limit, tokens[b].cachedThing == "helicopters" || stemIn(tokens[b], Things.warplaneWords) || stemIn(tokens[b], Things.aircraftNouns) { b += 1 }
            if a > lower, let q = Numbers.parse(tokens, a - 1, limit: limit), q.end == a, let v = q.value { value = v; a -= 1 }
            else if a > lower + 1, tokens[a - 1].norm == "of" || tokens[a - 1].norm == "the", let q = Numbers.parse(tokens, max(lower, a - (tokens[a - 1].norm == "the" ? 3 : 2)), limit: limit), q.value == 1 {
                a = max(lower, a - (tokens[a - 1].norm == "the" ? 3 : 2))
            } else if a > lower, tokens[a - 1].stems.contains(where: Words.ahad.contains) { a -= 1 }
            else if let g = Numbers.dualStem(tokens[k], known: { Things.aircraftNouns.contains($0) || Things.nouns[$0] == "helicopters" }), !g.isEmpty { value = 2 }
            else if tokens[k].script == .latin, tokens[k].norm.hasSuffix("s"), !(a > lower && (tokens[a - 1].norm == "a" || tokens[a - 1].norm == "an")) { k = b; continue }
            // A loss word just before the phrase (quotation marks between are fine) or after it in the clause.
            var lossAt: Int? = nil
            var p = a - 1
            while p >= max(lower, a - 3) {
                if tokens[p].kind == .punct, "\"“”«»'".contains(tokens[p].text) { p -= 1; continue }
                if stemIn(tokens[p], Things.lossWords) { lossAt = p }
                break
            }
            if lossAt == nil {
                var q = b
                while q < min(limit, b + 8) {
                    if tokens[q].kind == .punct, ".,;:،؛".contains(tokens[q].text) { break }
                    if stemIn(tokens[q], Things.lossWords), tokens[q].norm != "down" || (q > b && tokens[q - 1].norm == "shot") { lossAt = q; break }
                    q += 1
                }
            }
            guard let l = lossAt else { k = b; continue }
            if stemIn(tokens[l], Things.wreckageWords) { bound = .atLeast }
            out.append(Mention(figure: "aircraft_lost", group: reportNamesCoalition ? "coalition" : nil, value: value, bound: bound,
                               start: min(a, l), end: max(b, l + 1)))
            k = max(b, l + 1)
        }
        return out
    }
}

extension Run {
    /// Words that end a clause for the figure search: "كما", "فيما", "while".
    static let clauseBreaks: Set<String> = Set(["كما", "فيما", "بينما", "حين"].map(ArabicNorm.normalise)).union(["while", "whereas", "meanwhile"])

    /// Whether the count starting at `start` follows the count ending at `prevEnd` in a list
    /// ("X and Y", "X, Y", "X وY").
    func listJoined(_ prevEnd: Int, _ start: Int) -> Bool {
        if prevEnd == start { return tokens[start].script == .arabic && tokens[start].norm.hasPrefix(Words.n("و")) }
        guard start - prevEnd == 1 else { return false }
        let t = tokens[prevEnd]
        return t.norm == "and" || t.norm == Words.n("و") || t.norm == "," || t.norm == "،"
    }

    /// Whether the word at `k` continues a noun compound ("a woman suicide bomber"), so the noun
    /// before it is a modifier and not the counted person.
    func isCompoundHead(_ k: Int, _ limit: Int) -> Bool {
        guard k < limit else { return false }
        let w = tokens[k]
        guard w.kind == .word, w.script == .latin, w.text.first?.isLowercase == true else { return false }
        if Lexicon.auxiliaries.contains(w.norm) || trigger(w) != nil || Lexicon.countTerminators.contains(w.norm) { return false }
        if ["and", "or", "who", "whose", "that", "which", "of", "named", "identified"].contains(w.norm) { return false }
        if w.norm.hasSuffix("ed") || w.norm.hasSuffix("ing") || w.norm.hasSuffix("ly") { return false }
        return true
    }

    /// Whether the lower-case word at `j` and at most two after it lead to a counted noun: a
    /// group noun or an unlisted plural, before any function word or punctuation.
    func modifiersBeforeNoun(_ j: Int, _ limit: Int) -> Bool {
        var k = j
        while k < min(limit, j + 5) {
            let w = tokens[k]
            if w.kind == .punct, w.text == "-", k > j { k += 1; continue }
            guard w.kind == .word, w.script == .latin else { return false }
            if k > j, group(w) != nil { return true }
            if Lexicon.countTerminators.contains(w.norm) || Lexicon.auxiliaries.contains(w.norm) || trigger(w) != nil || isNonPerson(w) || w.norm == "of" || w.norm == "the" { return false }
            if k > j, w.norm.count > 3, w.norm.hasSuffix("s"), !w.norm.hasSuffix("ss") { return true }
            k += 1
        }
        return false
    }
}

extension Run {
    /// Whether a word starts a verb phrase ("are hunting", "left", "wounded"): after "and" it
    /// begins a new clause, not a list.
    func startsVerbPhrase(_ t: Token) -> Bool {
        guard t.script == .latin, t.kind == .word else { return false }
        return ["are", "is", "were", "was", "have", "has", "had", "left", "took", "made", "set", "then"].contains(t.norm)
            || t.norm.hasSuffix("ed") || t.norm.hasSuffix("ing")
    }
}

extension Run {
    static let determiners: Set<String> = ["a", "an", "his", "her", "their", "the", "its"]

    /// Two people named without a number and killed together: "killed a teacher and a staff
    /// member", "the killing of an activist and his friend", "A radio producer and an announcer
    /// have been fatally shot" (English). Each side is
    /// a determiner and at most five words without punctuation or a number; the claim is killed
    /// people 2. Only where the sentence states no count of killed.
    func coordinatedPair(in s: Range<Int>, existing: [Mention]) -> (kept: [Mention], added: [Mention]) {
        // One-person counts inside the pair ("killed a teacher and a staff member": "a teacher" is a
        // count of one) give way to it; any other count of killed in the sentence is the count rules'.
        func single(_ m: Mention) -> Bool { m.figure == "killed" && m.value == 1 && m.bound == .exact && !m.isAdditional }
        if existing.contains(where: { $0.figure == "killed" && !single($0) }) { return (existing, []) }
        let found = pairSpan(in: s)
        guard let pair = found.first else { return (existing, []) }
        let inside = { (m: Mention) in single(m) && m.start >= pair.start - 1 && m.end <= pair.end + 1 }
        if existing.contains(where: { single($0) && !inside($0) }) { return (existing, []) }
        return (existing.filter { !inside($0) }, found)
    }

    func pairSpan(in s: Range<Int>) -> [Mention] {
        let lower = s.lowerBound, limit = s.upperBound
        let killWords: Set<String> = ["killed", "murdered", "slain", "assassinated", "executed", "beheaded", "lynched"]
        func phrase(_ a: Int) -> Int? {
            // A determiner phrase starting at `a`: its end (exclusive), or nil.
            guard a < limit, Self.determiners.contains(tokens[a].norm) else { return nil }
            var k = a + 1
            while k < min(limit, a + 8) {
                let w = tokens[k]
                if w.kind != .word || w.script != .latin || w.norm == "and" || w.norm == "who" || Lexicon.auxiliaries.contains(w.norm) || trigger(w) != nil { break }
                if w.norm.hasSuffix("ed"), w.norm != "armed" { break }
                k += 1
            }
            // One person each: the phrase ends in a singular noun.
            guard k > a + 1 else { return nil }
            let head = tokens[k - 1].norm
            return head.hasSuffix("s") && !head.hasSuffix("ss") ? nil : k
        }
        for t in s where tokens[t].kind == .word && ["killing", "murder", "murders", "assassination"].contains(tokens[t].norm)
            && t + 1 < limit && tokens[t + 1].norm == "of" {
            // "the killing of a gay rights activist and his friend"
            if let e1 = phrase(t + 2), e1 < limit, tokens[e1].norm == "and", let e2 = phrase(e1 + 1) {
                return [Mention(figure: "killed", group: "people", value: 2, bound: .exact, start: t, end: e2, triggerAt: t)]
            }
        }
        for t in s where tokens[t].kind == .word && (killWords.contains(tokens[t].norm)
                || tokens[t].norm == "shot" && (t > lower && tokens[t - 1].norm == "fatally" || t + 1 < limit && tokens[t + 1].norm == "dead")) {
            // Active: killed NP and NP
            if let e1 = phrase(t + 1), e1 < limit, tokens[e1].norm == "and", let e2 = phrase(e1 + 1) {
                return [Mention(figure: "killed", group: "people", value: 2, bound: .exact, start: t, end: e2, triggerAt: t)]
            }
            // Passive: NP and NP (have been | were | was) … killed
            var k = t - 1
            while k > lower, Lexicon.auxiliaries.contains(tokens[k].norm) || ["fatally", "shot", "and", "brutally"].contains(tokens[k].norm) { k -= 1 }
            // k is the last word of the second phrase; find "and" + determiner before it.
            var a = k
            while a > max(lower, k - 6), tokens[a].norm != "and" { a -= 1 }
            guard a > lower, tokens[a].norm == "and", let e2 = phrase(a + 1), e2 == k + 1 else { continue }
            // The first phrase opens the sentence or a clause (after punctuation).
            var b = a - 1
            while b >= max(lower, a - 8), !(Self.determiners.contains(tokens[b].norm) && (b == lower || tokens[b - 1].kind == .punct)) { b -= 1 }
            guard b >= max(lower, a - 8), a - b >= 2, !(b..<a).contains(where: { tokens[$0].kind != .word || trigger(tokens[$0]) != nil || tokens[$0].norm.hasSuffix("ed") && tokens[$0].norm != "armed" }),
                  !(tokens[a - 1].norm.hasSuffix("s") && !tokens[a - 1].norm.hasSuffix("ss")) else { continue }
            return [Mention(figure: "killed", group: "people", value: 2, bound: .exact, start: b, end: t + 1, triggerAt: t)]
        }
        return []
    }
}

extension Run {
    /// Whether an Arabic word opens with the conjunction و added to a word of its own (`والجرحى`),
    /// not a word that begins with و (`وفاة`).
    func isConjunct(_ t: Token) -> Bool {
        t.script == .arabic && t.norm.hasPrefix(Words.n("و")) && t.stems.count > 1 && Lexicon.triggers[t.norm] == nil && Lexicon.groupNouns[t.norm] == nil
    }

    /// Whether an Arabic figure word agrees with a subject before it: a plural verb (`قتلوا`) or a
    /// death with a pronoun (`حتفهم`, `مصرعهما`); it closes the clause of the count before it and
    /// takes no count after it. (A dual verb, `قتلا`, is not read here: its ا also ends nouns.)
    func agreesWithSubjectBefore(_ t: Token) -> Bool {
        guard t.script == .arabic else { return false }
        return Words.deathWithPronoun.contains(t.norm) || t.norm.hasSuffix(Words.n("وا"))
    }
}

extension Run {
    /// "إن رجل أمن استشهد", "أن قياديا كبيرا في تنظيم القاعدة قتل": a singular person noun opening
    /// a reported clause (after إن/أن) whose verb, a few words on, is a figure verb.
    func isSubjectOfFigureVerb(_ i: Int, lower: Int, limit: Int) -> Bool {
        guard i > lower, tokens[i].script == .arabic, tokens[i - 1].stems.contains(where: Words.complementisers.contains) else { return false }
        for k in (i + 1)..<min(limit, i + 7) {
            if tokens[k].kind == .punct { return false }
            if trigger(tokens[k]) != nil { return !isVictimNoun(tokens[k]) }
        }
        return false
    }
}
