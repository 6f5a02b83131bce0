import ArgumentParser
import RollcallCore
import RollcallGate
import RollcallExchange
import RollcallStore

struct KeysAuthorizedKeys: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorized-keys",
        abstract: "Print the whole authorized_keys file, for a site that prefers a static one to 'keys lookup'.",
        discussion: "Every key of a login on the staff list, one line each. Write it again after every change.")

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The rollcall binary the lines run (default: this one).", valueName: "path")) var binary: String?

    func run() throws {
        let store = try options.open()
        let staff = try store.staff()
        try staff.authorise(.manageKeys, by: try options.login, today: try options.decidingDate(staff))
        for key in try store.keys() where staff.members.isEmpty || staff.member(login: key.login) != nil {
            guard let line = AuthorizedKeys.line(for: key, binary: binary ?? RollcallBinary.path) else {
                printError("warning: \(key.login)'s key \(key.fingerprint) left out: the login or the binary's path is not plain enough")
                continue
            }
            print(line)
        }
    }
}
