import Events
import Foundation

/// A source the extractor can recognise by name, with its aliases in any script.
public struct GazetteerSource: Hashable, Sendable {
    /// Stable source id, e.g. `syrian-observatory-for-human-rights`.
    public var id: String
    public var name: String
    public var kind: SourceKind
    /// For a spokesperson: the id of the organisation they speak for.
    public var affiliation: String?
    public var aliases: [String]

    public init(id: String, name: String, kind: SourceKind, affiliation: String? = nil, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.affiliation = affiliation
        self.aliases = aliases
    }
}

/// An error in a user gazetteer file, naming the line.
public struct GazetteerError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var reason: String
    public var description: String { "gazetteer line \(line): \(reason)" }
}

/// Sources the extractor recognises, looked up by alias in Arabic or Latin script.
///
/// File format (UTF-8, tab-separated, `#` starts a comment line), one source a line:
///
///     id<TAB>kind<TAB>name<TAB>affiliation<TAB>alias|alias|…
///
/// `kind` is a ``SourceKind`` raw value (`outlet`, `news_agency`, `monitor`, `government`,
/// `armed_force`, `spokesperson`, `anonymous`, …); `affiliation` is the id of the organisation a
/// spokesperson speaks for, or empty. A user file extends the built-in list
/// (``SourceGazetteer/builtIn``) with ``merging(_:)``; an id already present gains the new aliases.
public struct SourceGazetteer: Sendable {
    public private(set) var sources: [GazetteerSource] = []
    var byID: [String: Int] = [:]
    /// First word (matching form) → (source index, alias words).
    var index: [String: [(Int, [String])]] = [:]
    /// Aliases written in capitals (WHO, AP, UN): they match only words written in capitals,
    /// so the pronoun "who" is not the World Health Organization.
    var acronyms: Set<[String]> = []

    public init(sources: [GazetteerSource] = []) {
        for s in sources { add(s) }
    }

    /// Parses the tab-separated format described on the type.
    public init(tsv: String) throws(GazetteerError) {
        var list: [GazetteerSource] = []
        for (n, rawLine) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\r")))
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = rawLine.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard f.count >= 3 else { throw GazetteerError(line: n + 1, reason: "expected id, kind, name, affiliation, aliases separated by tabs; found \(f.count) field(s)") }
            guard !f[0].isEmpty, f[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }) else {
                throw GazetteerError(line: n + 1, reason: "id \"\(f[0])\" must be ASCII letters, digits, - _ .")
            }
            guard let kind = SourceKind(rawValue: f[1]) else {
                throw GazetteerError(line: n + 1, reason: "unknown kind \"\(f[1])\"; use one of \(SourceKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard !f[2].isEmpty else { throw GazetteerError(line: n + 1, reason: "the name is empty") }
            let affiliation = f.count > 3 && !f[3].isEmpty ? f[3] : nil
            let aliases = f.count > 4 ? f[4].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
            list.append(GazetteerSource(id: f[0], name: f[2], kind: kind, affiliation: affiliation, aliases: aliases))
        }
        self.init(sources: list)
    }

    /// This gazetteer extended by `other`: new sources are added, known ids gain aliases.
    public func merging(_ other: SourceGazetteer) -> SourceGazetteer {
        var copy = self
        for s in other.sources { copy.add(s) }
        return copy
    }

    /// Adds a source, or the aliases of a source whose id is known (a `source_alias_added`).
    public mutating func add(_ source: GazetteerSource) {
        let i: Int
        if let existing = byID[source.id] {
            i = existing
            for a in source.aliases where !sources[i].aliases.contains(a) { sources[i].aliases.append(a) }
        } else {
            i = sources.count
            sources.append(source)
            byID[source.id] = i
        }
        // Anonymous collectives are recognised by their listed aliases only: a bare name such as
        // "media" would match "social media".
        for alias in (source.kind == .anonymous && !source.aliases.isEmpty ? [] : [source.name]) + source.aliases {
            let words = Tokenizer.tokenize(ReportText.normalise(alias)).filter { $0.kind != .punct }.map(\.norm)
            guard let first = words.first else { continue }
            let letters = alias.unicodeScalars.filter { Scalars.isLatinLetter($0) }
            if !letters.isEmpty, letters.allSatisfy({ $0.properties.isUppercase }) { acronyms.insert(words) }
            if index[first, default: []].contains(where: { $0.0 == i && $0.1 == words }) { continue }
            index[first, default: []].append((i, words))
        }
    }

    public func source(id: String) -> GazetteerSource? { byID[id].map { sources[$0] } }

    /// The source a whole name denotes, as a report would name it: its id, its name or one of its
    /// aliases ("Syrian Observatory", "المرصد السوري لحقوق الإنسان", "SOHR"). Anonymous
    /// collectives ("local sources") stand for no one in particular and are never returned.
    public func source(named name: String) -> GazetteerSource? {
        if let s = source(id: name) { return s }
        let tokens = Tokenizer.tokenize(ReportText.normalise(name))
        guard let (s, length) = match(tokens, at: 0, limit: tokens.count), length == tokens.count, s.kind != .anonymous else { return nil }
        return s
    }

    /// The longest alias starting at token `i`: the source and the number of tokens it covers.
    /// Quotation marks between words are skipped.
    func match(_ tokens: [Token], at i: Int, limit: Int) -> (GazetteerSource, Int)? {
        guard i < limit, tokens[i].kind == .word else { return nil }
        var best: (Int, Int)?
        for stem in tokens[i].stems {
            guard let candidates = index[stem] else { continue }
            for (si, words) in candidates {
                var j = i + 1
                var ok = true
                for w in words.dropFirst() {
                    while j < limit, tokens[j].kind == .punct, "\"“”«»'-".contains(tokens[j].text) { j += 1 }
                    guard j < limit, tokens[j].norm == w || (tokens[j].script == .arabic && tokens[j].stems.contains(w)) else { ok = false; break }
                    j += 1
                }
                if ok, acronyms.contains(words), !tokens[i..<j].allSatisfy({ $0.kind == .punct || $0.text.unicodeScalars.allSatisfy { !$0.properties.isLowercase } }) { ok = false }
                if ok, best == nil || j - i > best!.1 { best = (si, j - i) }
            }
        }
        return best.map { (sources[$0.0], $0.1) }
    }

    /// The built-in sources: wire agencies, monitors, ministries, spokespeople and anonymous
    /// collectives that casualty reports about Syria, Iraq, Yemen and beyond cite most.
    public static let builtIn: SourceGazetteer = try! SourceGazetteer(tsv: builtInTSV)

    static let builtInTSV = """
    # id\tkind\tname\taffiliation\taliases
    syrian-observatory-for-human-rights\tmonitor\tSyrian Observatory for Human Rights\t\tSOHR|Syrian Observatory|the Observatory|Observatory|المرصد السوري لحقوق الإنسان|المرصد السوري|المرصد
    syrian-civil-defense\tngo\tSyrian Civil Defense\t\tWhite Helmets|Syrian Civil Defence|Civil Defense|الدفاع المدني السوري|الدفاع المدني|الخوذ البيضاء
    reuters\tnews_agency\tReuters\t\tرويترز
    afp\tnews_agency\tAgence France-Presse\t\tAFP|Agence France Presse|فرانس برس|وكالة فرانس برس|وكالة الصحافة الفرنسية|أ.ف.ب
    associated-press\tnews_agency\tAssociated Press\t\tAP|أسوشيتد برس|أسوشييتد برس
    anadolu\tnews_agency\tAnadolu Agency\t\tAnadolu|الأناضول|وكالة الأناضول
    dpa\tnews_agency\tDeutsche Presse-Agentur\t\tdpa|وكالة الأنباء الألمانية
    sputnik\tnews_agency\tSputnik\t\tسبوتنيك
    sana\tnews_agency\tSANA\t\tSyrian Arab News Agency|سانا|الوكالة العربية السورية للأنباء
    us-department-of-defense\tgovernment\tUS Department of Defense\t\tPentagon|Department of Defense|Defense Department|American Defense Department|US Defense Department|وزارة الدفاع الأميركية|وزارة الدفاع الأمريكية|البنتاغون|البنتاجون
    us-central-command\tarmed_force\tUS Central Command\tus-department-of-defense\tCENTCOM|Central Command|القيادة المركزية الأميركية|القيادة المركزية الأمريكية|القيادة المركزية
    john-kirby\tspokesperson\tJohn Kirby\tus-department-of-defense\tKirby|جون كيربي
    the-new-york-times\toutlet\tThe New York Times\t\tNew York Times|نيويورك تايمز
    al-mayadeen\toutlet\tAl Mayadeen\t\tal-Mayadeen|Mayadeen|الميادين
    the-telegraph\toutlet\tThe Telegraph\t\tTelegraph|ذي تيليغراف|التلغراف
    the-guardian\toutlet\tThe Guardian\t\tGuardian|الغارديان
    bbc\toutlet\tBBC\t\tBBC News|بي بي سي
    al-jazeera\toutlet\tAl Jazeera\t\tالجزيرة
    al-arabiya\toutlet\tAl Arabiya\t\tالعربية
    un\tngo\tUnited Nations\t\tUN|U.N.|الأمم المتحدة
    who\tngo\tWorld Health Organization\t\tWHO|منظمة الصحة العالمية
    local-sources\tanonymous\tlocal sources\t\tlocal sources|مصادر محلية|المصادر المحلية
    local-source\tanonymous\tlocal source\t\tlocal source|a local source|مصدر محلي
    activists\tanonymous\tactivists\t\tactivists|local activists|ناشطون|ناشطين|نشطاء|ناشطو
    medical-sources\tanonymous\tmedical sources\t\tmedical sources|مصادر طبية
    medical-source\tanonymous\tmedical source\t\tmedical source|a medical source|مصدر طبي
    security-sources\tanonymous\tsecurity sources\t\tsecurity sources|مصادر أمنية
    security-source\tanonymous\tsecurity source\t\tsecurity source|a security source|مصدر أمني
    military-sources\tanonymous\tmilitary sources\t\tmilitary sources|مصادر عسكرية
    military-source\tanonymous\tmilitary source\t\tmilitary source|a military source|مصدر عسكري
    kurdish-sources\tanonymous\tKurdish sources\t\tKurdish sources|مصادر كردية
    local-media\tanonymous\tlocal media\t\tlocal media|وسائل إعلام محلية
    media\tanonymous\tmedia\t\tmedia reports|وسائل اعلام|وسائل إعلام
    armed-groups-sources\tanonymous\tarmed groups' sources\t\tsources of the armed men|مصادر المسلحين
    residents\tanonymous\tlocal residents\t\tresidents|local residents|سكان محليين|السكان المحليين|witnesses|شهود عيان
    officials\tanonymous\tofficials\t\tofficials|local officials|an official|مسؤولون|مسؤول
    sources\tanonymous\tsources\t\tsources|مصادر|المصادر|مصدر
    unnamed-reports\tanonymous\t(unnamed reports)\t\tthe reports|reports of|التقارير|تقارير
    """
}

/// Words that turn the name of an organisation into "its spokesperson".
enum Spokesperson {
    static let cues: Set<String> = Set(["متحدث", "المتحدث", "الناطق", "ناطق", "مسؤول", "المسؤول", "مصدر"].map(ArabicNorm.normalise))
        .union(["spokesman", "spokeswoman", "spokesperson", "official"])
}
