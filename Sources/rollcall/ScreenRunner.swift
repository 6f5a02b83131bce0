import Foundation
import RollcallCore
import RollcallExchange
import RollcallStore
import RollcallTerminal
import RollcallTUI

/// Runs the screens on a terminal: draws each frame, turns keys into state changes, and
/// carries out what the screens ask (saving a mark before the next key is read, opening
/// a register, a list or a pupil, writing an export). Screens stack: Esc goes back to
/// the one below, and leaving the last one ends the program. Every mark shown as saved
/// is on disk, so a dropped connection loses nothing; the terminal is given back on
/// every way out.
struct ScreenRunner {
    enum Start {
        case picker
        case register(group: String, session: Session)
        case dashboard
        case pupil(UPN)
    }

    private enum Layer {
        case picker(PickerState)
        case register(RegisterState)
        case screen(any Screen)
    }

    let store: Store
    let options: StoreOptions
    let today: CalendarDate
    let fixedMinute: Int?
    let theme: Theme
    let colour: ColourChoice
    private let school: School
    private let staff: StaffList
    private let login: String

    init(store: Store, options: StoreOptions, today: CalendarDate, fixedMinute: Int?, theme: Theme, colour: ColourChoice) throws {
        self.store = store
        self.options = options
        self.today = today
        self.fixedMinute = fixedMinute
        self.theme = theme
        self.colour = colour
        school = try store.school()
        staff = try store.staff()
        login = try options.login
        // A login not on the staff list is refused before the screen opens, not at its
        // first mark.
        _ = try staff.recorder(login: login)
    }

    /// The time of day the screens work at: the pinned one for someone who may pretend
    /// (`StaffList.mayPretend`), else the clock, so a tutor's register closes on time.
    private var minute: Int {
        let real = RealClock.minute
        guard let fixedMinute else { return real }
        return staff.deciding(login: login, pretended: (today, fixedMinute), real: (RealClock.today, real)).minute
    }

    /// The day that decides what the login may write: `today` for an admin, the real
    /// date for anyone else.
    private var decidingDay: CalendarDate {
        staff.deciding(login: login, pretended: (today, minute), real: (RealClock.today, minute)).day
    }

    func run(_ start: Start) throws {
        let terminal = try Terminal(theme: theme, colour: colour)
        defer { terminal.stop() }
        var stack: [Layer]
        switch start {
        case .picker: stack = [.picker(try picker(size: terminal.size))]
        case let .register(group, session): stack = [.register(try register(group, session, size: terminal.size))]
        case .dashboard: stack = [.screen(try dashboard(size: terminal.size))]
        case let .pupil(upn): stack = [.screen(try history(upn, size: terminal.size))]
        }
        // A frame is drawn only after something happened; the key timeout is there so a
        // stop signal is noticed, not to redraw an unchanged screen four times a second.
        var changed = true
        while !terminal.stopRequested, let layer = stack.last {
            if changed { terminal.draw(render(layer)) }
            guard let key = terminal.readKey(milliseconds: 250) else {
                changed = false
                continue
            }
            changed = true
            let depth = stack.count
            stack.removeLast()
            switch layer {
            case var .picker(state):
                let effects = state.handle(key)
                stack.append(.picker(state))
                for effect in effects {
                    switch effect {
                    case .quit: return
                    case let .open(group, session): stack.append(.register(try register(group, session, size: terminal.size)))
                    case .dashboard: stack.append(.screen(try dashboard(size: terminal.size)))
                    }
                }
            case var .register(state):
                let effects = state.handle(key, minute: minute)
                save(effects, in: &state)
                stack.append(.register(state))
                for effect in effects {
                    switch effect {
                    case .save: continue
                    case let .history(upn): stack.append(.screen(try history(upn, size: terminal.size)))
                    case .back: stack.removeLast()
                    case .quit: return
                    }
                }
            case var .screen(state):
                let effects = state.handle(key)
                stack.append(.screen(state))
                for effect in effects {
                    switch effect {
                    case let .push(screen): stack.append(.screen(screen))
                    case let .openPupil(upn): stack.append(.screen(try history(upn, size: terminal.size)))
                    case let .export(rows):
                        state.show(export(rows), isError: false)
                        stack[stack.count - 1] = .screen(state)
                    case let .amend(upn, sessions, code, reason):
                        let outcome = amend(upn, sessions, to: code, reason: reason)
                        try refresh(&stack, size: terminal.size, saying: outcome)
                    case let .log(intervention):
                        let outcome = log(intervention)
                        try refresh(&stack, size: terminal.size, saying: outcome)
                    case .back: stack.removeLast()
                    case .quit: return
                    }
                }
            }
            // A screen uncovered by going back may have been drawn for another size.
            if stack.count < depth, let top = stack.popLast() { stack.append(resized(top, to: terminal.size)) }
        }
    }

    private func render(_ layer: Layer) -> CellBuffer {
        switch layer {
        case let .picker(state): state.render()
        case let .register(state): state.render()
        case let .screen(state): state.render()
        }
    }

    private func resized(_ layer: Layer, to size: Size) -> Layer {
        switch layer {
        case var .picker(state):
            _ = state.handle(.resize(size))
            return .picker(state)
        case var .register(state):
            _ = state.handle(.resize(size), minute: minute)
            return .register(state)
        case var .screen(state):
            _ = state.handle(.resize(size))
            return .screen(state)
        }
    }

    /// Saves the marks one key made, durably, before the next key is read: in one write
    /// for all that share a reason (marking a whole form present is one fsync, not 30).
    /// A save that fails puts the screen back as it was and says why. A save that works
    /// says nothing: the mark in its cell, drawn only once it is durable, is the
    /// confirmation, and a line saying so again would cost a slow link more than the mark.
    private func save(_ effects: [RegisterEffect], in state: inout RegisterState) {
        var batches: [String?: [(upn: UPN, session: Session, mark: Mark?, previous: Mark?)]] = [:]
        for case let .save(upn, session, mark, previous, reason) in effects {
            batches[reason, default: []].append((upn, session, mark, previous))
        }
        for (reason, saves) in batches {
            do {
                for save in saves {
                    let action: StaffAction = save.mark.map { $0.amends(save.previous) } ?? (save.previous != nil)
                        ? .amend(group: state.group, session: save.session) : .mark(group: state.group, session: save.session)
                    try staff.authorise(action, by: login, today: decidingDay)
                }
                let former = Dictionary(state.rows.map { ($0.upn, $0.formerForms) }, uniquingKeysWith: { $1 })
                try store.record(saves.map { MarkEntry(upn: $0.upn, group: state.group, session: $0.session, mark: $0.mark,
                                                       formerGroups: former[$0.upn] ?? []) },
                                 by: staff.recorder(login: login), at: Date(), reason: reason)
            } catch {
                for save in saves { state.saveFailed(save.upn, session: save.session, previous: save.previous, reason: "\(error)") }
            }
        }
    }

    /// Amends a pupil's marks (an old N to O, from the follow-ups), with the reason for
    /// the audit; says what happened.
    private func amend(_ upn: UPN, _ sessions: [Session], to code: AttendanceCode, reason: String) -> (String, Bool) {
        do {
            guard let pupil = try store.pupils().first(where: { $0.upn == upn }) else { return ("No pupil \(upn.text)", true) }
            for session in sessions { try staff.authorise(.amend(group: pupil.form, session: session), by: login, today: decidingDay) }
            try store.record(sessions.map { MarkEntry(upn: upn, group: pupil.form, session: $0, mark: Mark(code), formerGroups: pupil.formerForms ?? []) },
                             by: staff.recorder(login: login), at: Date(), reason: reason)
            return ("Amended \(sessions.count) N to \(code.symbol) for \(pupil.surname), \(pupil.displayForename)", false)
        } catch {
            return ("Not amended: \(error)", true)
        }
    }

    private func log(_ intervention: Intervention) -> (String, Bool) {
        do {
            try staff.authorise(.log(intervention.kind), by: login, today: today)
            let logged = try store.log([intervention], by: staff.recorder(login: login), at: Date())
            return ("Logged \(intervention.kind.rawValue) for \(intervention.upn.text) as number \(logged[0].number)", false)
        } catch {
            return ("Not logged: \(error)", true)
        }
    }

    /// After a change to the store, the dashboard and follow-ups below are worked out
    /// again, so that what is done leaves its list at once; the top screen says what
    /// happened.
    private func refresh(_ stack: inout [Layer], size: Size, saying outcome: (String, Bool)) throws {
        let fresh = try dashboardFigures()
        for index in stack.indices {
            guard case let .screen(screen) = stack[index] else { continue }
            if let dashboard = screen as? DashboardState {
                stack[index] = .screen(DashboardState(schoolName: school.name, dashboard: fresh, period: dashboard.period, size: size))
            } else if screen is FollowUpState {
                stack[index] = .screen(FollowUpState(dashboard: fresh, size: size))
            }
        }
        if case var .screen(top) = stack.last {
            top.show(outcome.0, isError: outcome.1)
            stack[stack.count - 1] = .screen(top)
        }
    }

    /// Writes a list as shown to a new CSV file in the working directory, readable by
    /// its owner and group only, and says where.
    private func export(_ rows: CSVExport) -> String {
        var table = ReportTable(columns: rows.columns)
        for row in rows.rows { table.append(row.map { .text($0) }) }
        do {
            let path = try ExportFile.create(named: "rollcall-\(rows.name)-\(today)", contents: table.render(.csv))
            return "Exported \(rows.rows.count) rows to \(path)"
        } catch {
            return "Not exported: \(error)"
        }
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
            closes: [.am: school.registerCloses(.am), .pm: school.registerCloses(.pm)], size: size)
    }

    /// The records the dashboard and a pupil's history read.
    private func records() throws -> SchoolRecords {
        try staff.authorise(.review, by: login, today: today)
        let calendar = try store.calendar()
        return try SchoolRecords.load(from: store, calendar: calendar, covering: Dashboard.days(asOf: today, calendar: calendar))
    }

    private func dashboardFigures() throws -> Dashboard {
        Dashboard(try records(), today: today, minute: minute, contacts: try store.contacts(), log: try store.interventions())
    }

    private func dashboard(size: Size) throws -> DashboardState {
        DashboardState(schoolName: school.name, dashboard: try dashboardFigures(), size: size)
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
                                   interventions: try store.interventions().filter { $0.intervention.upn == upn })
        return PupilHistoryState(history: history, size: size)
    }
}
