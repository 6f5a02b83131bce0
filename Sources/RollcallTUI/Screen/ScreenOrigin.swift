import RollcallCore

/// A screen the shell can build from the records.
public enum ScreenOrigin: Hashable, Sendable {
    case picker
    case register(group: String, session: Session)
    case dashboard(DashboardPeriod)
    case followUps
    case roll(DashboardPeriod)
    case pupil(UPN)
}
