import ArgumentParser
import Foundation
import RollcallCore
import RollcallScreens
import RollcallStore
import RollcallTerminal
import RollcallTUI

struct TUI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the register screen (what `rollcall` alone does), the dashboard or a pupil's history.",
        discussion: """
            Opens a list of registers, your own forms first, with today's session chosen. \
            --group, --date and --session open one register directly; --dashboard the attendance dashboard; \
            --pupil a pupil's history. Every mark is saved as it is made.
            Example: rollcall tui --group 7A --date 2025-09-08 --session AM --theme colour-blind
            Example: rollcall tui --dashboard
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: "Open this group's register directly.") var group: String?
    @Option(help: ArgumentHelp("The day of that register (default: today).", valueName: "yyyy-mm-dd")) var date: String?
    @Option(help: "AM or PM (default: the current session).") var session: String?
    @Flag(help: "Open the attendance dashboard.") var dashboard = false
    @Option(help: ArgumentHelp("Open this pupil's history.", valueName: "upn")) var pupil: String?
    @Flag(help: "Open the trust's schools side by side, from its PostgreSQL database (runs 'rollcall-trust tui').") var trust = false
    @Option(help: ArgumentHelp("With --trust: the trust's database (default: PostgreSQL's own settings).", valueName: "postgres://..."))
    var database: String?
    @Option(help: "default, light, high-contrast, colour-blind or monochrome (or $ROLLCALL_THEME).") var theme: String?
    @Option(help: ArgumentHelp("Work as at this time of day (or set ROLLCALL_TIME), for reviewing and demonstrations.", valueName: "hh:mm")) var time: String?
    @Option(help: ArgumentHelp("Close after this many minutes without a key, 1 to 480 (over SSH: 15 unless given).", valueName: "minutes"))
    var idleMinutes: Int?

    func validate() throws {
        if let theme { try ThemeFiles.checkName(theme) }
        if let idleMinutes, !IdleLimit.allowedMinutes.contains(idleMinutes) {
            throw ValidationError("--idle-minutes \(idleMinutes) is not from 1 to 480")
        }
        if [group != nil, dashboard, pupil != nil, trust].count(where: { $0 }) > 1 {
            throw ValidationError("--group, --dashboard, --pupil and --trust each open a different screen: give one")
        }
        if database != nil, !trust { throw ValidationError("--database is for --trust") }
    }

    func run() throws {
        if trust {
            let day = try options.today.map { ["--today", $0] } ?? []
            try TrustCommand.exec(["tui"] + (database.map { ["--database", $0] } ?? []) + (theme.map { ["--theme", $0] } ?? []) + day
                                  + (idleMinutes.map { ["--idle-minutes", String($0)] } ?? []))
        }
        let store = try options.open(announcing: false)
        // Said once the screen is the terminal's again, whatever happens in between.
        defer { store.notices.deliver { printError("warning: \($0)") } }
        let today = try options.currentDate()
        let minute = try options.minuteOfDay(time)
        var start: SchoolScreen = dashboard ? .dashboard(.thisHalfTerm) : .picker
        if let pupil {
            let upn: UPN
            do { upn = try UPN(pupil) } catch { throw Failure("--pupil '\(pupil)': \(error)") }
            guard try store.pupils().contains(where: { $0.upn == upn }) else { throw Failure("there is no pupil with UPN \(upn.text)") }
            start = .pupil(upn)
        } else if let group {
            let day = try parseDate(date, option: "date") ?? today
            let part = try session.map { text -> Session.Part in
                guard let part = Session.Part(rawValue: text.uppercased()) else { throw Failure("--session '\(text)' is not AM or PM") }
                return part
            } ?? Session.at(day, minute: minute).part
            guard try store.groups().contains(where: { $0.name == group }) else { throw Failure("there is no group called '\(group)'") }
            guard try store.calendar().isSchoolSession(Session(day, part)) else {
                throw Failure("\(Session(day, part)) is not a school session in the calendar")
            }
            start = .register(group: group, session: Session(day, part))
        }
        let environment = ProcessInfo.processInfo.environment
        let colourOff = !(environment["NO_COLOR"] ?? "").isEmpty
        let themeName = colourOff ? "monochrome" : (theme ?? environment["ROLLCALL_THEME"] ?? "default")
        let pinned = time != nil || !(environment["ROLLCALL_TIME"] ?? "").isEmpty
        let screens = try StoreScreens(store: store, options: options, today: today, fixedMinute: pinned ? minute : nil)
        let chosenTheme = try ThemeFiles.load(themeName)
        // Without a terminal (a pipe, an SSH command run without a pty) there are no keys
        // to read: say what to use instead rather than wait on nothing.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw Failure("the screens need a terminal; from a script use 'rollcall mark', 'rollcall report' and the other commands (ssh -t gives one over SSH)")
        }
        let terminal = try Terminal(theme: chosenTheme, colour: colourOff ? .never : .auto)
        defer { terminal.stop() }
        let idle = IdleLimit.forSession(minutes: idleMinutes, environment: environment)
        let ending = try Shell(terminal: terminal, services: screens, idle: idle).run(from: start, notice: terminal.notice)
        terminal.stop() // before saying why, so the line is not drawn over
        if ending == .idle, let idle { printError(idle.farewell) }
    }
}
