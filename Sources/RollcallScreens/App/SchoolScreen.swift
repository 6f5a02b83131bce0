import RollcallCore
import RollcallTUI

/// A school's screen the app can build from its records.
public enum SchoolScreen: ScreenOrigin {
    case picker
    case register(group: String, session: Session)
    case dashboard(DashboardPeriod)
    case followUps
    case roll(DashboardPeriod)
    case pupil(UPN)
}

extension TableRow {
    /// A row about a pupil: Enter opens their history.
    public init(_ cells: [TableCell], upn: UPN?, tag: Int? = nil) {
        self.init(cells, opens: upn.map { SchoolScreen.pupil($0) }, tag: tag)
    }

    /// The pupil the row is about, if any.
    public var upn: UPN? {
        guard case let .pupil(upn)? = opens as? SchoolScreen else { return nil }
        return upn
    }
}
