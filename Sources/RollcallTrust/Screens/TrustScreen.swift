import RollcallCore
import RollcallTUI

/// The trust's own screens; from a school's row, the school's screens (`SchoolScreen`)
/// open read-only over what the school published.
public enum TrustScreen: ScreenOrigin {
    /// The trust's schools side by side.
    case schools(DashboardPeriod)
    /// One of the trust's schools: its dashboard, as the school's own lead sees it.
    case school(urn: String, period: DashboardPeriod)
    /// The schools day by day over the last eight weeks, the unusual days marked.
    case days
}
