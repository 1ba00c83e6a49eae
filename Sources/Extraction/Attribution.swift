import Events
import Foundation

extension Run {
    /// Unnamed reports a speaker passes on ("reports of civilian casualties", التقارير التي تفيد).
    static let unnamedReports = "unnamed-reports"
    static let relayCues: Set<String> = Set(["عن", "نقلا", "نقلاً"].map(ArabicNorm.normalise)).union(["citing", "cited", "quoted", "quoting", "cites", "quotes"])
    /// "في بيان نقلته وكالة سبوتنيك": a statement carried by an agency, which relays it.
    static let carriedByCues: Set<String> = Set(["نقلته", "نقلتها", "نقله", "أوردته", "أوردتها", "بثته", "بثتها"].map(ArabicNorm.normalise))
        .union(["carried", "relayed", "published"])
    static let accordingCues: Set<String> = Set(["بحسب", "حسب", "وفق", "وفقا", "طبقا", "لـ"].map(ArabicNorm.normalise)).union(["according"])

    /// Who speaks in a sentence: one attribution per speaker, at the speaker's position.
    mutating func attribute(_ s: Range<Int>) -> [Attribution] {
        let lower = s.lowerBound, limit = s.upperBound
        var matches: [(GazetteerSource, Int, Int)] = []
        let speaks = tokens[s].contains { stemIn($0, Lexicon.sayingVerbs) || stemIn($0, Self.accordingCues) }
        var i = lower
        while i < limit {
            if let (src, len) = gazetteer.match(tokens, at: i, limit: limit) ?? (speaks ? namedOrganisation(at: i, in: s) : nil) {
                matches.append((src, i, len)); i += len
            } else { i += 1 }
        }
        // A dateline's credit ("AMMAN, Feb 20 (Reuters) -", "دمشق (رويترز) -") says who wrote the
        // report, not who speaks in it.
        matches.removeAll { m in
            (m.0.kind == .newsAgency || m.0.kind == .outlet) && m.1 > lower && tokens[m.1 - 1].text == "("
                && m.1 + m.2 + 1 < limit && tokens[m.1 + m.2].text == ")" && ["-", "–", "—"].contains(tokens[m.1 + m.2 + 1].text)
        }
        // A source named inside reported speech (a quotation longer than the name) is what the
        // speaker talks about, not who speaks: “forces under Central Command carried out …”.
        let quoted = quotationSpans(s)
        let outside = matches.filter { m in !quoted.contains { q in q.contains(m.1) && q.count > m.2 + 2 } }
        if !outside.isEmpty { matches = outside }
        // "وقال البيان إن … الجيش كان يقوم بتقييم التقارير التي تفيد …": reports the speaker passes
        // on are not a speaker of their own; the speaker goes on and relays them.
        let onlyReports = !matches.isEmpty && matches.allSatisfy { $0.0.id == Self.unnamedReports }
        if matches.isEmpty || !speaks || onlyReports {
            // "وأضاف", "وأوضحت أن", "He added": the last speaker goes on.
            let head = tokens[lower..<min(limit, lower + 3)]
            if speaks, matches.isEmpty || onlyReports, head.contains(where: { stemIn($0, Lexicon.sayingVerbs) }), let last = lastAttribution {
                let carried = Attribution(originator: last.originator, via: last.via, position: lower)
                guard onlyReports else { return [carried] }
                if let reports = gazetteer.source(id: Self.unnamedReports) { register(reports) }
                return [carried] + matches.map { Attribution(originator: Self.unnamedReports, via: [last.originator] + last.via, position: $0.1) }
            }
            if matches.isEmpty || !speaks { return [] }
            // Reports that speak for themselves ("The reports said …") go on as a speaker.
        }
        // Resolve each match to an originator; merge a spokesperson with the organisation named next to them.
        struct Unit { var originator: GazetteerSource; var via: [GazetteerSource]; var start: Int; var end: Int; var isAgency: Bool; var toldTo: Bool }
        var units: [Unit] = []
        for (src, start, len) in matches {
            var s = src
            // "the sources", المصادر: the anonymous collective named earlier in the report, with
            // the relays it came through.
            var inheritedVia: [GazetteerSource] = []
            if s.id == "sources", let first = tokens[start].stems.first, first.hasPrefix(Words.n("ال")) || first.hasPrefix(Words.n("وال")) || (start > lower && tokens[start - 1].norm == "the"), let prior = lastAnonymous {
                s = prior.0; inheritedVia = prior.1
            } else if s.kind == .anonymous, speaksHere(start, start + len, lower, limit) {
                lastAnonymous = (s, [])
            }
            let told = tokens[start].script == .arabic && (tokens[start].stems.count > 1 && (tokens[start].norm.hasPrefix(Words.n("ل")) || tokens[start].norm.hasPrefix(Words.n("ول"))))
                || start > lower && tokens[start - 1].norm == "told" || start > lower && tokens[start - 1].norm == Words.n("لـ")
                || start > lower && tokens[start - 1].kind == .word && tokens[start - 1].stems.contains(Words.agency) && (tokens[start - 1].norm.hasPrefix(Words.n("ل")) || tokens[start - 1].norm.hasPrefix(Words.n("ول")))
            var u = Unit(originator: s, via: inheritedVia, start: start, end: start + len, isAgency: s.kind == .newsAgency || s.kind == .outlet, toldTo: told)
            if s.kind == .spokesperson, let aff = s.affiliation, let org = gazetteer.source(id: aff) {
                u = Unit(originator: org, via: [s], start: start, end: start + len, isAgency: false, toldTo: false)
            }
            if let last = units.last, Self.speaksForOrganisation(u.originator), last.originator.id == "officials", u.start - last.end <= 1 {
                // "مسؤول بوزارة الدفاع", "an official at the Pentagon": the organisation speaks.
                units[units.count - 1] = Unit(originator: u.originator, via: last.via, start: last.start, end: u.end, isAgency: false, toldTo: false); continue
            }
            if let last = units.last, Self.speaksForOrganisation(last.originator), s.id == "officials", u.start - last.end <= 1 {
                // "a Pentagon official", "Pentagon officials".
                units[units.count - 1].end = u.end; continue
            }
            if let last = units.last, u.start - last.end <= 4 {
                // "متحدث باسم وزارة الدفاع، جون كيربي": the organisation speaks through the person.
                if s.kind == .spokesperson, s.affiliation == last.originator.id { units[units.count - 1].via.insert(s, at: 0); units[units.count - 1].end = u.end; continue }
                if last.originator.kind == .spokesperson, last.originator.affiliation == s.id { units[units.count - 1] = Unit(originator: s, via: [last.originator], start: last.start, end: u.end, isAgency: false, toldTo: false); continue }
            }
            units.append(u)
        }
        for u in units { register(u.originator); for v in u.via { register(v) } }
        // Relays: "X cited Y", نقلت X عن Y, X نقلا عن Y; "Y told X", Y لوكالة X.
        var result: [Attribution] = []
        var k = 0
        while k < units.count {
            let a = units[k]
            if k + 1 < units.count {
                let b = units[k + 1]
                let between = tokens[a.end..<b.start]
                let cue = between.contains { stemIn($0, Self.relayCues) } || b.start > lower && stemIn(tokens[b.start], Self.relayCues) || tokens[b.start].norm.hasPrefix(Words.n("عن"))
                if cue, b.start - a.end <= 6 {
                    result.append(Attribution(originator: b.originator.id, via: b.via.map(\.id) + [a.originator.id] + a.via.map(\.id), position: a.start))
                    k += 2; continue
                }
                if b.isAgency, b.toldTo && b.start - a.end <= 8 || between.count <= 12 && between.contains(where: { stemIn($0, Self.carriedByCues) }) {
                    result.append(Attribution(originator: a.originator.id, via: a.via.map(\.id) + [b.originator.id], position: a.start))
                    k += 2; continue
                }
            }
            if a.originator.id == Self.unnamedReports, let speaker = result.last {
                // "The army said it was assessing reports that …": the reports, relayed by the speaker.
                result.append(Attribution(originator: a.originator.id, via: [speaker.originator] + speaker.via, position: a.start))
                k += 1; continue
            }
            if a.toldTo, a.isAgency, !result.isEmpty {
                result[result.count - 1].via.append(a.originator.id); k += 1; continue
            }
            result.append(Attribution(originator: a.originator.id, via: a.via.map(\.id), position: a.start))
            k += 1
        }
        if let last = result.last(where: { $0.originator != Self.unnamedReports }) { lastAttribution = last }
        for r in result where speaksHere(r.position, r.position + 1, lower, limit) {
            if let src = gazetteer.source(id: r.originator), src.kind == .anonymous {
                lastAnonymous = (src, r.via.compactMap { gazetteer.source(id: $0) })
            }
        }
        return result
    }

    /// Whether a source named at `start..<end` is the one speaking: a saying verb, "according
    /// to" or a relay cue stands within two words of it ("أكدت مصادر محلية", "citing local
    /// sources"), not a mention such as "من خلال مصادر".
    func speaksHere(_ start: Int, _ end: Int, _ lower: Int, _ limit: Int) -> Bool {
        for k in max(lower, start - 2)..<min(limit, end + 3) where k < start || k >= end {
            if stemIn(tokens[k], Lexicon.sayingVerbs) || stemIn(tokens[k], Self.accordingCues) || stemIn(tokens[k], Self.relayCues) { return true }
        }
        return false
    }

    static func speaksForOrganisation(_ s: GazetteerSource) -> Bool {
        [.government, .armedForce, .monitor, .ngo].contains(s.kind)
    }

    /// Token ranges inside quotation marks (" “ ” « ») in a sentence; an unclosed quotation runs
    /// to the end of the sentence.
    func quotationSpans(_ s: Range<Int>) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var open: Int? = nil
        for k in s where tokens[k].kind == .punct {
            let c = tokens[k].text
            if open == nil, c == "“" || c == "«" || c == "\"" { open = k + 1 }
            else if let o = open, c == "”" || c == "»" || c == "\"" { spans.append(o..<k); open = nil }
        }
        if let o = open { spans.append(o..<s.upperBound) }
        return spans
    }

    /// The speaker of a figure at `position`: the nearest one before it, else the first after it.
    func attributionFor(_ position: Int, _ list: [Attribution]) -> Attribution? {
        list.last(where: { $0.position <= position }) ?? list.first
    }
}
