import Events
import Foundation

/// A number as written in a report, located in the token array.
struct Quantity {
    var value: Double?
    var bound: Bound
    /// Token range [start, end) the number itself covers.
    var start: Int
    var end: Int
    /// The counted noun is part of the number (a dual `طفلين`, a singular `طفل`).
    var nounGroup: String? = nil
    var nounIsThing: String? = nil
    /// A vague word (dozens, عشرات, عدد من) stands for the number.
    var vague = false
}

/// Reads numbers: digits in both systems, number words in both languages, multipliers, duals.
///
/// Conventions (also in `README.md`): a dual noun (`طفلين`, `منزلين`) is 2; `عشرات`/`dozens`
/// and `العشرات` are 10 `at_least`; `مئات`/`hundreds` 100 `at_least`; `آلاف`/`thousands`
/// 1000 `at_least`; `عدد من`/`a number of`, `several`/`many`/`العديد` are `some` (no value).
/// Counts above 2^53 − 1 are dropped, never stored rounded.
enum Numbers {
    static let maxCount = 9_007_199_254_740_991.0

    /// Parses the digits of a number token (`1,200`, `3.5`). nil when it overflows.
    static func value(ofDigits norm: String) -> Double? {
        if norm == "overflow" { return nil }
        let parts = norm.split(separator: ",", omittingEmptySubsequences: false)
        var cleaned = norm
        if parts.count > 1 {
            // 1,000 style grouping only when every later group has three digits.
            if parts.dropFirst().allSatisfy({ $0.count == 3 && !$0.contains(".") || $0.count > 3 && $0.prefix(4).last == "." }) {
                cleaned = norm.replacingOccurrences(of: ",", with: "")
            } else {
                cleaned = String(parts[0])
            }
        }
        let digitsOnly = cleaned.filter { $0 != "." }
        if digitsOnly.count > 16 { return nil }
        guard let v = Double(cleaned), v.isFinite, v <= maxCount else { return nil }
        return v
    }

    static func arabicUnit(_ t: Token) -> Int? {
        guard t.script == .arabic else { return nil }
        for s in t.stems {
            if let v = Lexicon.arabicUnits[s] {
                // Definite number words are ordinals or names: الأحد (Sunday), الثالث.
                if s.count < t.norm.count, t.norm.hasSuffix(s), t.norm.dropLast(s.count).hasSuffix(Words.n("ال")) { return nil }
                return v
            }
        }
        return nil
    }

    /// A number starting at token `i` (not including any bound word before it).
    static func parse(_ tokens: [Token], _ i: Int, limit: Int) -> Quantity? {
        let t = tokens[i]
        func nextWord(_ j: Int) -> Token? { j < limit ? tokens[j] : nil }
        if t.kind == .number {
            // A time of day (2:45) or a date (١٧/١٠) is not a count.
            if let n = nextWord(i + 1), n.kind == .punct, n.text == ":" || n.text == "/", let m = nextWord(i + 2), m.kind == .number { return nil }
            if i > 0, tokens[i - 1].kind == .punct, tokens[i - 1].text == "/" || tokens[i - 1].text == ":", !tokens[i].spaceBefore || tokens[i-1].spaceBefore == false, i > 1, tokens[i - 2].kind == .number { return nil }
            // "the 21st activist": an ordinal, not a count.
            if let n = nextWord(i + 1), !n.spaceBefore, n.script == .latin, ["st", "nd", "rd", "th"].contains(n.norm) { return nil }
            guard var v = value(ofDigits: t.norm) else { return Quantity(value: nil, bound: .exact, start: i, end: i + 1, nounGroup: "overflow") }
            var end = i + 1
            if let n = nextWord(end), let m = multiplier(n) {
                v *= m
                end += 1
                // 240 ألفا و381
                if let w = nextWord(end), w.norm == Words.n("و"), let k = nextWord(end + 1), k.kind == .number, let add = value(ofDigits: k.norm), add < m {
                    v += add
                    end += 2
                }
            }
            guard v <= maxCount else { return Quantity(value: nil, bound: .exact, start: i, end: end, nounGroup: "overflow") }
            return Quantity(value: v, bound: .exact, start: i, end: end)
        }
        guard t.kind == .word else { return nil }
        if t.script == .latin { return parseEnglish(tokens, i, limit: limit) }
        if t.script == .arabic { return parseArabic(tokens, i, limit: limit) }
        return nil
    }

    static func multiplier(_ t: Token) -> Double? {
        if t.script == .latin { return Lexicon.englishMultipliers[t.norm] }
        if t.script == .arabic { return Lexicon.arabicMultipliers[t.norm] }
        return nil
    }

    static func parseEnglish(_ tokens: [Token], _ i: Int, limit: Int) -> Quantity? {
        let t = tokens[i]
        if let (v, b) = Lexicon.vague[t.norm], !(i > 0 && tokens[i - 1].norm == "as"), !(v == nil && i + 1 < limit && tokens[i + 1].kind == .punct) {
            // "dozens of", "hundreds of"
            return Quantity(value: v, bound: Bound(rawValue: b)!, start: i, end: i + 1, vague: true)
        }
        if t.norm == "a" || t.norm == "an", i + 2 < limit, tokens[i + 1].norm == "number", tokens[i + 2].norm == "of" {
            // "a number of", like `عدد من`, states no number: `some` (one convention for both
            // languages, so a bilingual report states one claim, not two).
            return Quantity(value: nil, bound: .some, start: i, end: i + 3, vague: true)
        }
        if t.norm == "a", i + 1 < limit, tokens[i + 1].norm == "dozen" { return Quantity(value: 12, bound: .exact, start: i, end: i + 2) }
        guard var total = Lexicon.englishUnits[t.norm].map(Double.init) else { return nil }
        if t.norm == "single" || t.norm == "couple" || t.norm == "pair" || t.norm == "both" { return nil }
        var current = total
        total = 0
        var j = i + 1
        while j < limit {
            let w = tokens[j]
            if w.kind == .punct, w.text == "-", j + 1 < limit, let u = Lexicon.englishUnits[tokens[j + 1].norm], u < 10, current >= 20, current.truncatingRemainder(dividingBy: 10) == 0 {
                current += Double(u); j += 2; continue
            }
            if let m = Lexicon.englishMultipliers[w.norm] {
                if m == 100 { current *= 100 } else { total += current * m; current = 0 }
                j += 1; continue
            }
            if w.norm == "and", j + 1 < limit, let u = Lexicon.englishUnits[tokens[j + 1].norm], current >= 100 || total >= 1000 {
                current += Double(u); j += 2; continue
            }
            if let u = Lexicon.englishUnits[w.norm], u < 10, current >= 20, current.truncatingRemainder(dividingBy: 10) == 0, current < 100 {
                current += Double(u); j += 1; continue
            }
            break
        }
        total += current
        return Quantity(value: total, bound: .exact, start: i, end: j)
    }

    static func parseArabic(_ tokens: [Token], _ i: Int, limit: Int) -> Quantity? {
        let t = tokens[i]
        for s in t.stems {
            if let (v, b) = Lexicon.vague[s] {
                if s == Words.some { return nil }
                return Quantity(value: v, bound: Bound(rawValue: b)!, start: i, end: i + 1, vague: true)
            }
        }
        // عدد من / عدد كبير من / عددا من
        if t.stems.contains(Words.n("عدد")) || t.stems.contains(Words.n("عددا")) {
            var j = i + 1
            if j < limit, tokens[j].norm == Words.n("كبير") || tokens[j].norm == Words.n("كبيرا") { j += 1 }
            if j < limit, tokens[j].norm == Words.n("من") { return Quantity(value: nil, bound: .some, start: i, end: j + 1, vague: true) }
            return nil
        }
        if let d = t.stems.lazy.compactMap({ Lexicon.arabicDualNumbers[$0] }).first { return Quantity(value: Double(d), bound: .exact, start: i, end: i + 1) }
        guard let first = arabicUnit(t) else { return nil }
        // أحد / إحدى alone mean "one of"; handled with the noun.
        let isAhad = t.stems.contains(where: Words.ahad.contains)
        var current = Double(first)
        var total = 0.0
        var j = i + 1
        // ثلاثة عشر, أحد عشر
        if j < limit, first < 10, tokens[j].norm == Words.n("عشر") || tokens[j].norm == Words.ashara {
            current += 10; j += 1
        } else if isAhad {
            return Quantity(value: 1, bound: .exact, start: i, end: i + 1, nounGroup: "ahad")
        }
        while j < limit {
            let w = tokens[j]
            guard w.script == .arabic else { break }
            if let m = Lexicon.arabicMultipliers[w.norm] ?? (w.stems.count > 1 ? Lexicon.arabicMultipliers[w.stems[1]] : nil), !w.norm.hasPrefix(Words.n("و")) {
                total += max(current, 1) * m; current = 0; j += 1; continue
            }
            // و + number word: سبعة وثلاثون, مئة وعشرون
            if w.norm.hasPrefix(Words.n("و")), w.norm.count > 2, let u = Lexicon.arabicUnits[String(w.norm.dropFirst())] {
                let tensAfterUnit = u >= 20 && u < 100 && current < 10
                let afterHundreds = current >= 100 && current.truncatingRemainder(dividingBy: 100) == 0 && u < 100
                let afterThousands = current == 0 && total >= 1000 && u < 1000
                if tensAfterUnit || afterHundreds || afterThousands { current += Double(u); j += 1; continue }
            }
            break
        }
        total += current
        return Quantity(value: total, bound: .exact, start: i, end: j)
    }

    /// A feminine dual in construct state before the noun it is joined to (`جثتي شابين`,
    /// `ضحيتا الهجوم`): the ن drops and the ت of the singular shows. The singular, or nil.
    static func constructDualStem(_ t: Token, beforeNoun: Bool, known: (String) -> Bool) -> String? {
        guard beforeNoun, t.script == .arabic else { return nil }
        for s in t.stems where s.count >= 4 && (s.hasSuffix(ArabicNorm.normalise("تي")) || s.hasSuffix(ArabicNorm.normalise("تا"))) {
            let singular = String(s.dropLast(2)) + ArabicNorm.normalise("ة")
            if known(singular) { return singular }
        }
        return nil
    }

    /// Arabic dual of a counted noun (`طفلين`, `منزلين`, `رهينتين`): the singular it is the dual of.
    /// Sound plurals in ـين (`مدنيين`) are not duals.
    static func dualStem(_ t: Token, known: (String) -> Bool) -> String? {
        guard t.script == .arabic else { return nil }
        for s in t.stems where s.count >= 4 {
            guard s.hasSuffix(Words.n("ين")) || s.hasSuffix(Words.n("ان")) else { continue }
            if s.hasSuffix(Words.n("ين")), Lexicon.soundPluralsInYn.contains(s) { return nil }
            var base = String(s.dropLast(2))
            if known(base) { return base }
            if base.hasSuffix(Words.n("ت")) { base = String(base.dropLast()) + Words.n("ه"); if known(base) { return base } }
        }
        return nil
    }
}
