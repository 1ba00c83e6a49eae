import Events
import Foundation

/// Organisations the gazetteer does not know, named where a speaker stands: "قال المركز
/// الإعلامي لمحور تعز العسكري، في بيان، إن …", "وقال متحدث باسم وزارة حقوق الإنسان …", "the Kurdish
/// Red Crescent said". Without them the figure would go to the outlet or to the speaker of an
/// earlier sentence; with them it has its own originator, named as the report writes it.
extension Run {
    /// Head nouns of an organisation's name, in matching form, and the kind of source each makes
    /// (Arabic ones are looked up by stem, so `المركز` finds `مركز`).
    static let organisationHeads: [String: SourceKind] = {
        var d: [String: SourceKind] = [:]
        let ar: [String: SourceKind] = [
            "وزارة": .government, "مديرية": .government, "حكومة": .government, "محافظة": .government, "رئاسة": .government, "إدارة": .government,
            "بلدية": .government, "مفوضية": .government, "سلطات": .government,
            "قيادة": .armedForce, "جيش": .armedForce, "غرفة": .armedForce, "خلية": .armedForce, "هيئة": .unknown, "قوات": .armedForce,
            "مركز": .unknown, "مكتب": .unknown, "منظمة": .ngo, "لجنة": .unknown, "مجلس": .unknown, "الهلال": .ngo, "الصليب": .ngo, "مستشفى": .unknown, "حركة": .armedGroup, "حزب": .armedGroup,
            "تنظيم": .armedGroup, "فصيل": .armedGroup, "شبكة": .monitor, "جهاز": .government,
        ]
        for (k, v) in ar { d[ArabicNorm.normalise(k)] = v }
        let en: [String: SourceKind] = [
            "ministry": .government, "directorate": .government, "department": .government, "government": .government, "authority": .government,
            "authorities": .government, "governorate": .government, "command": .armedForce, "army": .armedForce, "forces": .armedForce,
            "brigade": .armedForce, "corps": .armedForce, "cell": .armedForce, "center": .unknown, "centre": .unknown, "office": .unknown,
            "council": .unknown, "committee": .unknown, "commission": .unknown, "crescent": .ngo, "cross": .ngo, "organization": .ngo,
            "organisation": .ngo, "network": .monitor, "hospital": .unknown, "movement": .armedGroup, "party": .armedGroup, "front": .armedGroup,
        ]
        for (k, v) in en { d[k] = v }
        return d
    }()

    /// "According to" before a name (not لـ alone: `تابعة لـ"هيئة تحرير الشام"` is "belonging to").
    static let accordingWords: Set<String> = Set(["بحسب", "حسب", "وفق", "وفقا", "طبقا"].map(ArabicNorm.normalise))
    /// Words that end an Arabic name: what follows the speaker ("إن", "في بيان", "لـ"), times, relays
    /// (in matching form, إن is also أن and ان, إلى also الى).
    static let nameEnders: Set<String> = Set(["إن", "بأن", "في", "عن", "على", "خلال", "أمس", "اليوم", "مساء", "صباح", "حيث", "الذي",
                                              "التي", "إلى", "لـ", "من", "مع", "عبر", "بعد", "قبل"].map(ArabicNorm.normalise))
    /// Lower-case English words that may stand inside a capitalised name ("Ministry of Health").
    static let nameJoiners: Set<String> = ["of", "for", "and", "the", "media", "press", "health", "interior", "defense", "defence"]

    /// An organisation named at token `i` where a speaker stands, and the tokens it covers; nil
    /// when none, or when the name leads to a source the gazetteer knows (that source speaks).
    func namedOrganisation(at i: Int, in s: Range<Int>) -> (GazetteerSource, Int)? {
        let limit = s.upperBound
        guard i < limit, tokens[i].kind == .word else { return nil }
        let t = tokens[i]
        let head = t.script == .arabic ? t.stems.lazy.compactMap({ Self.organisationHeads[$0] }).first : Self.organisationHeads[t.norm]
        if t.script == .arabic {
            guard let kind = head, i > s.lowerBound else { return nil }
            // The subject of a saying verb (VSO), after "according to"/a relay's عن, or after "متحدث باسم".
            // (A name may stand in quotation marks: نفى "مركز المصالحة الروسي".)
            let quoted = tokens[i - 1].kind == .punct && "\"“«".contains(tokens[i - 1].text) && i - 1 > s.lowerBound
            let before = tokens[quoted ? i - 2 : i - 1]
            guard stemIn(before, Lexicon.sayingVerbs) || stemIn(before, Self.accordingWords) || stemIn(before, Self.relayCues)
                    || before.norm == Words.n("باسم") else { return nil }
            var e = i + 1
            while e < limit, e - i < 7, tokens[e].kind == .word, tokens[e].script == .arabic, !stemIn(tokens[e], Self.nameEnders),
                  !stemIn(tokens[e], Lexicon.sayingVerbs), !stemIn(tokens[e], Self.relayCues) {
                if gazetteer.match(tokens, at: e, limit: limit) != nil { return nil }
                e += 1
            }
            return (source(i..<e, kind: kind), e - i)
        }
        // English: a capitalised name with a head noun, then the saying verb ("the Kurdish Red
        // Crescent said"), or after "according to".
        guard t.script == .latin, t.text.first?.isUppercase == true else { return nil }
        let afterAccording = i >= s.lowerBound + 2 && tokens[i - 2].norm == "according" && tokens[i - 1].norm == "to"
            || i >= s.lowerBound + 3 && tokens[i - 3].norm == "according" && tokens[i - 2].norm == "to" && tokens[i - 1].norm == "the"
        var e = i
        var kind: SourceKind?
        while e < limit, e - i < 10 {
            // "The Syrian Democratic Forces (SDF) Media Center": an acronym in brackets stays in the name.
            if tokens[e].text == "(", e + 2 < limit, tokens[e + 2].text == ")", tokens[e + 1].text.allSatisfy({ $0.isUppercase }) { e += 3; continue }
            guard tokens[e].kind == .word, tokens[e].script == .latin,
                  tokens[e].text.first?.isUppercase == true || Self.nameJoiners.contains(tokens[e].norm) && e > i else { break }
            if let k = Self.organisationHeads[tokens[e].norm] { kind = k }
            e += 1
        }
        while e > i + 1, Self.nameJoiners.contains(tokens[e - 1].norm), tokens[e - 1].text.first?.isUppercase != true { e -= 1 }
        guard let kind, e - i >= 2 else { return nil }
        let saysNext = e < limit && stemIn(tokens[e], Lexicon.sayingVerbs)
            || e + 1 < limit && ["has", "had", "have"].contains(tokens[e].norm) && stemIn(tokens[e + 1], Lexicon.sayingVerbs)
        guard saysNext || afterAccording, !(i + 1..<e).contains(where: { gazetteer.match(tokens, at: $0, limit: limit) != nil }) else { return nil }
        return (source(i..<e, kind: kind), e - i)
    }

    /// A source for an organisation named by tokens `r`, its id from the name's matching form (the
    /// same name in another report is the same source).
    func source(_ r: Range<Int>, kind: SourceKind) -> GazetteerSource {
        var r = r
        if r.count > 1, tokens[r.lowerBound].norm == "the" { r = r.lowerBound + 1..<r.upperBound }
        let text = String(String.UnicodeScalarView(scalars[tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end]))
        let id = "named:" + tokens[r].filter { $0.kind == .word }.map { $0.script == .arabic ? ArabicNorm.readable(Self.withoutArticle($0.norm)) : $0.norm }.joined(separator: "-").replacingOccurrences(of: "’", with: "'")
        return GazetteerSource(id: id, name: text, kind: kind)
    }

    /// An Arabic word in matching form without its article (المركز → مركز), so that a name reads
    /// the same with or without it.
    static func withoutArticle(_ norm: String) -> String {
        norm.hasPrefix(ArabicNorm.al) && norm.count > 4 ? String(norm.dropFirst(2)) : norm
    }
}
