/// The national threshold at which a penalty notice must be considered (SI 2024/210 and
/// the penalty framework): 10 sessions of unauthorised absence, any mix of `G N O U`,
/// not necessarily consecutive, within a rolling period of 10 school weeks.
public enum PenaltyThreshold {
    public static let unauthorisedSessions = 10
    public static let schoolWeeks = 10
    /// Where Rollcall starts listing pupils as close to the threshold.
    public static let closeFrom = 7
}
