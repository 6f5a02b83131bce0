import RollcallCore
import RollcallTUI

/// The attendance lead's view of the whole school for a period: rates, persistent and
/// severe absence, the weekly trend, year groups, and the lists that need action. Every
/// figure is Core's (`Dashboard`); this only chooses the period and draws.
public struct DashboardState: Screen {
    public let schoolName: String
    public let dashboard: Dashboard
    public private(set) var period: DashboardPeriod
    public private(set) var figures: Dashboard.PeriodFigures
    public internal(set) var help: HelpOverlay?
    public internal(set) var message: String?
    public internal(set) var isError = false
    public internal(set) var size: Size
    /// Opened in a trust's view: no key that writes (the pack, an export, a deletion, a
    /// follow-up done) is offered here or on the lists it opens.
    public let readOnly: Bool
    public let keys: KeyTable<DashboardCommand>

    public init(schoolName: String, dashboard: Dashboard, period: DashboardPeriod = .thisHalfTerm, size: Size, readOnly: Bool = false) {
        self.readOnly = readOnly
        keys = readOnly ? DashboardCommand.keys.readOnly : DashboardCommand.keys
        self.schoolName = schoolName
        self.dashboard = dashboard
        self.period = period
        figures = dashboard.figures(for: period)
        self.size = size
    }

    public var origin: (any ScreenOrigin)? { SchoolScreen.dashboard(period) }

    public mutating func receive(_ outcome: Outcome) {
        message = outcome.message
        isError = outcome.isError
    }

    public mutating func handle(_ key: Key, in context: ScreenContext) -> [ScreenEffect] {
        if case let .resize(newSize) = key {
            size = newSize
            return []
        }
        message = nil
        if help.take(key, size: size) { return [] }
        guard let command = keys.action(for: key) else { return [] }
        let periods = DashboardPeriod.allCases
        let lists = DashboardLists(schoolName: schoolName, dashboard: dashboard, figures: figures, size: size, readOnly: readOnly)
        switch command {
        case .previousPeriod, .nextPeriod:
            let index = periods.firstIndex(of: period) ?? 0
            let next = command == .nextPeriod ? min(periods.count - 1, index + 1) : max(0, index - 1)
            if periods[next] != period {
                period = periods[next]
                figures = dashboard.figures(for: period)
            }
        case .followUps: return [.push(FollowUpState(dashboard: dashboard, size: size, readOnly: readOnly))]
        case .absentees: return [.push(lists.absentees())]
        case .penalty: return [.push(lists.penalty())]
        case .calls: return [.push(lists.calls())]
        case .unresolvedN: return [.push(lists.unresolvedN())]
        case .missingMarks: return [.push(lists.missingMarks())]
        case .leave: return [.push(lists.leave())]
        case .roll: return [.push(RollState(dashboard: dashboard, period: period, size: size, readOnly: readOnly))]
        case .forms: return [.push(lists.cohorts(figures.byForm, title: "Forms"))]
        case .yearGroups: return [.push(lists.cohorts(figures.byYearGroup, title: "Year groups"))]
        case .cohorts: return [.push(CohortState(rows: figures.rows, periodTitle: lists.periodText, size: size, readOnly: readOnly))]
        case .pupils: return [.push(lists.pupils(filtering: key == .character("/")))]
        case .pack:
            guard let days = figures.days else {
                message = "\(period.title) has no school days yet: choose another period with ← →"
                return []
            }
            return [.perform(SchoolTask.pack(title: period.title, days: days))]
        case .help: help = HelpOverlay("Keys on the dashboard", [keys.section])
        case .back: return [.back]
        case .quit: return [.quit]
        }
        return []
    }
}
