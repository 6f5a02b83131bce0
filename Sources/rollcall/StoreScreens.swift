import Foundation
import RollcallCore
import RollcallExchange
import RollcallRecords
import RollcallScreens
import RollcallStore
import RollcallTUI

/// The screens' side of the store: builds each screen from the records, and carries out
/// what the screens ask (saving marks, amending, logging, exporting) as the login, under
/// the same rules as the commands. The shell in RollcallTUI runs the loop.
struct StoreScreens: SchoolServices {
    let store: Store
    let today: CalendarDate
    let fixedMinute: Int?
    private let school: School
    private let staff: StaffList
    private let login: String

    init(store: Store, options: StoreOptions, today: CalendarDate, fixedMinute: Int?) throws {
        self.store = store
        self.today = today
        self.fixedMinute = fixedMinute
        school = try store.school()
        staff = try store.staff()
        login = try options.login
        // A login not on the staff list is refused before the screen opens, not at its
        // first mark.
        _ = try staff.recorder(login: login)
    }

    /// The time of day the screens work at: the pinned one for someone who may pretend
    /// (`StaffList.mayPretend`), else the clock, so a tutor's register closes on time.
    var minute: Int {
        let real = RealClock.minute
        guard let fixedMinute else { return real }
        return staff.deciding(login: login, pretended: (today, fixedMinute), real: (RealClock.today, real)).minute
    }

    /// The day that decides what the login may write: `today` for an admin, the real
    /// date for anyone else.
    private var decidingDay: CalendarDate {
        staff.deciding(login: login, pretended: (today, minute), real: (RealClock.today, minute)).day
    }

    func build(_ screen: SchoolScreen, size: Size) throws -> any Screen {
        switch screen {
        case .picker: try picker(size: size)
        case let .register(group, session): try register(group, session, size: size)
        case let .dashboard(period):
            DashboardState(schoolName: school.name, opening: DashboardOverview.opening(try dashboardRecords(), today: today, minute: minute, period: period),
                           size: size, lists: dashboardLists())
        case .followUps: FollowUpState(dashboard: try dashboard(), size: size)
        case let .roll(period): RollState(dashboard: try dashboard(), period: period, size: size)
        case let .pupil(upn): try history(upn, size: size)
        }
    }

    func save(_ changes: [MarkChange], reason: String?) throws {
        for change in changes {
            try staff.authorise(.recording(change.mark, over: change.previous, group: change.group, session: change.session),
                                by: login, today: decidingDay)
        }
        try store.record(changes.map { MarkEntry(upn: $0.upn, group: $0.group, session: $0.session, mark: $0.mark,
                                                 formerGroups: $0.formerGroups) },
                         by: staff.recorder(login: login), at: Date(), reason: reason)
    }

    func perform(_ task: SchoolTask) throws -> String? {
        switch task {
        case let .save(change):
            try save([change], reason: change.reason)
            return nil
        case let .amend(upn, sessions, code, reason): return try amend(upn, sessions, to: code, reason: reason)
        case let .log(intervention):
            try staff.authorise(.log(intervention.kind), by: login, today: today)
            let logged = try store.log([intervention], by: staff.recorder(login: login), at: Date())
            return "Logged \(intervention.kind.rawValue) for \(intervention.upn.text) as number \(logged[0].number)"
        case let .pack(title, days): return try pack(title, days)
        case let .delete(deletion):
            // The day is the deciding one: nobody but an admin backdates by pretending.
            try staff.authorise(.changeAdmissionRegister, by: login, today: decidingDay)
            let dated = try Deletion(upn: deletion.upn, ground: deletion.ground, date: decidingDay, reason: deletion.reason,
                                     otherSchool: deletion.otherSchool, noticeDate: deletion.noticeDate, leaveEnded: deletion.leaveEnded,
                                     newAddress: deletion.newAddress, confirmed: deletion.confirmed)
            let pupil = try DeletingAName.delete(dated, in: store, by: staff.recorder(login: login), at: RealClock.now, today: decidingDay)
            return "Deleted \(pupil.listName) on ground \(dated.ground.label): on roll up to and including \(dated.date)"
        }
    }

    /// Amends a pupil's marks (an old N to O, from the follow-ups), with the reason for
    /// the audit.
    private func amend(_ upn: UPN, _ sessions: [Session], to code: AttendanceCode, reason: String) throws -> String {
        guard let pupil = try store.pupils().first(where: { $0.upn == upn }) else { throw Failure("no pupil \(upn.text)") }
        for session in sessions { try staff.authorise(.amend(group: pupil.form, session: session), by: login, today: decidingDay) }
        try store.record(sessions.map { MarkEntry(upn: upn, group: pupil.form, session: $0, mark: Mark(code), formerGroups: pupil.formerForms ?? []) },
                         by: staff.recorder(login: login), at: Date(), reason: reason)
        return "Amended \(sessions.count) N to \(code.symbol) for \(pupil.listName)"
    }

    /// Writes a list as shown to a new CSV file in the working directory, readable by
    /// its owner and group only, and says where.
    func export(_ rows: CSVExport) throws -> String {
        // Through the gate the working directory is the server's, not the person's.
        if ActingLogin.current != nil {
            throw Failure("a list is not written to a file on the server over SSH; 'ssh school report ... --format csv > file' brings it to you")
        }
        var table = ReportTable(columns: rows.columns)
        for row in rows.rows { table.append(row.map { .text($0) }) }
        let path = try ExportFile.create(named: "rollcall-\(rows.name)-\(today)", contents: table.render(.csv))
        return "Exported \(rows.rows.count) rows to \(path)"
    }

    /// Writes the termly pack for a dashboard period to a new HTML file in the working
    /// directory, and says where.
    private func pack(_ title: String, _ days: ClosedRange<CalendarDate>) throws -> String {
        if ActingLogin.current != nil {
            throw Failure("the pack is not written to a file on the server over SSH; "
                          + "'ssh school report pack --from \(days.lowerBound) --to \(days.upperBound) > pack.html' brings it to you")
        }
        try staff.authorise(.review, by: login, today: today)
        let period = PackPeriod.dates(days, title: title, calendar: try store.calendar())
        let html = PackDocument.html(try TermlyPack.load(from: store, period: period), made: today)
        let path = try ExportFile.create(named: "rollcall-pack-\(today)", extension: "html", contents: html)
        return "Wrote the pack for \(title.lowercased()) (\(days.lowerBound) to \(days.upperBound)) to \(path)"
    }

    private func picker(size: Size) throws -> PickerState {
        let calendar = try store.calendar()
        let sessions = calendar.coverage.map { calendar.sessions(in: $0) } ?? []
        return PickerState(schoolName: school.name, groups: try store.groups(),
                           ownForms: staff.member(login: login)?.forms ?? [], sessions: sessions,
                           today: today, minute: minute, size: size)
    }

    private func register(_ group: String, _ session: Session, size: Size) throws -> RegisterState {
        let pupils = try store.pupils(onRollFrom: session.date), calendar = try store.calendar()
        return RegisterState(
            schoolName: school.name, group: group, session: session, pupils: pupils,
            book: try RegisterBook.load(from: store, group: group, session: session, pupils: pupils, calendar: calendar, today: today),
            calendar: calendar, today: today,
            closes: [.am: school.registerCloses(.am), .pm: school.registerCloses(.pm)], size: size, log: try store.interventions(),
            offsite: try store.offsiteArrangements())
    }

    /// The records a pupil's history reads: the codes, and the minutes of each late mark.
    private func records() throws -> SchoolRecords {
        try staff.authorise(.review, by: login, today: today)
        let calendar = try store.calendar()
        return try SchoolRecords.load(from: store, calendar: calendar, covering: Dashboard.days(asOf: today, calendar: calendar))
    }

    /// The dashboard's records, for a login that may review them.
    private func dashboardRecords() throws -> SchoolRecords {
        try staff.authorise(.review, by: login, today: today)
        return try Dashboard.records(from: store, calendar: try store.calendar(), asOf: today)
    }

    /// How the dashboard's lists are worked out from its overview, after its first frame.
    private func dashboardLists() -> @Sendable (DashboardOverview) throws -> Dashboard {
        { [store] overview in try Dashboard.lists(from: store, overview: overview) }
    }

    /// The overview and the lists together, for the lists opened on their own.
    private func dashboard() throws -> Dashboard {
        try Dashboard.lists(from: store, overview: DashboardOverview(dashboardRecords(), today: today, minute: minute))
    }

    private func history(_ upn: UPN, size: Size) throws -> PupilHistoryState {
        let records = try records()
        // A pupil who left before this year is not among this year's records: their
        // history is still theirs to see (amendments, contacts, the interventions log).
        guard let pupil = try records.pupils.first(where: { $0.upn == upn }) ?? store.pupils().first(where: { $0.upn == upn }) else {
            throw Failure("there is no pupil with UPN \(upn.text)")
        }
        let amendments = try store.amendments().map(\.amendment).filter { $0.upn == upn }
        let history = PupilHistory(pupil, records: records, amendments: amendments, asOf: today, now: Session.at(today, minute: minute),
                                   contacts: try store.contacts().filter { $0.upn == upn },
                                   interventions: try store.interventions().filter { $0.intervention.upn == upn },
                                   leave: try store.leaveApplications(), offsite: try store.offsiteArrangements(),
                                   earlierSchools: try store.priorAttendance()[upn] ?? [])
        return PupilHistoryState(history: history, size: size)
    }
}
