/// A share of sessions or pupils, kept as the exact fraction it came from.
///
/// DfE publishes rates to one decimal place. Rounding is done on the fraction with
/// integers (half up), so 1/8 shows as 12.5 and 1/800 as 0.1 with no floating-point
/// surprises, and comparisons with thresholds never depend on rounding.
public struct Percentage: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    /// nil when there is nothing to divide by: a rate over no sessions is not zero, it
    /// does not exist.
    public init?(_ numerator: Int, of denominator: Int) {
        guard denominator > 0 else { return nil }
        self.numerator = numerator
        self.denominator = denominator
    }

    public var value: Double { Double(numerator) * 100 / Double(denominator) }

    /// Tenths of a percent, rounded half up: 125 for 12.5%.
    public var tenths: Int { (numerator * 2000 + denominator) / (2 * denominator) }

    /// One decimal place, as DfE publishes: `12.5`.
    public var description: String { "\(tenths / 10).\(tenths % 10)" }

    /// Whether the share is at or above `percent`%, decided exactly.
    public func isAtLeast(_ percent: Int) -> Bool { numerator * 100 >= denominator * percent }

    public static func < (lhs: Percentage, rhs: Percentage) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    public static func == (lhs: Percentage, rhs: Percentage) -> Bool {
        lhs.numerator * rhs.denominator == rhs.numerator * lhs.denominator
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
