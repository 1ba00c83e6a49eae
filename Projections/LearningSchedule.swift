/// When a ledger's source reliability is learned.
///
/// Truth discovery learns every source's weight from every claim, so learning costs time in
/// proportion to the whole ledger. Learning after every append would make each append as slow
/// as a rebuild; instead a ledger learns at *learning points*: the end of every transaction
/// while the ledger is small, and beyond that the end of the first transaction that takes it a
/// fixed fraction (5 %) past the previous learning point. Between learning points, new claims are
/// weighed with the weights last learned, and only the incidents they touch are recomputed.
///
/// Learning points are a function of the log alone (positions and the transactions they were
/// recorded in), so the projections at any position are the same whether computed at once, kept
/// up to date write by write, or asked for later with `--at-position`. A bulk import is one
/// transaction, so its weights are learned from everything it brought.
public struct LearningSchedule: Sendable, Hashable {
    /// Up to this position, every transaction's end is a learning point.
    public var everyTransactionUpTo: Int64
    /// Beyond, a transaction's end is a learning point once the ledger has grown by this
    /// fraction since the last one.
    public var growth: Double

    public init(everyTransactionUpTo: Int64 = 1_000, growth: Double = 0.05) {
        self.everyTransactionUpTo = everyTransactionUpTo
        self.growth = growth
    }

    public static let standard = LearningSchedule()

    /// Whether the transaction ending at `end` is a learning point, the last one being `last`.
    public func isLearningPoint(_ end: Int64, after last: Int64) -> Bool {
        end <= everyTransactionUpTo || Double(end) >= Double(last) * (1 + growth)
    }

    /// The last learning point among transaction ends (increasing), continuing from `last`.
    public func learningPoint(transactionEnds: some Sequence<Int64>, after last: Int64) -> Int64 {
        var point = last
        for end in transactionEnds where end > point && isLearningPoint(end, after: point) { point = end }
        return point
    }
}

/// The projections of a ledger at one position: consensus, history and audit over the state
/// there, weighed with the reliability learned at the learning point at or before it.
public struct LedgerProjections: Sendable {
    /// Over the whole state, with the learned weights.
    public let context: ProjectionContext
    /// Where the weights were learned (its reliability table is the ledger's).
    public let learned: ProjectionContext

    /// `learningState` is the state at the learning point: a prefix of `state`'s log.
    public init(state: ClaimsState, learningState: ClaimsState, options: ProjectionOptions = ProjectionOptions()) {
        let learned = ProjectionContext(state: learningState, options: options)
        self.learned = learned
        context = learningState.position == state.position ? learned : ProjectionContext(state: state, options: options, weights: learned.weights)
    }

    public var position: Int64 { context.state.position }
    public var learnedAt: Int64 { learned.state.position }
    public var reliabilityTable: [SourceReliability] { learned.reliabilityTable }

    public func snapshot() -> ProjectionSnapshot {
        let consensus = context.consensus()
        return ProjectionSnapshot(position: position, consensus: consensus, reliability: reliabilityTable,
                                  inconsistencies: context.inconsistencies(among: consensus))
    }
}
