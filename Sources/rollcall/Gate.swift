import ArgumentParser
import Foundation
import RollcallCore
import RollcallGate
import RollcallStore

/// `rollcall gate LOGIN`: the forced command every staff key runs (`rollcall keys
/// lookup` puts it in the key's line). The member of staff never gets a shell: with no
/// command the screens open as them; with one (`ssh school report penalty`), its words
/// are split here, checked (`GatePolicy`) and run as them under the usual rules.
struct Gate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "The forced command of a staff SSH key: run the screens, or a permitted command, as LOGIN.",
        discussion: """
            Reads the command from SSH_ORIGINAL_COMMAND. Not for running by hand: sshd runs it for \
            a key that 'rollcall keys lookup' answered for.
            """)

    @Argument(help: "Whose key this is.") var login: String

    func run() throws {
        let store = try StoreOptions.parse([]).open()
        // Acting as another login is the service account's alone: a member of staff with
        // a shell of their own who ran 'rollcall gate head' would otherwise be the head.
        var owner = stat()
        guard stat(store.root.string, &owner) == 0, owner.st_uid == geteuid() else {
            throw Failure("'rollcall gate' runs only as the account that owns the store, as sshd's forced command")
        }
        let environment = ProcessInfo.processInfo.environment
        let words = try? CommandWords.split(environment["SSH_ORIGINAL_COMMAND"] ?? "")
        let session = try GateVisit(login: login, words: words, environment: environment).begin(in: store)
        var status: Int32 = 0
        defer { session.end(status: status) }
        do {
            try runAsMember(store: store, words: words)
        } catch {
            status = Rollcall.exitCode(for: error).rawValue
            throw error
        }
    }

    private func runAsMember(store: Store, words: [String]?) throws {
        let staff = try store.staff()
        let member = staff.member(login: login)
        guard staff.members.isEmpty || member != nil else {
            throw Failure("'\(login)' is no longer on the school's staff list; ask the attendance lead")
        }
        let words = try words ?? CommandWords.split(ProcessInfo.processInfo.environment["SSH_ORIGINAL_COMMAND"] ?? "")
        try GatePolicy.check(words, role: member?.role)
        ActingLogin.current = login
        var command = try Rollcall.parseAsRoot(words.isEmpty ? ["tui"] : GatePolicy.adjusted(words))
        try command.run()
    }
}
