import ArgumentParser
import Foundation
import RollcallCore
import RollcallTerminal
import RollcallTrust
import RollcallTUI

struct TrustTUI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "The trust's schools side by side, then a school's dashboard, lists and pupils (also 'rollcall tui --trust').",
        discussion: """
            The schools are the rows of a dashboard: ← → change the period, Enter opens the school's own dashboard, \
            and from there its year groups, lists and pupils open with the school dashboard's keys. ? lists the keys.
            Example: rollcall tui --trust --database postgres://rollcall_reader_lead@db.trust.example/rollcall
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "default, light, high-contrast, colour-blind or monochrome (or $ROLLCALL_THEME).") var theme: String?
    @OptionGroup var today: TrustDayOptions
    @Option(help: ArgumentHelp("Close after this many minutes without a key, 1 to 480 (over SSH: 15 unless given).", valueName: "minutes"))
    var idleMinutes: Int?

    func validate() throws {
        if let idleMinutes, !IdleLimit.allowedMinutes.contains(idleMinutes) {
            throw ValidationError("--idle-minutes \(idleMinutes) is not from 1 to 480")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let colourOff = !(environment["NO_COLOR"] ?? "").isEmpty
        let themeName = colourOff ? "monochrome" : (theme ?? environment["ROLLCALL_THEME"] ?? "default")
        guard let themeText = BuiltInThemes.json[themeName], let chosen = try? JSONDecoder().decode(Theme.self, from: Data(themeText.utf8)) else {
            throw ValidationError("there is no theme called '\(TerminalText.visible(themeName))'; the themes are "
                                  + BuiltInThemes.json.keys.sorted().joined(separator: ", "))
        }
        let day = try today.day()
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TrustFailure("the screens need a terminal; from a script use 'rollcall trust report' (ssh -t gives one over SSH)")
        }
        let minute = School.minuteOfDay(Date())
        let idle = IdleLimit.forSession(minutes: idleMinutes, environment: environment)
        try await failing {
            try await TrustDatabase.with(try database.settings()) { connection in
                let unreadable = UnreadableSchools()
                let schools = try await PublishedSchool.all(unreadable: unreadable, on: connection)
                let overview = try await TrustFigures.overview(today: day, unreadable: unreadable, on: connection)
                // The shell waits on keys: on a thread of its own, so that the database's
                // work it asks for runs on Swift's threads meanwhile.
                try await ShellThread.run {
                    let screens = TrustScreens(connection: connection, overview: overview, schools: schools, minute: minute)
                    let terminal = try Terminal(theme: chosen, colour: colourOff ? .never : .auto)
                    defer { terminal.stop() }
                    let ending = try Shell(terminal: terminal, services: screens, idle: idle).run(from: TrustScreen.schools(.thisHalfTerm), notice: terminal.notice)
                    terminal.stop() // before saying why, so the line is not drawn over
                    if ending == .idle, let idle { FileHandle.standardError.write(Data((idle.farewell + "\n").utf8)) }
                }
            }
        }
    }
}

/// Runs blocking work on a thread of its own and waits for it without holding one of
/// Swift's concurrency threads.
enum ShellThread {
    static func run(_ work: @escaping @Sendable () throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                do { try work(); continuation.resume() } catch { continuation.resume(throwing: error) }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
