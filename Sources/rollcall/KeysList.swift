import ArgumentParser
import RollcallCore
import RollcallExchange
import RollcallStore

struct KeysList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The keys on the staff list: login, type, fingerprint (as ssh-keygen -lf prints it) and comment.",
        discussion: """
            An admin sees everyone's; anyone else their own. A key whose login has left the staff list lets nobody in \
            ('keys lookup' and 'keys authorized-keys' pass it over): it is listed only with --all, as inactive, until an \
            admin removes it.
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: "Only this login's keys.") var login: String?
    @Flag(help: "Keys of logins no longer on the staff list too, marked inactive.") var all = false
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let store = try options.open()
        let staff = try store.staff()
        let me = try options.login
        let isAdmin = staff.members.isEmpty || staff.member(login: me)?.role == .admin
        if !isAdmin {
            _ = try staff.recorder(login: me)
            guard login == nil || login == me else { throw Failure("only an admin may list another login's keys") }
        }
        func isActive(_ login: String) -> Bool { staff.members.isEmpty || staff.member(login: login) != nil }
        let shown = try store.keys().filter { key in
            (login ?? (isAdmin ? nil : me)).map { key.login == $0 } ?? true
        }.filter { all || isActive($0.login) }
        var table = ReportTable(columns: ["login", "status", "type", "fingerprint", "comment", "added", "added_by"])
        for key in shown {
            table.append([.text(key.login), .text(isActive(key.login) ? "active" : "inactive: not on the staff list"), .text(key.key.type),
                          .text(key.fingerprint), .text(key.key.comment), .text(JSONText.instant(key.added)), .text(key.addedBy)])
        }
        print(table.render(format), terminator: "")
    }
}
