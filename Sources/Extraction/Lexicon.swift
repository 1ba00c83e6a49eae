import Foundation

/// Grammatical number of a counted noun as written.
enum GrammaticalNumber: Sendable { case singular, dual, plural }

/// The word lists of `rules@1`, Arabic and English. Keys are in matching form
/// (see ``Token/norm``); Arabic entries are normalised when the tables are built.
enum Lexicon {
    static func ar(_ words: [String: GrammaticalNumber], _ group: String) -> [String: (String, GrammaticalNumber)] {
        var d: [String: (String, GrammaticalNumber)] = [:]
        for (w, n) in words { d[ArabicNorm.normalise(w)] = (group, n) }
        return d
    }

    // MARK: Numbers

    static let englishUnits: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12, "single": 1, "both": 2,
        "couple": 2, "pair": 2,
    ]
    static let englishMultipliers: [String: Double] = ["hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000]

    static let arabicUnits: [String: Int] = {
        let raw: [String: Int] = [
            "صفر": 0, "واحد": 1, "واحدة": 1, "واحدا": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "إثنين": 2, "إثنان": 2,
            "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7,
            "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
            "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40, "خمسون": 50, "خمسين": 50,
            "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
            "مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
            "ثلاثمئة": 300, "ثلاثمائة": 300, "أربعمئة": 400, "أربعمائة": 400, "خمسمئة": 500, "خمسمائة": 500,
            "ستمئة": 600, "ستمائة": 600, "سبعمئة": 700, "سبعمائة": 700, "ثمانمئة": 800, "ثمانمائة": 800, "تسعمئة": 900, "تسعمائة": 900,
            "أحد": 1, "إحدى": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
        ]
        var d: [String: Int] = [:]
        for (k, v) in raw { d[ArabicNorm.normalise(k)] = v }
        return d
    }()
    /// Multipliers after a number: ألف, آلاف, مليون …
    static let arabicMultipliers: [String: Double] = {
        let raw: [String: Double] = ["ألف": 1_000, "ألفا": 1_000, "آلاف": 1_000, "الف": 1_000, "مليون": 1_000_000, "ملايين": 1_000_000, "مليار": 1_000_000_000]
        var d: [String: Double] = [:]
        for (k, v) in raw { d[ArabicNorm.normalise(k)] = v }
        return d
    }()
    /// Duals of multipliers: ألفين = 2000.
    static let arabicDualNumbers: [String: Int] = {
        var d: [String: Int] = [:]
        // The construct state drops the ن before the counted noun: مئتي عنصر, ألفي مدني.
        for (k, v) in ["ألفين": 2000, "ألفان": 2000, "ألفي": 2000, "مليونين": 2_000_000, "مليونان": 2_000_000, "مليوني": 2_000_000,
                       "مئتي": 200, "مائتي": 200, "مئتا": 200, "مائتا": 200] { d[ArabicNorm.normalise(k)] = v }
        return d
    }()

    /// Vague quantities: value and bound (`nil` value = bound `some`).
    static let vague: [String: (Double?, String)] = {
        var d: [String: (Double?, String)] = [
            "dozens": (10, "at_least"), "scores": (10, "at_least"), "hundreds": (100, "at_least"), "thousands": (1000, "at_least"),
            "several": (nil, "some"), "many": (nil, "some"), "numerous": (nil, "some"),
        ]
        for (k, v, b) in [("عشرات", 10.0, "at_least"), ("مئات", 100.0, "at_least"), ("آلاف", 1000.0, "at_least")] {
            d[ArabicNorm.normalise(k)] = (v, b)
        }
        for k in ["العديد", "عديد", "بعض"] { d[ArabicNorm.normalise(k)] = (nil, "some") }
        return d
    }()

    // MARK: Groups

    /// Nouns naming people, with their group and grammatical number.
    static let groupNouns: [String: (String, GrammaticalNumber)] = {
        var d: [String: (String, GrammaticalNumber)] = [:]
        let en: [(String, String, GrammaticalNumber)] = [
            ("people", "people", .plural), ("persons", "people", .plural), ("person", "people", .singular),
            ("men", "people", .plural), ("man", "people", .singular), ("individuals", "people", .plural), ("others", "others", .plural),
            ("victims", "people", .plural), ("bodies", "people", .plural), ("passengers", "civilians", .plural),
            ("civilians", "civilians", .plural), ("civilian", "civilians", .singular), ("villagers", "civilians", .plural),
            ("residents", "civilians", .plural), ("farmers", "civilians", .plural), ("worshippers", "civilians", .plural),
            ("worshipers", "civilians", .plural), ("students", "civilians", .plural), ("workers", "civilians", .plural),
            ("traders", "civilians", .plural), ("fishermen", "civilians", .plural), ("pilgrims", "civilians", .plural),
            ("mourners", "civilians", .plural), ("citizens", "civilians", .plural), ("herders", "civilians", .plural),
            ("herdsmen", "civilians", .plural), ("shoppers", "civilians", .plural), ("teachers", "civilians", .plural),
            ("journalists", "civilians", .plural), ("doctors", "civilians", .plural), ("family", "civilians", .plural),
            // One civilian by trade or place: "killed a teacher", "A journalist was killed".
            ("teacher", "civilians", .singular), ("journalist", "civilians", .singular), ("farmer", "civilians", .singular),
            ("villager", "civilians", .singular), ("fisherman", "civilians", .singular), ("herder", "civilians", .singular),
            ("pilgrim", "civilians", .singular), ("trader", "civilians", .singular), ("shopkeeper", "civilians", .singular),
            ("children", "children", .plural), ("child", "children", .singular), ("kids", "children", .plural),
            ("boys", "children", .plural), ("boy", "children", .singular), ("girls", "children", .plural), ("girl", "children", .singular),
            ("babies", "children", .plural), ("baby", "children", .singular), ("infant", "children", .singular), ("infants", "children", .plural),
            ("minors", "children", .plural), ("toddler", "children", .singular), ("schoolchildren", "children", .plural),
            ("women", "women", .plural), ("woman", "women", .singular),
            ("soldiers", "soldiers", .plural), ("soldier", "soldiers", .singular), ("troops", "soldiers", .plural),
            ("servicemen", "soldiers", .plural), ("marines", "soldiers", .plural), ("paratroopers", "soldiers", .plural),
            ("police", "police", .plural), ("policemen", "police", .plural), ("policeman", "police", .singular),
            ("officers", "police", .plural), ("officer", "police", .singular), ("guards", "police", .plural),
            ("militants", "militants", .plural), ("militant", "militants", .singular), ("fighters", "militants", .plural),
            ("insurgents", "militants", .plural), ("rebels", "militants", .plural), ("jihadists", "militants", .plural),
            ("terrorists", "militants", .plural), ("extremists", "militants", .plural), ("gunmen", "militants", .plural),
            ("militiamen", "militants", .plural), ("combatants", "militants", .plural), ("attackers", "militants", .plural),
            ("mercenaries", "militants", .plural), ("guerrillas", "militants", .plural),
            ("hostages", "other", .plural), ("prisoners", "other", .plural), ("inmates", "other", .plural),
        ]
        for (w, g, n) in en { d[w] = (g, n) }
        let ar: [(String, String, GrammaticalNumber)] = [
            ("شخص", "people", .singular), ("شخصا", "people", .singular), ("أشخاص", "people", .plural), ("شخصان", "people", .dual), ("شخصين", "people", .dual),
            ("رجل", "people", .singular), ("رجلا", "people", .singular), ("رجال", "people", .plural), ("رجلين", "people", .dual), ("رجلان", "people", .dual),
            ("فرد", "people", .singular), ("طالب", "people", .singular), ("طالبا", "people", .singular), ("طلاب", "people", .plural), ("أفراد", "people", .plural), ("فردا", "people", .singular),
            ("آخرون", "others", .plural), ("آخرين", "others", .plural), ("آخران", "others", .plural), ("آخر", "others", .singular), ("أخرى", "others", .singular),
            ("مدني", "civilians", .singular), ("مدنيا", "civilians", .singular), ("مدنيين", "civilians", .plural), ("مدنيون", "civilians", .plural), ("مدنيان", "civilians", .dual),
            ("مواطن", "civilians", .singular), ("مواطنا", "civilians", .singular), ("مواطنين", "civilians", .plural), ("مواطنون", "civilians", .plural), ("مواطنان", "civilians", .dual), ("مواطنيهم", "civilians", .plural),
            ("مقيم", "civilians", .singular), ("مقيمين", "civilians", .plural), ("مقيما", "civilians", .singular), ("سكان", "civilians", .plural),
            // Tourists, fishermen and villagers are civilians (the Arabic set's conventions).
            ("سائح", "civilians", .singular), ("سائحا", "civilians", .singular), ("سياح", "civilians", .plural), ("سائحين", "civilians", .plural),
            ("صياد", "civilians", .singular), ("صيادا", "civilians", .singular), ("صيادين", "civilians", .plural),
            ("قروي", "civilians", .singular), ("قرويا", "civilians", .singular), ("قرويين", "civilians", .plural),
            ("عامل", "civilians", .singular), ("عمال", "civilians", .plural), ("العاملين", "civilians", .plural), ("مصلين", "civilians", .plural), ("مصليا", "civilians", .singular),
            // Medics and journalists are civilians: "مقتل 3 مسعفين", "إصابة صحفي".
            ("مسعف", "civilians", .singular), ("مسعفا", "civilians", .singular), ("مسعفين", "civilians", .plural), ("مسعفون", "civilians", .plural),
            ("طبيب", "civilians", .singular), ("طبيبا", "civilians", .singular), ("أطباء", "civilians", .plural),
            ("ممرض", "civilians", .singular), ("ممرضة", "civilians", .singular), ("ممرضين", "civilians", .plural),
            ("صحفي", "civilians", .singular), ("صحفيا", "civilians", .singular), ("صحفيين", "civilians", .plural), ("صحفيون", "civilians", .plural),
            ("طفل", "children", .singular), ("طفلا", "children", .singular), ("أطفال", "children", .plural), ("أطفالا", "children", .plural),
            ("طفلين", "children", .dual), ("طفلان", "children", .dual), ("رضيع", "children", .singular), ("طفلة", "children", .singular),
            ("امرأة", "women", .singular), ("نساء", "women", .plural), ("امرأتين", "women", .dual), ("امرأتان", "women", .dual),
            ("سيدة", "women", .singular), ("فتاة", "women", .singular), ("سيدات", "women", .plural),
            ("جندي", "soldiers", .singular), ("جنديا", "soldiers", .singular), ("جنود", "soldiers", .plural), ("جنديين", "soldiers", .dual), ("جنديان", "soldiers", .dual),
            ("عسكري", "soldiers", .singular), ("عسكريا", "soldiers", .singular), ("عسكريين", "soldiers", .plural), ("ضابط", "soldiers", .singular),
            ("ضابطا", "soldiers", .singular), ("مجند", "soldiers", .singular), ("مجندا", "soldiers", .singular), ("مجندين", "soldiers", .plural), ("مجندون", "soldiers", .plural), ("ضباط", "soldiers", .plural), ("ضابطين", "soldiers", .dual), ("ضابطان", "soldiers", .dual),
            // Military ranks, as a casualty's noun: "مقتل آمر الفوج وجنديين", "مقتل عقيد".
            ("آمر", "soldiers", .singular), ("عقيد", "soldiers", .singular), ("عميد", "soldiers", .singular), ("ملازم", "soldiers", .singular),
            ("رقيب", "soldiers", .singular), ("عريف", "soldiers", .singular), ("جنرال", "soldiers", .singular),
            ("شرطي", "police", .singular), ("شرطيا", "police", .singular), ("شرطيين", "police", .plural), ("شرطيان", "police", .dual), ("شرطة", "police", .plural),
            ("مسلح", "militants", .singular), ("مسلحا", "militants", .singular), ("مسلحين", "militants", .plural), ("مسلحون", "militants", .plural),
            ("عنصر", "militants", .singular), ("عنصرا", "militants", .singular), ("عناصر", "militants", .plural), ("عنصرين", "militants", .dual), ("عنصران", "militants", .dual),
            ("إرهابي", "militants", .singular), ("إرهابيا", "militants", .singular), ("إرهابيين", "militants", .plural), ("إرهابيون", "militants", .plural),
            ("متمرد", "militants", .singular), ("متمردا", "militants", .singular), ("متمردين", "militants", .plural), ("متمردون", "militants", .plural),
            ("مقاتل", "militants", .singular), ("مقاتلا", "militants", .singular), ("مقاتلين", "militants", .plural), ("مقاتلون", "militants", .plural),
            ("حوثي", "militants", .singular), ("حوثيا", "militants", .singular), ("حوثيين", "militants", .plural), ("حوثيون", "militants", .plural), ("الحوثين", "militants", .plural),
            ("متشدد", "militants", .singular), ("متشددين", "militants", .plural), ("جهادي", "militants", .singular), ("جهاديين", "militants", .plural),
            ("مسلحي", "militants", .plural), ("مقاتلي", "militants", .plural), ("عناصر", "militants", .plural),
            ("رهينة", "other", .singular), ("رهائن", "other", .plural),
            ("سجين", "other", .singular), ("سجناء", "other", .plural), ("قيادي", "militant_leaders", .singular), ("زعيم", "militant_leaders", .singular), ("قياديا", "militant_leaders", .singular),
        ]
        for (w, g, n) in ar { d[ArabicNorm.normalise(w)] = (g, n) }
        for o in ordinals { d[o] = ("others", .singular) }
        return d
    }()

    /// Arabic plural forms ending in ـين that are not duals (sound plurals), so a bare
    /// `مدنيين` is a plural, while `طفلين` (plural أطفال) can only be a dual.
    static let soundPluralsInYn: Set<String> = Set(["مدنيين", "مسعفين", "ممرضين", "صحفيين", "مواطنين", "مقيمين", "مسلحين", "شرطيين", "إرهابيين", "آخرين", "مصابين", "مفقودين", "معتقلين", "المصابين", "متمردين", "مقاتلين", "حوثيين", "متشددين", "جهاديين", "عسكريين", "مصلين", "العاملين", "الحوثين", "مجندين", "سائحين", "صيادين", "قرويين"].map(ArabicNorm.normalise))

    // MARK: Figures

    /// Words that say what happened to the counted: figure. Both before and after the count.
    static let triggers: [String: String] = {
        var d: [String: String] = [:]
        let en: [String: String] = [
            "killed": "killed", "kill": "killed", "kills": "killed", "killing": "killed", "dead": "killed", "died": "killed", "die": "killed",
            "deaths": "killed", "death": "killed", "slain": "killed", "murdered": "killed", "executed": "killed", "massacred": "killed",
            "beheaded": "killed", "lynched": "killed", "perished": "killed", "gunned": "killed", "martyred": "killed", "drowned": "killed", "beheads": "killed", "murdering": "killed", "killings": "killed", "massacre": "killed", "fatalities": "killed", "lives": "killed", "bodies": "killed",
            "injured": "injured", "injuring": "injured", "injures": "injured", "wounded": "injured", "wounding": "injured", "wounds": "injured",
            "hurt": "injured", "injuries": "injured", "wounds.": "injured", "hospitalized": "injured", "hospitalised": "injured",
            "abducted": "captured", "kidnapped": "captured", "captured": "captured", "abducting": "captured", "kidnapping": "captured",
            "arrested": "arrested", "detained": "arrested", "arresting": "arrested",
            "missing": "missing",
        ]
        for (k, v) in en { d[k] = v }
        let ar: [String: String] = [
            "قتل": "killed", "قتلت": "killed", "قتلوا": "killed", "مقتل": "killed", "قتلى": "killed", "قتيل": "killed", "قتيلا": "killed",
            "قتيلين": "killed", "قتيلان": "killed", "فقتلوا": "killed", "يقتل": "killed", "قتلها": "killed",
            "استشهد": "killed", "استشهاد": "killed", "استشهدوا": "killed", "شهيد": "killed", "شهيدا": "killed", "شهداء": "killed", "شهيدين": "killed",
            "سقوط": "killed", "مصرع": "killed", "مصرعهم": "killed", "لقوا": "killed", "لقي": "killed", "حتفهم": "killed", "حياة": "killed", "بحياة": "killed",
            "جثة": "killed", "جثث": "killed", "جثتين": "killed", "وفاة": "killed", "رؤوس": "killed", "ضحايا": "killed", "ضحية": "killed", "ضحيته": "killed", "ضحيتها": "killed",
            "أصيب": "injured", "أصيبوا": "injured", "إصابة": "injured", "اصابة": "injured", "إصابات": "injured", "مصاب": "injured", "مصابين": "injured",
            "مصابا": "injured", "جرح": "injured", "جرحى": "injured", "جريح": "injured", "جريحا": "injured", "جريحين": "injured", "جروح": "injured",
            "أصابوا": "injured", "أصابت": "injured", "إصابتهم": "injured", "جرحوا": "injured", "مصابون": "injured", "بجروح": "injured",
            "أسر": "captured", "أسرى": "captured", "أسيرا": "captured", "أسير": "captured", "خطف": "captured", "اختطاف": "captured", "اختطفوا": "captured",
            "يحتفظون": "captured", "اختطف": "captured",
            "قتلاه": "killed", "قتلاهم": "killed", "إعدام": "killed", "اغتيال": "killed", "أرواح": "killed", "اعتقال": "arrested", "اعتقل": "arrested", "اعتقلت": "arrested", "القبض": "arrested", "توقيف": "arrested", "اعتقلوا": "arrested", "معتقلين": "arrested",
            // Police news: ضبط (seized) a count of people is an arrest; نعى (mourned) a count, a death.
            "ضبط": "arrested", "نعى": "killed", "نعت": "killed", "ينعى": "killed", "تنعى": "killed",
            "مفقود": "missing", "مفقودين": "missing", "المفقودين": "missing", "مفقودون": "missing",
        ]
        for (k, v) in ar { d[ArabicNorm.normalise(k)] = v }
        // Past-tense figure verbs in every person the news writes them: feminine قتلت/أصيبت, dual
        // قتلا/أصيبا, feminine dual قتلتا, plural قتلوا.
        for (verb, f) in conjugatedFigureVerbs {
            for suffix in ["", "ت", "ا", "تا", "وا"] where d[ArabicNorm.normalise(verb + suffix)] == nil { d[ArabicNorm.normalise(verb + suffix)] = f }
            // A fighter's own "we killed" (قتلنا); other verbs in the first person are words of
            // their own (أسرنا is also "our families").
            if f == "killed", verb != "لقي", d[ArabicNorm.normalise(verb + "نا")] == nil { d[ArabicNorm.normalise(verb + "نا")] = f }
        }
        // A death named with its subject's pronoun: لقي حتفه, لقيا مصرعهما, لقيت حتفها.
        for word in Words.deathWithPronoun { d[word] = "killed" }
        return d
    }()

    /// Past-tense verbs of a figure, conjugated in ``triggers`` (the plural of لقي, لقوا, is listed there).
    static let conjugatedFigureVerbs: [(String, String)] = [
        ("قتل", "killed"), ("استشهد", "killed"), ("أعدم", "killed"), ("اغتال", "killed"), ("اغتيل", "killed"), ("لقي", "killed"),
        ("أصيب", "injured"), ("جرح", "injured"), ("أسر", "captured"), ("خطف", "captured"), ("اختطف", "captured"), ("اعتقل", "arrested"),
    ]

    /// Verbs that take lives (`حصد أرواح`, `أودى بأرواح`, `أزهق أرواح`): `أرواح` is a count of killed
    /// only after one of them.
    static let lifeTakingVerbs: Set<String> = Set(["حصد", "حصدت", "حصدا", "حصدوا", "يحصد", "تحصد", "يحصدون", "أزهق", "أزهقت", "أزهقوا", "يزهق", "تزهق",
                                                   "أودى", "أودت", "يودي", "تودي"].map(ArabicNorm.normalise))

    /// Words right before a figure word that tell of no such event: a sentence to death
    /// (`حكم بالإعدام`, `أحكاما بالإعدام`; only with the ب of "to" on the figure word, since
    /// `الحكم` is also the regime: `قوات الحكم قتلت 20 مدنيا`) or an attempt (`محاولة اغتيال`).
    static let sentenceCues: Set<String> = Set(["حكم", "حكما", "أحكام", "أحكاما", "الحكم"].map(ArabicNorm.normalise))
    static let attemptCues: Set<String> = Set(["محاولة", "محاولات", "محاولتي"].map(ArabicNorm.normalise))

    /// Indefinite ordinals after a figure word are one more of the same kind: `وأصيب ثالث`,
    /// `وقتل رابع` (a definite one, `الفوج الثالث`, is a rank in a series).
    static let ordinals: Set<String> = Set(["ثان", "ثاني", "ثانيا", "ثالث", "ثالثا", "رابع", "رابعا", "خامس", "خامسا", "سادس", "سادسا", "سابع", "سابعا",
                                            "ثامن", "ثامنا", "تاسع", "تاسعا", "عاشر", "عاشرا"].map(ArabicNorm.normalise))

    /// Pronouns attached to a noun: طفلها (her child), والدته (his mother), مرافقيهم.
    static let pronounSuffixes: [String] = ["هما", "هم", "ها", "ه"].map(ArabicNorm.normalise)
    /// Feminine kin, read only with a pronoun attached (`والدته`): without one, والدة and والده
    /// (his father) have the same matching form.
    static let feminineKin: [String: (String, GrammaticalNumber)] = ar(["والدة": .singular, "زوجة": .singular, "شقيقة": .singular], "women")

    /// Victim nouns: the figure word is itself the counted noun (`13 قتيلا`, `60 جريحا`, `4 أسرى`).
    static let victimNouns: Set<String> = Set(["قتلى", "قتيل", "قتيلا", "قتيلين", "قتيلان", "شهيد", "شهيدا", "شهداء", "جرحى", "جريح", "جريحا",
                                              "جريحين", "مصابين", "مصابا", "مصاب", "أسرى", "أسيرا", "أسير", "جثة", "جثث", "جثتين", "مفقودين", "ضحايا", "ضحية",
                                              "معتقلين"].map(ArabicNorm.normalise))
        .union(["dead", "deaths", "fatalities", "bodies", "lives", "injured", "wounded", "casualties", "missing", "victims", "killed"])

    /// Nouns that make a number something other than a count of people (hard negatives).
    static let nonPersonNouns: Set<String> = Set(["كيلومتر", "كيلومترا", "كيلومترات", "كلم", "كم", "متر", "مترا", "دولار", "ريال", "سنة", "سنوات", "عام", "عاما",
                                                  "أعوام", "يوم", "يوما", "أيام", "ساعة", "ساعات", "دقيقة", "دقائق", "شهر", "شهرا", "أشهر", "أسبوع", "أسابيع", "قذيفة", "قذائف",
                                                  "صاروخ", "صواريخ", "صاروخا", "عربة", "عربات", "سيارة", "سيارات", "مبنى", "مبان", "برميل", "برميلا", "هجوم", "هجوما", "هجمات",
                                                  "عملية", "عمليات", "غارة", "غارات", "ضربة", "ضربات", "دراجة", "طائرة", "طائرات", "مروحية", "مروحيات", "بالمئة", "بالمائة"]
        .map(ArabicNorm.normalise))
        .union(["km", "kilometres", "kilometers", "miles", "metres", "meters", "years", "year", "days", "day", "hours", "hour", "minutes",
                "months", "month", "weeks", "week", "dollars", "percent", "per", "am", "pm", "a.m", "p.m", "bombs", "rockets", "missiles", "shells",
                "vehicles", "cars", "buildings", "houses", "homes", "attacks", "strikes", "airstrikes", "raids", "times", "kg", "tons",
                // events and weapons are not people: "Five explosions killed …", "Two bombings killed …"
                "explosions", "blasts", "bombings", "explosives", "incidents", "grenades", "mortars", "rounds", "shots", "bullets",
                "villages", "towns", "districts", "provinces", "countries", "weeks", "nights", "mosques", "churches", "schools", "markets",
                // places, occasions and animals are not people: "violence in four communities", "killed 73 cows"
                "communities", "events", "cows", "cattle", "goats", "sheep", "camels", "horses", "dogs", "animals", "livestock",
                // charges and events: "four counts of murder", "Five shootings"
                "counts", "charges", "shootings"])

    /// Function words that may follow a bare count without naming what it counts.
    static let countTerminators: Set<String> = Set(["في", "من", "على", "خلال", "جراء", "اثر", "إثر", "بعد", "منذ", "في", "و", "بينهم", "منهم", "بسبب", "عند", "حسب", "بحسب"]
        .map(ArabicNorm.normalise))
        .union(["in", "on", "at", "and", "as", "after", "during", "when", "while", "including", "among", "since", "by", "across", "near", "with", "from", "so", "to"])

    /// Auxiliaries between a subject count and its verb: "were", "have been" …
    static let auxiliaries: Set<String> = ["were", "was", "have", "has", "had", "been", "are", "is", "being", "reportedly", "also", "all",
                                           "later", "allegedly", "confirmed", "believed", "feared", "reported", "to", "be", "shot", "found",
                                           "now", "so", "far", "critically", "seriously", "fatally", "others", "more", "people", "civilians"]

    /// Sub-count cues: "among them", "including", بينهم.
    static let subCountCues: Set<String> = Set(["بينهم", "منهم", "بينهما", "بينها"].map(ArabicNorm.normalise)).union(["including", "among"])
    /// "Most of them" before the groups of a toll (`معظمهم من النساء والأطفال`, "mostly women").
    static let mostOfThemCues: Set<String> = Set(["معظمهم", "غالبيتهم", "أغلبهم", "معظمها", "غالبيتها"].map(ArabicNorm.normalise)).union(["mostly"])

    /// Verbs of saying that introduce an attribution.
    static let sayingVerbs: Set<String> = Set(["قال", "قالت", "أعلن", "أعلنت", "أكد", "أكدت", "ذكر", "ذكرت", "أفاد", "أفادت", "أوضح", "أوضحت",
                                               "بين", "بينت", "أشار", "أشارت", "صرح", "أضاف", "أضافت", "تحدثت", "تحدث", "نقلت", "نقل", "كشف", "كشفت", "نفى", "نفت",
                                               "يقول", "تقول", "رجحت", "قالوا", "أكدوا",
                                               // imperfective, as headlines and ledes write them: "ومراسلة الميادين تؤكد …"
                                               "يؤكد", "تؤكد", "يعلن", "تعلن", "يفيد", "تفيد", "يوضح", "توضح", "يكشف", "تكشف", "يشير", "تشير",
                                               // participles that carry the speaker of the sentence before on: مؤكداً "…"
                                               "مؤكدا", "مؤكدة", "مضيفا", "مضيفة", "مشيرا", "مشيرة", "موضحا", "موضحة", "لافتا", "لافتة"].map(ArabicNorm.normalise))
        .union(["said", "says", "say", "told", "reported", "reports", "confirmed", "announced", "stated", "claimed", "added", "according",
                "cited", "quoted", "citing", "quoting", "pointed", "explained", "noted", "indicated", "revealed", "asserted", "affirmed",
                "denied", "warned", "clear", "confirms", "confirming", "adding", "saying", "noting", "stressing", "explaining", "stressed"])

    /// Words for a merged "killed and injured" figure (`مقتل وإصابة`, `قتل وجرح`).
    static let killVerbsForMerge: Set<String> = Set(["مقتل", "قتل", "استشهاد", "سقوط"].map(ArabicNorm.normalise)).union(["killed", "killing", "dead"])
    static let injureWordsForMerge: Set<String> = Set(["إصابة", "اصابة", "جرح", "جريح", "إصابات"].map(ArabicNorm.normalise)).union(["injured", "wounded", "injuring", "wounding"])

    /// Nationalities that turn a group into a named force's personnel.
    static let americanWords: Set<String> = Set(["أميركي", "أمريكي", "أميركيين", "أمريكيين", "أميركيون", "أمريكيون", "الأميركي", "الأمريكي", "الأميركية", "الأمريكية"].map(ArabicNorm.normalise))
        .union(["american", "americans", "u.s", "us"])
}
