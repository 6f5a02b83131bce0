import Foundation
import RollcallCore
import RollcallStore
import RollcallTerminal
import RollcallTUI

/// Runs the screens on a terminal: draws each frame, turns keys into state changes, and
/// carries out what the screens ask (saving a mark before the next key is read, opening
/// a register). Every mark shown as saved is on disk, so a dropped connection loses
/// nothing; the terminal is given back on every way out.
struct ScreenRunner {
    enum Start {
        case picker
        case register(group: String, session: Session)
    }

    private enum Screen {
        case picker(PickerState)
        case register(RegisterState, fromPicker: Bool)
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
        login = options.login
        // A login not on the staff list is refused before the screen opens, not at its
        // first mark.
        _ = try staff.recorder(login: login)
    }

    private var minute: Int { fixedMinute ?? School.minuteOfDay(Date()) }

    func run(_ start: Start) throws {
        let terminal = try Terminal(theme: theme, colour: colour)
        defer { terminal.stop() }
        var screen: Screen
        switch start {
        case .picker: screen = .picker(try picker(size: terminal.size))
        case let .register(group, session): screen = .register(try register(group, session, size: terminal.size), fromPicker: false)
        }
        // A frame is drawn only after something happened; the key timeout is there so a
        // stop signal is noticed, not to redraw an unchanged screen four times a second.
        var changed = true
        while !terminal.stopRequested {
            if changed {
                switch screen {
                case let .picker(state): terminal.draw(state.render())
                case let .register(state, _): terminal.draw(state.render())
                }
            }
            guard let key = terminal.readKey(milliseconds: 250) else {
                changed = false
                continue
            }
            changed = true
            switch screen {
            case var .picker(state):
                let effects = state.handle(key)
                screen = .picker(state)
                for effect in effects {
                    switch effect {
                    case .quit: return
                    case let .open(group, session):
                        screen = .register(try register(group, session, size: terminal.size), fromPicker: true)
                    }
                }
            case .register(var state, let fromPicker):
                let effects = state.handle(key, minute: minute)
                save(effects, in: &state)
                screen = .register(state, fromPicker: fromPicker)
                for effect in effects {
                    switch effect {
                    case .save:
                        continue
                    case .back:
                        guard fromPicker else { return }
                        screen = .picker(try picker(size: terminal.size))
                    case .quit:
                        return
                    }
                }
            }
        }
    }

    /// Saves the marks one key made, durably, before the next key is read: in one write
    /// for all that share a reason (marking a whole form present is one fsync, not 30).
    /// A save that fails puts the screen back as it was and says why.
    private func save(_ effects: [RegisterEffect], in state: inout RegisterState) {
        var batches: [String?: [(upn: UPN, session: Session, mark: Mark?, previous: Mark?)]] = [:]
        for case let .save(upn, session, mark, previous, reason) in effects {
            batches[reason, default: []].append((upn, session, mark, previous))
        }
        for (reason, saves) in batches {
            do {
                for save in saves {
                    let action: StaffAction = save.previous == nil
                        ? .mark(group: state.group, session: save.session) : .amend(group: state.group, session: save.session)
                    try staff.authorise(action, by: login, today: today)
                }
                try store.record(saves.map { MarkEntry(upn: $0.upn, group: state.group, session: $0.session, mark: $0.mark) },
                                 by: staff.recorder(login: login), at: Date(), reason: reason)
                saves.forEach { state.saved($0.upn) }
            } catch {
                for save in saves { state.saveFailed(save.upn, session: save.session, previous: save.previous, reason: "\(error)") }
            }
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
        let registers = try store.registers(academicYear: AcademicYear.name(containing: session.date))
        return RegisterState(
            schoolName: school.name, group: group, session: session, pupils: try store.pupils(),
            book: AttendanceBook(registers: registers), calendar: try store.calendar(), today: today,
            closes: [.am: school.registerCloses(.am), .pm: school.registerCloses(.pm)], size: size)
    }
}
