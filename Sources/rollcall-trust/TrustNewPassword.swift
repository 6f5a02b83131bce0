import ArgumentParser
import RollcallTrust

struct TrustNewPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-password",
        abstract: "A new password for a school's login, or a reader's; shown once, and the old one stops working.",
        discussion: """
            Example: rollcall trust new-password 149521
            Example: rollcall trust new-password --reader lead
            """)

    @Argument(help: "The school's URN.") var urn: String?
    @Option(help: ArgumentHelp("A reader's login instead of a school's.", valueName: "name")) var reader: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (urn == nil) != (reader == nil) else { throw ValidationError("give a school's URN, or --reader NAME: one of them") }
    }

    func run() async throws {
        let role = try reader.map { try TrustRoles.readerRole($0) } ?? TrustRoles.schoolRole(urn ?? "")
        if let urn, urn.range(of: "^[0-9]{6,7}$", options: .regularExpression) == nil {
            throw TrustFailure("'\(urn)' is not a URN: six or seven digits, as Get Information about Schools gives it")
        }
        let password = try await failing {
            try await TrustDatabase.with(try database.settings()) { try await TrustRoles.newPassword(for: role, on: $0) }
        }
        print("The login \(role) has a new password: \(password)")
        print("It is not kept anywhere: give it to its owner now; the old one no longer works.")
    }
}
