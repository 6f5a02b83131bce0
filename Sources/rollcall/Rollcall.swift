import ArgumentParser

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
            Check.self, Demo.self,
        ],
        defaultSubcommand: TUI.self
    )
}
