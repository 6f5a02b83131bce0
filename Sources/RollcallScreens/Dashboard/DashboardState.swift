import RollcallCore
import RollcallTUI

/// The attendance lead's view of the whole school for a period: rates, persistent and
/// severe absence, the weekly trend, year groups, and the lists that need action. Every
/// figure is Core's (`Dashboard`); this only chooses the period and draws.
public struct DashboardState: Screen {
    public let schoolName: String
    public let overview: DashboardOverview
    /// The lists, once worked out: nil in the first frame, which draws the school's
    /// figures without waiting for them, and nil for good if they could not be.
    public private(set) var dashboard: Dashboard?
    /// How to work the lists out, until the shell asks (`settle`).
    private var lists: (@Sendable (DashboardOverview) throws -> Dashboard)?
    public private(set) var period: DashboardPeriod
    public private(set) var figures: DashboardOverview.PeriodFigures
    public internal(set) var help: HelpOverlay?
    public internal(set) var message: String?
    public internal(set) var isError = false
    public internal(set) var size: Size
    /// Opened in a trust's view: no key that writes (the pack, an export, a deletion, a
    /// follow-up done) is offered here or on the lists it opens.
    public let readOnly: Bool
    public let keys: KeyTable<DashboardCommand>

    public init(schoolName: String, dashboard: Dashboard, period: DashboardPeriod = .thisHalfTerm, size: Size, readOnly: Bool = false) {
        self.init(schoolName: schoolName, overview: dashboard.overview, period: period, size: size, readOnly: readOnly)
        self.dashboard = dashboard
    }

    /// The overview now and the lists from `lists` once the first frame is drawn: what
    /// a school's own dashboard does, its lists taking as long as its figures.
    public init(schoolName: String, overview: DashboardOverview, period: DashboardPeriod = .thisHalfTerm, size: Size,
                readOnly: Bool = false, lists: (@Sendable (DashboardOverview) throws -> Dashboard)? = nil) {
        self.init(schoolName: schoolName, opening: (overview, overview.figures(for: period)), size: size, readOnly: readOnly, lists: lists)
    }

    /// The same from an overview and its period's figures worked out together
    /// (`DashboardOverview.opening`).
    public init(schoolName: String, opening: (overview: DashboardOverview, figures: DashboardOverview.PeriodFigures), size: Size,
                readOnly: Bool = false, lists: (@Sendable (DashboardOverview) throws -> Dashboard)? = nil) {
        self.readOnly = readOnly
        keys = readOnly ? DashboardCommand.keys.readOnly : DashboardCommand.keys
        self.schoolName = schoolName
        overview = opening.overview
        self.lists = lists
        period = opening.figures.period
        figures = opening.figures
        self.size = size
    }

    public mutating func settle() -> Bool {
        guard let lists else { return false }
        self.lists = nil
        do {
            dashboard = try lists(overview)
        } catch {
            message = "The lists could not be worked out: \(error)"
            isError = true
        }
        return true
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
        let lists = DashboardLists(schoolName: schoolName, figures: figures, size: size, readOnly: readOnly)
        switch command {
        case .previousPeriod, .nextPeriod:
            let index = periods.firstIndex(of: period) ?? 0
            let next = command == .nextPeriod ? min(periods.count - 1, index + 1) : max(0, index - 1)
            if periods[next] != period {
                period = periods[next]
                figures = overview.figures(for: period)
            }
        case .followUps, .penalty, .calls, .unresolvedN, .missingMarks, .leave, .roll:
            guard let dashboard, let list = lists.open(command, from: dashboard, period: period) else {
                message = "The lists could not be worked out, so this one cannot open"
                isError = true
                return []
            }
            return [.push(list)]
        case .absentees: return [.push(lists.absentees())]
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
