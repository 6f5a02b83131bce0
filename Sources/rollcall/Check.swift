import ArgumentParser
import RollcallCore
import RollcallStore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify every file of the store and the audit chain.",
        discussion: """
            Reads every file; verifies the audit and interventions chains against their heads; compares each year's \
            digest with the marks files; names every damaged file (with its line and field), broken or shortened chain, \
            pupil whose digest differs, journal set aside or unfinished, symbolic link, leftover temporary file, and file \
            or folder with another mode than 0600/0700 or another owner. Changes nothing; exits 1 if there is any problem.
            Example: rollcall check --store /srv/rollcall
            """)

    @OptionGroup var options: StoreOptions

    func run() throws {
        let store = try options.open(upgrading: false)
        let problems = store.check()
        for problem in problems { print(TerminalText.visible(problem.description)) }
        if !problems.isEmpty {
            printError("\(problems.count) problem\(problems.count == 1 ? "" : "s") found in \(store.root)")
            throw ExitCode.failure
        }
        let amendments = try store.amendments().count
        print("\(store.root): every file reads correctly; the audit chain of \(amendments) amendment\(amendments == 1 ? "" : "s") is intact.")
    }
}
