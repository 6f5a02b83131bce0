import ArgumentParser
import RollcallTrust

struct TrustRemoveReader: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-reader",
        abstract: "Remove a reader's login: they read nothing from their next connection on.",
        discussion: "Example: rollcall trust remove-reader lead")

    @Argument(help: "The reader's login, as 'add-reader' was given it.") var login: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await failing {
            try await TrustDatabase.with(try database.settings()) { try await TrustRoles.removeReader(login, on: $0) }
        }
        print("Removed the reader \(login).")
    }
}
