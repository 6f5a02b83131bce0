import RollcallCore
import RollcallScreens
import RollcallTUI

/// The trust's first screen: its schools as the rows of a dashboard, for a period chosen
/// as on a school's dashboard. Enter opens the school's own dashboard, from which its
/// year groups, lists and pupils open with the keys a school's lead knows.
public struct TrustSchoolsState: Screen {
    public let overview: TrustOverview
    public private(set) var period: DashboardPeriod
    public private(set) var table: TableState

    public init(overview: TrustOverview, period: DashboardPeriod = .thisHalfTerm, size: Size) {
        self.overview = overview
        self.period = period
        table = TrustSchoolsState.table(overview, period, size: size)
        // A school whose rows could not be read is left out, and said so on opening.
        if !overview.unreadable.isEmpty { table.show(overview.unreadable.joined(separator: "; "), isError: true) }
    }

    public var origin: (any ScreenOrigin)? { TrustScreen.schools(period) }
    public var size: Size { table.size }

    public mutating func receive(_ outcome: Outcome) {
        table.receive(outcome)
    }

    public mutating func handle(_ key: Key, in context: ScreenContext) -> [ScreenEffect] {
        if table.isFiltering || table.isShowingHelp { return table.handle(key, in: context) }
        guard let command = TrustSchoolsCommand.keys.action(for: key) else {
            if case .resize = key { return table.handle(key, in: context) }
            if case .click = key { return table.handle(key, in: context) }
            return TrustSchoolsCommand.listKeys.action(for: key) == nil ? [] : table.handle(key, in: context)
        }
        table.show(nil, isError: false)
        switch command {
        case .previousPeriod, .nextPeriod:
            let periods = DashboardPeriod.allCases
            let index = periods.firstIndex(of: period) ?? 0
            let next = periods[command == .nextPeriod ? min(periods.count - 1, index + 1) : max(0, index - 1)]
            guard next != period else { return [] }
            period = next
            // The same school stays under the cursor, and the sort and filter stay.
            var table = TrustSchoolsState.table(overview, period, size: size)
            table.filter = self.table.filter
            table.sortColumn = self.table.sortColumn
            table.descending = self.table.descending
            table.reorder()
            let chosen = self.table.selected?.tag
            table.cursor = table.rows.firstIndex { $0.tag == chosen }.flatMap { table.order.firstIndex(of: $0) } ?? 0
            table.keepCursorVisible()
            self.table = table
        case .open:
            guard let tag = table.selected?.tag else { return [] }
            return [.open(TrustScreen.school(urn: overview.schools[tag].urn, period: period))]
        case .days:
            return [.open(TrustScreen.days)]
        case .help:
            table.help = HelpOverlay("Keys on the trust's schools", TrustSchoolsCommand.helpSections)
        }
        return []
    }

    public func render() -> CellBuffer {
        var buffer = table.render()
        guard !table.isFiltering, table.message == nil, TooSmall.notice(size, needs: TableState.minimumSize) == nil
        else { return buffer }
        let y = size.height - 1
        buffer.fill(x: 0, y: y, width: size.width, role: .footer)
        buffer.put(table.filterNote + TrustSchoolsCommand.footer, x: 0, y: y, role: .footer)
        return buffer
    }

    static let columns = [
        // A school's name is read whole: it goes on to a second line rather than being cut.
        TableColumn("School", width: 12, flexible: true, wraps: true), .number("Pupils", width: 6), .number("Attend%", width: 7), .number("PA", width: 4),
        .number("PA%", width: 5), .number("SA", width: 3), .number("SA%", width: 5), .number("Penalty", width: 7), .number("Open", width: 4),
        TableColumn("Published", width: 11),
    ]

    private static func table(_ overview: TrustOverview, _ period: DashboardPeriod, size: Size) -> TableState {
        let schools = overview.schools.enumerated().map { index, school in
            row(school.name, school.figures[period] ?? CohortFigures(), penalty: school.penaltyReached, open: school.followUpsOpen,
                published: TableCell(school.publishedAt.map { String($0.dropFirst(5)) } ?? "never", role: school.publishedAt == nil ? .warning : .dim),
                tag: index)
        }
        // The trust's own row first, pinned there: every school's pupils as one.
        let trust = row("Trust", overview.trust(period), penalty: overview.penaltyReached, open: overview.followUpsOpen,
                        published: TableCell(""), tag: nil)
        return TableState(title: "Trust: \(period.title)",
                          note: "Each school's own dashboard figures as at \(overview.today), the trust's over all its pupils; "
                              + "PA: persistently absent (\(AbsenceThreshold.persistent.label)), SA: severe (\(AbsenceThreshold.severe.label)); "
                              + "Penalty: at the threshold; Open: follow-ups as the school last published",
                          columns: columns, rows: [trust] + schools, exportName: "trust-schools", size: size, keys: TableCommand.keys.readOnly,
                          help: ("Keys on the trust's schools", TrustSchoolsCommand.helpSections), pinned: 1)
    }

    private static func row(_ name: String, _ figures: CohortFigures, penalty: Int, open: Int, published: TableCell, tag: Int?) -> TableRow {
        TableRow([
            TableCell(name), .number(figures.pupils), .rate(figures.sessions.attendanceRate),
            .number(figures.persistentAbsentees), .rate(figures.persistentAbsenceRate),
            .number(figures.severeAbsentees), .rate(figures.severeAbsenceRate, role: figures.severeAbsentees > 0 ? .unauthorised : .normal),
            .number(penalty, role: penalty > 0 ? .unauthorised : .normal), .number(open, role: open > 0 ? .warning : .normal), published,
        ], tag: tag)
    }
}
