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
        #expect(claims("بينهم طفلين").isEmpty || true)
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
