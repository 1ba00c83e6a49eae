import Events
import Foundation
import Testing
@testable import Extraction

/// Extracts from one sentence and returns its claims as "figure group value bound" lines.
func claims(_ text: String, published: PartialTime = .unknown) -> [String] {
    RuleExtractor().extract(text: ReportText.normalise(text), published: published).claims.map {
        "\($0.figure) \($0.group ?? "-") \($0.value.map { String(Int($0)) } ?? "null") \($0.bound.rawValue)"
    }
}

@Suite struct NumberTests {
    @Test(arguments: [
        ("قتل 13 شخصا", "killed people 13 exact"),
        ("قتل ١٣ شخصا", "killed people 13 exact"),
        ("مقتل ثلاثة عشر شخصا", "killed people 13 exact"),
        ("Thirteen people were killed", "killed people 13 exact"),
        ("twenty-five people were killed", "killed people 25 exact"),
        ("أوقعت أكثر من 15 ألف قتيل", "killed people 15000 more_than"),
        ("وقتل سبعة وثلاثون شخصا", "killed people 37 exact"),
        ("Dozens of people were injured", "injured people 10 at_least"),
        ("أسفرت عن عشرات القتلى", "killed people 10 at_least"),
        ("استشهاد وإصابة عدد من المدنيين", "killed civilians null some"),
        ("killed 1,200 people", "killed people 1200 exact"),
    ])
    func numbersInBothLanguages(text: String, expected: String) {
        // Given a sentence with a number written one way; When extracted; Then the value is read
        #expect(claims(text).contains(expected), "\(claims(text))")
    }

    @Test func arabicDualsAreTwo() {
        // Given duals of counted nouns
        // When extracted / Then each is two
        #expect(claims("مقتل 9 أشخاص على الأقل بينهم طفلين وامرأة").contains("killed children 2 exact"))
        #expect(claims("مقتل 9 أشخاص على الأقل بينهم طفلين وامرأة").contains("killed women 1 exact"))
        #expect(claims("قامت مروحياتهم باستهداف منزلين وتدميرهما").contains("houses_destroyed - 2 exact"))
        #expect(claims("قتل المتمردون جنديين").contains("killed soldiers 2 exact"))
    }

    @Test func hugeNumbersAreDroppedNotOverflowed() {
        // Given counts beyond 2^53 − 1
        let result = claims("killed 99999999999999999999999 people and 9007199254740993 others")
        // Then no claim carries them
        #expect(result.allSatisfy { !$0.contains("99999") && !$0.contains("9007199254740993") })
        // and the largest storable count still reads
        #expect(claims("killed 9007199254740991 people").contains("killed people 9007199254740991 exact"))
    }

    @Test func datesAndDistancesAreNotCasualties() {
        #expect(claims("وأسفر الهجوم الذي وقع في بلدة تبعد نحو 175 كيلومترا عن إصابة 45 شخصا") == ["injured people 45 exact"])
        #expect(claims("The attack on 27 October 2019 was condemned.").isEmpty)
    }
}

@Suite struct BoundAndNegativeTests {
    @Test(arguments: [
        ("At least 12 people died", "killed people 12 at_least"),
        ("مقتل 9 أشخاص على الأقل", "killed people 9 at_least"),
        ("more than 20 people were wounded", "injured people 20 more_than"),
        ("ذهب ضحيته أكثر من ١٠ شهداء", "killed people 10 more_than"),
        ("killed about 37 people", "killed people 37 about"),
        ("مقتل نحو عشرين عنصراً", "killed militants 20 about"),
        ("up to 40 civilians were killed", "killed civilians 40 up_to"),
        ("قتل ما يصل إلى 15 مسلحاً", "killed militants 15 up_to"),
        ("The army said no more than three soldiers were killed", "killed soldiers 3 at_most"),
        ("وقالت القيادة إن حصيلة القتلى لا تتجاوز ثلاثة شهداء", "killed people 3 at_most"),
    ])
    func bounds(text: String, expected: String) {
        #expect(claims(text).contains(expected), "\(claims(text))")
    }

    @Test func negativesAreZeroForTheirGroup() {
        // Given statements that nobody (of a group) was hurt
        #expect(claims("مؤكداً نجاح المهمة، وعدم سقوط ضحايا أميركيين").contains("killed us_personnel 0 exact"))
        #expect(claims("The mission succeeded and no American victims fell").contains("killed us_personnel 0 exact"))
        #expect(claims("وقال البيان إنه لا توجد مؤشرات على مقتل مدنيين في الغارة").contains("killed civilians 0 exact"))
        #expect(claims("There were no indications that civilians were killed").contains("killed civilians 0 exact"))
        #expect(claims("دون وقوع إصابات أو أضرار").contains("injured people 0 exact"))
        // But absence of information is not a zero
        #expect(claims("فيما لم ترد تقارير عن سقوط قتلى أو جرحى").isEmpty)
        #expect(claims("سقط صاروخان في منطقة مفتوحة، ولم يبلغ عن وقوع إصابات.").isEmpty)
    }

    @Test func aCountAfterANegationIsBoundedNotDenied() {
        // Given a negation that bounds a count
        // Then it is no zero claim
        #expect(claims("وقالت القيادة إن حصيلة القتلى لا تتجاوز ثلاثة شهداء") == ["killed people 3 at_most"])
        #expect(claims("The army said no more than three soldiers were killed") == ["killed soldiers 3 at_most"])
        // while "no one" is still a zero
        #expect(claims("No one was injured in the attack") == ["injured people 0 exact"])
    }

    @Test func betweenTwoCountsIsOneRange() throws {
        // Given a range in either language
        for text in ["وأفادت مصادر محلية بمقتل ما بين 5 و7 جنود", "Between 5 and 7 soldiers were killed", "حيث قتل بين 5 و 7 جنود"] {
            let r = RuleExtractor().extract(text: ReportText.normalise(text))
            // Then it is one claim of the group named after the second count, low and high stated
            #expect(r.claims.count == 1, "\(text)")
            let c = try #require(r.claims.first)
            #expect(c.figure == "killed" && c.group == "soldiers" && c.bound == .range && c.value == nil && c.low == 5 && c.high == 7, "\(text)")
        }
        // and two ranges of two figures stay apart
        #expect(claims("The fighting killed between 20 and 25 people, and wounded between 3 and 4 others.") == ["killed people null range", "injured people null range"])
        // but a count followed by a larger one that is not a range is left alone
        #expect(claims("Clashes between 2 groups killed 7 people").contains("killed people 7 exact"))
    }

    @Test func seizedPeopleAreArrestedAndMournedOnesKilled() {
        #expect(claims("تمكنت الأجهزة الأمنية من ضبط 3 أشخاص") == ["arrested people 3 exact"])
        #expect(claims("ونعى الحزب ثلاثة من مقاتليه سقطوا في الجنوب") == ["killed militants 3 exact"])
        // a seized count of things is no arrest
        #expect(claims("وضبط 14 قطعة سلاح") == [])
    }

    @Test func mostOfThemNamesUnnumberedParts() {
        #expect(claims("أسفرت الغارات عن مقتل حوالي 46 شخصا معظمهم من النساء والأطفال")
            == ["killed people 46 about", "killed women null some", "killed children null some"])
        #expect(claims("The strikes killed 46 people, mostly women.").contains("killed women null some"))
    }

    @Test func combinedPhrasingIsMarked() {
        let r = RuleExtractor().extract(text: "بالإضافة إلى مقتل وجرح ستة من أفراد المقاومة")
        #expect(r.claims.count == 2)
        #expect(r.claims.allSatisfy { $0.combined && $0.bound == .upTo && $0.value == 6 })
        #expect(Set(r.claims.map(\.figure)) == ["killed", "injured"])
    }
}

@Suite struct AttributionTests {
    @Test func relayChainsNearestFirst() {
        // Given "Reuters cited the Syrian Civil Defense"
        let en = RuleExtractor().extract(text: "Reuters cited the so called “the Syrian Civil Defense” saying “at least 13 people, among them 6 children died”.")
        // Then the Civil Defense originates it and Reuters relays it
        let c = try! #require(en.claims.first { $0.value == 13 })
        #expect(c.originator == "syrian-civil-defense")
        #expect(c.via == ["reuters"])
        #expect(en.claims.contains { $0.group == "children" && $0.value == 6 && $0.isSubCount })
        let ar = RuleExtractor().extract(text: "ونقلت رويترز عن “الدفاع المدني السوري”، “مقتل 13 على الأقل بينهم 6 أطفال باشتباكات بعد الانزال الأميركي”.")
        #expect(ar.claims.first { $0.value == 13 }?.originator == "syrian-civil-defense")
        #expect(ar.claims.first { $0.value == 13 }?.via == ["reuters"])
    }

    @Test func spokespeopleSpeakForTheirOrganisation() {
        let r = RuleExtractor().extract(text: "من جهته، قال متحدث باسم وزارة الدفاع الأميركية، جون كيربي، إن المهمة نجحت، مؤكداً \"عدم سقوط ضحايا أميركيين\".")
        let c = try! #require(r.claims.first)
        #expect(c.originator == "us-department-of-defense")
        #expect(c.via == ["john-kirby"])
        #expect(r.sources.first { $0.id == "john-kirby" }?.affiliation == "us-department-of-defense")
    }

    @Test func anonymousCollectivesAreScopedSources() {
        let r = RuleExtractor().extract(text: "و بحسب ما أفاد ناشطون بأنّ القوات قامت بتحرير رهينتين.")
        #expect(r.claims.first?.originator == "activists")
        #expect(r.claims.first?.figure == "hostages_freed")
        #expect(r.sources.first { $0.id == "activists" }?.scopedToReport == true)
    }

    @Test func aSpeakerGoesOnForTwoSentencesOfItsParagraph() {
        // Given a paragraph whose first sentence names the speaker
        let text = "وبحسب المرصد السوري، فإن المروحيات استهدفت المنطقة.\nوشارك الطيران بأكثر من 5 ضربات.\n\nوعملية الانزال تمت عبر 4 طائرات مروحية."
        let r = RuleExtractor().extract(text: text)
        // Then a sentence of the same paragraph with no speaker of its own is the speaker's
        #expect(r.claims.first { $0.figure == "strikes" }?.originator == "syrian-observatory-for-human-rights")
        // And after a blank line the report speaks in its own voice again
        #expect(r.claims.first { $0.figure == "helicopters" }?.originator == ExtractedClaim.outletOriginator)
        // And a new speaker takes over within a paragraph
        let two = RuleExtractor().extract(text: "Police said two men were shot. Witnesses said three people were hurt. One man died.")
        #expect(two.claims.first { $0.figure == "killed" }?.originator == "residents")
        // And the carry fades: the third sentence after the speaker is the report's own voice
        let far = RuleExtractor().extract(text: "Witnesses said 3 people were injured. The road was closed. Officers searched the area. 4 soldiers were killed.")
        #expect(far.claims.first { $0.figure == "injured" }?.originator == "residents")
        #expect(far.claims.first { $0.figure == "killed" }?.originator == ExtractedClaim.outletOriginator)
    }

    @Test func anOrganisationTheGazetteerDoesNotKnowSpeaksWhereASpeakerStands() throws {
        // Given organisations the gazetteer does not know, as the subject of a saying verb
        let ar = RuleExtractor().extract(text: "من جانبه، قال المركز الإعلامي لمحور تعز العسكري، في بيان، إن القصف أسفر عن مقتل خمسة مدنيين.")
        // Then each is the originator, named as the report writes it
        let c = try #require(ar.claims.first { $0.value == 5 })
        #expect(c.originator == "named:مركز-اعلامي-لمحور-تعز-عسكري")
        #expect(ar.sources.first { $0.id == c.originator }?.name == "المركز الإعلامي لمحور تعز العسكري")
        let spokesman = RuleExtractor().extract(text: "وقال متحدث باسم وزارة حقوق الإنسان في الحكومة لـ\"العربي الجديد\" إن عدد القتلى ارتفع إلى ستة مدنيين.")
        #expect(spokesman.claims.first?.originator == "named:وزاره-حقوق-انسان")
        let en = RuleExtractor().extract(text: "The Syrian Democratic Forces (SDF) Media Center said the shelling killed three civilians.")
        #expect(en.sources.first { $0.id == en.claims.first?.originator }?.name == "Syrian Democratic Forces (SDF) Media Center")
        let police = RuleExtractor().extract(text: "The Houston Police Department said two men were killed.")
        #expect(police.claims.first?.originator == "named:houston-police-department")
        #expect(police.sources.first { $0.id == "named:houston-police-department" }?.kind == .government)
        // But a known source named inside the phrase speaks itself
        let known = RuleExtractor().extract(text: "وقال المكتب الإعلامي للمرصد السوري لحقوق الإنسان إن 4 مدنيين قتلوا.")
        #expect(known.claims.first?.originator == "syrian-observatory-for-human-rights")
        // and an organisation that is only mentioned is no speaker
        let mentioned = RuleExtractor().extract(text: "The Health Ministry building was hit and 4 people were killed.")
        #expect(mentioned.claims.first?.originator == ExtractedClaim.outletOriginator)
    }

    @Test func aStatementCarriedByAnAgencyIsRelayedByIt() throws {
        // Given a denial whose speaker is quoted and whose statement an agency carried
        let r = RuleExtractor().extract(text: "في المقابل، نفى \"مركز المصالحة الروسي\" في قاعدة حميميم، في بيان نقلته وكالة \"سبوتنيك\"، استهداف أي منشآت مدنية تابعة لـ\"هيئة تحرير الشام\"، وقال إن الطيران قتل \"ما يصل إلى 15 مسلحاً\"، مؤكداً عدم سقوط ضحايا في صفوف المدنيين.")
        // Then the speaker originates the figures and the agency relays them
        let militants = try #require(r.claims.first { $0.group == "militants" })
        #expect(militants.originator == "named:مركز-مصالحه-روسي" && militants.via == ["sputnik"])
        #expect(militants.bound == .upTo && militants.value == 15)
        // and the zero names its group further on ("في صفوف المدنيين")
        #expect(r.claims.contains { $0.figure == "killed" && $0.group == "civilians" && $0.value == 0 && $0.originator == militants.originator })
        // and "belonging to" a group is no speaker
        #expect(!r.sources.contains { $0.name.contains("هيئة تحرير الشام") })
    }

    @Test func aDatelineCreditIsNoSpeaker() {
        // Given a wire story's dateline credit and a speaker after the figure
        let r = RuleExtractor().extract(text: "AMMAN, Feb 20 (Reuters) - Russian jets struck a market, killing at least 10 civilians, the White Helmets rescue service said.")
        // Then the speaker is the one who said it, not the agency that wrote the story
        #expect(r.claims.first?.originator == "syrian-civil-defense")
        #expect(RuleExtractor().extract(text: "دمشق (رويترز) - قتل 5 مدنيين، بحسب الدفاع المدني السوري.").claims.first?.originator == "syrian-civil-defense")
    }

    @Test func anAnonymousSourceIsNamedInTheNumberTheReportUses() {
        #expect(RuleExtractor().extract(text: "ونقلت وكالة الأناضول عن مصدر طبي أن المستشفى استقبل ثلاثة قتلى.").claims.first?.originator == "medical-source")
        #expect(RuleExtractor().extract(text: "وقالت مصادر طبية إن المستشفى استقبل ثلاثة قتلى.").claims.first?.originator == "medical-sources")
    }

    @Test func userGazetteerExtendsTheBuiltIn() throws {
        // Given a user file naming a new monitor with an Arabic alias
        let user = try SourceGazetteer(tsv: "# mine\nairwars\tmonitor\tAirwars\t\tإيروورز|Air Wars\n")
        let x = RuleExtractor(gazetteer: SourceGazetteer.builtIn.merging(user))
        // When a report cites it
        let r = x.extract(text: "وقالت إيروورز إن 5 مدنيين قتلوا.")
        // Then it is the originator
        #expect(r.claims.first?.originator == "airwars")
        #expect(throws: GazetteerError.self) { try SourceGazetteer(tsv: "bad id!\tmonitor\tX") }
        #expect(throws: GazetteerError.self) { try SourceGazetteer(tsv: "x\tnot-a-kind\tX") }
    }
}

@Suite struct IncidentTests {
    @Test func relativeDatesResolveAgainstPublication() throws {
        let x = RuleExtractor()
        let t = try PartialTime.parse("2023-07-10")
        let r = x.extract(text: "أعلنت القيادة المركزية الأميركية أمس الأحد أنها نفذت غارة.", published: t)
        #expect(r.incident.date == PartialTime(time: "2023-07-09", precision: .day))
        let r2 = x.extract(text: "Officials said yesterday, Sunday, that a raid took place in Atmeh.", published: try PartialTime.parse("2023-07-11"))
        #expect(r2.incident.date == PartialTime(time: "2023-07-09", precision: .day))
        #expect(r2.incident.placeKey == "atmeh")
        #expect(x.extract(text: "أمس الأحد", published: .unknown).incident.date == .unknown)
    }

    @Test func placesAreKeyedAcrossScriptsAndSpellings() {
        let x = RuleExtractor()
        for text in ["إنزال قرب بلدة أطمة", "إنزال قرب منطقة آطمة", "a raid near Atmeh", "an airdrop near Aṭma"] {
            #expect(x.extract(text: text).incident.placeKey == "atmeh", "\(text)")
        }
    }

    @Test func resolutionAttachesSameIncidentAndOpensOthers() throws {
        let day = try PartialTime.parse("2022-02-03")
        let known = [KnownIncident(id: "atmeh-raid-2022-02-03", kind: "raid", placeKey: "atmeh", date: day)]
        let same = IncidentDescriptor(kind: "raid", place: "Atmeh", placeKey: "atmeh", date: try PartialTime.parse("2022-02-04"))
        #expect(IncidentResolver.resolve(same, known: known) == .attach(incidentID: "atmeh-raid-2022-02-03"))
        let later = IncidentDescriptor(kind: "raid", place: "Atmeh", placeKey: "atmeh", date: try PartialTime.parse("2022-03-04"))
        #expect(IncidentResolver.resolve(later, known: known).incidentID != "atmeh-raid-2022-02-03")
        let elsewhere = IncidentDescriptor(kind: "raid", place: "al-Kabr", placeKey: "al-kabr", date: .unknown)
        guard case .open(let opened) = IncidentResolver.resolve(elsewhere, known: known) else { Issue.record("expected a new incident"); return }
        #expect(opened.incidentID == "al-kabr-raid")
    }

    @Test func backgroundFiguresStayOffTheMainIncident() throws {
        let text = "أكدت مصادر محلية مقتل 5 مدنيين في إنزال قرب أطمة اليوم الخميس.\nوفي أكتوبر 2019، أسفرت غارة قرب جرابلس عن مقتل 3 أشخاص."
        let r = RuleExtractor().extract(text: text, published: try PartialTime.parse("2022-02-03"))
        #expect(r.mainClaims.map(\.value) == [5])
        #expect(r.claims.contains { $0.incident == .background && $0.value == 3 })
    }
}

@Suite struct RulesOfExtraction2Tests {
    func first(_ text: String, _ figure: String) -> ExtractedClaim? {
        RuleExtractor().extract(text: ReportText.normalise(text)).claims.first { $0.figure == figure }
    }

    @Test func aircraftLossesAreCountedOnce() {
        // Given a crash, a downing and found wreckage, in a report that names the coalition
        let crash = RuleExtractor().extract(text: "The coalition raid used four helicopters. The New York Times reported that one of the helicopters crashed in Syria.")
        // Then the lost aircraft is aircraft_lost, not a second count of helicopters taking part
        #expect(crash.claims.contains { $0.figure == "aircraft_lost" && $0.value == 1 && $0.group == "coalition" && $0.originator == "the-new-york-times" })
        #expect(!crash.claims.contains { $0.figure == "helicopters" && $0.value == 1 })
        #expect(claims("شارك التحالف في العملية، وأفادت وسائل إعلام بالعثور على حطام طائرة أميركية").contains("aircraft_lost coalition 1 at_least"))
        #expect(claims("وكانت صحيفة نيويورك تايمز قد تحدثت عن تحطم إحدى الطائرات الأميركية").contains("aircraft_lost coalition 1 exact"))
        // and helicopters merely taking part are not lost
        #expect(claims("نفذت العملية 4 طائرات مروحية تابعة للتحالف").contains("helicopters coalition 4 exact"))
    }

    @Test func sourceNounsGluedToTheNextWordAreSplit() {
        // Given "مصادرعن" typed without a space
        let r = RuleExtractor().extract(text: "وتحدثت مصادرعن سقوط 13 مدنيا في القصف، بينهم 6 أطفال.")
        // Then the sources speak, and the quote is still an exact span
        let c = try! #require(r.claims.first { $0.value == 13 })
        #expect(c.originator == "sources" && c.group == "civilians" && c.figure == "killed")
        #expect(r.claims.contains { $0.group == "children" && $0.value == 6 && $0.isSubCount })
    }

    @Test func sourcesNamedInsideReportedSpeechDoNotSpeak() {
        // Given a spokesman quoting what Central Command did
        let r = RuleExtractor().extract(text: "قال متحدث باسم وزارة الدفاع الأميركية إن \"قوات تحت إدارة القيادة المركزية نفذت مهمة\"، مؤكداً \"عدم سقوط ضحايا أميركيين\".")
        // Then the ministry, not the command it mentions, makes the claim
        #expect(r.claims.first { $0.group == "us_personnel" }?.originator == "us-department-of-defense")
    }

    @Test func theSourcesReferBackWithTheirRelays() {
        let r = RuleExtractor().extract(text: "Correspondent of al-Mayadeen citing local sources reports that 4 helicopters took part. The sources made it clear that the helicopters shelled two houses and demolished them.")
        let c = try! #require(r.claims.first { $0.figure == "houses_destroyed" })
        #expect(c.originator == "local-sources" && c.via == ["al-mayadeen"])
    }

    @Test func aPronounIsNotAnAcronym() {
        // "who" is not the World Health Organization
        let r = RuleExtractor().extract(text: "The armed men, who said no one died, left. WHO said 3 people were killed.")
        #expect(!r.sources.isEmpty && r.claims.first { $0.value == 3 }?.originator == "who")
        #expect(r.claims.allSatisfy { $0.quotes.first!.start > 20 || $0.originator != "who" })
    }

    @Test func aHeadingThatRestatesTheBodyIsNotASecondClaim() {
        let text = "إصابة جنود أمريكيين\nأفادت وكالة سبوتنيك أن 3 جنود أميركيين أصيبوا خلال الاشتباكات.\nوانتهت العملية."
        let r = RuleExtractor().extract(text: text)
        #expect(r.claims.filter { $0.figure == "injured" }.map(\.originator) == ["sputnik"])
    }

    @Test func durationsFromClockTimesAndRestatements() {
        #expect(claims("و استمرت عملية الإنزال بين الساعة 2:45 و 4 عصراً").contains("duration_minutes operation 75 exact"))
        let r = RuleExtractor().extract(text: "اندلعت اشتباكات استمرت أكثر من نصف ساعة. وبعد فشل مهمتهم التي استمرت أكثر من نصف ساعة انسحبوا.")
        #expect(r.claims.filter { $0.figure == "duration_minutes" }.count == 1)
        #expect(claims("في مواجهة استمرت ساعتين تقريبا").contains("duration_minutes clashes 120 about"))
    }

    @Test(arguments: [
        // a list shares its figure word
        ("Eight workers and three other people were found dead.", ["killed civilians 8 exact", "killed people 3 exact"]),
        ("سقوط ستة قتلى هم ثلاثة شرطيين وثلاثة مدنيين، إضافة إلى ثلاثة جرحى", ["killed police 3 exact", "killed civilians 3 exact"]),
        // the body after a list
        ("خلفت عشرة قتلى و60 جريحا في صفوف المقاومة", ["killed militants 10 exact", "injured militants 60 exact"]),
        // modifiers, nationalities used as nouns, hyphens
        ("Islamic State militants killed 17 local residents.", ["killed civilians 17 exact"]),
        ("Up to 14 Congolese were killed in Angola.", ["killed people 14 up_to"]),
        ("Forces shot dead at least six anti-government protesters.", ["killed people 6 at_least"]),
        // "N of them" takes the group named before
        ("وقتل الخاطفون أربعة من الرهائن ولا يزالون يحتفظون بـ25 منهم", ["captured other 25 exact"]),
        // others than a child are people
        ("استشهد رضيع فلسطيني وأصيب ثلاثة آخرون من عائلته", ["injured people 3 exact"]),
    ])
    func countsFindTheirFigureAndGroup(text: String, expected: [String]) {
        let found = claims(text)
        for e in expected { #expect(found.contains(e), "\(found)") }
    }

    @Test func agesCompoundsAndEventsAreNotVictims() {
        // An age in apposition, a modifier noun, and explosions are not counts of people
        #expect(!claims("Ana Maria Cortes, 46, was murdered on Wednesday.").contains { $0.contains(" 46 ") })
        #expect(claims("A woman suicide bomber killed at least 31 people.") == ["killed people 31 at_least"])
        #expect(!claims("Five explosions killed at least 12 people.").contains { $0.contains(" 5 ") })
        // "Two medics were among 31 killed" is a part of the 31
        let r = RuleExtractor().extract(text: "Two medics were among at least 31 people killed on Saturday.")
        #expect(r.claims.first { $0.value == 2 }?.isSubCount == true)
    }

    @Test func aNumberOfIsSomeInBothLanguages() {
        // Given "a number of" and its Arabic counterpart عدد من: no number stated
        #expect(claims("a number of elite soldiers in the American army got wounded") == ["injured us_personnel null some"])
        #expect(claims("أصيب عدد من المدنيين") == ["injured civilians null some"])
        #expect(claims("أصيب عدد كبير من المدنيين") == ["injured civilians null some"])
        // and a stated number beside it in the same sentence is kept as the number
        #expect(claims("Clashes killed 4 soldiers and wounded a number of civilians.").contains("killed soldiers 4 exact"))
        // Then a report stating the same claim in both languages states it once
        let both = RuleExtractor().extract(text: "Sputnik reported that a number of elite soldiers in the American army got wounded.\n\nأفادت وكالة سبوتنيك إن عدداً من جنود النخبة في الجيش الأميركي أصيبوا.")
        #expect(both.claims.filter { $0.figure == "injured" }.count == 1)
        #expect(both.claims.first { $0.figure == "injured" }?.quotes.count == 2)
        // but "a number of" before a thing that is not counted people is no casualty count
        #expect(claims("Rebels captured a number of villages.").isEmpty)
    }
}

@Suite struct MatchingFormTests {
    @Test func arabicMatchingFormsAreASCIIOneCharacterALetter() {
        // Given Arabic words with harakat, hamza forms and taa marbuta
        for word in ["أُصِيبَ", "مدنيًا", "الإنزال", "قتيلاً", "مسؤول", "ضحيّة"] {
            let n = ArabicNorm.normalise(word)
            // Then the matching form is ASCII, never lower-case Latin (no clash with English words),
            #expect(n.utf8.allSatisfy { $0 < 0x80 })
            #expect(!n.contains { $0.isLowercase })
            // keeps one character per letter, and normalising it again changes nothing
            #expect(n.count == word.unicodeScalars.filter { !Scalars.isArabicMark($0.value) }.count)
            #expect(ArabicNorm.normalise(n) == n)
        }
        // and spelling variants meet: أ إ آ → ا, ى → ي, ة → ه
        #expect(ArabicNorm.normalise("إصابة") == ArabicNorm.normalise("اصابه"))
        #expect(ArabicNorm.normalise("حوالى") == ArabicNorm.normalise("حوالي"))
    }
}

@Suite struct CoordinatedVictimTests {
    @Test func twoNamedPeopleKilledTogetherAreTwo() {
        // Given two singular victims joined by "and", with no number
        #expect(claims("Elements of the rebel group have killed a teacher and a staff member of the NGO in Bambari.").contains("killed people 2 exact"))
        #expect(claims("A radio producer and an announcer have been fatally shot.").contains("killed people 2 exact"))
        // But a clause with its own verb, plural groups, or a stated count are not pairs
        #expect(claims("The soldiers fired and the police were killed.").isEmpty)
        #expect(!claims("Gunmen killed a man and wounded a woman.").contains("killed people 2 exact"))
        #expect(!claims("Gunmen killed 3 people, a teacher and a nurse.").contains("killed people 2 exact"))
    }
}

@Suite struct VagueCountTests {
    @Test func vagueWordsAreMarked() {
        let r = RuleExtractor().extract(text: "Airstrikes killed dozens of civilians. At least 38 civilians were killed.")
        #expect(r.claims.first { $0.value == 10 }?.isVague == true)
        #expect(r.claims.first { $0.value == 38 }?.isVague == false)
    }
}

@Suite struct RestatementTests {
    @Test func aVagueRestatementBySameSpeakerIsTheNumberedClaim() throws {
        // Given a speaker who states a number and later the same casualties without one
        let r = RuleExtractor().extract(text: "وتحدثت مصادر عن سقوط 13 مدنيا في القصف. وبينت المصادر أن المروحيات قصفت منزلين ما أدّى إلى سقوط ضحايا مدنيين.")
        // Then one claim stands: the numbered one
        let civilians = r.claims.filter { $0.figure == "killed" && $0.group == "civilians" }
        #expect(civilians.count == 1)
        #expect(civilians.first?.value == 13)
        // But a vague claim by another speaker is their own
        let two = RuleExtractor().extract(text: "وقال المرصد السوري إن 13 مدنيا قتلوا. وأكد ناشطون سقوط ضحايا مدنيين.")
        #expect(two.claims.filter { $0.figure == "killed" && $0.group == "civilians" }.count == 2)
    }

    @Test func aRelayStatingInItsOwnVoiceWhatItAttributesPassesItOn() throws {
        // Given an outlet's correspondent who states a claim and then attributes it
        let text = "ومراسلة الميادين تؤكد فشل العملية وسقوط ضحايا مدنيين.\nأفادت مراسلة الميادين نقلاً عن مصادر محلية، بعملية إنزال انتهت بسقوط ضحايا مدنيين بينهم نساء وأطفال."
        let r = RuleExtractor().extract(text: ReportText.normalise(text))
        // Then one claim, the originator's, relayed by the correspondent's outlet, quoted at both places
        let civilians = r.claims.filter { $0.figure == "killed" && $0.group == "civilians" }
        let c = try #require(civilians.first)
        #expect(civilians.count == 1)
        #expect(c.originator == "local-sources")
        #expect(c.via == ["al-mayadeen"])
        #expect(c.quotes.count == 2)
        #expect(c.quotes[0].start < c.quotes[1].start)
        // But a relay stating a different figure keeps it in its own voice
        let other = RuleExtractor().extract(text: "ومراسلة الميادين تؤكد مقتل 3 مدنيين.\nأفادت مراسلة الميادين نقلاً عن مصادر محلية بمقتل 5 مدنيين.")
        #expect(other.claims.contains { $0.value == 3 && $0.originator == "al-mayadeen" })
        #expect(other.claims.contains { $0.value == 5 && $0.originator == "local-sources" })
    }

    @Test func noDeathAmongAnUntypedPartIsNotNobodyKilled() {
        // Given a zero for a part the extractor cannot type
        #expect(!claims("Sources of the armed men confirmed that there was no death among their members.").contains("killed people 0 exact"))
        // Then a part it can type keeps its zero, and a plain negative is still people 0
        #expect(claims("ولا يوجد بينهم جثة أي قيادي").contains("killed militant_leaders 0 exact"))
        #expect(claims("The attack caused no deaths.").contains("killed people 0 exact"))
    }
}

@Suite struct DeathTollTests {
    func toll(_ text: String) -> Int { ExtractionEvaluation.deaths(in: RuleExtractor().extract(text: ReportText.normalise(text))) }

    @Test func additionalVictimsAddToThoseBefore() throws {
        // Given a count marked as more of the same ("two more", "four other", "another four")
        let r = RuleExtractor().extract(text: "Five people were killed in a barrel bomb attack. Barrel bombs killed two more people in nearby villages.")
        let more = try #require(r.claims.first { $0.value == 2 })
        #expect(more.isAdditional)
        #expect(more.figure == "killed" && more.group == "people")
        // Then the toll adds it to the count before it, or to the one victim named without a number
        #expect(toll("Five people were killed in a barrel bomb attack. Barrel bombs killed two more people in nearby villages.") == 7)
        #expect(toll("A state assembly candidate has been killed by gunfire along with four other party members.") == 5)
        #expect(toll("Air raids killed four people. A day later a similar attack killed another four civilians.") == 8)
        // But a second count without an additive word is not added
        let plain = RuleExtractor().extract(text: "Five people were killed. Two people were killed in a nearby village.")
        #expect(plain.claims.allSatisfy { !$0.isAdditional })
        #expect(toll("Five people were killed. Two people were killed in a nearby village.") == 5)
    }

    @Test func theTollCountsNoncombatantsWhereTheDescriptionSeparatesThem() {
        // PITF codes the killing of noncombatant civilians
        #expect(toll("Taliban kill 21 police officers and 20 civilians in an attack.") == 20)
        #expect(toll("Troops killed 64 Boko Haram terrorists. The terrorists killed eight civilians.") == 8)
        #expect(toll("Sixteen people, including 12 civilians, were killed in a rebel attack.") == 12)
        #expect(toll("At least 16 people, including 11 soldiers, were killed in jihadist attacks.") == 5)
        // But a description that counts only fighters keeps their count, and children are not fighters
        #expect(toll("Gunmen killed five soldiers at a checkpoint.") == 5)
        #expect(toll("The strike killed 15 people, including six children.") == 15)
    }
}

@Suite struct RelayedReportsTests {
    @Test func reportsASpeakerPassesOnOriginateTheClaim() throws {
        // Given a speaker who goes on ("وقال البيان") and assesses reports of a possible injury
        let r = RuleExtractor().extract(text: ReportText.normalise("أعلنت القيادة المركزية الأميركية أنها نفذت ضربة. وقال البيان إنه لا توجد مؤشرات على مقتل مدنيين في الغارة، وأن الجيش الأمريكي كان يقوم بتقييم التقارير التي تفيد باحتمال إصابة مدني."))
        // Then the speaker's own claim is theirs
        let zero = try #require(r.claims.first { $0.figure == "killed" })
        #expect(zero.originator == "us-central-command" && zero.via.isEmpty)
        // and the reports originate the injury, relayed by the speaker, as a possibility (about 1)
        let injured = try #require(r.claims.first { $0.figure == "injured" })
        #expect(injured.originator == "unnamed-reports")
        #expect(injured.via == ["us-central-command"])
        #expect(injured.value == 1 && injured.bound == .about)
        #expect(injured.quotes.first?.text == "إصابة مدني")
        // In English too, with the speaker named in the sentence
        let en = RuleExtractor().extract(text: "The Pentagon said it was investigating reports of 3 civilians killed in the strike.")
        let c = try #require(en.claims.first { $0.value == 3 })
        #expect(c.originator == "unnamed-reports")
        #expect(c.via == ["us-department-of-defense"])
        // But a count stated plainly is exact and the speaker's own
        let plain = RuleExtractor().extract(text: ReportText.normalise("وقالت القيادة المركزية الأميركية إن الغارة أدت إلى إصابة مدني."))
        #expect(!plain.claims.isEmpty)
        #expect(plain.claims.allSatisfy { $0.originator == "us-central-command" && $0.bound == .exact })
    }
}

@Suite struct RulesOfExtraction4Tests {
    func extract(_ text: String, published: PartialTime = .unknown) -> ExtractionResult {
        RuleExtractor().extract(text: ReportText.normalise(text), published: published)
    }
    func line(_ c: ExtractedClaim) -> String { "\(c.incident) \(c.figure) \(c.group ?? "-") \(c.value.map { String(Int($0)) } ?? "null") \(c.bound.rawValue)" }

    @Test func aClauseDatedBeforeTheNarrativeIsAnEarlierEvent() {
        // Given a sentence whose relative clause tells of an encounter "earlier that day"
        let ar = extract("نفذت القيادة المركزية ضربة أدت إلى مقتل قيادي، واستخدمت الطائرات التي تعرضت في وقت سابق من ذلك اليوم لمضايقات في مواجهة استمرت ساعتين تقريبا.")
        // Then the encounter's duration is background and the strike's toll stays main
        #expect(ar.claims.map(line).contains("background duration_minutes clashes 120 about"), "\(ar.claims.map(line))")
        #expect(ar.mainClaims.map(line).contains("main killed militant_leaders 1 exact"), "\(ar.claims.map(line))")
        // The same in English, and with a span of time counted back from the narrative
        let en = extract("Gunmen killed five people in the village on Monday, two days earlier three soldiers were killed nearby.")
        #expect(en.mainClaims.map(line) == ["main killed people 5 exact"], "\(en.claims.map(line))")
        #expect(en.claims.map(line).contains("background killed soldiers 3 exact"), "\(en.claims.map(line))")
        let earlier = extract("Police said four people were shot dead at the market. Earlier that day, two officers were wounded in a separate attack.")
        #expect(earlier.mainClaims.map(line) == ["main killed people 4 exact"], "\(earlier.claims.map(line))")
    }

    @Test func aTimeExpressionDatingTheSayingLeavesTheEventMain() {
        // Given "earlier that day" attached to the saying verb, or followed by "that"/إن
        let said = extract("The ministry said earlier that day that 12 civilians were killed in the strike.")
        // Then it dates the statement: the count is the main incident's
        #expect(said.mainClaims.map(line).contains("main killed civilians 12 exact"), "\(said.claims.map(line))")
        let ar = extract("وقالت وسائل إعلام محلية، في وقت سابق من ذلك اليوم، إن الغارة أسفرت عن سقوط 10 قتلى.")
        #expect(ar.mainClaims.map(line).contains("main killed people 10 exact"), "\(ar.claims.map(line))")
    }

    @Test func timeBeforePublicationIsAnEarlierEventOnlyWhenTheMainIncidentIsRecent() {
        // Given a report whose lede dates its incident today, and a clause "last week"
        let recent = extract("Three people were killed in a bombing in the city today, police said. Last week, nine people were killed in a similar attack.")
        // Then last week's nine are background
        #expect(recent.mainClaims.map(line) == ["main killed people 3 exact"], "\(recent.claims.map(line))")
        #expect(recent.claims.map(line).contains("background killed people 9 exact"))
        let ar = extract("أعلن المرصد اليوم مقتل 4 مدنيين في قصف على البلدة، وقتل 7 مدنيين في قصف مماثل قبل أيام.")
        #expect(ar.mainClaims.map(line) == ["main killed civilians 4 exact"], "\(ar.claims.map(line))")
        // Negative: without a recent anchor, "last week" may date the reported incident itself
        // ("Malian soldiers killed at least 25 civilians … last week, residents said Tuesday").
        let followUp = extract("Soldiers killed at least 25 civilians in the region last week, residents said Tuesday.")
        #expect(followUp.mainClaims.map(line) == ["main killed civilians 25 at_least"], "\(followUp.claims.map(line))")
        // "since" a year, or an age, is not an earlier event
        let plain = extract("Two people were killed today in the deadliest attack in the city this year.")
        #expect(plain.mainClaims.map(line) == ["main killed people 2 exact"], "\(plain.claims.map(line))")
    }

    @Test func peopleShotAndNotKilledAreWounded() {
        // Given a report of people shot in which nobody dies
        // Then the shot are injured: a singular subject, a count, a reflexive
        #expect(claims("A 46-year-old man was shot in the neck on Thursday, deputies said.").contains("injured people 1 exact"))
        #expect(claims("Four teens were shot on the court behind the church on Monday evening.").contains("injured people 4 exact"))
        #expect(claims("Police said a child shot himself in the hand.").contains("injured children 1 exact"))
        // Negative: anyone dying in the report makes "shot" the count of those hit, not the wounded
        // (the part killed and the rest injured come from aPartHitFatallyIsKilledAndTheRestInjured)
        #expect(claims("Four people were shot, one fatally.") == ["killed people 1 exact", "injured people 3 exact"])
        #expect(!claims("A boy was shot at a park. He was pronounced dead at the hospital.").contains { $0.hasPrefix("injured") })
        #expect(!claims("A man was shot and killed on Elm Street.").contains { $0.hasPrefix("injured") })
        // Negative: an active "shot" names the shooters, not the shot
        #expect(!claims("Two men shot at the house on Friday.").contains { $0.hasPrefix("injured") })
        // Negative: a number not heading a noun phrase before "shot" ("a 911 call reporting a child had been shot")
        #expect(!claims("Deputies received a 911 call reporting a child had been accidentally shot.").contains("injured children 911 exact"))
    }

    @Test func anAgeBeforeTheNounStillCountsOnePerson() {
        // Given "a 23-year-old man", "an 8-month-old baby" as victims
        #expect(claims("A 23-year-old man was killed on Friday night.") == ["killed people 1 exact"])
        #expect(claims("An 8-month-old baby died in the fire.").contains("killed children 1 exact"))
        // Negative: the age is not a count of its own, nor the years a count of people
        #expect(!claims("A 23-year-old man was killed on Friday night.").contains { $0.contains(" 23 ") })
        #expect(claims("The 23-year-old suspect was arrested.").allSatisfy { !$0.contains(" 23 ") })
        // Ages in months and weeks too: "the 17-month-old", "an 8-week-old baby"
        #expect(claims("The 17-month-old was killed.") == ["killed people 1 exact"])
        #expect(claims("An 8-week-old baby was killed.") == ["killed children 1 exact"])
        // Negative: a count of months is still no count of people
        #expect(claims("Six months after the attack, 17 people were killed.") == ["killed people 17 exact"])
    }
}


@Suite struct CoreferenceTests {
    func extract(_ text: String, published: PartialTime = .unknown) -> ExtractionResult {
        RuleExtractor().extract(text: ReportText.normalise(text), published: published)
    }
    func line(_ c: ExtractedClaim) -> String { "\(c.incident) \(c.figure) \(c.group ?? "-") \(c.value.map { String(Int($0)) } ?? "null") \(c.bound.rawValue)" }

    @Test func aSingleVictimWhoDiesIsOneKilled() {
        // Given one victim named by a noun phrase that dies, is fatally shot or pronounced dead
        #expect(claims("A 14-year-old boy was fatally shot on the reservation this evening.") == ["killed children 1 exact"])
        #expect(claims("A 16-year-old died after he was shot in the head.") == ["killed people 1 exact"])
        #expect(claims("Jaquise Lewis, 17, was shot and killed at the park on Sunday.") == ["killed people 1 exact"])
        #expect(claims("The victim who died was a man in his 20s.") == ["killed people 1 exact"])
        #expect(claims("That little girl died a short time later at the hospital.") == ["killed children 1 exact"])
        // Negative: a possibility or a denial is no death
        #expect(claims("A man could have died in the crash, police said.").isEmpty)
        #expect(claims("Police were not able to say if the man had died.").allSatisfy { !$0.hasPrefix("killed people 1") })
        #expect(!claims("The boy did not die, his mother said.").contains("killed children 1 exact"))
        // Negative: a person counted already is not counted twice
        #expect(claims("A man was killed and a woman was wounded.") == ["killed people 1 exact", "injured women 1 exact"])
    }

    @Test func aPronounWhoDiesLaterResolvesToTheNearestSingularVictim() {
        // Given "A man was shot … He died": one killed, of the antecedent's group, and not injured
        let r = claims("A man was shot on Main Street on Friday night. He died at the hospital.")
        #expect(r == ["killed people 1 exact"], "\(r)")
        #expect(claims("A 12-year-old girl was shot in the chest. She was later pronounced dead.") == ["killed children 1 exact"])
        // Agreeing in gender: "she" skips "a man" for "the woman"
        let both = claims("The woman was shot in the back by a man. She was pronounced dead at the scene.")
        #expect(both == ["killed women 1 exact"], "\(both)")
        // Negative: the nearest singular person is a suspect or an officer: no claim
        #expect(claims("An officer shot at the car. He died of a heart attack, the sheriff said.").isEmpty)
        // Negative: no antecedent in the same or the previous sentence
        #expect(claims("Police arrived at the scene. Witnesses gathered. He died.").isEmpty)
        // Negative: a possibility
        #expect(claims("A man was shot in the leg. He could have died, police said.").isEmpty)
    }

    @Test func arabicSingleVictimDiesOfWounds() {
        // Given توفي with its subject, or with a victim named in the previous sentence
        #expect(claims("وتوفي الطفل متأثرا بجراحه في المستشفى.") == ["killed children 1 exact"])
        #expect(claims("أصيب شاب برصاص قناص في المدينة. وتوفي متأثرا بجراحه.").contains("killed people 1 exact"))
        #expect(claims("وفارقت امرأة الحياة متأثرة بإصابتها.") == ["killed women 1 exact"])
        // Negative: a plural named before, or a negation, is no single death
        #expect(!claims("أصيب خمسة مدنيين في القصف. وتوفي متأثرا بجراحه.").contains("killed civilians 1 exact"))
        #expect(claims("أصيب طفل بجروح لكنه لم يتوف.").allSatisfy { !$0.hasPrefix("killed") })
    }

    @Test func aGenericAircraftCountRestatingSpecificAircraftIsTheSameFigure() {
        // Given four helicopters, then "طائرات 4" from another speaker
        let text = "وأفاد ناشطون بأن الإنزال نفذ بواسطة أربع مروحيات أباتشي. وذكرت مصادر كردية أن المنفذين هم الكوماندوس و طائرات 4 هم ثلاث أمريكية وواحدة بريطانية."
        let r = extract(text)
        let helicopters = r.claims.filter { $0.figure == "helicopters" }
        #expect(helicopters.count == 2, "\(r.claims.map(line))")
        #expect(helicopters.allSatisfy { $0.value == 4 })
        #expect(Set(helicopters.map(\.originator)).count == 2)
        // From the same speaker it is one claim quoted twice
        let same = extract("Four Apache helicopters took part in the raid. The 4 aircraft left at dawn.")
        #expect(same.claims.filter { $0.figure == "helicopters" }.count == 1, "\(same.claims.map(line))")
        // Negative: a generic aircraft count with no earlier specific count of that number is no claim
        #expect(extract("وشاركت طائرات 3 في العملية.").claims.isEmpty)
        #expect(extract("Four helicopters took part. 2 aircraft were refuelled.").claims.filter { $0.value == 2 }.isEmpty)
    }

    @Test func sinceAYearInAComparisonIsNotAnEarlierEvent() throws {
        let t = try PartialTime.parse("2019-03-02")
        // Given "the deadliest attack since 2016": a comparison
        let en = extract("Twelve people were killed in the deadliest attack since 2016.", published: t)
        #expect(en.mainClaims.map(line) == ["main killed people 12 exact"], "\(en.claims.map(line))")
        let ar = extract("قتل 12 شخصا في الهجوم الأعنف منذ عام 2016.", published: t)
        #expect(ar.mainClaims.map(line) == ["main killed people 12 exact"], "\(ar.claims.map(line))")
        // Negative: a cumulative toll since a year, or an event in an earlier year, stays background
        let toll = extract("More than 300,000 people have been killed since 2011.", published: t)
        #expect(toll.mainClaims.isEmpty, "\(toll.claims.map(line))")
        let past = extract("In 2016, 40 people were killed in a similar attack.", published: t)
        #expect(past.mainClaims.isEmpty, "\(past.claims.map(line))")
    }
}

@Suite struct SingleWoundedVictimTests {
    @Test func aSingleVictimWhoIsWoundedIsOneInjured() {
        // Given one victim, named by a noun phrase, an age or a pronoun, wounded and not said to die
        #expect(claims("Police say the 5-year-old was shot in the 7500 block of Park Boulevard.") == ["injured people 1 exact"])
        #expect(claims("A teenager has been accidentally shot in Lebanon on Saturday.") == ["injured people 1 exact"])
        #expect(claims("Police said the boy shot himself in the finger.") == ["injured children 1 exact"])
        #expect(claims("The woman was taken to a hospital. She suffered a gunshot wound to her left foot.") == ["injured women 1 exact"])
        #expect(claims("The 4-year-old was critically wounded in the crossfire on Sunday.") == ["injured people 1 exact"])
        // A wound in a report that tells of a death elsewhere still counts with "wounded"
        #expect(claims("Three men were killed. The driver was wounded, police said.").contains("injured people 1 exact"))
        // Negative: a sentence that goes on to the victim's death, or a shot victim in a report telling of a death
        #expect(claims("The man was wounded and later died at the hospital.").allSatisfy { !$0.hasPrefix("injured") })
        #expect(claims("The boy was shot in the chest. He was pronounced dead at the hospital.").allSatisfy { !$0.hasPrefix("injured") })
        // Negative: the shooter, a missed shot, a possibility
        #expect(claims("The suspect was shot by officers on Friday.").isEmpty)
        #expect(claims("The man was shot at but not hit.").allSatisfy { !$0.hasPrefix("injured people 1") })
        #expect(claims("The girl could have been hurt, her mother said.").isEmpty)
        // Negative: a report that counts its injured; the single victim is one of them
        #expect(claims("Four people were wounded on Friday. The 17-year-old was shot in the leg.") == ["injured people 4 exact"])
    }

    @Test func aShotVictimSaidToSurviveIsOneInjuredEvenWhereOthersDie() {
        // Given deaths in the report, and one person shot who is said to live
        let r = claims("Three people were killed. The woman's boyfriend was also shot in his leg and is expected to recover.")
        #expect(r.contains("injured people 1 exact"), "\(r)")
        #expect(claims("Two men died. Jade Thacker was transported to the hospital with non-life-threatening injuries.").contains("injured people 1 exact"))
        #expect(claims("The surviving victim, a 16-year-old boy, was found wounded in the doorway.") == ["injured children 1 exact"])
        // Negative: shot, in a report of deaths, with no word of survival
        #expect(claims("Three people were killed. The woman's boyfriend was also shot in his leg.").allSatisfy { !$0.hasPrefix("injured") })
        #expect(claims("Two men died. The woman was taken to the hospital with serious injuries.").allSatisfy { !$0.hasPrefix("injured") })
    }

    @Test func aPersonWithAGunshotWoundIsOneInjured() {
        // Given the nearest person before "with a gunshot wound", in a report of no death
        #expect(claims("She returned to find the girl with a gunshot wound to her leg.") == ["injured children 1 exact"])
        #expect(claims("Tony McLaughlin, 38, had arrived at Calais Regional Hospital with a gunshot wound.") == ["injured people 1 exact"])
        // Negative: a report that tells of a death, or a suspect nearest
        #expect(claims("The man arrived with a gunshot wound and died an hour later.").allSatisfy { !$0.hasPrefix("injured") })
        #expect(claims("Police arrested the suspect with a gunshot wound to his hand.").isEmpty)
    }
}

@Suite struct NamedVictimTests {
    @Test func aVictimNamedWithoutANounIsOnePerson() {
        // Given a full name, or a surname the report writes after a given name elsewhere
        #expect(claims("Devin Mitchell was shot on Elm Street. Mitchell died at the hospital.") == ["killed people 1 exact"])
        #expect(claims("Police identified the man as Tony McLaughlin. McLaughlin was wounded in the arm.") == ["injured people 1 exact"])
        #expect(claims("Jermaine Schofield was shot and killed on Friday.") == ["killed people 1 exact"])
        // Negative: a lone capitalised word the report never gives a first name to
        #expect(claims("Mitchell died at the hospital.").isEmpty)
        // Negative: capitalised words that name bodies, places or days
        #expect(claims("Police were wounded in the clash, Chicago Police said.").allSatisfy { !$0.hasPrefix("injured people 1") })
        #expect(claims("In New York, Chicago was hurt by the storm.").isEmpty)
    }
}

@Suite struct KilledVictimAsObjectTests {
    @Test func aSingleVictimNamedAsTheObjectOfAKillingIsOneKilled() {
        // Given one victim as the object of an active killing or of "the death of"
        #expect(claims("Two men were arrested in the shooting that killed a 19-year-old on campus.").filter { $0.hasPrefix("killed") } == ["killed people 1 exact"])
        #expect(claims("Police arrested a man accused of fatally shooting his nephew on Friday.").filter { $0.hasPrefix("killed") } == ["killed people 1 exact"])
        #expect(claims("He was charged in the death of his 10-year-old nephew.") == ["killed people 1 exact"])
        #expect(claims("A teen was arrested in the shooting death of Devin Anderson on Birch Street.") == ["killed people 1 exact"])
        #expect(claims("A woman fatally shot her 17-month-old son.") == ["killed people 1 exact"])
        // Negative: a suspect or an officer as the object, a threat in the infinitive, a passive
        #expect(claims("Deputies shot and killed the suspect after a chase.").isEmpty)
        #expect(claims("He threatened to kill his wife, police said.").isEmpty)
        #expect(claims("The man was killed by his brother.") == ["killed people 1 exact"])
        // Negative: a count in that place is the count rules' (not counted twice)
        #expect(claims("The gunman killed two people at the store.") == ["killed people 2 exact"])
    }
}

@Suite struct NumbersThatCountNothingTests {
    @Test func citationsListedAgesAndDaysOfTheMonthAreNoCounts() {
        // Given bare numbers next to a figure word that count nothing
        #expect(claims("He killed six people.[18] Deputies arrived.") == ["killed people 6 exact"])
        #expect(claims("The other victims, ages 13, 17 and 19, were treated for minor injuries.").allSatisfy { !$0.hasPrefix("injured people 1") })
        #expect(claims("He was charged in connection with the death of Chazz Jenkins, 18.").allSatisfy { !$0.contains(" 18 ") })
        #expect(claims("Police said he killed a man on May 10 after a dispute.").allSatisfy { !$0.contains(" 10 ") })
        #expect(claims("Three were killed on Nov. 18 in the city.").allSatisfy { !$0.contains(" 18 ") })
        #expect(claims("A man was shot and killed at 665 Skyline Drive.") == ["killed people 1 exact"])
        #expect(claims("Image 5 of 33 A man died Thursday after being shot.") == ["killed people 1 exact"])
        #expect(claims("Police said an 80yo man who died was a gun dealer.").allSatisfy { !$0.contains(" 80 ") })
        #expect(claims("The shooting happened on Dec. 27 and left two people dead.").allSatisfy { !$0.contains(" 27 ") })
        #expect(claims("The man, 38, was pronounced dead after being shot.") == ["killed people 1 exact"])
        #expect(claims("Officers found a man in his 20's shot once and dead inside the car.").allSatisfy { !$0.contains(" 20 ") })
        #expect(claims("Two people were killed during a traffic stop on Interstate 95.") == ["killed people 2 exact"])
        #expect(claims("He was charged with four counts of murder after two people were killed.") == ["killed people 2 exact"])
        // Negative: a bare count after a comma inside a sentence, and a toll after "to", still count
        #expect(claims("The death toll rose to 12, officials said.").contains("killed people 12 exact"))
        #expect(claims("Police said that in Chicago, 5 people were killed.").contains("killed people 5 exact"))
    }
}

@Suite struct OnePersonAmongALargerCountTests {
    @Test func onePersonInAReportThatCountsMoreIsOneOfThem() {
        // Given a count of people, then one of them described alone
        let r = claims("Four men were wounded in a shooting on Thursday. A 41-year-old man was wounded in the leg.")
        #expect(r == ["injured people 4 exact"], "\(r)")
        // Negative: another figure, or a group of its own, stays
        #expect(claims("One man was killed and four people were wounded.") == ["killed people 1 exact", "injured people 4 exact"])
        #expect(claims("Four people were wounded. A woman was wounded in the arm.").contains("injured women 1 exact"))
        // Negative: an additional one ("one more") adds to the count
        #expect(claims("Four people were wounded. Police later found one more person wounded.").contains { $0.hasPrefix("injured people 1") })
    }
}

@Suite struct WarTollTests {
    func extract(_ text: String) -> ExtractionResult { RuleExtractor().extract(text: ReportText.normalise(text)) }

    @Test func aWarsCumulativeTollIsBackground() {
        // Given the war's toll told next to the incident
        let r = extract("Airstrikes killed 12 civilians in Idlib on Monday. Syria's conflict has killed more than 230000 people.")
        #expect(r.mainClaims.map { "\($0.figure) \($0.group ?? "-") \(Int($0.value ?? -1))" } == ["killed civilians 12"])
        #expect(extract("The death toll from the six-year conflict stands at more than 470000.").mainClaims.isEmpty)
        // Negative: "the war monitor", a war-torn place, or a war named without a perfect or a toll
        #expect(extract("At least 20 people have been killed in Aleppo, the war monitor said.").mainClaims.count == 1)
        #expect(extract("Five people have been killed in the war-torn city.").mainClaims.count == 1)
        #expect(extract("Five fighters were killed on the front line of the war on Monday.").mainClaims.count == 1)
    }
}

@Suite struct ArmedGroupMembersTests {
    @Test func membersOfAnArmedGroupAreItsFighters() {
        // Given a count of members of an armed group or a force, or of mercenaries
        #expect(claims("A drone strike killed at least eight members of the Hezbollah militia.") == ["killed militants 8 at_least"])
        #expect(claims("ISIL killed 20 members of ISIS near the border.").contains("killed militants 20 exact"))
        #expect(claims("The attack killed 30 members of the regime troops.") == ["killed soldiers 30 exact"])
        #expect(claims("Some 60 foreign mercenaries were killed.") == ["killed militants 60 about"])
        // Negative: members of a family (civilians) or of a rescue team (people) are no fighters
        #expect(claims("The strike killed eight members of the same family.") == ["killed civilians 8 exact"])
        #expect(claims("An air raid killed eight members of the team.") == ["killed people 8 exact"])
    }
}

@Suite struct WoundedVictimAsObjectTests {
    @Test func aSingleVictimShotOrWoundedAsAnObjectIsOneInjured() {
        // Given one victim as the object of an active shooting or wounding, where nobody dies
        #expect(claims("A 9-year-old boy accidentally shot his 54-year-old grandfather in the abdomen.") == ["injured people 1 exact"])
        #expect(claims("Investigators say the boy shot his younger sibling after finding the gun.") == ["injured people 1 exact"])
        #expect(claims("Police say the boy found the gun and accidentally shot himself in the leg.") == ["injured people 1 exact"])
        #expect(claims("Another 5-year-old was hurt in the shooting.") == ["injured people 1 exact"])
        // Negative: a report that tells of a death (the one shot may be the one who died)
        #expect(claims("He shot his nephew on Friday. The boy died at the hospital.").allSatisfy { !$0.hasPrefix("injured") })
        // Negative: a passive is the subject rules'; a shot at nobody in particular is no victim
        #expect(claims("The officer shot at the car as it sped away.").isEmpty)
    }
}

@Suite struct SecondPredicateTests {
    @Test func aVictimFoundDeadOrDyingInASecondPredicateIsOneKilled() {
        // Given "was found dead", or a death after "and" with the sentence's subject
        #expect(claims("A 17-year-old was found dead on the front porch of a home.") == ["killed people 1 exact"])
        #expect(claims("Dominque Young, 21, sustained multiple gunshot wounds and was pronounced dead at the scene.") == ["killed people 1 exact"])
        #expect(claims("The woman fell to the floor and eventually died.") == ["killed women 1 exact"])
        // Negative: two subjects joined by "and", or a suspect as the subject
        #expect(claims("The man and his friend ran to the car and later died.").allSatisfy { !$0.hasPrefix("killed people 1") })
        #expect(claims("The suspect fled on foot and was found dead.").isEmpty)
        // Negative: the police found someone, not someone found dead
        #expect(claims("Officers found the man and took him to the hospital.").isEmpty)
    }
}

@Suite struct PairOfSingleVictimsTests {
    @Test func twoSinglePersonsWhoDieTogetherAreTwoKilled() {
        // Given two single persons joined by "and" who die together
        #expect(claims("A man and his daughter were found dead in Hardin County.") == ["killed people 2 exact"])
        #expect(claims("A 51-year-old woman and her 6-year-old granddaughter both died from gunshot wounds.") == ["killed people 2 exact"])
        #expect(claims("Police said she killed her father and daughter in July.") == ["killed people 2 exact"])
        #expect(claims("A man killed his 4-year-old son and then himself on Sunday.") == ["killed people 2 exact"])
        #expect(claims("The attack left a woman and her five-year-old son dead.") == ["killed people 2 exact"])
        // Negative: "all died" after a pair of names in a longer list, and a singular verb
        #expect(!claims("Ana Cruz, 20, and Bobbie Basquine, 22, all died at the scene.").contains("killed people 2 exact"))
        #expect(!claims("A man and his daughter arrived; the man was killed.").contains("killed people 2 exact"))
        // A first side with a prepositional tail, and a companion "alongside"
        #expect(claims("A man killed a local leader of the ruling party and his brother.").contains("killed people 2 exact"))
        #expect(claims("A man was killed, alongside his driver, in a suicide attack.") == ["killed people 2 exact"])
        // Negative: one killed and one wounded; a plural companion
        #expect(!claims("The gunman killed a man and wounded a woman.").contains("killed people 2 exact"))
        #expect(!claims("A man was killed along with his bodyguards.").contains("killed people 2 exact"))
    }
}

@Suite struct FatalWoundTests {
    @Test func fatallyWoundedIsKilledAndHospitalizedIsInjured() {
        // Given "fatally wounded/injured" after a count, and "hospitalized" as a wound
        #expect(claims("A man was fatally injured in the shooting.") == ["killed people 1 exact"])
        #expect(claims("Two men were fatally wounded.") == ["killed people 2 exact"])
        #expect(claims("Four people were hospitalized after the shooting.") == ["injured people 4 exact"])
        #expect(claims("A man was fatally wounded and at least eight other people were hospitalized.").contains("injured people 8 at_least"))
        // Negative: wounded without "fatally" stays injured
        #expect(claims("Two men were critically wounded.") == ["injured people 2 exact"])
    }
}

@Suite struct PluralPronounTests {
    @Test func theyWhoDieResolveToTheSentencesPairOrCount() {
        // Given "they" dying, with a pair or a count as the sentence's subject
        #expect(claims("The man and the girl were rushed to an area hospital where they later died.") == ["killed people 2 exact"])
        #expect(claims("The two victims were transported to a nearby hospital where they later died.") == ["killed people 2 exact"])
        #expect(claims("City police said a man and woman were taken to a hospital, where they later died.") == ["killed people 2 exact"])
        // Negative: "they" who do not die, and a subject that is neither a pair nor a count
        #expect(claims("Police said two men were taken to a hospital, where they were treated.").allSatisfy { !$0.hasPrefix("killed") })
        #expect(claims("Officers arrived at the house, where they found it empty and later died down.").isEmpty)
        // A sentence opening with the death verb has no subject before it (the count rules count)
        #expect(claims("Killed were two men.") == ["killed people 2 exact"])
        // A pair in a report that counts at least as many killed is among them
        #expect(claims("Three people died in the shooting. A man and woman were taken to a hospital, where they later died.") == ["killed people 3 exact"])
    }
}

@Suite struct MoreDeathPredicatesTests {
    @Test func isDeadShotToDeathAndTheMurderOfAreDeaths() {
        // Given "is dead", "was shot to death", "the murder of", "accidentally shot and killed"
        #expect(claims("A Caldwell County teenager is dead after the gun went off.") == ["killed people 1 exact"])
        #expect(claims("A 90-year-old man was accidentally shot to death by his stepson.") == ["killed people 1 exact"])
        #expect(claims("A man has been arrested in the murder of a 16-year-old.").filter { $0.hasPrefix("killed") } == ["killed people 1 exact"])
        // Negative: "dead" that is not the subject's state, a possibility, the suspect
        #expect(claims("The battery in the car was dead.").isEmpty)
        #expect(claims("The man could be dead, police said.").isEmpty)
        #expect(claims("The suspect is dead after a standoff.").isEmpty)
    }
}

@Suite struct SingleVictimCountedElsewhereTests {
    @Test func aSingleDeathInAReportThatCountsItsKilledAddsNoClaim() {
        // Given a count of killed, then one of them dying
        let r = claims("Three people were killed in the shooting on Sunday. The youngest victim was pronounced dead at the hospital.")
        #expect(r == ["killed people 3 exact"], "\(r)")
        // A plural subject ("… and Bobbie, 22, all died") is no single victim
        #expect(!claims("Ana Cruz, 20, and Bobbie Basquine, 22, all died at the scene.").contains("killed people 1 exact"))
        // Negative: with no other count, the single death stands
        #expect(claims("A man was shot on Elm Street. He died at the hospital.") == ["killed people 1 exact"])
    }
}

@Suite struct IdentifierNumberTests {
    @Test func aNumberInsideAWebAddressIsNoCount() {
        // Given a URL path segment before words that look like a figure
        #expect(claims("See wbtv.com/news/home_top/2360871/Wadesboro-club-owner-killed-in-shooting").allSatisfy { !$0.contains("2360871") })
        // Negative: a count after a slash with a space still counts
        #expect(claims("Update / 3 people were killed in the crash.").contains("killed people 3 exact"))
    }
}

@Suite struct NegationScopeTests {
    @Test func notNegatesTheVerbRightAfterIt() {
        // Given "not" before a casualty word, or before another verb
        #expect(claims("The driver was not injured.").contains("injured people 0 exact"))
        #expect(claims("The blast did not result in any deaths.").contains("killed people 0 exact"))
        // Negative: "not" negating another verb, or "none of" a casualty noun, is no zero
        #expect(claims("Police did not identify the victims.").allSatisfy { !$0.hasSuffix(" 0 exact") })
        #expect(claims("Police would not say if he was killed.").allSatisfy { !$0.hasSuffix(" 0 exact") })
        #expect(claims("None of the injuries are life-threatening.").allSatisfy { !$0.hasSuffix(" 0 exact") })
    }

    @Test func aDenialOfSevereOrFurtherHarmIsNoZero() {
        // Given a negation narrowed to severe or further harm
        #expect(claims("At least six people were injured, none had life-threatening injuries.") == ["injured people 6 at_least"])
        #expect(claims("None were seriously injured.").isEmpty)
        #expect(claims("A man was killed, but no other injuries were reported.") == ["killed people 1 exact"])
        // Negative: a plain denial is still a zero
        #expect(claims("No one was injured in the shooting.") == ["injured people 0 exact"])
    }
}

@Suite struct ArabicTollTests {
    @Test func aYearLikeNumberBeforeAPersonNounIsACount() {
        // Given numbers from 1900 to 2100 that count people
        #expect(claims("قتل أكثر من 2000 شخص.") == ["killed people 2000 more_than"])
        #expect(claims("قتل 2000 عنصر.") == ["killed militants 2000 exact"])
        #expect(claims("killed 2000 people") == ["killed people 2000 exact"])
        #expect(!claims("Posted March 3, 2017 Man dead after shooting").contains { $0.contains("2017") })
        #expect(claims("2017 dead in crash").isEmpty)
        #expect(claims("DENVER (CBS4) – Police identified a man shot to death at a bar.").allSatisfy { !$0.contains(" 4 ") })
        // Then a year before a noun stays a year when a word of time comes first
        #expect(!claims("Since 2015 civilians were killed.").contains { $0.contains("2015") })
        #expect(!claims("وفي عام 2014 قتل مدنيون.").contains { $0.contains("2014") })
    }

    @Test func aTollNamedAfterItsNumber() {
        // Given the toll phrase after the number, or a year-like number the toll rises to
        #expect(claims("ارتفع إلى 18 عدد القتلى.") == ["killed people 18 exact"])
        #expect(claims("ارتفع إلى 18 على الأقل عدد قتلى النظام السوري.") == ["killed soldiers 18 at_least"])
        #expect(claims("وصل عدد قتلاه إلى 2000.") == ["killed people 2000 exact"])
        // Then a number that is no toll stays out
        #expect(claims("عدد السكان 2000.").isEmpty)
        #expect(claims("ارتفع إلى 18 عدد المدارس.").isEmpty)
    }

    @Test func aBodyBeforeAListOfLossesIsTheirGroup() {
        // Given a body named before victim counts joined by و
        #expect(claims("تكبدت ميليشيات المتمردين 33 قتيلاً و25 جريحا و50 أسيرا.")
            == ["killed militants 33 exact", "injured militants 25 exact", "captured militants 50 exact"])
        #expect(claims("سقط من المدنيين 5 قتلى و 3 جرحى.") == ["killed civilians 5 exact", "injured civilians 3 exact"])
        // Then a count in a new clause with its own noun keeps its own group
        #expect(claims("قتل الجيش 5 مسلحين وأصيب 3 جنود.") == ["killed militants 5 exact", "injured soldiers 3 exact"])
    }

    @Test func ranksMedicsAndJournalistsHaveTheirGroup() {
        // Given a rank, medics and journalists as the casualty's noun
        #expect(claims("مقتل آمر الفوج وجنديين.") == ["killed soldiers 1 exact", "killed soldiers 2 exact"])
        #expect(claims("مقتل عقيد في الجيش.") == ["killed soldiers 1 exact"])
        #expect(claims("مقتل 3 مسعفين.") == ["killed civilians 3 exact"])
        #expect(claims("مقتل صحفيين اثنين.") == ["killed civilians 2 exact"])
        // Then a rank as the title of a speaker is no casualty
        #expect(claims("قال العقيد أحمد إن 5 مدنيين قتلوا.") == ["killed civilians 5 exact"])
    }

    @Test func aLeaderAmongThemMakesACountMilitants() {
        // Given a count of people with a militant leader among them
        #expect(claims("أسفرت العملية عن 4 أسرى بينهم قيادي.") == ["captured militants 4 exact"])
        #expect(claims("قتل 12 شخصا بينهم قيادي في التنظيم.") == ["killed militants 12 exact"])
        // Then a child among them leaves the count as people
        #expect(claims("قتل 12 شخصا بينهم طفل.") == ["killed people 12 exact", "killed children 1 exact"])
    }

    @Test func aLeaderAmongTheLastCountMakesTheListMilitants() {
        // Given counts listed before the one with a leader among them
        #expect(claims("تم سحب 17 جثة و 4 أسرى بينهم قيادي.") == ["killed militants 17 exact", "captured militants 4 exact"])
        // Then a count outside the list keeps its group
        #expect(claims("قتل 3 أشخاص في القصف، وتم أسر 4 أشخاص بينهم قيادي.")
            == ["killed people 3 exact", "captured militants 4 exact"])
    }
}

@Suite struct EnglishCountTests {
    @Test func aFigureWordAfterANewSubjectIsNotTheFirstCountsOne() {
        // Given a count with its own verb, then "and" with a new subject and a figure word
        #expect(claims("Two men were shot and one of them died.") == ["killed people 1 exact"])
        #expect(claims("Two men were shot and three others were killed.").contains("killed people 3 exact"))
        #expect(!claims("Two men were shot and three others were killed.").contains("killed people 2 exact"))
        // Negative: a list of counts before one verb still shares it
        #expect(claims("Four civilians and two children were killed.") == ["killed civilians 4 exact", "killed children 2 exact"])
    }

    @Test func aPartHitFatallyIsKilledAndTheRestInjured() {
        // Given a count hit, then the part of it hit fatally
        #expect(claims("Three people were shot, one fatally.") == ["killed people 1 exact", "injured people 2 exact"])
        #expect(claims("Six people were shot, two of them fatally, early Friday.") == ["killed people 2 exact", "injured people 4 exact"])
        // Negative: "critically" is no death
        #expect(claims("Four people were wounded, one critically.") == ["injured people 4 exact"])
    }

    @Test func thoseWoundedWhoDiedInTheSameClauseAreKilled() {
        // Given a count wounded and, in the same clause, dying
        #expect(claims("A man was wounded and died.") == ["killed people 1 exact"])
        #expect(claims("Three people were injured and later died.") == ["killed people 3 exact"])
        // Negative: a new count or a new clause has its own figure
        #expect(claims("Two people were wounded and three were killed.") == ["injured people 2 exact", "killed people 3 exact"])
        #expect(claims("More than 80 others were injured, whereas police shot dead 21 people.").contains("injured people 80 more_than"))
    }

    @Test func aBareCountIsTheSubjectOfAFigureVerb() {
        #expect(claims("Three were killed.") == ["killed people 3 exact"])
        #expect(claims("Police said 3 were arrested.") == ["arrested people 3 exact"])
        #expect(claims("Two people were wounded by police, and three were later killed.") == ["injured people 2 exact", "killed people 3 exact"])
        // A singular verb takes no plural count, and a count with no figure verb after it is none
        #expect(claims("Channel 10 was killed in the ratings.").isEmpty)
        #expect(claims("Three were questioned.").isEmpty)
    }

    @Test func aCountAfterByCountsWhoDidIt() {
        #expect(claims("The mayor was shot and killed by two unidentified gunmen.").allSatisfy { !$0.contains(" 2 ") })
        #expect(claims("Five people were killed by gunmen.") == ["killed people 5 exact"])
    }

    @Test func animalsPlacesAndOccasionsAreNotPeople() {
        #expect(claims("Gunmen killed 73 cows in the village.").isEmpty)
        // and a plural before an active verb did the killing, while one before a bare verb was killed
        #expect(claims("Militants killed a teacher on Monday.").allSatisfy { !$0.hasPrefix("killed militants") })
        #expect(claims("Militants killed in the strike were buried.") == ["killed militants null some"])
        #expect(claims("Militants killed at a checkpoint were buried.") == ["killed militants null some"])
        #expect(claims("Violence broke out in four communities, leaving dozens killed.") == ["killed people 10 at_least"])
    }

    @Test func familiesPairsAndDeathsByViolence() {
        #expect(claims("A family of six was massacred in the city.") == ["killed people 6 exact"])
        #expect(claims("The family of 3 victims said they were sad.").isEmpty)
        #expect(claims("The group claimed the killing of a gay rights activist and his friend.") == ["killed people 2 exact"])
        #expect(claims("Seven villagers were said by witnesses to have been shot to death.") == ["killed civilians 7 exact"])
        #expect(claims("Seven villagers were later sentenced to death.").isEmpty)
        #expect(claims("Eleven civilians were kidnapped and killed.") == ["captured civilians 11 exact", "killed civilians 11 exact"])
        #expect(claims("Thirteen people were killed and injured.").count == 1)
        // A figure word far after its count is not taken by a count after "and"
        #expect(claims("As many as 25 people, most of them vendors, were killed and over 65 others injured.")
            == ["killed people 25 up_to", "injured people 65 more_than"])
    }

    @Test func aWarTollNeedsTheWarsOwnPerfect() {
        // "have" elsewhere in the sentence does not make a count the war's cumulative toll
        let main = RuleExtractor().extract(text: ReportText.normalise("Police have said 3 people were killed in the conflict on Monday.")).claims
        #expect(!main.isEmpty && main.allSatisfy { $0.incident == .main })
        let war = RuleExtractor().extract(text: ReportText.normalise("Syria's war has killed more than 230000 people.")).claims
        #expect(!war.isEmpty && war.allSatisfy { $0.incident == .background })
    }
}

/// Arabic rules found with a self-written challenge set of news sentences (not the development set).
@Suite struct ArabicGeneralisationTests {
    @Test func figureVerbsCountInEveryPersonAndNumber() {
        // Given a dual verb after a count, a feminine verb and a death with its subject's pronoun
        #expect(claims("وذكرت الوكالة أن اثنين من عناصر التنظيم قتلا في هجوم").contains("killed militants 2 exact"))
        #expect(claims("قتل جندي وأصيبت امرأة في القصف").contains("injured women 1 exact"))
        #expect(claims("وقتلت القوات 23 مسلحا وأسرت 11 آخرين").contains("captured militants 11 exact"))
        #expect(claims("بينما لقي اثنان مصرعهما").contains("killed people 2 exact"))
        // A noun that merely looks like a conjugation is none: أسرة (a family) captures no one
        #expect(claims("قتل 3 من أسرة واحدة") == ["killed people 3 exact"])
    }

    @Test func executionsAndAssassinationsAreKillingsButNotSentencesOrAttempts() {
        #expect(claims("وأعدم التنظيم 14 شخصا في الموصل").contains("killed people 14 exact"))
        #expect(claims("وقالت مصادر إن مسلحين اغتالوا ضابطا في عدن").contains("killed soldiers 1 exact"))
        #expect(claims("كما حصد القصف أرواح ثمانية مدنيين").contains("killed civilians 8 exact"))
        // Then a sentence to death or an attempt is no death
        #expect(claims("وأصدرت محكمة أحكاما بالإعدام على 5 متهمين").isEmpty)
        #expect(claims("ونجا المحافظ من محاولة اغتيال استهدفت موكبه").isEmpty)
    }

    @Test func aFigureWordAgreeingWithASubjectBeforeItIsNoMergedFigure() {
        let result = claims("لقي ثلاثة جنود حتفهم وأصيب سبعة آخرون في الهجوم")
        #expect(result.contains("killed soldiers 3 exact") && result.contains("injured soldiers 7 exact"), "\(result)")
        #expect(!result.contains { $0.contains("up_to") })
        // Nor is the verb of the count before it
        #expect(claims("وقال المتحدث إن رجل أمن استشهد وأصيب اثنان آخران").contains("injured police 2 exact"))
        // A merged figure still merges
        #expect(claims("أدى إلى مقتل وإصابة 40 شخصا").contains("killed people 40 up_to"))
    }

    @Test func aFigureWordWithAConjunctionOpensTheNextItem() {
        let result = claims("وبحسب حصيلة جديدة، ارتفع عدد القتلى إلى 41 والجرحى إلى 86.")
        #expect(result.contains("killed people 41 exact") && result.contains("injured people 86 exact"), "\(result)")
        #expect(!result.contains("injured people 41 exact"))
        // A victim noun without the conjunction is the count's own
        #expect(claims("خلفت المواجهات 15 قتيلا").contains("killed people 15 exact"))
    }

    @Test func anIndefiniteOrdinalAfterAFigureWordIsOneMore() {
        #expect(claims("وقالت مصادر إن اثنين من عناصر الميليشيات قتلا، فيما أصيب ثالث").contains("injured militants 1 exact"))
        #expect(claims("ولقي رجلا أمن مصرعهما وأصيب ثالث").contains("injured police 1 exact"))
        // A definite ordinal is a rank in a series
        #expect(claims("هاجموا مقر الفوج الثالث").isEmpty)
        #expect(claims("وقتل 43 شخصا في التفجير الثاني") == ["killed people 43 exact"])
    }

    @Test func aPersonNounWithAPronounIsItsNoun() {
        #expect(claims("وقتلت امرأة وطفلها في غارة").contains("killed children 1 exact"))
        #expect(claims("قتل طفل وأصيبت والدته بجروح").contains("injured women 1 exact"))
        // والده (his father) is no woman, and a final ة is no pronoun
        #expect(!claims("قتل طفل وأصيب والده بجروح").contains { $0.contains("women") })
        #expect(claims("استهدف القصف الحماية المدنية").isEmpty)
    }

    @Test func membersOfABodyAreTheBodys() {
        #expect(claims("وقتل 9 من عناصر الشرطة العراقية وجرح 14 آخرون").contains("killed police 9 exact"))
        #expect(claims("وقتل 9 من عناصر الشرطة العراقية وجرح 14 آخرون").contains("injured police 14 exact"))
        // Members alone are militants
        #expect(claims("ما تسبب بمقتل تسعة عناصر من تنظيم الدولة").contains("killed militants 9 exact"))
    }

    @Test func constructDualsAreTwo() {
        #expect(claims("وعثر الأهالي على جثتي شابين في الشارع").contains("killed people 2 exact"))
        #expect(claims("وأعلنت الوزارة إصابة رجلي أمن في انفجار").contains("injured police 2 exact"))
        #expect(claims("وأكدت مصادر أن مئتي عنصر من الميليشيات لقوا مصرعهم").contains("killed militants 200 exact"))
        #expect(claims("وقالت الأمم المتحدة إن نحو ألفي مدني قتلوا").contains("killed civilians 2000 about"))
        // A singular in construct is one
        #expect(claims("وأعلنت الوزارة إصابة رجل أمن في انفجار").contains("injured police 1 exact"))
        #expect(claims("ولقي ضابط وثلاثة مجندين حتفهم").contains("killed soldiers 3 exact"))
    }

    @Test func humanLossesAndNoOneHurtAreZeros() {
        #expect(claims("اعترضت الدفاعات صاروخا دون وقوع خسائر بشرية").contains("killed people 0 exact"))
        #expect(claims("سقطت قذيفة دون أن يصاب أحد").contains("injured people 0 exact"))
        // No reports is no zero
        #expect(claims("ولم ترد تقارير عن خسائر بشرية").isEmpty)
    }

    @Test func unnumberedPartsAndPairsAreSome() {
        let parts = claims("ووصل إلى مستشفيات المدينة 37 جريحا بينهم نساء وأطفال.")
        #expect(parts.contains("injured women null some") && parts.contains("injured children null some"), "\(parts)")
        let pair = claims("أسفرت الاشتباكات عن سقوط قتلى وجرحى في صفوف الطرفين")
        #expect(pair.contains("killed people null some") && pair.contains("injured people null some"), "\(pair)")
        // One noun is one claim
        #expect(claims("أسفرت الاشتباكات عن سقوط قتلى") == ["killed people null some"])
    }

    @Test func aVagueCountRightAfterAFigureVerbIsItsVictims() {
        #expect(claims("وأصيب المئات بحالات اختناق جراء القصف").contains("injured people 100 at_least"))
        // Not things, and not after سقوط
        #expect(claims("شهدت المدينة سقوط عشرات القذائف").isEmpty)
    }

    @Test func ofThemTakesTheNearerCount() {
        #expect(claims("أسفرت الاشتباكات عن مقتل 25 مسلحا وجرح العشرات منهم").contains("injured militants 10 at_least"))
        // A plural nearer than any count still names them
        #expect(claims("أطلق المسلحون النار على المواطنين فقتلوا اثنين منهم").contains("killed civilians 2 exact"))
    }

    @Test func aSingularSubjectOfAReportedFigureVerbIsOne() {
        #expect(claims("وقال المتحدث إن رجل أمن استشهد خلال تبادل لإطلاق النار").contains("killed police 1 exact"))
        // A subject of another verb is no victim
        #expect(claims("وقال المتحدث إن جنديا زار الموقع").isEmpty)
    }

    @Test func touristsAndVillagersAreCivilians() {
        #expect(claims("وارتفع عدد ضحايا الهجوم على فندق في سوسة إلى 39 سائحا").contains("killed civilians 39 exact"))
        #expect(claims("وقال مسؤولون إن مسلحين قتلوا 29 قرويا").contains("killed civilians 29 exact"))
    }
}

@Suite struct EnglishGeneralisationTests {
    @Test func englishOthersTakeTheGroupOfTheCountBefore() {
        // Given "N others" after a count of one group
        #expect(claims("Shells killed four civilians and injured 12 others.").contains("injured civilians 12 exact"))
        // Negative: after a count of children or women, others are people
        #expect(claims("The blast killed two children and wounded five others.").contains("injured people 5 exact"))
    }

    @Test func anotherAsASubjectIsOneMorePerson() {
        // Given "another" as the subject of a figure verb
        #expect(claims("Three people were shot to death and another was injured.").contains("injured people 1 exact"))
        // Negative: "another" before a noun or a number is the noun's or the number's
        #expect(!claims("Another shooting was reported nearby.").contains { $0.hasPrefix("injured") || $0.hasPrefix("killed") })
    }

    @Test func ofThemWithNoNounTakesTheGroupBeforeAndIsAWholeCountOfItsOwnFigure() {
        // Given "N of them" after a count of another figure
        let r = RuleExtractor().extract(text: ReportText.normalise("Gunmen abducted 14 passengers and later executed nine of them."))
        let killed = r.claims.first { $0.figure == "killed" }
        #expect(killed?.value == 9 && killed?.group == "civilians" && killed?.isSubCount == false)
        // Negative: "N of them" after a count of the same figure stays a part
        let part = RuleExtractor().extract(text: ReportText.normalise("The strikes killed 22 people, eight of them children.")).claims.first { $0.value == 8 }
        #expect(part?.isSubCount == true && part?.group == "children")
    }

    @Test func anAgeWithoutHyphensIsOnePerson() {
        // Given "a 17 year old" written without hyphens
        #expect(claims("A 14 year old boy is killed and a 17 year old is wounded.").contains("injured people 1 exact"))
        // Negative: an age is not a count of people
        #expect(!claims("The victim was 17 years old.").contains { $0.contains(" 17 ") })
    }

    @Test func struckOrHitByGunfireIsAWound() {
        // Given a passive "struck"/"hit" in the body or by a bullet, in a report of no death
        #expect(claims("A 5-year-old girl was struck in the right hand by a stray bullet.") == ["injured children 1 exact"])
        #expect(claims("The child was hit in the leg and is expected to make a full recovery.") == ["injured children 1 exact"])
        // Negative: no firearm and no survival ("hit by a car"), or a report of a death
        #expect(claims("A man was hit by a car on Main Street.").isEmpty)
        #expect(claims("The man was struck in the chest by a bullet. He died at the hospital.").allSatisfy { !$0.hasPrefix("injured") })
    }

    @Test func sufferingFromAGunshotOrGrazeWoundIsAWound() {
        #expect(claims("Officers found a 45-year-old man suffering from a gunshot wound.") == ["injured people 1 exact"])
        #expect(claims("A teenager suffered a graze wound to the head.") == ["injured people 1 exact"])
        // Negative: another wound noun ("a head wound" from a fall) names no firearm
        #expect(claims("A teenager suffered a head wound in the fall.").isEmpty)
    }

    @Test func treatedAndReleasedStatesSurvival() {
        // Given a death elsewhere in the report, and one shot who was treated and released
        #expect(claims("One man died. The second man was shot in the arm and was treated and released.").contains("injured people 1 exact"))
        // Negative: "released" in another sense
        #expect(claims("One man died. The second man was shot in the arm; police released his name.").allSatisfy { !$0.hasPrefix("injured") })
    }

    @Test func aWoundsDeathCheckStaysInItsClause() {
        // Given a wound, then "and" opening a clause of another person who dies
        #expect(claims("Another 5-year-old was hurt and Juliet Lynch was killed.").contains("injured people 1 exact"))
        // Negative: the same person's death after "and"
        #expect(claims("The man was wounded and later died at the hospital.").allSatisfy { !$0.hasPrefix("injured") })
    }

    @Test func anActiveWoundAfterAKillingInTheSentenceIsAWound() {
        // Given a report of a death, and a sentence killing one person and wounding another
        #expect(claims("Shots were fired inside the home, killing David Smith, 11, and critically injuring his 16-year-old brother.").contains("injured people 1 exact"))
        // Negative: the wound alone in a report of a death (the one wounded may have died later)
        #expect(claims("An accidental shooting critically injured a 16-year-old. The boy died on Friday.").allSatisfy { !$0.hasPrefix("injured") })
    }

    @Test func aTollThatRisesIsOfDeaths() {
        #expect(claims("The toll from the chemical attack has risen to 86.") == ["killed people 86 exact"])
        #expect(claims("The death toll from the attack on the market rose to 27.") == ["killed people 27 exact"])
        // Negative: a number after "to" with no toll
        #expect(claims("The number of checkpoints rose to 27.").isEmpty)
    }

    @Test func aGuardIsAPersonNoun() {
        #expect(claims("A security guard was shot and critically injured outside a restaurant.") == ["injured people 1 exact"])
        // Negative: guards posted, nobody hurt
        #expect(claims("A security guard was posted outside the restaurant.").isEmpty)
    }

    @Test func familiesAreNotCountsOfPeople() {
        #expect(claims("Nine members of one family were shot dead.") == ["killed civilians 9 exact"])
        // Negative: "family members" are people counted
        #expect(claims("Five family members were killed.") == ["killed civilians 5 exact"])
    }
}

@Suite struct SessionFourReviewTests {
    @Test func aPronounAfterAndIsTheOneWoundedWhoDies() {
        // Given a wound, then "and he"/"and police said he" telling of the same person's death
        #expect(claims("The man was wounded and he died at the hospital.").allSatisfy { !$0.hasPrefix("injured") })
        #expect(claims("The man was wounded and police said he died at the hospital.").allSatisfy { !$0.hasPrefix("injured") })
        // Negative: another person named after "and" still ends the clause
        #expect(claims("Another 5-year-old was hurt and Juliet Lynch was killed.").contains("injured people 1 exact"))
    }

    @Test func releasedInAnotherSenseDoesNotHideALaterSurvival() {
        // Given "released" (not "treated and released") before a statement of survival
        #expect(claims("One man died. A second man was shot in the leg after he was released from jail and is in stable condition.")
            .contains("injured people 1 exact"))
        // Negative: "released" alone states no survival
        #expect(claims("One man died. The second man was shot in the arm and released his dog.").allSatisfy { !$0.hasPrefix("injured") })
    }

    @Test func livesAreKilledOnlyWhereAVerbTakesThem() {
        // Given lives taken
        #expect(claims("حصد الزلزال أرواح 300 شخص").contains("killed people 300 exact"))
        #expect(claims("الهجوم يحصد أرواح 6 أشخاص").contains("killed people 6 exact"))
        // Negative: lives saved or protected are no deaths
        #expect(claims("ساهم الفريق في إنقاذ أرواح 30 شخصا").isEmpty)
        #expect(claims("دعت المنظمة إلى حماية أرواح 3 ملايين مدني").isEmpty)
    }

    @Test func theRegimeIsNoSentenceToDeath() {
        // Given الحكم (the regime) right before a verb of killing
        #expect(claims("وقال المرصد إن قوات الحكم قتلت 20 مدنيا").contains("killed civilians 20 exact"))
        // Negative: a sentence to death is no killing
        #expect(claims("وأصدرت محكمة أحكاما بالإعدام على 5 متهمين").isEmpty)
        #expect(claims("وأصدرت المحكمة حكما بإعدام 3 متهمين").isEmpty)
    }

    @Test func aCaptionOpeningAParagraphEndsTheSpeakerOfTheParagraphBefore() {
        // Given a speaker's paragraph, a blank line, a caption line and a sentence naming no speaker
        let r = RuleExtractor().extract(text: "The Syrian Observatory said 5 civilians were killed.\n\nPhoto: the damaged market.\nAnother 3 people were wounded in the shelling.")
        // Then the sentence after the caption is the outlet's, not the speaker's of the paragraph before
        #expect(r.claims.first { $0.figure == "injured" }?.originator == ExtractedClaim.outletOriginator)
        #expect(r.claims.first { $0.figure == "killed" }?.originator == "syrian-observatory-for-human-rights")
    }
}

@Suite struct LongReportTests {
    @Test func restatementsFoldInLinearTime() {
        // Given a long report of thousands of attributed claims, each with its own value
        let text = (0..<4000).map { "وقال مسؤول إن \($0 + 3) مدنيين قتلوا." }.joined(separator: " ")
        // When extracted
        let clock = ContinuousClock()
        var count = 0
        let elapsed = clock.measure { count = RuleExtractor().extract(text: text).claims.count }
        // Then every claim is kept, and folding restatements does not compare every claim with
        // every other (it took quadratic time: 6 s for 10,000 claims in a release build)
        #expect(count == 4000)
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }
}

@Suite struct EnglishRoundTwoTests {
    @Test func singlePersonsWoundedTogetherAreOneCount() {
        // Given two or more single persons joined by "and" who are wounded together
        #expect(claims("A 3-year-old girl and a 19-year-old man were injured during a shooting.") == ["injured people 2 exact"])
        #expect(claims("A man and child were injured Friday during an exchange of gunfire.") == ["injured people 2 exact"])
        #expect(claims("An 11-year-old girl and a 13-year-old boy were hurt in the 600 block.") == ["injured children 2 exact"])
        #expect(claims("Police said a 16-year-old girl, a 17-year-old girl, a 20-year-old woman and a 20-year-old man were shot.") == ["injured people 4 exact"])
        #expect(claims("A man and a woman were shot and wounded outside a bar.") == ["injured people 2 exact"])
        // Negative: a singular verb, a count inside the list, a death in the report for "shot", a later death
        #expect(!claims("The suspect shot a man and a woman was injured.").contains("injured people 2 exact"))
        #expect(!claims("Two children and a man were hurt.").contains("injured people 2 exact"))
        #expect(claims("A man died. A woman and a child had been shot.").allSatisfy { !$0.hasPrefix("injured") })
        // (The count rules' one-person claims there are older and unchanged.)
        #expect(!claims("A man and a woman were wounded and later died.").contains("injured people 2 exact"))
    }

    @Test func oneCivilianByTradeAndPairsAroundIt() {
        // Given one teacher or journalist killed, alone or as one side of a pair
        #expect(claims("A teacher was killed when gunmen stormed the school.") == ["killed civilians 1 exact"])
        #expect(claims("Gunmen killed a teacher and a staff member at the school.") == ["killed people 2 exact"])
        #expect(claims("A man and a woman were found shot to death inside a car.") == ["killed people 2 exact"])
        // Negative: a teacher who is not a casualty, and a pair beside another count of killed
        #expect(claims("A teacher said the school would reopen on Monday.").isEmpty)
        #expect(!claims("Gunmen killed three guards, a teacher and a staff member.").contains("killed people 2 exact"))
    }

    @Test func sentToTheHospitalIsWounded() {
        // Given a count sent, taken or rushed to a hospital by an active verb
        #expect(claims("A shooting sent four people to the hospital with non-life-threatening injuries.") == ["injured people 4 exact"])
        #expect(claims("A man opened fire at a nightclub, sending five to area hospitals.") == ["injured people 5 exact"])
        #expect(claims("The shooting killed two and sent three others to hospitals.").contains("injured people 3 exact"))
        // Negative: sent somewhere else, or a hospital with no sending verb before the count
        #expect(claims("The agency sent four people to the scene.").isEmpty)
        #expect(claims("Four people work at the hospital.").isEmpty)
        #expect(claims("The department sent three officers to the hospital to interview the family.").isEmpty)
        // In a report of a death, only others sent there: those sent may include the one who died
        #expect(claims("The shooting sent four victims to the hospital. One of them died.").allSatisfy { !$0.hasPrefix("injured") })
    }
}
