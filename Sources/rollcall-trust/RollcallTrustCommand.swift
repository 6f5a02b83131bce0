import ArgumentParser
import Foundation
import RollcallTrust

@main
struct RollcallTrustCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollcall-trust",
        abstract: "A trust's view across its schools, on PostgreSQL (also run as 'rollcall trust').",
        discussion: """
            The database is given as --database postgres://USER:PASSWORD@HOST:PORT/DATABASE, or as psql reads it: PGHOST, \
            PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE and ~/.pgpass. TLS is required for any host but this machine.
            """,
        subcommands: [TrustInit.self, TrustAddSchool.self, TrustAddReader.self, TrustSchoolsList.self, TrustNewPassword.self,
                      TrustRemoveSchool.self, TrustRemoveReader.self, TrustPublish.self, TrustReport.self, TrustTUI.self])
}

/// The database option every trust command takes.
struct DatabaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The trust's database (default: PostgreSQL's own settings).", valueName: "postgres://..."))
    var database: String?

    func settings() throws -> DatabaseSettings {
        do {
            return try DatabaseSettings.resolve(url: database, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw TrustFailure(error.description)
        }
    }
}

/// Runs the command's work, saying a failure in one line (without the usage, which is
/// for a mistyped command).
func failing<Result: Sendable>(_ work: () async throws -> Result) async throws -> Result {
    do {
        return try await work()
    } catch let failure as TrustFailure {
        throw failure
    } catch {
        throw TrustFailure(TrustFailure.describe(error))
    }
}
