/// The levels of absence the guidance asks schools to watch.
///
/// Both are "at or above": a pupil who misses exactly 10% of possible sessions is a
/// persistent absentee. A pupil with no possible sessions is neither.
public enum AbsenceThreshold: Int, CaseIterable, Sendable {
    /// Missing 10% or more of possible sessions.
    case persistent = 10
    /// Missing 50% or more of possible sessions.
    case severe = 50

    public var percent: Int { rawValue }

    /// How screens and reports state the threshold: `10%+`.
    public var label: String { "\(percent)%+" }
}
