import Testing
@testable import Projections

@Suite("Learning schedule")
struct LearningScheduleTests {
    @Test("every transaction is a learning point up to 1,000 events, then each 5 % of growth")
    func standardSchedule() {
        let schedule = LearningSchedule.standard
        #expect(schedule.learningPoint(transactionEnds: [5, 10, 999, 1000], after: 0) == 1000)
        // 1,030 and 1,049 are less than 5 % past 1,000; 1,050 is; 1,100 is not 5 % past 1,050.
        #expect(schedule.learningPoint(transactionEnds: [1030, 1049, 1050, 1100], after: 1000) == 1050)
        #expect(schedule.learningPoint(transactionEnds: [1100], after: 1050) == 1050)
        #expect(schedule.learningPoint(transactionEnds: [1103], after: 1050) == 1103)
    }

    @Test("a bulk load is one transaction, so it learns from everything it brought")
    func bulkLoad() {
        #expect(LearningSchedule.standard.learningPoint(transactionEnds: [25_000], after: 0) == 25_000)
        #expect(LearningSchedule.standard.learningPoint(transactionEnds: [200_000], after: 100_000) == 200_000)
    }

    @Test("with no learning point yet the weights come from the empty ledger")
    func nothingYet() {
        #expect(LearningSchedule(everyTransactionUpTo: 0, growth: 0.05).learningPoint(transactionEnds: [], after: 0) == 0)
    }
}
