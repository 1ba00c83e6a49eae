import Foundation

/// How close two values of a numeric figure must be to speak for the same figure, learned from
/// the ledger: where sources repeat figures exactly (copied counts, census tables), only equal
/// values agree; where they measure with noise (ratings, estimates), a value close to many
/// claims is better supported than one that a single claim states exactly.
///
/// Learned per figure, over its items with three or more point claims:
/// - when most point claims sit exactly on their item's median, the figure is copied and
///   comparison stays exact;
/// - otherwise the kernel is 2.11 σ wide (Welsch's width for 95 % efficiency under Gaussian
///   noise), where σ is 1.4826 × the median distance of a point claim from the median of the
///   *other* claims of its item;
/// - the share of copies (where some sources copy and others measure) discounts a near value's
///   support: it counts (1 − share) × the kernel. A copy is a claim that another claim of its item
///   states exactly, beyond what chance gives where values are coarse: on a smooth spread, pairs
///   one written step apart are as common as equal pairs (``copyShare(_:)``).
///
/// The scale is learned too. Signed figures are compared on their values. Non-negative ones are
/// compared on log(1 + x) when their noise grows with the figure (a toll of 1,000 is reported
/// less precisely than a toll of 10) and on their values when it does not (ratings on a fixed
/// range): the scale chosen is the one on which the items' spreads vary least (the smaller
/// variance of the log of each item's median absolute deviation).
public enum Closeness {
    /// Welsch's tuning constant (2.9846, 95 % Gaussian efficiency) as the width of a Gaussian kernel, in σ.
    static let widthInSigmas = 2.9846 / 2.0.squareRoot()
    /// Fewer residuals than this learn nothing: the figure is compared exactly.
    static let minimumResiduals = 10

    /// The learned comparison of one figure: its scale, kernel width, and the share of claims
    /// that copy another's figure.
    public struct Width: Codable, Hashable, Sendable {
        public var logScale: Bool
        public var width: Double
        /// Share of point claims that repeat another claim of their item, beyond chance (see
        /// ``Closeness``): where some sources copy and others measure, a value stated exactly counts
        /// more than one merely near.
        public var copyShare: Double

        init(logScale: Bool, width: Double, copyShare: Double) {
            self.logScale = logScale
            self.width = width
            self.copyShare = copyShare
        }

        // Models stored before `copyShare` existed read as no copying.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            logScale = try c.decode(Bool.self, forKey: .logScale)
            width = try c.decode(Double.self, forKey: .width)
            copyShare = try c.decodeIfPresent(Double.self, forKey: .copyShare) ?? 0
        }
    }

    /// Per figure (signed items apart, ``key(of:)``), the learned scale and width; figures
    /// compared exactly are absent.
    static func widths(of items: [Item]) -> [String: Width] {
        // Per key, each item's point values in ascending order (log1p keeps the order).
        var points: [String: [[Double]]] = [:]
        for item in items where item.isNumeric {
            let values = item.kept.compactMap(\.pointValue).sorted()
            if values.count >= 3 { points[key(of: item), default: []].append(values) }
        }
        var out: [String: Width] = [:]
        for (key, items) in points {
            // Counts are compared on the log scale unless their values show a steadier spread.
            let logScale = !key.hasPrefix(signedPrefix) && !(spreadVariance(items, scale: { $0 }) < spreadVariance(items, scale: log1p))
            // Deviations from the item's median decide whether the figure is copied (most are 0);
            // deviations from the median of the *other* claims measure the spread (a claim is never
            // compared with itself).
            var residuals: [Double] = [], others: [Double] = []
            for values in items {
                let xs = logScale ? values.map(log1p) : values
                let m = medianOfSorted(xs)
                residuals.append(contentsOf: xs.map { abs($0 - m) })
                for i in xs.indices { others.append(abs(xs[i] - medianOfSorted(xs, without: i))) }
            }
            guard residuals.count >= minimumResiduals, medianOfSorted(residuals.sorted()) > 0 else { continue }
            let sigma = 1.4826 * medianOfSorted(others.sorted())
            if sigma > 0 { out[key] = Width(logScale: logScale, width: widthInSigmas * sigma, copyShare: copyShare(items)) }
        }
        return out
    }

    /// Share of claims that copy: the share of claims another claim of their item states exactly,
    /// times the part of those equal pairs that chance does not explain. On a smooth spread, pairs
    /// one written step apart (``step(of:)``: 1 for 37, 100 for 12,300, 0.01 for 34.25) are as
    /// common as equal pairs, so chance is half the pairs a step apart, above and below. Claims at
    /// the figure's lowest or highest value are left out: a pile against the end of a scale
    /// (ratings of 100) is no copying. `items` hold their values in ascending order.
    static func copyShare(_ items: [[Double]]) -> Double {
        guard let lowest = items.compactMap(\.first).min(), let highest = items.compactMap(\.last).max() else { return 0 }
        var claims = 0, repeated = 0, equalPairs = 0, stepPairs = 0
        for values in items {
            for v in values where v != lowest && v != highest {
                claims += 1
                let equal = count(values, v, tolerance: 0) - 1
                if equal > 0 { repeated += 1 }
                equalPairs += equal
                let step = step(of: v)
                stepPairs += count(values, v + step, tolerance: step / 1000) + count(values, v - step, tolerance: step / 1000)
            }
        }
        guard claims > 0, equalPairs > 0 else { return 0 }
        let unexplained = max(0, 1 - Double(stepPairs) / 2 / Double(equalPairs))
        return Double(repeated) / Double(claims) * unexplained
    }

    /// The unit of a value's last written digit: 1 for 37, 100 for 12,300 (trailing zeros may be
    /// rounding), 0.01 for 34.25. A value stored from "34.20" reads as 34.2, so its step is 0.1.
    static func step(of value: Double) -> Double {
        var scale = 1.0
        for _ in 0..<12 {
            let scaled = (value * scale).magnitude
            if (scaled - scaled.rounded()).magnitude <= 8 * scaled.ulp { break }
            scale *= 10
        }
        guard scale == 1, value != 0 else { return 1 / scale }
        var step = 1.0
        while (value / (step * 10)).rounded() * step * 10 == value, step < 1e15 { step *= 10 }
        return step
    }

    /// How many of ascending `values` lie within `tolerance` of `target`.
    static func count(_ values: [Double], _ target: Double, tolerance: Double) -> Int {
        lowerBound(values, target - tolerance, inclusive: true).distance(to: lowerBound(values, target + tolerance, inclusive: false))
    }

    /// The first index whose value is not below `bound` (`inclusive`) or is above it.
    static func lowerBound(_ values: [Double], _ bound: Double, inclusive: Bool) -> Int {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if inclusive ? values[mid] < bound : values[mid] <= bound { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Variance of the log of each item's median absolute deviation on a scale (items whose claims
    /// mostly coincide are left out); infinite with fewer than two such items. `items` hold their
    /// values in ascending order.
    static func spreadVariance(_ items: [[Double]], scale: (Double) -> Double) -> Double {
        var logs: [Double] = []
        for values in items {
            let xs = values.map(scale)
            let m = medianOfSorted(xs)
            let mad = medianOfSorted(xs.map { abs($0 - m) }.sorted())
            if mad > 0 { logs.append(log(mad)) }
        }
        guard logs.count >= 2 else { return .infinity }
        let mean = logs.reduce(0, +) / Double(logs.count)
        return logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(logs.count - 1)
    }

    static let signedPrefix = "signed "

    /// Items of one figure share a width, except items with a negative claim, learned apart.
    static func key(of item: Item) -> String {
        item.kept.contains { $0.low < 0 } ? signedPrefix + item.key.figure : item.key.figure
    }

    /// How much a claim holding [low, high] (on the item's scale) speaks for `value`: 1 inside;
    /// outside, a Gaussian of the distance, scaled by the share of claims that are not copies.
    static func support(low: Double, high: Double, value: Double, comparison: Width) -> Double {
        let d = value < low ? low - value : value > high ? value - high : 0
        return d == 0 ? 1 : (1 - comparison.copyShare) * exp(-0.5 * (d / comparison.width) * (d / comparison.width))
    }
}

extension [String: Closeness.Width] {
    /// How an item's values are compared, when its figure has a learned closeness.
    func comparison(for item: Item) -> Closeness.Width? { item.isNumeric ? self[Closeness.key(of: item)] : nil }
}

extension Item {
    /// Each claim's kernel support of every candidate (see ``Closeness``).
    func closeSupports(comparison: Closeness.Width) -> [[Double]] {
        let scale: (Double) -> Double = comparison.logScale ? log1p : { $0 }
        let values = candidates.map { scale($0.number!) }
        return kept.map { c in
            let low = c.low.isFinite ? scale(c.low) : -.infinity, high = c.high.isFinite ? scale(c.high) : .infinity
            return values.map { Closeness.support(low: low, high: high, value: $0, comparison: comparison) }
        }
    }

    /// Support of every candidate: the reliability-weighted sum of the claims' kernel supports.
    func closeSupport(_ perClaim: [[Double]], reliability: [Double]) -> [Double] {
        var s = [Double](repeating: 0, count: candidates.count)
        for (i, supports) in perClaim.enumerated() {
            for (j, support) in supports.enumerated() { s[j] += (reliability[i] + 1e-9) * support }
        }
        return s
    }
}
