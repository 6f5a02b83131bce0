import ArgumentParser
import Foundation
import RollcallCore

/// `rollcall`: register-taking and attendance analysis for schools in England.
@main
struct Rollcall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollcall",
        abstract: "Registers and attendance for schools in England.",
        discussion: """
            Every command takes --store DIR (or ROLLCALL_STORE; by default \
            ~/.local/share/rollcall) and --today YYYY-MM-DD (or ROLLCALL_TODAY) to work \
            as of another day.
            """,
        subcommands: [
            TUI.self, Init.self, Import.self, MarkCommand.self, Intervene.self, Report.self, Letter.self, Export.self, Audit.self,
            Check.self, Keys.self, Gate.self, Admission.self, Leave.self, Offsite.self, SchoolCommand.self, TrustCommand.self, Demo.self,
        ],
        defaultSubcommand: TUI.self
    )

    /// ArgumentParser's own entry point, but an error from a command is printed here,
    /// made safe for a terminal: it may quote a name, a note or a field from a file.
    /// (Errors in the arguments are the caller's own text, and ArgumentParser prints them.)
    static func main() {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            // A word that is no command reaches `tui`, which takes none: said as the
            // command it may have meant. Only here, as naming every command costs each
            // run a millisecond or two.
            if let refusal = CommandName.refusal(Array(CommandLine.arguments.dropFirst())) {
                printError("Error: " + refusal)
                exit(withError: ExitCode.validationFailure)
            }
            exit(withError: error)
        }
        do {
            try command.run()
        } catch where exitCode(for: error) == .success {
            // Help asked for (`rollcall keys`, a group without a run of its own): ArgumentParser's text as written.
            exit(withError: error)
        } catch {
            let message = fullMessage(for: error).trimmingCharacters(in: .newlines)
            if !message.isEmpty { printError(message) }
            exit(withError: ExitCode(exitCode(for: error).rawValue))
        }
    }
}
