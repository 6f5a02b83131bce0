import ArgumentParser
import RollcallTrust

struct TrustAddSchool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-school",
        abstract: "Add a school and its login, which may write only that school's rows; its password is shown once.",
        discussion: "Example: rollcall trust add-school 149521 --name \"Hollins Park Academy\" --database postgres://admin@db/rollcall")

    @Argument(help: "The school's URN.") var urn: String
    @Option(help: "The school's name.") var name: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let (role, password) = try await failing {
            try await TrustDatabase.with(try database.settings()) { try await TrustRoles.addSchool(urn: urn, name: name, on: $0) }
        }
        print("Added \(name) (\(urn)). Its login is \(role), password \(password)")
        print("The password is not kept anywhere: give it to the school now, for its ~/.pgpass, and 'rollcall trust publish'.")
    }
}
