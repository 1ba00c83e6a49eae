import Events
import Foundation
import Testing
@testable import Extraction

/// ../shared next to the worktree, when it is there.
let sharedDirectory: URL? = {
    var dir = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { dir.deleteLastPathComponent() }
    for candidate in [dir.deletingLastPathComponent().appendingPathComponent("shared"), dir.appendingPathComponent("../shared")] {
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("corpus/gold.json").path) { return candidate.standardizedFileURL }
    }
    return nil
}()

@Suite struct EvaluationTests {
    @Test func developmentScoresStayAboveTheirFloors() throws {
        // Given the development sets in ../shared
        guard let shared = sharedDirectory else {
            print("skipped: ../shared is absent, so the development sets cannot be scored")
            return
        }
        // When rules@1 is scored on them
        let scores = try ExtractionEvaluation.run(sharedDirectory: shared)
        for s in scores { print(s) }
        // Then each set stays above a floor a little under what was measured
        let byName = Dictionary(uniqueKeysWithValues: scores.map { ($0.name, $0) })
        #expect((byName["seeds"]?.f1 ?? 0) >= Floors.seedsF1)
        #expect((byName["pitf"]?.exactMatch ?? 0) >= Floors.pitf)
        #expect((byName["fakes"]?.exactMatch ?? 0) >= Floors.fakes)
        #expect((byName["arabic"]?.f1 ?? 0) >= Floors.arabicF1)
    }

    @Test func debugDump() throws {
        // EXTRACTION_DATA names another folder in the shared layout (Blind/dev, a held-out copy).
        let data = ProcessInfo.processInfo.environment["EXTRACTION_DATA"].map { URL(fileURLWithPath: $0) } ?? sharedDirectory
        guard ProcessInfo.processInfo.environment["EXTRACTION_DEBUG"] != nil, let shared = data else { return }
        let x = RuleExtractor()
        let which = ProcessInfo.processInfo.environment["EXTRACTION_DEBUG"]!
        if which.hasPrefix("text:") {
            let r = x.extract(text: ReportText.normalise(String(which.dropFirst(5))))
            for c in r.claims { print("  P", c.incident, c.figure, c.group ?? "-", c.value.map { String(Int($0)) } ?? "null", c.bound.rawValue, c.isSubCount, "|", c.originator, c.via, "|", c.quotes.map(\.text)) }
        } else if which == "arabic" {
            let lines = try String(contentsOf: shared.appendingPathComponent("eval/arabic/sentences.dev.jsonl"), encoding: .utf8).split(separator: "\n")
            for l in lines {
                let o = try JSONSerialization.jsonObject(with: Data(l.utf8)) as! [String: Any]
                let r = x.extract(text: ReportText.normalise(o["sentence"] as! String))
                print("##", o["sentence"] as! String)
                for c in (o["claims"] as! [[String: Any]]) { print("  G", c["figure"]!, c["group"]!, c["value"]!, c["bound"]!) }
                for c in r.claims { print("  P", c.figure, c.group ?? "-", c.value.map { String(Int($0)) } ?? "null", c.bound.rawValue, "|", c.originator, c.via, "|", c.quotes.map(\.text)) }
            }
        } else if which == "pitf" || which == "fakes" {
            let lines = try String(contentsOf: shared.appendingPathComponent("eval/extraction/\(which).dev.jsonl"), encoding: .utf8).split(separator: "\n")
            for l in lines {
                let o = try JSONSerialization.jsonObject(with: Data(l.utf8)) as! [String: Any]
                if which == "fakes" {
                    let text = [o["title"] as? String, o["content"] as? String].compactMap { $0 }.joined(separator: ".\n")
                    let r = x.extract(text: ReportText.normalise(text), published: ExtractionEvaluation.day(o["date"]))
                    let killed = r.mainClaims.filter { $0.figure == "killed" && $0.value != nil }
                    let civ = killed.first(where: { $0.group == "civilians" }) ?? killed.first(where: { $0.group == "people" })
                    let gold = (o["nb_civilians"] as? NSNumber)?.intValue ?? -1
                    if Int(civ?.value ?? 0) != gold {
                        print("## civilians gold", gold, "pred", Int(civ?.value ?? 0), "|", String(text.prefix(300)).replacingOccurrences(of: "\n", with: " "))
                        for c in killed.prefix(6) { print("  P", c.group ?? "-", Int(c.value!), c.bound.rawValue, c.quotes.map(\.text)) }
                    }
                }
                if which == "pitf" {
                    let r = x.extract(text: ReportText.normalise(o["description"] as! String), published: ExtractionEvaluation.day(o["date"]))
                    let d = ExtractionEvaluation.deaths(in: r)
                    if d != (o["deaths"] as! NSNumber).intValue {
                        print("## gold", o["deaths"]!, "pred", d, "|", o["description"] as! String)
                        for c in r.claims where c.figure == "killed" { print("  P", c.incident, c.group ?? "-", c.value ?? -1, c.bound.rawValue, c.quotes.map(\.text)) }
                    }
                }
            }
        } else if which == "seeds" {
            // Per article: gold claims missed (-) and predictions not in the gold (+).
            let (gold, predicted, quotes) = try ExtractionEvaluation.seedKeys(shared.appendingPathComponent("corpus"), x)
            var left = gold
            var extra: [String] = []
            for (k, q) in zip(predicted, quotes) {
                if let i = left.firstIndex(of: k) { left.remove(at: i) } else { extra.append("+ \(k) | \(q)") }
            }
            for line in (left.map { "- \($0)" } + extra).sorted(by: { $0.dropFirst(2) < $1.dropFirst(2) }) { print(line) }
        } else {
            let dir = shared.appendingPathComponent("corpus/articles")
            for f in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() {
                let r = try x.extract(bytes: Array(FileManager.default.contents(atPath: dir.appendingPathComponent(f).path)!), published: .unknown)
                print("##", f, r.incident)
                for c in r.claims { print("  P", c.incident, c.figure, c.group ?? "-", c.value.map { String(Int($0)) } ?? "null", c.bound.rawValue, "|", c.originator, c.via, "|", c.quotes.map(\.text)) }
            }
        }
    }
}

/// The challenge sets the team wrote while generalising the rules (Challenge/README.md). They
/// were written and fixed against by the same people, so they guard against regressions; they do
/// not measure how the rules do on unseen text.
@Suite struct ChallengeSetTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Challenge")

    @Test func arabicSentences() throws {
        let score = try ExtractionEvaluation.arabicSentences(Self.folder.appendingPathComponent("arabic.jsonl"))
        print(score)
        #expect(score.items == 96)
        #expect((score.f1 ?? 0) >= 0.95)
    }

    @Test func englishCases() throws {
        // figure, group, value, bound and originator, matched as a multiset per case
        var tp = 0, predicted = 0, gold = 0
        let lines = try String(contentsOf: Self.folder.appendingPathComponent("english.jsonl"), encoding: .utf8).split(separator: "\n")
        for line in lines {
            let case_ = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let result = RuleExtractor().extract(text: ReportText.normalise(case_["text"] as? String ?? ""))
            let p = result.claims.map { "\($0.figure) \($0.group ?? "-") \($0.value.map { String(Int($0)) } ?? "null") \($0.bound.rawValue) \($0.originator)" }
            let g = (case_["claims"] as? [[String: Any]] ?? []).map { c in
                "\(c["figure"] as? String ?? "") \(c["group"] as? String ?? "-") \((c["value"] as? NSNumber).map { String(Int($0.doubleValue)) } ?? "null") \(c["bound"] as? String ?? "") \(c["originator"] as? String ?? "")"
            }
            tp += ExtractionEvaluation.matches(p, g); predicted += p.count; gold += g.count
        }
        let (precision, recall, f1) = ExtractionEvaluation.prf(tp: tp, predicted: predicted, gold: gold)
        print(String(format: "english challenge: P %.3f R %.3f F1 %.3f", precision, recall, f1))
        #expect(lines.count == 112)
        // 0.968 on the first 80 cases; the 32 of round two (h01–h32) were written before their
        // rules and keep the cases the rules still miss: 0.917 over all 112.
        #expect(f1 >= 0.91)
    }
}

@Suite struct BlindSetTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Blind")

    @Test(arguments: [("dev", 0.70, 0.84), ("test", 0.38, 0.67)])
    func blindScoresStayAboveTheirFloors(half: String, articlesF1: Double, arabicF1: Double) throws {
        // Given the blind sets (Blind/README.md), each half in the shared layout
        // When rules@1 is scored on them
        let scores = try ExtractionEvaluation.run(sharedDirectory: Self.folder.appendingPathComponent(half))
        for s in scores { print("blind \(half) \(s)") }
        let byName = Dictionary(uniqueKeysWithValues: scores.map { ($0.name, $0) })
        // Then each stays above a floor a little under what session 5 measured
        #expect((byName["seeds"]?.f1 ?? 0) >= articlesF1)
        #expect((byName["arabic"]?.f1 ?? 0) >= arabicF1)
    }
}

/// A little under what rules@1 measured (session 5: seeds F1 0.978, PITF 0.873, FA-KES 0.822,
/// Arabic F1 0.928).
enum Floors {
    static let seedsF1 = 0.95
    static let pitf = 0.86
    static let fakes = 0.81
    static let arabicF1 = 0.92
}
