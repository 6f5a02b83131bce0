import RollcallCore
import RollcallTUI

extension DashboardState {
    public static let minimumSize = Size(width: 64, height: 20)

    public func render() -> CellBuffer {
        if let notice = TooSmall.notice(size, needs: DashboardState.minimumSize) { return notice }
        var buffer = CellBuffer(size)
        buffer.fill(x: 0, y: 0, width: size.width, role: .header)
        let session = overview.session.map { " · \(Clock.day($0.date)) \($0.part.rawValue)" } ?? ""
        buffer.put("\(schoolName) · Attendance\(session)", x: 0, y: 0, role: .header)
        let lists = DashboardLists(schoolName: schoolName, figures: figures, size: size, readOnly: readOnly)
        buffer.put("◀ \(lists.periodText) ▶", x: 0, y: 1, role: .selection)
        renderSchool(at: 3, into: &buffer)
        let listsHeight = 9
        let tableRows = max(1, size.height - 1 - listsHeight - 8)
        let afterTable = renderYearGroups(at: 7, rows: tableRows, into: &buffer)
        renderLists(at: afterTable + 1, into: &buffer)
        let footer = message ?? keys.footer
        let role: StyleRole = message != nil && isError ? .warning : .footer
        buffer.fill(x: 0, y: size.height - 1, width: size.width, role: role)
        buffer.put(footer, x: 0, y: size.height - 1, role: role)
        help?.draw(into: &buffer)
        return buffer
    }

    private func renderSchool(at y: Int, into buffer: inout CellBuffer) {
        let school = figures.school, sessions = school.sessions
        func rate(_ value: Percentage?) -> String { value.map { "\($0)%" } ?? "-" }
        buffer.put("School", x: 0, y: y, role: .dim)
        buffer.put("Attendance \(rate(sessions.attendanceRate))  Absence \(rate(sessions.absenceRate)): "
                   + "authorised \(rate(sessions.authorisedRate)), unauthorised \(rate(sessions.unauthorisedRate))",
                   x: 8, y: y)
        buffer.put("Persistent \(school.persistentAbsentees) of \(school.pupilsWithPossibleSessions) (\(rate(school.persistentAbsenceRate)))"
                   + "   Severe \(school.severeAbsentees) (\(rate(school.severeAbsenceRate)))", x: 8, y: y + 1)
        if figures.newlyPersistent > 0 {
            let text = "\(figures.newlyPersistent) new this week"
            buffer.put(text, x: size.width - DisplayWidth.of(text), y: y + 1, role: .warning)
        }
        buffer.put("Trend", x: 0, y: y + 2, role: .dim)
        let weeks = overview.trend.weeks.suffix(max(1, size.width - 40))
        let line = Sparkline.blocks(for: weeks.map(\.figures.attendanceRate))
        for (offset, (block, week)) in zip(line, weeks).enumerated() {
            buffer.put(String(block), x: 8 + offset, y: y + 2, role: week.figures.meets(.persistent) ? .warning : .present)
        }
        let rates = weeks.compactMap(\.figures.attendanceRate)
        if let low = rates.min(), let high = rates.max() {
            buffer.put("weekly attendance \(low)%-\(high)%", x: 9 + line.count, y: y + 2, role: .dim)
        }
    }

    /// The year groups' figures, the worst absence marked; returns the line after them.
    private func renderYearGroups(at y: Int, rows room: Int, into buffer: inout CellBuffer) -> Int {
        let columns = CohortRows.columns(title: "Year group")
        let layout = TableColumn.layout(columns, width: min(size.width, 64))
        func put(_ cells: [(String, StyleRole)], y: Int) {
            for (index, cell) in cells.enumerated() { columns[index].put(cell.0, at: layout[index], y: y, role: cell.1, into: &buffer) }
        }
        put(columns.map { ($0.title, .dim) }, y: y)
        let cohorts = figures.byYearGroup.cohorts
        let worst = figures.byYearGroup.mostAbsent
        for (line, cohort) in cohorts.prefix(room).enumerated() {
            let cells = CohortRows.cells(cohort.name, cohort.figures).map { ($0.text, $0.role) }
            put(cells, y: y + 1 + line)
            if cohort.name == worst {
                buffer.put("◀ most absence", x: min(size.width, 64) + 1, y: y + 1 + line, role: .warning)
            }
        }
        if cohorts.isEmpty { buffer.put("No marks in this period.", x: 0, y: y + 1, role: .dim) }
        let end = y + 1 + max(1, min(room, cohorts.count))
        guard cohorts.contains(where: \.figures.isSmall) else { return end }
        buffer.put("* under \(CohortFigures.smallCohort) pupils: a child or two moves these rates a lot", x: 0, y: end, role: .dim)
        return end + 1
    }

    /// The leave list's line: how many to decide, granted this term, refused and taken.
    private static func leaveSummary(_ dashboard: Dashboard) -> (text: String, role: StyleRole) {
        let list = dashboard.leaveList
        let toDecide = list.count { $0.state == .toDecide }
        let taken = list.count { if case .refusedTaken = $0.state { true } else { false } }
        return ("\(toDecide) to decide, \(list.count - toDecide - taken) granted, \(taken) taken",
                taken > 0 ? .unauthorised : toDecide > 0 ? .warning : .normal)
    }

    /// Each list's count and how it is drawn.
    private static func counts(_ dashboard: Dashboard) -> [DashboardCommand: (text: String, role: StyleRole)] {
        let reached = dashboard.penalty.count(where: \.position.thresholdReached)
        let notTaken = dashboard.missing.count(where: \.isNotTaken)
        let open = dashboard.followUps.count(where: \.isOpen)
        let roll = dashboard.termRoll
        return [
            .followUps: ("\(open)", open > 0 ? .warning : .normal),
            .penalty: ("\(reached) (\(dashboard.penalty.count - reached) close, \(PenaltyThreshold.closeLabel))", reached > 0 ? .unauthorised : .normal),
            .calls: ("\(dashboard.calling.count)", dashboard.calling.isEmpty ? .normal : .warning),
            .unresolvedN: ("\(dashboard.unresolvedN.count)", dashboard.unresolvedN.isEmpty ? .normal : .warning),
            .missingMarks: ("\(dashboard.missing.count) (\(notTaken) not taken)", dashboard.missing.isEmpty ? .normal : .warning),
            .leave: leaveSummary(dashboard),
            .roll: (roll.summary, roll.deletedCount > 0 ? .warning : .normal),
        ]
    }

    /// The lists, each with its count: the period's absentees at once, the others once
    /// worked out (an ellipsis until then, in the first frame only).
    private func renderLists(at y: Int, into buffer: inout CellBuffer) {
        let callSession = overview.session.map { "\($0.part.rawValue)" } ?? ""
        let counts = dashboard.map(Self.counts) ?? [:]
        let absentees: (text: String, role: StyleRole) = ("\(figures.absentees.count)" + (figures.newlyPersistent > 0 ? " (\(figures.newlyPersistent) new this week)" : ""),
                         .normal)
        let entries: [(key: String, text: String, command: DashboardCommand)] = [
            ("w", "Follow-ups to act on", .followUps),
            ("p", "Persistent and severe absentees", .absentees),
            ("t", "Penalty threshold reached", .penalty),
            ("c", "Calls to make, unexplained \(callSession)", .calls),
            ("n", "N older than 5 school days", .unresolvedN),
            ("m", "Registers missing marks this week", .missingMarks),
            ("v", "Leave to decide, granted, taken", .leave),
            ("r", "Roll this term: joined, deleted", .roll),
        ]
        buffer.put("Lists", x: 0, y: y, role: .dim)
        for (line, entry) in entries.enumerated() where y + 1 + line < size.height - 1 {
            let count: (text: String, role: StyleRole) = entry.command == .absentees ? absentees : counts[entry.command] ?? ("…", .dim)
            buffer.put(entry.key, x: 0, y: y + 1 + line, role: .selection)
            buffer.put(entry.text, x: 3, y: y + 1 + line)
            buffer.put(count.text, x: 42, y: y + 1 + line, role: count.role)
        }
    }
}
