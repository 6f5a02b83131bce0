import ArgumentParser
import RollcallCore
import RollcallExchange
import RollcallStore

struct KeysList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The keys on the staff list: login, type, fingerprint (as ssh-keygen -lf prints it) and comment.",
        discussion: "An admin sees everyone's; anyone else their own.")

    @OptionGroup var options: StoreOptions
    @Option(help: "Only this login's keys.") var login: String?
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
        let shown = try store.keys().filter { key in (login ?? (isAdmin ? nil : me)).map { key.login == $0 } ?? true }
        var table = ReportTable(columns: ["login", "type", "fingerprint", "comment", "added", "added_by"])
        for key in shown {
            table.append([.text(key.login), .text(key.key.type), .text(key.fingerprint), .text(key.key.comment),
                          .text(JSONText.instant(key.added)), .text(key.addedBy)])
        }
        print(table.render(format), terminator: "")
    }
}
