import ArgumentParser
import Foundation
import RollcallCore
import RollcallExchange
import RollcallStore
import SystemPackage

/// The options every command shares: where the store is and which day is today.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store directory (default: $ROLLCALL_STORE, else ~/.local/share/rollcall).", valueName: "dir"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("Work as of this day instead of the real date (or set ROLLCALL_TODAY).", valueName: "yyyy-mm-dd"))
    var today: String?

    var location: FilePath {
        StoreLocation.resolve(option: store, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the store; what it has to say once (a journal set aside, a read-only copy)
    /// goes to standard error as it happens, unless `announcing` is false (the TUI, which
    /// owns the screen, says it after it ends).
    func open(announcing: Bool = true, upgrading: Bool = true) throws -> Store {
        let store = try Store.open(at: location, upgrading: upgrading)
        if announcing { store.notices.deliver { printError("warning: \($0)") } }
        return store
    }

    /// Opens the store as someone allowed to review it (reports, the audit, the logs);
    /// once a staff list exists, any other login is refused. With the date of today.
    func openToReview() throws -> (store: Store, today: CalendarDate) {
        let store = try open()
        let today = try currentDate()
        try store.staff().authorise(.review, by: try login, today: today)
        return (store, today)
    }

    /// The day that decides whether the login may write: `currentDate()` for an admin,
    /// the real date for anyone else.
    func decidingDate(_ staff: StaffList) throws -> CalendarDate {
        try decidingMoment(staff).day
    }

    /// The day and time of day that decide whether the login may write: `ROLLCALL_TIME`
    /// (`hh:mm`) pins the time for those who may pretend, as `--today` pins the day.
    func decidingMoment(_ staff: StaffList) throws -> (day: CalendarDate, minute: Int) {
        let real = (day: RealClock.today, minute: RealClock.minute)
        return staff.deciding(login: try login, pretended: (try currentDate(), try minuteOfDay()), real: real)
    }

    /// The time of day the school is living: `time` (a screen's `--time`), else
    /// `ROLLCALL_TIME`, as `hh:mm`, else the clock in England. A value that is not a time
    /// is refused, never taken for the clock.
    func minuteOfDay(_ time: String? = nil) throws -> Int {
        guard let text = time ?? ProcessInfo.processInfo.environment["ROLLCALL_TIME"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return RealClock.minute
        }
        guard let minute = School.minutes(text) else { throw Failure("--time \(EntryLimits.quoted(text)) is not a time like 08:45") }
        return minute
    }

    /// Whether the school day of `day` is over, its afternoon register closed: a day gone
    /// by is; today is once the clock has passed the close.
    func dayOver(_ day: CalendarDate, today: CalendarDate, school: School) throws -> Bool {
        try day != today || minuteOfDay() >= school.registerCloses(.pm)
    }

    /// The date the school is living: `--today`, `ROLLCALL_TODAY`, or the date in England.
    func currentDate() throws -> CalendarDate {
        let text = today ?? ProcessInfo.processInfo.environment["ROLLCALL_TODAY"]
        if let text, !text.isEmpty {
            guard let date = CalendarDate(text) else { throw Failure("today '\(text)' is not a date like 2025-09-03") }
            return date
        }
        return RealClock.today
    }

    /// The operating-system login of whoever runs the command: what the audit records
    /// and what the staff list is checked against. Only the system's user database says
    /// who that is: `$USER` is the caller's to set, so a process whose uid has no entry
    /// there is refused rather than taken at its word.
    var login: String {
        get throws {
            if let acting = ActingLogin.current { return acting }
            guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name, name.pointee != 0 else {
                throw Failure("uid \(getuid()) has no entry in the system's user database, so Rollcall cannot tell who you are; ask the server's administrator")
            }
            return String(cString: name)
        }
    }
}

/// One clear sentence for the person at the terminal, printed as `Error: ...`.
struct Failure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Parses a `YYYY-MM-DD` option value, naming the option when it is wrong.
func parseDate(_ text: String?, option: String) throws -> CalendarDate? {
    guard let text else { return nil }
    guard let date = CalendarDate(text) else { throw Failure("--\(option) '\(text)' is not a date like 2025-09-03") }
    return date
}

/// Prints one line to standard error: warnings, progress and problems never mix with
/// output a script reads. A line may quote the school's data, so control characters in
/// it are shown, never sent (`TerminalText`).
func printError(_ text: String) {
    FileHandle.standardError.write(Data((TerminalText.visible(text) + "\n").utf8))
}

/// How many problems of a refused import are printed.
let shownProblems = 100

/// Prints the problems of a refused import as `FILE:LINE: ...`, then fails.
func refuse(_ failure: ImportFailure) throws -> Never {
    // A file of 200,000 bad rows would otherwise print 17 MB: the first hundred show
    // what is wrong, and the count says how much.
    for problem in failure.problems.prefix(shownProblems) { printError(problem.description) }
    if failure.problems.count > shownProblems {
        printError("... and \(failure.problems.count - shownProblems) more problems like these.")
    }
    printError("Nothing was imported: \(failure.problems.count) problem\(failure.problems.count == 1 ? "" : "s") to fix.")
    throw ExitCode.failure
}
