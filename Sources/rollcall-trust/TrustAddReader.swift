import ArgumentParser
import RollcallTrust

struct TrustAddReader: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-reader",
        abstract: "Add a login for the trust's staff that reads every school and writes nothing; its password is shown once.")

    @Argument(help: "A short login: lower-case letters, digits and _.") var login: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let (role, password) = try await failing {
            try await TrustDatabase.with(try database.settings()) { try await TrustRoles.addReader(login, on: $0) }
        }
        print("Added the reader \(role), password \(password) (shown once).")
    }
}
