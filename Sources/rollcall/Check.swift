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
            or folder with another mode than 0600/0700 or another owner, file with a second name (hard link), and chained log \
            removed with its head. Changes nothing; exits 1 if there is any problem. What a crash leaves and the next write \
            removes (a temporary file, a journal not yet applied, a log's torn last line) is named, and exits 0.
            Example: rollcall check --store /srv/rollcall
            """)

    @OptionGroup var options: StoreOptions

    func run() throws {
        let store = try options.open(upgrading: false)
        let found = store.check()
        let problems = found.filter { !$0.isLeftByACrash }, debris = found.filter(\.isLeftByACrash)
        for problem in problems { print(TerminalText.visible(problem.description)) }
        for leftover in debris { print(TerminalText.visible(leftover.description) + " (left by a crash, not a fault in the record)") }
        if !problems.isEmpty {
            printError("\(problems.count) problem\(problems.count == 1 ? "" : "s") found in \(store.root)")
            throw ExitCode.failure
        }
        let amendments = try store.amendments().count
        print("\(store.root): every file reads correctly; the audit chain of \(amendments) amendment\(amendments == 1 ? "" : "s") is intact.")
    }
}
