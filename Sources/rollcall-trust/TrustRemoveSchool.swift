import ArgumentParser
import RollcallTrust

struct TrustRemoveSchool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-school",
        abstract: "Take a school out of the trust: its rows in every table and its login, in one transaction.",
        discussion: """
            Nothing in the school's own store changes: it can be added and publish again. --confirm repeats the URN, \
            so that a slip of the finger removes nothing.
            Example: rollcall trust remove-school 149521 --confirm 149521
            """)

    @Argument(help: "The school's URN.") var urn: String
    @Option(help: ArgumentHelp("The URN again.", valueName: "urn")) var confirm: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard confirm == urn else {
            throw ValidationError("removing school \(urn) removes everything it sent: give --confirm \(urn) to say so")
        }
    }

    func run() async throws {
        let removed = try await failing {
            try await TrustDatabase.with(try database.settings()) { try await TrustSchools.remove(urn: urn, on: $0) }
        }
        print("Removed school \(urn): \(removed) rows and its login \(TrustRoles.schoolRole(urn)).")
    }
}
