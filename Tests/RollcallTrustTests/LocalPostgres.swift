import Foundation
import PostgresNIO
import RollcallTestSupport
import RollcallTrust

/// The run's one throwaway PostgreSQL cluster on 127.0.0.1 (`scripts/local-postgres`):
/// the one `scripts/test` started and named in `ROLLCALL_TEST_POSTGRES`, which it stops
/// however the run ends, or else one started here on first use and stopped when the test
/// process exits. Each test has a database of its own, copied from a template made once
/// (`TrustFixture`).
final class LocalPostgres: Sendable {
    /// The superuser's URL, for the `postgres` database.
    let url: String

    static let shared = Task<LocalPostgres, any Error> {
        if let url = ProcessInfo.processInfo.environment["ROLLCALL_TEST_POSTGRES"], !url.isEmpty { return LocalPostgres(url: url) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rollcall-pg-\(getpid())").path
        let result = try await run(script, ["start", directory])
        guard result.status == 0 else { throw Failed(description: "local-postgres start: \(result.errors)") }
        startedHere = directory
        atexit { if let directory = LocalPostgres.startedHere { ChildProcess.runBlocking(LocalPostgres.script, ["stop", directory]) } }
        return LocalPostgres(url: result.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The cluster this process started, to stop at exit.
    nonisolated(unsafe) private static var startedHere: String?

    /// Held by one test's trust at a time: school roles (`rollcall_school_URN`) belong to
    /// the cluster, not a database, so tests that add the same URN take turns.
    static let lease = Lease()

    static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../scripts/local-postgres").standardized.path
    }

    private init(url: String) {
        self.url = url
    }

    /// The same server as another login, in `database`.
    func url(user: String? = nil, password: String? = nil, database: String) -> String {
        guard var parts = URLComponents(string: url) else { return url }
        if let user {
            parts.user = user
            parts.password = password
        }
        parts.path = "/" + database
        return parts.string ?? url
    }

    /// Runs statements as the superuser, outside any transaction (CREATE and DROP
    /// DATABASE cannot run in one); returns the first column of the last one's rows.
    @discardableResult
    func superuser(_ statements: [String], database: String = "postgres") async throws -> [String] {
        let settings = try DatabaseSettings.resolve(url: url(database: database), environment: [:])
        return try await TrustDatabase.with(settings) { connection in
            var values: [String] = []
            for statement in statements {
                values = []
                for try await value in try await connection.query(PostgresQuery(unsafeSQL: statement), logger: .init(label: "test")).decode(String?.self) {
                    values.append(value ?? "")
                }
            }
            return values
        }
    }

    /// The template every test's database is copied from: the trust's schema, made once.
    static let template = "rollcall_template"

    /// Makes the template unless it is there, and drops what the last test left: its
    /// database and its logins. The caller holds the lease.
    func prepare() async throws {
        let databases = try await superuser(["SELECT datname FROM pg_database WHERE datname LIKE 'trust\\_%'"])
        for name in databases { try await superuser(["DROP DATABASE \"\(name)\" WITH (FORCE)"]) }
        let roles = try await superuser(["SELECT rolname FROM pg_roles WHERE rolname LIKE 'rollcall\\_school\\_%' OR rolname LIKE 'rollcall\\_reader\\_%'"])
        for role in roles { try await superuser(["DROP ROLE \"\(role)\""]) }
        guard try await superuser(["SELECT datname FROM pg_database WHERE datname = '\(LocalPostgres.template)'"]).isEmpty else { return }
        try await superuser(["CREATE DATABASE \(LocalPostgres.template)"])
        let initialised = try await run(trustExecutable, ["init", "--database", url(database: LocalPostgres.template)],
                                        environment: ["HOME": "/nonexistent", "PATH": "/usr/bin:/bin"])
        guard initialised.status == 0 else { throw Failed(description: "init: \(initialised.errors)") }
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    /// A lock held across awaits: waiters queue without holding a thread.
    actor Lease {
        private var held = false
        private var waiting: [CheckedContinuation<Void, Never>] = []

        func acquire() async {
            if !held {
                held = true
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        func release() {
            if waiting.isEmpty { held = false } else { waiting.removeFirst().resume() }
        }
    }
}

struct Finished {
    let status: Int32
    let output: String
    let errors: String
}

/// Runs a program to its end, its output in files, awaited without holding a thread of
/// the test pool (`ChildProcess`: posix_spawn and waitpid, not Process, which can miss
/// the exit of a child whose own child, the database server pg_ctl starts, lives on).
func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) async throws -> Finished {
    let finished = try await ChildProcess.run(executable, arguments, environment: environment)
    return Finished(status: finished.status, output: finished.output, errors: finished.errors)
}

/// `rollcall-trust`, as built beside the tests.
var trustExecutable: String {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rollcall-trust").path
}
