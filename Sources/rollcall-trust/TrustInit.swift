import ArgumentParser
import RollcallTrust

struct TrustInit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the trust's tables, or bring them up to this version; run as the database's owner.",
        discussion: "Example: rollcall trust init --database postgres://admin@db.trust.example/rollcall")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let (from, to) = try await failing {
            try await TrustDatabase.with(try database.settings()) { try await Migrations.apply(on: $0) }
        }
        print(from == to ? "The trust's schema is up to date (version \(to))." : "The trust's schema is now at version \(to) (it was at \(from)).")
    }
}
