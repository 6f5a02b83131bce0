/// The national threshold at which a penalty notice must be considered (SI 2024/210 and
/// the penalty framework): 10 sessions of unauthorised absence, any mix of `G N O U`,
/// not necessarily consecutive, within a rolling period of 10 school weeks.
public enum PenaltyThreshold {
    public static let unauthorisedSessions = 10
    public static let schoolWeeks = 10
    /// Where Rollcall starts listing pupils as close to the threshold.
    public static let closeFrom = 7

    /// "10 school weeks": the window, as screens and reports say it.
    public static let window = "\(schoolWeeks) school weeks"
    /// "10+": at the threshold.
    public static let reachedLabel = "\(unauthorisedSessions)+"
    /// "7-9": close to it.
    public static let closeLabel = "\(closeFrom)-\(unauthorisedSessions - 1)"
}
