import RollcallCore
import RollcallTUI

/// The lists the dashboard opens, each a `TableState` of Core's figures with the rule
/// that put its rows there.
struct DashboardLists {
    let schoolName: String
    let figures: DashboardOverview.PeriodFigures
    let size: Size
    /// Opened in a trust's view: no export.
    let readOnly: Bool

    private var keys: KeyTable<TableCommand> { PupilList.keys(readOnly: readOnly) }

    var periodText: String {
        guard let days = figures.days else { return "\(figures.period.title): no school days yet" }
        return "\(figures.period.title), \(Clock.day(days.lowerBound)) to \(Clock.day(days.upperBound))"
    }

    private static func name(_ pupil: Pupil) -> TableCell {
        TableCell(pupil.listName, sortKey: .text(RegisterState.sortKey(pupil.surname + " " + pupil.displayForename)))
    }

    private static let pupilColumns = [
        TableColumn("Pupil", width: 16, flexible: true), TableColumn("UPN", width: 13), TableColumn("Form", width: 5),
    ]

    private static func pupilCells(_ pupil: Pupil) -> [TableCell] {
        [name(pupil), TableCell(pupil.upn.text), TableCell(pupil.form)]
    }

    private static func session(_ session: Session) -> TableCell {
        TableCell("\(session.date) \(session.part.rawValue)", sortKey: .number(Double(session.ordinal)))
    }

    /// The screen of one of the lists worked out after the first frame (not the period's
    /// figures); nil for a command that opens none of them.
    func open(_ command: DashboardCommand, from dashboard: Dashboard, period: DashboardPeriod) -> (any Screen)? {
        switch command {
        case .followUps: FollowUpState(dashboard: dashboard, size: size, readOnly: readOnly)
        case .penalty: penalty(dashboard)
        case .calls: calls(dashboard)
        case .unresolvedN: unresolvedN(dashboard)
        case .missingMarks: missingMarks(dashboard)
        case .leave: leave(dashboard)
        case .roll: RollState(dashboard: dashboard, period: period, size: size, readOnly: readOnly)
        default: nil
        }
    }

    func absentees() -> TableState {
        let rows = figures.absentees.map { absentee in
            let figures = absentee.row.figures
            let severe = figures.isSevereAbsentee
            return TableRow(Self.pupilCells(absentee.row.pupil) + [
                .number(figures.possible), .rate(figures.absenceRate, role: severe ? .unauthorised : .normal),
                .rate(figures.unauthorisedRate), TableCell(severe ? "severe" : "persistent", role: severe ? .unauthorised : .normal),
                TableCell(absentee.isNewThisWeek ? "new" : "", role: .warning),
            ], upn: absentee.row.pupil.upn)
        }
        let columns = Self.pupilColumns + [
            .number("Possible", width: 8), .number("Absent%", width: 7), .number("Unauth%", width: 7),
            TableColumn("Level", width: 10), TableColumn("New", width: 3),
        ]
        return TableState(title: "Persistent and severe absentees", note: "\(periodText): \(AbsenceThreshold.persistent.label) of possible sessions missed (\(AbsenceThreshold.severe.label) severe); "
                              + "new: crossed \(AbsenceThreshold.persistent.percent)% this week",
                          columns: columns, rows: rows, exportName: "persistent-absence", size: size, keys: keys)
    }

    func penalty(_ dashboard: Dashboard) -> TableState {
        let rows = dashboard.penalty.map { entry in
            let reached = entry.position.thresholdReached
            return TableRow(Self.pupilCells(entry.pupil) + [
                .number(entry.position.unauthorisedSessions, role: reached ? .unauthorised : .normal),
                TableCell(reached ? "reached" : "close", role: reached ? .unauthorised : .warning),
                TableCell(entry.position.window.start.description),
            ], upn: entry.pupil.upn)
        }
        let columns = Self.pupilColumns + [.number("Unauth", width: 6), TableColumn("Threshold", width: 9), TableColumn("Window from", width: 11)]
        return TableState(title: "Penalty threshold", note: "Unauthorised sessions (G N O U) in the \(PenaltyThreshold.window) to \(Clock.day(dashboard.today)): \(PenaltyThreshold.reachedLabel) reached, \(PenaltyThreshold.closeLabel) close. Support first.",
                          columns: columns, rows: rows, exportName: "penalty-threshold", size: size, keys: keys)
    }

    func calls(_ dashboard: Dashboard) -> TableState {
        let byPupil = Dictionary(grouping: dashboard.contacts, by: \.upn)
        let rows = dashboard.calling.map { pupil in
            let flags = RegisterState.flags(of: pupil, partTime: false)
            // Who to ring: parents the pupil lives with first, then the workers to tell.
            func rank(_ contact: Contact) -> Int { (contact.role == .parent ? 0 : 2) + (contact.livesWithPupil ? 0 : 1) }
            let contacts = (byPupil[pupil.upn] ?? []).sorted { rank($0) < rank($1) }
            let numbers = contacts.map { "\($0.relationship) \($0.phones.first ?? "no number")" }.joined(separator: "; ")
            return TableRow([Self.name(pupil), TableCell(pupil.form), TableCell(flags, role: flags.isEmpty ? .normal : .warning),
                             TableCell(numbers.isEmpty ? "no contacts imported" : numbers, role: numbers.isEmpty ? .dim : .normal),
                             TableCell(pupil.upn.text, role: .dim)], upn: pupil.upn)
        }
        let session = dashboard.session.map { "\(Clock.day($0.date)) \($0.part.rawValue)" } ?? "no session yet"
        return TableState(title: "Calls to make", note: "Unexplained absence (N) \(session): call home today; SW/YJ: tell their worker too",
                          columns: [TableColumn("Pupil", width: 20), TableColumn("Form", width: 5), TableColumn("Flags", width: 10),
                                    TableColumn("Contacts", width: 20, flexible: true), TableColumn("UPN", width: 13)],
                          rows: rows, exportName: "first-day-calls", size: size, keys: keys)
    }

    func unresolvedN(_ dashboard: Dashboard) -> TableState {
        let rows = dashboard.unresolvedN.map { entry in
            TableRow(Self.pupilCells(entry.pupil) + [Self.session(entry.session), .number(entry.schoolDaysSince)], upn: entry.pupil.upn)
        }
        return TableState(title: "N to resolve", note: "N with 5 or more school days since: find the reason, or amend to O",
                          columns: Self.pupilColumns + [TableColumn("Session", width: 13), .number("Days", width: 4)],
                          rows: rows, exportName: "unresolved-n", size: size, keys: keys)
    }

    func missingMarks(_ dashboard: Dashboard) -> TableState {
        let rows = dashboard.missing.map { entry in
            TableRow([TableCell(entry.group), Self.session(entry.session), .number(entry.unmarked), .number(entry.onRoll),
                      TableCell(entry.isNotTaken ? "not taken" : "incomplete", role: entry.isNotTaken ? .unauthorised : .warning)])
        }
        return TableState(title: "Missing marks", note: "Registers this week, up to the session now due, with a pupil on roll unmarked",
                          columns: [TableColumn("Form", width: 8, flexible: true), TableColumn("Session", width: 13),
                                    .number("Unmarked", width: 8), .number("On roll", width: 7), TableColumn("State", width: 10)],
                          rows: rows, exportName: "missing-marks", size: size, keys: keys)
    }

    func leave(_ dashboard: Dashboard) -> TableState {
        let pupils = Dictionary(dashboard.records.pupils.map { ($0.upn, $0) }) { first, _ in first }
        let rows = dashboard.leaveList.compactMap { application, state -> TableRow? in
            guard let pupil = pupils[application.request.upn], let first = application.request.sessions.first else { return nil }
            let (text, role): (String, StyleRole)
            switch state {
            case .toDecide: (text, role) = (first.date > dashboard.today ? "to decide" : "to decide: past its start", .warning)
            case let .granted(sessions): (text, role) = ("granted \(sessions) (\(application.request.kind.code.symbol))", .present)
            case let .refusedTaken(sessions): (text, role) = ("refused, \(sessions) taken", .unauthorised)
            }
            return TableRow(Self.pupilCells(pupil) + [.number(application.number), TableCell(application.request.kind.rawValue), Self.session(first),
                                                      .number(application.request.sessions.count), TableCell(text, role: role)], upn: pupil.upn)
        }
        return TableState(title: "Leave of absence", note: "Requests to decide (before their first session), leave granted this term, "
                              + "refused leave taken (code it G or O). 'rollcall leave decide N' decides.",
                          columns: Self.pupilColumns + [.number("#", width: 3), TableColumn("Kind", width: 11), TableColumn("From", width: 13),
                                                        .number("Sess", width: 4), TableColumn("State", width: 16)],
                          rows: rows, exportName: "leave", size: size, keys: keys)
    }

    func cohorts(_ summary: CohortSummary, title: String) -> TableState {
        let rows = (summary.cohorts + [("School", summary.school)]).map { name, figures in
            TableRow(CohortRows.cells(name, figures))
        }
        return TableState(title: title, note: "\(periodText). PA: persistent absentees (\(AbsenceThreshold.persistent.label)), SA: severe (\(AbsenceThreshold.severe.label)); *: under \(CohortFigures.smallCohort) pupils",
                          columns: CohortRows.columns(title: title == "Forms" ? "Form" : "Year group"),
                          rows: rows, exportName: title == "Forms" ? "forms" : "year-groups", size: size, keys: keys)
    }

    func pupils(filtering: Bool) -> TableState {
        let rows = figures.rows.map { row in
            let figures = row.figures
            return TableRow(Self.pupilCells(row.pupil) + [
                .number(figures.possible), .rate(figures.attendanceRate), .rate(figures.absenceRate),
                TableCell(figures.isSevereAbsentee ? "severe" : figures.isPersistentAbsentee ? "persistent" : ""),
            ], upn: row.pupil.upn)
        }
        var table = TableState(title: "Pupils", note: "\(periodText): every pupil with a mark in the period",
                               columns: Self.pupilColumns + [.number("Possible", width: 8), .number("Attend%", width: 7),
                                                             .number("Absent%", width: 7), TableColumn("Level", width: 10)],
                               rows: rows, exportName: "pupils", size: size, keys: keys)
        if filtering { table.startFiltering() }
        return table
    }
}
