import ArgumentParser
import RollcallStore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify every file of the store and the audit chain.",
        discussion: "Names each damaged file, broken audit link or file others can read; exits 1 if there is any.\nExample: rollcall check --store /srv/rollcall")

    @OptionGroup var options: StoreOptions

    func run() throws {
        let store = try options.open()
        let problems = store.check()
        for problem in problems { print(problem.description) }
        if !problems.isEmpty {
            printError("\(problems.count) problem\(problems.count == 1 ? "" : "s") found in \(store.root)")
            throw ExitCode.failure
        }
        let amendments = try store.amendments().count
        print("\(store.root): every file reads correctly; the audit chain of \(amendments) amendment\(amendments == 1 ? "" : "s") is intact.")
    }
}
