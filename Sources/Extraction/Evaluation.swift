import Events
import Foundation

/// The score of the extractor on one evaluation set.
public struct SetScore: Hashable, Sendable, CustomStringConvertible {
    /// `seeds`, `pitf`, `fakes`, `arabic`.
    public var name: String
    /// Items scored (claims, records, sentences).
    public var items: Int
    public var precision: Double?
    public var recall: Double?
    public var f1: Double?
    /// Share of records whose figure matches exactly (PITF, FA-KES).
    public var exactMatch: Double?
    /// Further figures by name, e.g. `f1_without_originator`, `children`, `civilians`, `women`.
    public var details: [String: Double]

    public var description: String {
        func f(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "–" }
        var line = "\(name): n=\(items) P=\(f(precision)) R=\(f(recall)) F1=\(f(f1)) exact=\(f(exactMatch))"
        for (k, v) in details.sorted(by: { $0.key < $1.key }) { line += " \(k)=\(f(v))" }
        return line
    }
}

public struct EvaluationError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// Scores `rules@1` on the evaluation sets in `../shared` (`claims evaluate extraction`); the files
/// each set reads are found by ``files(in:portion:)``.
///
/// - seeds (`corpus/gold.json`): numeric claims of the five articles, matched on figure, group,
///   value, bound and originator (by name; the article's outlet for `(outlet)`), as a multiset;
///   background claims are left out, as the gold leaves out distractors.
/// - pitf (`eval/extraction/pitf.dev.jsonl`, or another portion): deaths per description, exact match. The
///   description's death toll is the largest count of killed about the main incident that is
///   not a sub-count ("including four children"), where counts sharing one figure word add up
///   ("seven women and three children were killed" = 10); a description with no number counts 1.
/// - fakes (`eval/extraction/fakes.dev.jsonl`, or another portion): killed children, civilians (civilians, else
///   people, leaving out sub-counts, a stated number before a vague word) and women per
///   article, the first stated count of each,
///   exact match per field; `exactMatch` is their mean.
/// - arabic (`eval/arabic/sentences.dev.jsonl`, or another portion): claims per sentence (killed, injured,
///   captured, arrested, missing) matched on figure, group, value and bound.
///
/// GVA needs the ledger's consensus over an incident's documents and is not scored here.
public enum ExtractionEvaluation {
    public static func run(sharedDirectory: URL, portion: String? = nil, extractor: RuleExtractor = RuleExtractor()) throws -> [SetScore] {
        try run(files: files(in: sharedDirectory, portion: portion), extractor: extractor)
    }

    /// Scores the sets whose files are given (by set name, as ``files(in:portion:)`` finds them).
    public static func run(files: [String: URL], extractor: RuleExtractor = RuleExtractor()) throws -> [SetScore] {
        var scores: [SetScore] = []
        if let gold = files["seeds"] { scores.append(try seeds(gold.deletingLastPathComponent(), extractor)) }
        if let f = files["pitf"] { scores.append(try pitf(f, extractor)) }
        if let f = files["fakes"] { scores.append(try fakes(f, extractor)) }
        if let f = files["arabic"] { scores.append(try arabicSentences(f, extractor)) }
        return scores
    }

    /// Every set's file under a data folder, by set name; sets without one are left out.
    public static func files(in dir: URL, portion: String?) -> [String: URL] {
        var found: [String: URL] = [:]
        for name in setNames { found[name] = file(of: name, in: dir, portion: portion) }
        return found
    }

    /// The sets, in the order they are scored (`gva` is scored by the command line, through the ledger).
    public static let setNames = ["seeds", "pitf", "fakes", "arabic", "gva"]

    /// Where a set's file lies under a data folder, nil when it is not there: `corpus/gold.json`
    /// for the seeds; `eval/extraction/{pitf,fakes,gva}.<portion>.jsonl` and
    /// `eval/arabic/sentences.<portion>.jsonl` for the others. Without a portion: `dev`, else the
    /// only portion present (a held-out copy may be named `pitf.test.jsonl`).
    static func file(of set: String, in dir: URL, portion: String?) -> URL? {
        let fm = FileManager.default
        if set == "seeds" {
            let gold = dir.appendingPathComponent("corpus/gold.json")
            return fm.fileExists(atPath: gold.path) ? gold : nil
        }
        let (folder, stem) = set == "arabic" ? ("eval/arabic", "sentences") : ("eval/extraction", set)
        let base = dir.appendingPathComponent(folder)
        let named = base.appendingPathComponent("\(stem).\(portion ?? "dev").jsonl")
        if fm.fileExists(atPath: named.path) { return named }
        guard portion == nil, let names = try? fm.contentsOfDirectory(atPath: base.path) else { return nil }
        let portions = names.filter { $0.hasPrefix(stem + ".") && $0.hasSuffix(".jsonl") }
        return portions.count == 1 ? base.appendingPathComponent(portions[0]) : nil
    }

    static func jsonLines(_ url: URL) throws -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw EvaluationError(description: "cannot read \(url.path)") }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { throw EvaluationError(description: "\(url.lastPathComponent): a line is not an object") }
            return o
        }
    }

    static func day(_ s: Any?) -> PartialTime {
        guard let s = s as? String, s.count >= 10 else { return .unknown }
        return (try? PartialTime.parse(String(s.prefix(10)))) ?? .unknown
    }

    static func prf(tp: Int, predicted: Int, gold: Int) -> (Double, Double, Double) {
        let p = predicted == 0 ? 0 : Double(tp) / Double(predicted)
        let r = gold == 0 ? 0 : Double(tp) / Double(gold)
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
    }

    /// Multiset intersection size.
    static func matches<K: Hashable>(_ a: [K], _ b: [K]) -> Int {
        var counts: [K: Int] = [:]
        for k in b { counts[k, default: 0] += 1 }
        var n = 0
        for k in a where counts[k, default: 0] > 0 { counts[k]! -= 1; n += 1 }
        return n
    }

    static func number(_ v: Any?) -> Double? { (v as? NSNumber).map(\.doubleValue) }

    // MARK: seeds

    struct SeedKey: Hashable, CustomStringConvertible { var file, figure, group, value, bound, originator: String
        var description: String { "\(file.prefix(3)) \(figure) \(group) \(value) \(bound) | \(originator)" }
    }

    /// `corpus`: the folder holding gold.json and articles/.
    static func seeds(_ corpus: URL, _ x: RuleExtractor) throws -> SetScore {
        let (goldNormalised, predicted, _) = try seedKeys(corpus, x)
        let tp = matches(predicted, goldNormalised)
        let (p, r, f) = prf(tp: tp, predicted: predicted.count, gold: goldNormalised.count)
        func drop(_ k: SeedKey) -> SeedKey { var k = k; k.originator = ""; return k }
        let tp2 = matches(predicted.map(drop), goldNormalised.map(drop))
        let (_, _, f2) = prf(tp: tp2, predicted: predicted.count, gold: goldNormalised.count)
        return SetScore(name: "seeds", items: goldNormalised.count, precision: p, recall: r, f1: f, exactMatch: nil, details: ["f1_without_originator": f2])
    }

    /// Gold and predicted numeric claims of the seed articles, and the first quote of each prediction.
    static func seedKeys(_ corpus: URL, _ x: RuleExtractor) throws -> (gold: [SeedKey], predicted: [SeedKey], quotes: [String]) {
        guard let data = FileManager.default.contents(atPath: corpus.appendingPathComponent("gold.json").path),
              let gold = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let reports = gold["reports"] as? [[String: Any]], let claims = gold["claims"] as? [[String: Any]] else {
            throw EvaluationError(description: "cannot read corpus/gold.json")
        }
        typealias Key = SeedKey
        // The annotation's `source_aliases` (canonical name → other spellings, both scripts): an
        // originator written any of these ways is the same source.
        var canonical: [String: String] = [:]
        for (name, aliases) in gold["source_aliases"] as? [String: [String]] ?? [:] {
            for alias in aliases + [name] { canonical[alias.lowercased()] = name.lowercased() }
        }
        func source(_ name: String) -> String { canonical[name] ?? name }
        var quotes: [String] = []
        func v(_ x: Double?) -> String { x.map { String(Int($0)) } ?? "null" }
        var goldKeys: [Key] = [], predicted: [Key] = []
        for c in claims where !(c["value"] is String) {
            goldKeys.append(Key(file: c["file"] as! String, figure: c["figure"] as! String, group: c["group"] as? String ?? "-", value: v(number(c["value"])),
                                bound: c["bound"] as! String, originator: source((c["originator"] as! String).lowercased())))
        }
        for r in reports {
            let file = r["file"] as! String
            let outlet = (r["outlet"] as? String)?.lowercased()
            guard let bytes = FileManager.default.contents(atPath: corpus.appendingPathComponent("articles/\(file)").path) else { continue }
            var published = PartialTime.unknown
            if let p = r["published"] as? String { published = (try? PartialTime.parse(p)) ?? .unknown }
            let result = try x.extract(bytes: Array(bytes), published: published)
            let names = Dictionary(result.sources.map { ($0.id, $0.name.lowercased()) }, uniquingKeysWith: { a, _ in a })
            for c in result.mainClaims {
                var o = c.originator == ExtractedClaim.outletOriginator ? (outlet ?? "(outlet)") : (names[c.originator] ?? c.originator)
                if o == outlet { o = outlet! }
                predicted.append(Key(file: file, figure: c.figure, group: c.group ?? "-", value: v(c.value), bound: c.bound.rawValue, originator: source(o)))
                quotes.append(c.quotes.first?.text ?? "")
            }
        }
        // Gold written "(outlet)" for a named outlet is the outlet itself.
        let goldNormalised = goldKeys.map { k -> Key in
            var k = k
            if k.originator == "(outlet)", let r = reports.first(where: { $0["file"] as? String == k.file }), let o = (r["outlet"] as? String)?.lowercased() { k.originator = source(o) }
            return k
        }
        return (goldNormalised, predicted, quotes)
    }

    // MARK: PITF

    /// Groups that fight: PITF counts the deliberate killing of noncombatant civilians, so where a
    /// description also counts noncombatants, these are not part of its toll.
    static let combatantGroups: Set<String> = ["soldiers", "police", "militants", "militant_leaders", "us_personnel"]

    /// The death toll a description states, by the convention documented on the type.
    public static func deaths(in result: ExtractionResult) -> Int {
        var all = result.claims.filter { $0.figure == "killed" && $0.value != nil && $0.incident == .main }
        if !all.contains(where: { !$0.isSubCount }) { all = result.claims.filter { $0.figure == "killed" && $0.value != nil } }
        let killed = all.filter { !$0.isSubCount }
        guard !killed.isEmpty else { return 1 }
        // PITF counts noncombatants: where any are counted, counts of soldiers, police and
        // militants stand outside the toll ("killed 64 terrorists … eight civilians" → 8).
        let countsNoncombatants = all.contains { !combatantGroups.contains($0.group ?? "people") }
        func counted(_ c: ExtractedClaim) -> Bool { !countsNoncombatants || !combatantGroups.contains(c.group ?? "people") }
        // Each statement's toll: a list sharing one figure word adds up ("Seven women and three children were killed").
        var tolls: [Int] = []
        var seenWords = Set<Int>()
        for c in killed {
            var toll = Int(c.value!)
            var isList = false
            if let word = c.sharedFigureWord {
                if seenWords.contains(word) { continue }
                seenWords.insert(word)
                let list = killed.filter { $0.sharedFigureWord == word }
                if list.count > 1, Set(list.compactMap(\.group)).count == list.count {
                    isList = true
                    toll = Int(list.filter(counted).compactMap(\.value).reduce(0, +))
                    if toll == 0 { continue }
                }
            }
            if !isList, !counted(c) { continue }
            if !isList, countsNoncombatants, c.group == "people", let parts = parts(of: c, in: all) {
                // "Sixteen people, including 12 civilians" → 12; "16 people, including 11 soldiers" → 5.
                let civilians = parts.filter { $0.group == "civilians" }.compactMap(\.value).reduce(0, +)
                let fighters = parts.filter { combatantGroups.contains($0.group ?? "") }.compactMap(\.value).reduce(0, +)
                if civilians > 0 { toll = Int(civilians) } else if fighters > 0, Int(fighters) < toll { toll -= Int(fighters) }
            }
            // "four other people", "another four", "two more": in addition to the victims before
            // them — counted (the toll so far) or named without a number (one).
            if c.isAdditional, !isList {
                if tolls.isEmpty { tolls.append(1 + toll) } else { tolls[tolls.count - 1] += toll }
                continue
            }
            tolls.append(toll)
        }
        // Descriptions often give a first, partial count and then the toll ("killed dozens … 55
        // civilians were killed", "20 … residents claimed up to 31"): the toll is the largest.
        return tolls.max() ?? 1
    }

    /// The sub-counts that follow a count in the same statement ("including 12 civilians and four
    /// soldiers"), up to the next count that is not a part.
    static func parts(of total: ExtractedClaim, in claims: [ExtractedClaim]) -> [ExtractedClaim]? {
        guard let i = claims.firstIndex(of: total) else { return nil }
        let parts = claims[(i + 1)...].prefix { $0.isSubCount }
        return parts.isEmpty ? nil : Array(parts)
    }

    static func pitf(_ file: URL, _ x: RuleExtractor) throws -> SetScore {
        let rows = try jsonLines(file)
        var hits = 0
        for r in rows {
            let result = x.extract(text: ReportText.normalise(r["description"] as? String ?? ""), language: "en", published: day(r["date"]))
            if let d = number(r["deaths"]), Int(d) == deaths(in: result) { hits += 1 }
        }
        return SetScore(name: "pitf", items: rows.count, exactMatch: rows.isEmpty ? 0 : Double(hits) / Double(rows.count), details: [:])
    }

    // MARK: FA-KES

    static func fakes(_ file: URL, _ x: RuleExtractor) throws -> SetScore {
        let rows = try jsonLines(file)
        var hits: [String: Int] = ["children": 0, "civilians": 0, "women": 0]
        for r in rows {
            let text = [r["title"] as? String, r["content"] as? String].compactMap { $0 }.joined(separator: ".\n")
            let result = x.extract(text: ReportText.normalise(text), language: "en", published: day(r["date"]))
            let killed = result.mainClaims.filter { $0.figure == "killed" && $0.value != nil }
            func first(_ g: String) -> Int? { killed.first(where: { $0.group == g }).flatMap(\.value).map { Int($0) } }
            // Civilians: a total, never a part of one ("two medics among 31 dead"); a stated number
            // before a vague one ("kills scores of civilians … killed at least 38 civilians").
            func total(_ g: String, vague: Bool) -> Int? {
                killed.first(where: { $0.group == g && !$0.isSubCount && $0.isVague == vague }).flatMap(\.value).map { Int($0) }
            }
            let civilians = total("civilians", vague: false) ?? total("people", vague: false) ?? total("civilians", vague: true) ?? total("people", vague: true)
            let predicted = ["children": first("children") ?? 0, "women": first("women") ?? 0, "civilians": civilians ?? 0]
            for (field, key) in [("children", "nb_children"), ("civilians", "nb_civilians"), ("women", "nb_women")] {
                if let g = number(r[key]), Int(g) == predicted[field] { hits[field]! += 1 }
            }
        }
        let n = Double(max(rows.count, 1))
        let details = hits.mapValues { Double($0) / n }
        return SetScore(name: "fakes", items: rows.count, exactMatch: details.values.reduce(0, +) / 3, details: details)
    }

    // MARK: Arabic sentences

    static let casualtyFigures: Set<String> = ["killed", "injured", "captured", "arrested", "missing"]

    /// Claims per sentence of a file in the Arabic set's format (`sentence`, `date_extracted`,
    /// `claims`), matched on figure, group, value and bound.
    public static func arabicSentences(_ file: URL, _ x: RuleExtractor = RuleExtractor()) throws -> SetScore {
        let rows = try jsonLines(file)
        struct Key: Hashable { var figure, group, value, bound: String }
        var tp = 0, predicted = 0, gold = 0
        for r in rows {
            let result = x.extract(text: ReportText.normalise(r["sentence"] as? String ?? ""), language: "ar", published: day(r["date_extracted"]))
            // The set's groups have no militant_leaders: leaders are militants there.
            let p = result.claims.filter { casualtyFigures.contains($0.figure) }.map {
                Key(figure: $0.figure, group: $0.group == "militant_leaders" ? "militants" : $0.group ?? "-", value: $0.value.map { String(Int($0)) } ?? "null", bound: $0.bound.rawValue)
            }
            let g = (r["claims"] as? [[String: Any]] ?? []).map {
                Key(figure: $0["figure"] as? String ?? "", group: $0["group"] as? String ?? "-", value: number($0["value"]).map { String(Int($0)) } ?? "null", bound: $0["bound"] as? String ?? "")
            }
            tp += matches(p, g); predicted += p.count; gold += g.count
        }
        let (pp, rr, ff) = prf(tp: tp, predicted: predicted, gold: gold)
        return SetScore(name: "arabic", items: rows.count, precision: pp, recall: rr, f1: ff, exactMatch: nil, details: ["claims_gold": Double(gold), "claims_predicted": Double(predicted)])
    }
}
