import Foundation

// MARK: One victim who dies

/// The rules a Latin word may start (looked up once per token, as the lexicon's look-ups are).
struct VictimCues: OptionSet {
    let rawValue: UInt8
    static let object = VictimCues(rawValue: 1)
    static let pair = VictimCues(rawValue: 2)
    static let wound = VictimCues(rawValue: 4)
    static let war = VictimCues(rawValue: 8)
    static let cumulative = VictimCues(rawValue: 16)
}

/// Words the rules for a single victim's death name one by one.
enum SingleVictim {
    /// Singular nouns for a person the lexicon does not count as a group noun of its own: the
    /// subject of "died" or an antecedent of "he"/"she". Group people unless ``Lexicon/groupNouns``
    /// says otherwise (boy → children, woman → women).
    static let personNouns: Set<String> = [
        "victim", "teen", "teenager", "youth", "student", "sophomore", "junior", "senior", "freshman", "resident", "driver",
        "passenger", "pedestrian", "bystander", "customer", "clerk", "employee", "worker", "father", "mother", "son", "daughter",
        "husband", "wife", "brother", "sister", "grandfather", "grandmother", "grandson", "granddaughter", "nephew", "niece",
        "uncle", "aunt", "cousin", "friend", "boyfriend", "girlfriend", "male", "female", "adult", "juvenile", "patient",
        "homeowner", "owner", "tenant", "roommate", "relative", "toddler", "sibling", "buddy", "classmate", "playmate", "stepson",
        "stepdaughter", "stepfather", "stepmother", "grandchild", "guard",
    ]
    /// People who are not the victim: a pronoun whose nearest antecedent is one of these does not
    /// refer to the victim ("A man was shot by a suspect. He fled …"), and they never die here.
    static let notVictims: Set<String> = [
        "suspect", "shooter", "gunman", "attacker", "assailant", "killer", "robber", "burglar", "intruder", "officer",
        "deputy", "trooper", "policeman", "sheriff", "detective", "investigator", "spokesman", "spokeswoman", "spokesperson",
        "chief", "witness", "lieutenant", "sergeant", "captain", "coroner", "examiner", "prosecutor", "attorney", "judge",
        "reporter", "doctor", "neighbor", "neighbour", "mayor", "official",
    ]
    static let male: Set<String> = ["man", "boy", "father", "son", "husband", "brother", "grandfather", "grandson", "nephew", "uncle", "boyfriend", "male", "he"]
    static let female: Set<String> = ["woman", "girl", "mother", "daughter", "wife", "sister", "grandmother", "granddaughter", "niece", "aunt", "girlfriend", "female", "she"]
    /// Words between a subject and its death predicate: auxiliaries, adverbs and "found" ("was found dead").
    static let between: Set<String> = ["was", "is", "has", "had", "have", "been", "later", "eventually", "subsequently", "then", "also", "found", "accidentally",
                                       "reportedly", "tragically", "sadly", "apparently", "allegedly", "soon", "shortly", "ultimately"]
    /// Words that make the death a possibility or deny it ("could have died", "did not die").
    /// …and words that make the subject plural ("Ana, 20, and Bobbie, 22, all died").
    static let irrealis: Set<String> = ["all", "both", "each", "not", "never", "could", "would", "might", "may", "almost", "nearly", "n't", "to", "if", "no", "cannot", "didn't", "wasn't", "hasn't"]
    static let determiners: Set<String> = ["a", "an", "the", "one", "his", "her", "their", "its", "this", "that", "another"]
    /// Capitalised words that open sentences or name bodies, never a victim's name.
    static let notNames: Set<String> = [
        "he", "she", "it", "they", "we", "i", "you", "who", "police", "authorities", "officials", "deputies", "officers", "investigators",
        "detectives", "witnesses", "neighbors", "neighbours", "family", "friends", "everyone", "nobody", "someone", "no", "but", "and",
        "when", "after", "before", "while", "then", "there", "here", "later", "also", "county", "city", "department", "office", "state",
        // Institutions and places named in capitals: "Calais Regional Hospital", "Elm Street".
        "hospital", "center", "centre", "medical", "clinic", "school", "church", "university", "college", "street", "avenue", "road",
        "park", "court", "station", "airport", "mall",
    ]

    /// Arabic: توفي، توفيت، فارق الحياة، لفظ أنفاسه.
    static let arabicDied: Set<String> = Set(["توفي", "توفيت", "يتوفى", "تتوفى"].map(ArabicNorm.normalise))
    static let arabicLeft: Set<String> = Set(["فارق", "فارقت", "لفظ", "لفظت"].map(ArabicNorm.normalise))
    static let arabicLife: Set<String> = Set(["الحياة", "أنفاسه", "أنفاسها", "انفاسه", "انفاسها"].map(ArabicNorm.normalise))
    /// Arabic singular persons the group lexicon does not list: a young man, a boy, an old man.
    static let arabicPersons: Set<String> = Set(["شاب", "شابا", "فتى", "مسن", "عجوز", "ضحية"].map(ArabicNorm.normalise))
    static let arabicNegation: Set<String> = Set(["لم", "لا", "لن", "ما", "ولم", "ولا"].map(ArabicNorm.normalise))
}

extension Run {
    /// A single victim who dies, named by a noun phrase or a pronoun: "A 16-year-old died after he
    /// was shot", "A 14-year-old boy was fatally shot", "Jaquise Lewis, 17, was shot and killed",
    /// "A man was shot … He died at the hospital", "…, where he was pronounced dead",
    /// `وتوفي الطفل متأثراً بجراحه`, `… توفي متأثراً بجراحه`. One killed, of the group of the noun
    /// (or of the pronoun's antecedent). A pronoun ("he", "she"; in Arabic the verb's own
    /// agreement) resolves only to the nearest singular person mentioned before it in the same or
    /// the previous sentence, skipping mentions of the other gender; when that person is a
    /// suspect, an officer or a witness, or there is none, there is no claim. Possibilities and
    /// denials ("could have died", "did not die", لم يتوف) are no claim. Subjects already counted
    /// as killed in the sentence are not counted again.
    func singleVictimDeaths(in s: Range<Int>, previous: Range<Int>?, existing: [Mention]) -> [Mention] {
        var out: [Mention] = []
        let lower = s.lowerBound, limit = s.upperBound
        for k in s where tokens[k].kind == .word {
            let t = tokens[k]
            if t.script == .arabic {
                if let m = arabicDeath(k, s, previous: previous, existing: existing + out) { out.append(m) }
                continue
            }
            // The predicate: its first and last token.
            var end: Int? = nil
            var passive = false
            switch t.norm {
            case "died", "dies", "succumbed":
                end = k + 1
            case "pronounced", "declared":
                if k + 1 < limit, tokens[k + 1].norm == "dead" { end = k + 2; passive = true }
            case "fatally", "mortally":
                if k + 1 < limit, ["shot", "wounded", "stabbed", "injured", "struck", "hit"].contains(tokens[k + 1].norm) { end = k + 2; passive = true }
            case "shot":
                if k + 1 < limit, tokens[k + 1].norm == "dead" { end = k + 2; passive = true }
                else if k + 2 < limit, tokens[k + 1].norm == "and", tokens[k + 2].norm == "killed" { end = k + 3; passive = true }
                else if k + 2 < limit, tokens[k + 1].norm == "to", tokens[k + 2].norm == "death" { end = k + 3; passive = true }
            case "dead":
                // "A Caldwell County teenager is dead after …", "A TSA agent was dead".
                if k > lower, ["is", "was"].contains(tokens[k - 1].norm) { end = k + 1; passive = true }
            case "killed":
                passive = true; end = k + 1
            case "found":
                if k + 1 < limit, tokens[k + 1].norm == "dead" { end = k + 2; passive = true }
            default: break
            }
            guard let e = end else { continue }
            guard let (subjectFound, sawPassive) = subjectEnd(before: k, lower: lower, passives: ["was", "is", "been"]) else { continue }
            if passive && !sawPassive { continue }
            var j = subjectFound
            var subject: (group: String, start: Int)?
            if tokens[j].norm == "and", !passive || t.norm != "killed" {
                // "Dominque Young, 21, sustained multiple gunshot wounds and was pronounced dead":
                // the sentence's subject.
                subject = sentenceSubject(in: lower..<j, previous: previous)
                if let found = subject { j = found.start }
            } else {
                // A plain "killed" with a named subject is the count rules' business; with a pronoun it is ours.
                subject = subjectPerson(endingAt: j, in: s, previous: previous)
            }
            guard let (group, start) = subject, !isQuestioned(start, lower: lower) else { continue }
            // Counted already: "A man was killed", "killing one man".
            // So is a predicate a count used already ("a man … shot dead").
            if (existing + out).contains(where: { m in
                m.figure == "killed" && (m.start <= j && j < m.end || m.start <= start && start < m.end || m.triggerAt.map { (k..<e).contains($0) } ?? false)
            }) { continue }
            out.append(Mention(figure: "killed", group: group, value: 1, bound: .exact, start: start, end: e, triggerAt: k))
        }
        return out
    }

    /// Whether the words in `r` say the wounded person lives ("and is expected to recover",
    /// "with non-life-threatening injuries"), read up to a semicolon or the end of the sentence.
    func statesSurvival(_ r: Range<Int>) -> Bool {
        for k in r {
            if tokens[k].text == ";" { return false }
            if SingleVictim.survivalWords.contains(tokens[k].norm) {
                // "non" only in "non-life-threatening"; "released" only in "treated and released".
                if tokens[k].norm == "released" {
                    if k - 2 >= r.lowerBound && tokens[k - 2].norm == "treated" { return true }
                    continue
                }
                return tokens[k].norm != "non" || k + 2 < r.upperBound && tokens[k + 2].norm == "life"
            }
        }
        return false
    }

    /// Whether the clause from `k` tells of a death ("was wounded and later died"), read up to a
    /// semicolon or an "and"/"but" that opens a clause of another subject ("was hurt and Juliet
    /// Lynch was killed"; with `newCounts`, also a count or a pronoun, a comma, a full stop or
    /// "whereas": "were hurt and two died", "80 others injured, whereas … shot dead 21").
    func clauseTellsOfDeath(_ k: Int, limit: Int, newCounts: Bool = false) -> Bool {
        var m = k
        while m < limit {
            let t = tokens[m]
            if t.text == ";" { return false }
            if newCounts, t.text == "," || t.text == "." || stemIn(t, Run.clauseBreaks) { return false }
            if t.norm == "and" || t.norm == "but", m + 1 < limit, SingleVictim.clauseSubjects.contains(tokens[m + 1].norm) || isNameWord(tokens[m + 1])
                || newCounts && (Run.newSubjects.contains(tokens[m + 1].norm) || Numbers.parse(tokens, m + 1, limit: limit) != nil) { return false }
            if SingleVictim.deathWords.contains(t.norm) { return true }
            m += 1
        }
        return false
    }

    /// Back from a predicate at `k` over auxiliaries and adverbs (``SingleVictim/between`` and
    /// `skipping`) to the last word of its subject, past a "who" ("the man who died"); whether a
    /// word of `passives` was passed. nil at an irrealis word ("would have died") or before `lower`.
    func subjectEnd(before k: Int, lower: Int, skipping extra: Set<String> = [], passives: Set<String>) -> (j: Int, sawPassive: Bool)? {
        var j = k - 1
        var sawPassive = false
        while j >= lower, tokens[j].kind == .word,
              SingleVictim.between.contains(tokens[j].norm) || extra.contains(tokens[j].norm) || SingleVictim.irrealis.contains(tokens[j].norm) {
            if SingleVictim.irrealis.contains(tokens[j].norm) { return nil }
            if passives.contains(tokens[j].norm) { sawPassive = true }
            j -= 1
        }
        guard j >= lower else { return nil }
        if tokens[j].norm == "who", j > lower { j -= 1 }
        return (j, sawPassive)
    }

    /// The one person a subject ending at `j` names: a he/she's antecedent, else a person phrase or a name.
    func subjectPerson(endingAt j: Int, in s: Range<Int>, previous: Range<Int>?) -> (group: String, start: Int)? {
        if ["he", "she"].contains(tokens[j].norm) { return antecedent(of: j, in: s, previous: previous).map { ($0.group, j) } }
        return person(endingAt: j, lower: s.lowerBound)
    }

    /// A singular person phrase ("a 19-year-old man") or a name ending at `j`, from `lower` on.
    func person(endingAt j: Int, lower: Int) -> (group: String, start: Int)? {
        personPhrase(endingAt: j, lower: lower) ?? namedPerson(endingAt: j, lower: lower)
    }

    /// "not able to say if the man had died", "whether he died": a question, not a statement.
    func isQuestioned(_ start: Int, lower: Int) -> Bool {
        (max(lower, start - 3)..<start).contains { ["if", "whether", "unless"].contains(tokens[$0].norm) }
    }

    /// The nearest singular person phrase or name ending before `k`, back to `lower`.
    func nearestPerson(before k: Int, lower: Int) -> (group: String, start: Int)? {
        var j = k - 1
        while j >= lower {
            if let p = person(endingAt: j, lower: lower) { return p }
            if SingleVictim.notVictims.contains(tokens[j].norm) { return nil }
            j -= 1
        }
        return nil
    }

    /// The subject opening a sentence, for a second predicate after "and" ("X fell to the floor
    /// and eventually died"): a singular person phrase, a name or he/she starting at the first
    /// token, followed by no other "and" before the predicate (a plural subject "X and Y").
    func sentenceSubject(in r: Range<Int>, previous: Range<Int>?) -> (group: String, start: Int)? {
        guard !r.isEmpty else { return nil }
        let first = r.lowerBound
        if ["he", "she"].contains(tokens[first].norm) {
            return antecedent(of: first, in: first..<r.upperBound, previous: previous).map { ($0.group, first) }
        }
        for j in first..<min(r.upperBound, first + 10) {
            guard let phrase = person(endingAt: j, lower: first), phrase.start == first else { continue }
            if j + 1 < r.upperBound, tokens[j + 1].norm == "and" || isNameWord(tokens[j + 1]) || personPhrase(endingAt: j + 1, lower: first) != nil { continue }
            if tokens[(j + 1)..<r.upperBound].contains(where: { $0.norm == "and" || $0.text == ";" }) { return nil }
            return phrase
        }
        return nil
    }

    /// A singular person phrase ending at `j`: a determiner, at most four words (an age such as
    /// "16-year-old" among them), then a person noun; a determiner and an age alone ("a
    /// 16-year-old"); or a capitalised name with an age in apposition ("Jaquise Lewis, 17,").
    /// Its group and first token.
    func personPhrase(endingAt j: Int, lower: Int) -> (group: String, start: Int)? {
        guard j >= lower else { return nil }
        let w = tokens[j]
        // "Jaquise Lewis, 17,"
        if w.text == ",", j - 2 >= lower, tokens[j - 1].kind == .number, let age = Double(tokens[j - 1].norm), age >= 0, age < 120,
           tokens[j - 2].text == ",", j - 3 >= lower, tokens[j - 3].script == .latin, tokens[j - 3].text.first?.isUppercase == true {
            var a = j - 3
            while a - 1 >= lower, tokens[a - 1].script == .latin, tokens[a - 1].kind == .word, tokens[a - 1].text.first?.isUppercase == true, a > j - 6 { a -= 1 }
            return ("people", a)
        }
        // "The man, 38,"
        if w.text == ",", j - 3 >= lower, tokens[j - 1].kind == .number, tokens[j - 2].text == ",", let phrase = personPhrase(endingAt: j - 3, lower: lower) {
            return phrase
        }
        guard w.kind == .word, w.script == .latin else { return nil }
        let ageStart = self.ageStart(endingAt: j, lower: lower)
        var noun: String? = nil
        if ageStart != nil { noun = "people" }
        else if SingleVictim.notVictims.contains(w.norm) { return nil }
        else if let g = group(w), g.1 == .singular, g.0 != "others" { noun = g.0 }
        else if SingleVictim.personNouns.contains(w.norm) { noun = w.norm == "toddler" ? "children" : "people" }
        guard let g = noun else { return nil }
        // A determiner before it, with words and an age only between.
        var a = ageStart ?? j
        var steps = 0
        while a - 1 >= lower, steps < 8 {
            let p = tokens[a - 1]
            if p.kind == .word, SingleVictim.determiners.contains(p.norm) { return (g, a - 1) }
            guard p.kind == .number || p.text == "-" || p.kind == .word && p.script == .latin else { return nil }
            if p.kind == .word, trigger(p) != nil || group(p) != nil || Lexicon.auxiliaries.contains(p.norm) { return nil }
            a -= 1; steps += 1
        }
        return nil
    }

    /// A person named without a noun or an age, ending at `j`: a full name ("Devin Mitchell") or a
    /// surname the report writes after a given name elsewhere ("Mitchell", with "Devin Mitchell"
    /// before or after). Capitalised words the lexicons know (Police, Authorities, Monday, a
    /// pronoun, a place in the gazetteer) are no names. Group people.
    func namedPerson(endingAt j: Int, lower: Int) -> (group: String, start: Int)? {
        guard j >= lower, isNameWord(tokens[j]) else { return nil }
        var start = j
        while start - 1 >= lower, start > j - 3, isNameWord(tokens[start - 1]), !tokens[start].lineBefore { start -= 1 }
        if start - 1 >= lower, tokens[start - 1].kind == .word, SingleVictim.determiners.contains(tokens[start - 1].norm) || tokens[start - 1].norm == "of" { return nil }
        if places.match(tokens, at: start, limit: j + 1) != nil { return nil }
        guard start < j || reportSurnames.contains(tokens[j].norm) else { return nil }
        return ("people", start)
    }

    /// A capitalised Latin word that may be part of a person's name.
    func isNameWord(_ t: Token) -> Bool {
        guard t.kind == .word, t.script == .latin, t.text.count >= 2, let first = t.text.first, first.isUppercase,
              t.text.dropFirst().contains(where: \.isLowercase) else { return false }
        return !SingleVictim.notNames.contains(t.norm) && t.cachedGroup == nil && t.cachedTrigger == nil
            && !SingleVictim.notVictims.contains(t.norm) && !SingleVictim.personNouns.contains(t.norm) && !SingleVictim.determiners.contains(t.norm)
            && Dates.weekdays[t.norm] == nil && Dates.months[t.norm] == nil
    }

    /// The person a pronoun at `p` refers to: the nearest singular person phrase before it in its
    /// sentence or the previous one, agreeing in gender. Nil when that phrase names a suspect,
    /// an officer or a witness, or when there is none.
    func antecedent(of p: Int, in s: Range<Int>, previous: Range<Int>?) -> (group: String, start: Int)? {
        let pronoun = tokens[p].norm
        var ranges: [Range<Int>] = [s.lowerBound..<p]
        if let prev = previous { ranges.append(prev) }
        for r in ranges {
            var j = r.upperBound - 1
            while j >= r.lowerBound {
                let w = tokens[j]
                if w.kind == .word, w.script == .latin {
                    let gender = SingleVictim.male.contains(w.norm) ? "he" : (SingleVictim.female.contains(w.norm) ? "she" : nil)
                    if let phrase = personPhrase(endingAt: j, lower: r.lowerBound) {
                        if let gd = gender, gd != pronoun { j -= 1; continue }
                        return phrase
                    }
                    if SingleVictim.notVictims.contains(w.norm), j > r.lowerBound, SingleVictim.determiners.contains(tokens[j - 1].norm) || tokens[j - 1].script == .latin {
                        return nil
                    }
                } else if w.text == ",", let phrase = personPhrase(endingAt: j, lower: r.lowerBound) {
                    return phrase
                }
                j -= 1
            }
        }
        return nil
    }

    /// `توفي الطفل متأثراً بجراحه`, `فارقت الحياة`, or the verb alone after a victim named before
    /// (`أصيب شاب … وتوفي متأثراً بجراحه`).
    func arabicDeath(_ k: Int, _ s: Range<Int>, previous: Range<Int>?, existing: [Mention]) -> Mention? {
        let t = tokens[k]
        let lower = s.lowerBound, limit = s.upperBound
        var e = k + 1
        if t.stems.contains(where: SingleVictim.arabicLeft.contains) {
            // فارق الحياة, or the subject between: فارقت امرأة الحياة.
            if k + 1 < limit, stemIn(tokens[k + 1], SingleVictim.arabicLife) { e = k + 2 }
            else if k + 2 < limit, stemIn(tokens[k + 2], SingleVictim.arabicLife), let g = group(tokens[k + 1]) {
                guard g.1 == .singular, g.0 != "others" else { return nil }
                return Mention(figure: "killed", group: g.0, value: 1, bound: .exact, start: k, end: k + 3, triggerAt: k)
            } else { return nil }
            if e < limit, tokens[e].norm == Words.n("الأخيرة") { e += 1 }
        } else if !t.stems.contains(where: SingleVictim.arabicDied.contains) {
            return nil
        }
        if k > lower, stemIn(tokens[k - 1], SingleVictim.arabicNegation) { return nil }
        if existing.contains(where: { $0.figure == "killed" && $0.start <= k && k < $0.end }) { return nil }
        // The subject after the verb: a singular person (توفي الطفل، توفيت امرأة).
        if e < limit, let g = group(tokens[e]) {
            guard g.1 == .singular, g.0 != "others" else { return nil }
            return Mention(figure: "killed", group: g.0, value: 1, bound: .exact, start: k, end: e + 1, triggerAt: k)
        }
        if e < limit, stemIn(tokens[e], SingleVictim.arabicPersons) {
            return Mention(figure: "killed", group: "people", value: 1, bound: .exact, start: k, end: e + 1, triggerAt: k)
        }
        // A number or a plural after the verb is someone else's count.
        if e < limit, tokens[e].kind == .number || Numbers.parse(tokens, e, limit: limit) != nil { return nil }
        // The verb's own agreement: the nearest singular person named before.
        var ranges: [Range<Int>] = [lower..<k]
        if let p = previous { ranges.append(p) }
        for r in ranges {
            var j = r.upperBound - 1
            while j >= r.lowerBound {
                if tokens[j].script == .arabic, stemIn(tokens[j], SingleVictim.arabicPersons) {
                    return Mention(figure: "killed", group: "people", value: 1, bound: .exact, start: k, end: e, triggerAt: k)
                }
                if let g = group(tokens[j]), tokens[j].script == .arabic {
                    // A plural or a count is not "he": no claim.
                    guard g.1 == .singular, g.0 != "others" else { return nil }
                    return Mention(figure: "killed", group: g.0, value: 1, bound: .exact, start: k, end: e, triggerAt: k)
                }
                j -= 1
            }
        }
        return nil
    }
}

// MARK: One victim killed, as an object

extension SingleVictim {
    /// Active verbs of killing whose object is the victim: "the shooting that killed a 19-year-old".
    static let killVerbs: Set<String> = ["killed", "kills", "killing", "murdered", "murdering", "slew"]
    /// Verbs that kill after "fatally": "fatally shooting his nephew", "fatally shot the man".
    static let fatalVerbs: Set<String> = ["shot", "shoots", "shooting", "wounded", "wounding", "stabbed", "stabbing"]
    static let reflexives: Set<String> = ["himself", "herself"]
    /// Nouns of one death before "of" and its victim: "the death of", "the murder of", "the killing of".
    static let deathNouns: Set<String> = ["death", "murder", "killing", "slaying"]
    /// Active verbs of wounding: "accidentally shot his sister", "wounding a 15-year-old".
    static let woundingVerbs: Set<String> = ["wounded", "wounding", "injured", "injuring", "shot", "shoots", "shooting"]
    static let woundOnlyVerbs: Set<String> = ["wounding", "injuring", "wounded", "injured"]
    /// The words ``Run/singleVictimObjects(in:existing:)`` starts from (one lookup per token).
    static let objectCues: Set<String> = killVerbs.union(fatalVerbs).union(woundingVerbs).union(deathNouns)
    /// The words ``Run/pairsOfSingleVictims(in:found:)`` starts from.
    static let pairCues: Set<String> = killVerbs.union(["died", "slain", "pronounced", "declared", "found", "shot", "fatally", "mortally", "left"])
    static let passiveAuxiliaries: Set<String> = ["was", "were", "is", "are", "been", "be", "being", "get", "got"]
}

extension Run {
    /// One victim named as the object of an active killing, or of "the death of": "the shooting
    /// that killed a 19-year-old", "fatally shooting his nephew", "he shot and killed his wife",
    /// "charged in the death of his 10-year-old nephew", "the shooting death of Devin Anderson",
    /// "shot and killed himself". One killed, of the group of the object's noun (people for a name
    /// or a reflexive). A count in that place ("killing one man", "killed two people") is the
    /// count rules'; a suspect, an officer or a witness is no victim here.
    func singleVictimObjects(in s: Range<Int>, existing: [Mention]) -> [Mention] {
        var out: [Mention] = []
        let limit = s.upperBound
        for k in s where tokens[k].cachedCues.contains(.object) {
            let word = tokens[k].norm
            let afterFatally = k > s.lowerBound && ["fatally", "mortally"].contains(tokens[k - 1].norm)
            let isKilling = SingleVictim.killVerbs.contains(word) || SingleVictim.fatalVerbs.contains(word) && afterFatally
            let isDeathOf = SingleVictim.deathNouns.contains(word) && k + 1 < limit && tokens[k + 1].norm == "of"
            // "accidentally shot his sister": wounded, where nobody dies in the report. Where someone
            // dies, the one wounded may be the one who died later, unless the sentence has killed
            // another before the wound ("killing David, 11, and critically injuring his brother").
            let isWounding = !afterFatally && SingleVictim.woundingVerbs.contains(word) && !clauseTellsOfDeath(k + 1, limit: limit)
                && (!reportTellsOfDeath || SingleVictim.woundOnlyVerbs.contains(word) && tokens[s.lowerBound..<k].contains { SingleVictim.killVerbs.contains($0.norm) })
            guard isKilling || isDeathOf || isWounding else { continue }
            let figure = isWounding ? "injured" : "killed"
            if isKilling || isWounding {
                // "was killed", "were fatally shot": passive, the subject rules' business.
                var a = k - 1
                if a >= s.lowerBound, ["fatally", "mortally"].contains(tokens[a].norm) { a -= 1 }
                while a >= s.lowerBound, tokens[a].kind == .word, SingleVictim.between.contains(tokens[a].norm) && !SingleVictim.passiveAuxiliaries.contains(tokens[a].norm) { a -= 1 }
                if a >= s.lowerBound, SingleVictim.passiveAuxiliaries.contains(tokens[a].norm) { continue }
            }
            let objectStart = isDeathOf ? k + 2 : k + 1
            guard objectStart < limit else { continue }
            var object: (group: String, end: Int)? = nil
            if isKilling, SingleVictim.reflexives.contains(tokens[objectStart].norm) {
                object = ("people", objectStart + 1)
            } else {
                for j in objectStart..<min(limit, objectStart + 7) {
                    if let p = personPhrase(endingAt: j, lower: objectStart), p.start == objectStart {
                        // Not the head of a compound: "killed a man's son" is the son's death.
                        if j + 1 < limit, tokens[j + 1].text == "'" || tokens[j + 1].text == "’" { break }
                        // The longest phrase: "her 17-month-old son", not "her 17-month-old".
                        if j + 1 < limit, let longer = personPhrase(endingAt: j + 1, lower: objectStart), longer.start == objectStart {
                            object = (longer.group, j + 2)
                        } else {
                            object = (p.group, j + 1)
                        }
                        break
                    }
                    if let n = namedPerson(endingAt: j, lower: objectStart), n.start == objectStart, !(j + 1 < limit && isNameWord(tokens[j + 1])) {
                        if j + 1 < limit, tokens[j + 1].text == "'" || tokens[j + 1].text == "’" { break }
                        object = (n.group, j + 1); break
                    }
                }
            }
            guard let (group, end) = object else { continue }
            if (existing + out).contains(where: { m in m.start < end && objectStart < m.end || m.triggerAt == k }) { continue }
            out.append(Mention(figure: figure, group: group, value: 1, bound: .exact, start: k, end: end, triggerAt: k))
        }
        return out
    }
}

// MARK: Two victims killed together

extension Run {
    /// Two single persons joined by "and" who die together: "A man and his daughter were found
    /// dead", "a 51-year-old woman and her 6-year-old granddaughter both died", "killed her father
    /// and daughter", "killed his 4-year-old son and then himself", "left a woman and her
    /// five-year-old son dead". Killed people 2, in place of the one-person claims the sentence
    /// found inside the pair (returned apart from the mentions kept). Each side is a singular person phrase or a name; the second may be a
    /// bare person noun after a first with a determiner ("A woman and child").
    func pairsOfSingleVictims(in s: Range<Int>, found: [Mention]) -> (kept: [Mention], pair: Mention?) {
        let lower = s.lowerBound, limit = s.upperBound
        var pair: (start: Int, end: Int, trigger: Int)? = nil
        var theyCount: (start: Int, end: Int, trigger: Int, value: Double)? = nil
        /// A first side from `a` to the "and" at `j`: a person phrase or name, perhaps with a
        /// prepositional tail ("a local leader of the ruling party").
        func firstSide(from a: Int, before j: Int) -> Bool {
            for m in a..<j where person(endingAt: m, lower: a)?.start == a {
                if m == j - 1 { return true }
                guard ["of", "from", "in", "at"].contains(tokens[m + 1].norm) else { continue }
                if tokens[(m + 1)..<j].allSatisfy({ $0.kind == .word && trigger($0) == nil && !Lexicon.auxiliaries.contains($0.norm) }) { return true }
            }
            return false
        }
        /// A second side ending at `j`, with "and" before it: the start of the first side.
        func pairEnding(at j: Int) -> Int? {
            guard j > lower else { return nil }
            var second = person(endingAt: j, lower: lower)?.start
            if second == nil, tokens[j].kind == .word, group(tokens[j])?.1 == .singular || SingleVictim.personNouns.contains(tokens[j].norm) { second = j }
            guard let s2 = second, s2 - 2 >= lower, tokens[s2 - 1].norm == "and", let first = person(endingAt: s2 - 2, lower: lower) else { return nil }
            if second == j, !SingleVictim.determiners.contains(tokens[first.start].norm) { return nil }
            return first.start
        }
        for k in s where tokens[k].cachedCues.contains(.pair) {
            let word = tokens[k].norm
            // Passive or intransitive: "… were found dead", "… both died", "… were shot and killed".
            var isDeath = ["died", "killed", "slain", "murdered"].contains(word)
                || ["pronounced", "declared", "found"].contains(word) && k + 1 < limit && tokens[k + 1].norm == "dead"
                || word == "shot" && k + 1 < limit && tokens[k + 1].norm == "dead"
                || word == "shot" && k + 2 < limit && tokens[k + 1].norm == "to" && tokens[k + 2].norm == "death"
                || ["fatally", "mortally"].contains(word) && k + 1 < limit && tokens[k + 1].norm == "shot"
            if word == "killed", k - 2 >= lower, tokens[k - 1].norm == "and", tokens[k - 2].norm == "shot" { isDeath = false }
            if isDeath {
                var j = k - 1
                var plural = word == "died"
                while j > lower, tokens[j].kind == .word, ["were", "have", "been", "both", "later", "also", "then", "each", "shot", "and", "found"].contains(tokens[j].norm) {
                    if ["were", "have", "both"].contains(tokens[j].norm) { plural = true }
                    j -= 1
                }
                // The predicate's end: "shot to death" covers the count rules' one-person claims in it.
                let deathEnd = word == "shot" && k + 2 < limit && tokens[k + 1].norm == "to" ? k + 3 : k + 1
                if plural, let start = pairEnding(at: j) { pair = (start, deathEnd, k); break }
                // "A man and woman were taken to a hospital, where they later died", "The two victims
                // were transported to a hospital where they later died": the sentence's subject.
                if j > lower, tokens[j].norm == "they" {
                    // The subject opens the sentence or follows its saying verb ("Police said a man and woman …").
                    var opening = lower
                    if let say = (lower..<min(j, lower + 6)).first(where: { stemIn(tokens[$0], Lexicon.sayingVerbs) }) {
                        opening = say + 1 < j && tokens[say + 1].norm == "that" ? say + 2 : say + 1
                    }
                    if (opening..<j).contains(where: { pairEnding(at: $0) == opening }) { pair = (opening, k + 1, k); break }
                    let at = tokens[opening].norm == "the" ? opening + 1 : opening
                    if let q = Numbers.parse(tokens, at, limit: j), let v = q.value, v >= 2, v == v.rounded(), q.end < j,
                       group(tokens[q.end])?.1 == .plural || ["victims", "of"].contains(tokens[q.end].norm) {
                        theyCount = (opening, k + 1, k, v); break
                    }
                }
            }
            // Active: "killed her father and daughter", "killed his son and then himself", "left a woman and her son dead".
            guard SingleVictim.killVerbs.contains(word) || word == "left" else { continue }
            if k > lower, SingleVictim.passiveAuxiliaries.contains(tokens[k - 1].norm) { continue }
            var j = k + 1
            while j < min(limit, k + 14) {
                if tokens[j].norm == "and" || tokens[j].kind == .punct && tokens[j].text != "-" { break }
                j += 1
            }
            guard j < limit, tokens[j].norm == "and", firstSide(from: k + 1, before: j) else { continue }
            var e = j + 1
            if e < limit, tokens[e].norm == "then" { e += 1 }
            var end: Int? = nil
            if word != "left", e < limit, SingleVictim.reflexives.contains(tokens[e].norm) { end = e + 1 }
            else {
                for m in e..<min(limit, e + 7) {
                    let second = person(endingAt: m, lower: e)?.start == e
                        || m == e && tokens[m].kind == .word && (group(tokens[m])?.1 == .singular || SingleVictim.personNouns.contains(tokens[m].norm))
                    if second, !(m + 1 < limit && person(endingAt: m + 1, lower: e)?.start == e) { end = m + 1; break }
                }
            }
            guard var pairEnd = end else { continue }
            if word == "left" {
                guard pairEnd < limit, tokens[pairEnd].norm == "dead" else { continue }
                pairEnd += 1
            }
            pair = (k, pairEnd, k); break
        }
        // "X was killed, alongside his driver": one death and a companion.
        if pair == nil, let single = found.first(where: { $0.figure == "killed" && $0.value == 1 && $0.bound == .exact }) {
            for a in min(single.end, limit)..<limit where tokens[a].norm == "alongside" || ["along", "together"].contains(tokens[a].norm) && a + 1 < limit && tokens[a + 1].norm == "with" {
                let from = tokens[a].norm == "alongside" ? a + 1 : a + 2
                for m in from..<min(limit, from + 7) where person(endingAt: m, lower: from)?.start == from {
                    if m + 1 < limit, person(endingAt: m + 1, lower: from)?.start == from { continue }
                    if m + 1 < limit, tokens[m + 1].norm == "and" { break }
                    pair = (single.start, m + 1, single.triggerAt ?? single.start)
                    break
                }
                break
            }
        }
        if let c = theyCount {
            if found.contains(where: { $0.figure == "killed" && $0.start < c.end && c.start < $0.end }) { return (found, nil) }
            return (found, Mention(figure: "killed", group: "people", value: c.value, bound: .exact, start: c.start, end: c.end, triggerAt: c.trigger))
        }
        guard let (start, end, trigger) = pair else { return (found, nil) }
        let kept = found.filter { m in !(m.figure == "killed" && m.value == 1 && m.start >= start - 1 && m.end <= end + 1) }
        if kept.contains(where: { $0.figure == "killed" && $0.start < end && start < $0.end }) { return (found, nil) }
        return (kept, Mention(figure: "killed", group: "people", value: 2, bound: .exact, start: start, end: end, triggerAt: trigger))
    }
}

// MARK: One victim who is wounded

extension SingleVictim {
    /// Participles of a wound after a passive auxiliary: "was wounded", "has been hospitalized".
    static let woundParticiples: Set<String> = ["wounded", "injured", "hurt", "grazed", "hospitalized", "hospitalised"]
    /// Adverbs between the auxiliary and the participle: "was critically wounded", "was accidentally shot".
    static let woundAdverbs: Set<String> = ["accidentally", "critically", "seriously", "severely", "badly", "slightly", "gravely", "being", "got", "get"]
    /// Words after the wound in its sentence that make it the victim's death: "was wounded and later died".
    static let deathWords: Set<String> = ["died", "dies", "dead", "killed", "succumbed", "fatally", "mortally"]
    /// Wound nouns after "suffered a …": "suffered a gunshot wound to the leg".
    static let gunshotWords: Set<String> = ["gunshot", "bullet", "graze"]
    /// Passive verbs of being hit: a wound where a firearm did it ("struck by a stray bullet").
    static let hitVerbs: Set<String> = ["struck", "hit"]
    static let firearmWords: Set<String> = ["bullet", "bullets", "gunfire", "gunshot", "gunshots", "shot", "shots", "shooting", "round", "rounds", "pellet", "crossfire", "fired"]
    static let woundNouns: Set<String> = ["wound", "wounds", "injury", "injuries"]
    /// Words saying a wounded person lives: "is expected to survive", "in stable condition",
    /// "non-life-threatening", "minor injuries".
    static let survivalWords: Set<String> = ["survive", "survived", "recover", "recovering", "recovered", "recovery", "stable", "minor", "non", "released"]
    /// The words ``Run/singleVictimInjuries(in:previous:existing:)`` starts from.
    static let woundCues: Set<String> = woundParticiples.union(hitVerbs).union(["shot", "with", "suffered", "sustained", "suffering"])
    /// Words that may open the subject of a new clause after "and"/"but": "was hurt and the boy
    /// was killed". Not a pronoun, which most often refers back to the one wounded ("was wounded
    /// and he died at the hospital"), nor "police", who report that death ("and police said he died").
    static let clauseSubjects: Set<String> = determiners
    /// Every cue word with the rules it may start.
    static let cues: [String: VictimCues] = {
        var d: [String: VictimCues] = [:]
        for (words, cue) in [(objectCues, VictimCues.object), (pairCues, .pair), (woundCues, .wound), (Run.warWords, .war), (Run.cumulativeWords, .cumulative)] {
            for w in words { d[w, default: []].insert(cue) }
        }
        return d
    }()
}

extension Run {
    /// A single victim who is wounded and not said to die: one injured, of the group of the
    /// subject's noun (or of the pronoun's antecedent), resolved as ``singleVictimDeaths`` does:
    /// "The 5-year-old was shot in the leg", "a 14-year-old was wounded", "the boy shot himself in
    /// the finger", "She suffered a gunshot wound to her foot", "He was hospitalized". A passive
    /// "wounded", "injured", "hurt", "grazed" or "hospitalized" counts in any report unless its
    /// sentence goes on to a death; "shot", "shot himself" and "suffered a gunshot wound" only in
    /// a report that tells of no death (there, the one shot may be the one who died).
    func singleVictimInjuries(in s: Range<Int>, previous: Range<Int>?, existing: [Mention]) -> [Mention] {
        var out: [Mention] = []
        let lower = s.lowerBound, limit = s.upperBound
        for k in s where tokens[k].cachedCues.contains(.wound) {
            let word = tokens[k].norm
            var end = k + 1
            var passive = true
            if SingleVictim.woundParticiples.contains(word) {
                if clauseTellsOfDeath(end, limit: limit) { continue }
            } else if SingleVictim.hitVerbs.contains(word) {
                // "was struck in the leg by a stray bullet", "was hit in the shoulder": shot, if a
                // firearm is named or the person lives.
                guard !reportTellsOfDeath || statesSurvival(k + 1..<limit),
                      tokens[s].contains(where: { SingleVictim.firearmWords.contains($0.norm) }) || statesSurvival(k + 1..<limit),
                      k + 1 < limit, ["in", "by"].contains(tokens[k + 1].norm) else { continue }
            } else if word == "shot" {
                // Where someone dies, the one shot may be the one who died, unless the sentence says they survive.
                guard !reportTellsOfDeath || statesSurvival(k + 1..<limit) else { continue }
                if k + 1 < limit, ["himself", "herself"].contains(tokens[k + 1].norm) { passive = false; end = k + 2 }
                // "was shot at" missed; "was shot down" is an aircraft.
                else if k + 1 < limit, ["at", "down"].contains(tokens[k + 1].norm) { continue }
            } else if word == "with" {
                // "found the girl with a gunshot wound to her leg", "arrived at the hospital with a gunshot wound",
                // "was transported to the hospital with non-life-threatening injuries".
                guard k + 1 < limit, let wound = (k + 1..<min(limit, k + 8)).first(where: { SingleVictim.woundNouns.contains(tokens[$0].norm) }),
                      !tokens[(k + 1)..<wound].contains(where: { $0.kind == .punct && $0.text != "-" }) else { continue }
                let gunshot = ["a", "an"].contains(tokens[k + 1].norm) && SingleVictim.gunshotWords.contains(tokens[wound - 1].norm)
                guard gunshot && !reportTellsOfDeath || statesSurvival(k + 1..<wound),
                      let (group, start) = nearestPerson(before: k, lower: max(lower, k - 12)) else { continue }
                if (existing + out).contains(where: { m in m.start <= start && start < m.end || m.figure == "injured" && m.triggerAt == k }) { continue }
                out.append(Mention(figure: "injured", group: group, value: 1, bound: .exact, start: start, end: wound + 1, triggerAt: k))
                continue
            } else if word == "suffered" || word == "sustained" || word == "suffering" {
                guard !reportTellsOfDeath,
                      let wound = (k + 1..<min(limit, k + 6)).first(where: { ["wound", "wounds"].contains(tokens[$0].norm) }),
                      tokens[wound - 1].kind == .word, SingleVictim.gunshotWords.contains(tokens[wound - 1].norm) else { continue }
                passive = false; end = wound + 1
            } else {
                continue
            }
            guard let (j, sawPassive) = subjectEnd(before: k, lower: lower, skipping: SingleVictim.woundAdverbs,
                                                   passives: ["was", "is", "been", "being", "got", "get"]),
                  passive == sawPassive else { continue }
            // "found the gun and accidentally shot himself": whoever it was, one person is wounded.
            let reflexive = word == "shot" && !passive
            guard let (group, start) = subjectPerson(endingAt: j, in: s, previous: previous) ?? (reflexive ? ("people", k) : nil),
                  !isQuestioned(start, lower: lower) else { continue }
            // Counted already: "A man was wounded" is a count of one.
            if (existing + out).contains(where: { m in
                m.start <= j && j < m.end || m.start <= start && start < m.end || m.triggerAt == k || (m.start..<m.end).contains(k)
            }) { continue }
            out.append(Mention(figure: "injured", group: group, value: 1, bound: .exact, start: start, end: end, triggerAt: k))
        }
        return out
    }
}

// MARK: Single persons wounded together

extension SingleVictim {
    /// Words between a list of wounded persons and its participle: "were both shot", "have been
    /// critically wounded", "were each shot".
    static let togetherBetween: Set<String> = woundAdverbs.union(["were", "are", "have", "had", "been", "both", "each", "all", "also", "reportedly"])
    /// The words among those that make the subject plural.
    static let pluralMarkers: Set<String> = ["were", "are", "have", "both", "each", "all"]
}

extension Run {
    /// Single persons joined by "and" (and commas) who are wounded together: "A man and a woman
    /// were shot and wounded", "A 3-year-old girl and a 19-year-old man were injured", "a
    /// 16-year-old girl, a 17-year-old girl, a 20-year-old woman and a 20-year-old man were
    /// shot". Injured N of the sides' common group (people when they differ), in place of the
    /// one-person claims found inside the list. A plural verb (were, have, both, each) is needed;
    /// the conditions are a single wounded victim's: a participle of wounding unless the clause
    /// goes on to a death, "shot" only in a report that tells of no death or where the clause says
    /// they live. Each side is a singular person phrase or a name; the last may be a bare person
    /// noun after a side with a determiner ("A man and child were injured").
    func woundedTogether(in s: Range<Int>, found: [Mention]) -> (kept: [Mention], together: Mention?) {
        let lower = s.lowerBound, limit = s.upperBound
        for k in s where tokens[k].cachedCues.contains(.wound) {
            let word = tokens[k].norm
            if SingleVictim.woundParticiples.contains(word) {
                if clauseTellsOfDeath(k + 1, limit: limit) { continue }
            } else if word == "shot" {
                guard !reportTellsOfDeath || statesSurvival(k + 1..<limit) else { continue }
                if k + 1 < limit, ["at", "down", "dead", "to"].contains(tokens[k + 1].norm) || clauseTellsOfDeath(k + 1, limit: limit) { continue }
            } else {
                continue
            }
            // Back over auxiliaries and adverbs; a plural verb is needed.
            var j = k - 1
            // "were shot and wounded": the participle after "shot and".
            if j - 1 > lower, tokens[j].norm == "and", tokens[j - 1].norm == "shot" { j -= 2 }
            var plural = false
            while j > lower, tokens[j].kind == .word, SingleVictim.togetherBetween.contains(tokens[j].norm) {
                if SingleVictim.pluralMarkers.contains(tokens[j].norm) { plural = true }
                j -= 1
            }
            guard plural, j > lower else { continue }
            // The sides, from the last back to the first.
            var sides: [(group: String, start: Int)] = []
            var end = j
            var sawAnd = false
            while end >= lower, sides.count < 12 {
                var side = person(endingAt: end, lower: lower)
                if side == nil, sides.isEmpty, tokens[end].kind == .word, tokens[end].script == .latin,
                   let g = group(tokens[end]).flatMap({ $0.1 == .singular && $0.0 != "others" ? $0.0 : nil })
                    ?? (SingleVictim.personNouns.contains(tokens[end].norm) ? (tokens[end].norm == "toddler" ? "children" : "people") : nil) {
                    // A bare noun after "and" ("a man and child"): only with a determiner on the side before.
                    if end - 2 >= lower, tokens[end - 1].norm == "and", let first = person(endingAt: end - 2, lower: lower),
                       SingleVictim.determiners.contains(tokens[first.start].norm) {
                        side = (g, end)
                    }
                }
                guard let sideFound = side else { break }
                sides.append(sideFound)
                let b = sideFound.start - 1
                guard b > lower else { break }
                if tokens[b].norm == "and", !sawAnd {
                    sawAnd = true
                    end = b - 1
                    if end > lower, tokens[end].text == "," { end -= 1 }   // "X, Y, and Z"
                } else if tokens[b].text == ",", sawAnd {
                    end = b - 1
                } else {
                    break
                }
            }
            guard sawAnd, sides.count >= 2, let first = sides.last, !isQuestioned(first.start, lower: lower) else { continue }
            // A comma list reaching past its first person ("On Friday, a man and a woman …") stops at the persons.
            let groups = Set(sides.map(\.group))
            let group = groups.count == 1 ? groups.first! : "people"
            let start = first.start, stop = k + 1
            // A count inside the list ("Two children and a man were hurt") is the count rules'.
            if found.contains(where: { m in m.start < stop && start < m.end && !(m.figure == "injured" && m.value == 1 && m.bound == .exact) && m.figure != "killed" }) { continue }
            let kept = found.filter { m in !(m.figure == "injured" && m.value == 1 && m.bound == .exact && m.start >= start - 1 && m.start < stop) }
            return (kept, Mention(figure: "injured", group: group, value: Double(sides.count), bound: .exact, start: start, end: stop, triggerAt: k))
        }
        return (found, nil)
    }
}

// MARK: Aircraft restated

extension Run {
    /// A count of a generic aircraft noun with no kind word (`طائرات 4`, `4 aircraft`) restating
    /// a count of specific aircraft stated before in the report with the same number ("four Apache
    /// helicopters" … "4 aircraft") is that count again: the same figure and group, not a claim of
    /// its own kind. Its speaker may differ (then it is that speaker's claim of the same figure);
    /// from the same speaker it merges with the earlier claim. With no earlier count of that
    /// number there is no claim: a generic aircraft may be a drone, a jet or a helicopter.
    func restatedAircraft(in s: Range<Int>, earlier: [(figure: String, group: String?, value: Double)], existing: [Mention]) -> [Mention] {
        guard !earlier.isEmpty else { return [] }
        var out: [Mention] = []
        let lower = s.lowerBound, limit = s.upperBound
        for k in s where tokens[k].kind == .word && stemIn(tokens[k], Things.aircraftNouns) && tokens[k].cachedThing == nil {
            // Specific after all: "طائرات مروحية", "aircraft carrier" is no aircraft count here either.
            if k + 1 < limit, tokens[k + 1].cachedThing != nil || stemIn(tokens[k + 1], Things.warplaneWords) { continue }
            if tokens[k].script == .latin, !["aircraft", "planes", "choppers"].contains(tokens[k].norm) { continue }
            var found: (Double, Int, Int)? = nil
            if let q = Numbers.parse(tokens, k + 1, limit: limit), let v = q.value, tokens[k].script == .arabic { found = (v, k, q.end) }
            else {
                var a = k - 1
                while a > lower, k - a < 3, tokens[a].kind == .word, Numbers.parse(tokens, a, limit: limit) == nil { a -= 1 }
                if a >= lower, let q = Numbers.parse(tokens, a, limit: limit), q.end <= k, q.end >= k - 1, let v = q.value { found = (v, a, k + 1) }
            }
            guard let (value, start, end) = found, value >= 1, value == value.rounded(),
                  let match = earlier.last(where: { $0.value == value }) else { continue }
            if (existing + out).contains(where: { $0.start < end && start < $0.end }) { continue }
            out.append(Mention(figure: match.figure, group: match.group, value: value, bound: .exact, start: start, end: end))
        }
        return out
    }
}
