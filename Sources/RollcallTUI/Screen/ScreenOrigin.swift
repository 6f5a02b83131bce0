import RollcallCore

/// A screen the shell can build from the records.
public enum ScreenOrigin: Hashable, Sendable {
    case picker
    case register(group: String, session: Session)
    case dashboard(DashboardPeriod)
    case followUps
    case roll(DashboardPeriod)
    case pupil(UPN)
    /// A trust's schools side by side (`rollcall tui --trust`).
    case trust(DashboardPeriod)
    /// One of the trust's schools: its dashboard, as the school's own lead sees it.
    case school(urn: String, period: DashboardPeriod)
}
