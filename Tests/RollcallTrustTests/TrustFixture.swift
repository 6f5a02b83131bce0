import Foundation
import PostgresNIO
import RollcallCore
import RollcallExchange
import RollcallStore
import RollcallTrust
import SystemPackage

/// A trust for one test: a database of its own on the run's cluster, copied from the
/// template with the schema, and demo schools each with its own URN, store and login.
/// Tests that need the cluster take turns (`LocalPostgres.lease`) from `init` to `remove`.
final class TrustFixture: @unchecked Sendable {
    let postgres: LocalPostgres
    /// This test's database.
    let database = "trust_" + UUID().uuidString.prefix(8).lowercased()
    private(set) var logins: [String: String] = [:]
    private var folders: [String] = []
    /// Thursday 20 November 2025: the autumn term so far.
    static let today = CalendarDate(year: 2025, month: 11, day: 20)!

    init() async throws {
        postgres = try await LocalPostgres.shared.value
        await LocalPostgres.lease.acquire()
        do {
            try await postgres.prepare()
            try await postgres.superuser(["CREATE DATABASE \(database) TEMPLATE \(LocalPostgres.template)"])
        } catch {
            await LocalPostgres.lease.release()
            throw error
        }
    }

    /// The superuser's URL, in this test's database.
    var url: String { postgres.url(database: database) }

    func remove() {
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
        Task { await LocalPostgres.lease.release() }
    }

    /// Runs `rollcall-trust` with `--database`: the superuser's unless a URL is given.
    @discardableResult
    func trust(_ arguments: [String], database: String? = nil) async throws -> Finished {
        try await run(trustExecutable, arguments + ["--database", database ?? url], environment: ["HOME": "/nonexistent", "PATH": "/usr/bin:/bin"])
    }

    /// A demo school added to the trust: its store, and its login's URL.
    func school(urn: String, name: String, pupils: Int = 60, seed: UInt64, years: Int = 1) async throws -> (store: Store, url: String) {
        let added = try await trust(["add-school", urn, "--name", name])
        guard added.status == 0, let password = added.output.firstMatch(of: /password ([A-Za-z0-9]+)/)?.output.1 else {
            throw LocalPostgres.Failed(description: "add-school: \(added.errors)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trust-school-\(UUID().uuidString)").path
        folders.append(folder)
        var settings = try DemoSchool.settings()
        settings.urn = urn
        let store = try Store.create(at: FilePath(folder), school: settings)
        _ = try DemoSchool.write(pupils: pupils, seed: seed, today: TrustFixture.today, years: years, to: store)
        var school = try store.school()
        school.urn = urn
        try store.saveSchool(school)
        let url = postgres.url(user: "rollcall_school_\(urn)", password: String(password), database: database)
        logins[urn] = url
        return (store, url)
    }

    /// North (60 pupils, seed 1) and South (seed 2), each added and published.
    func twoPublishedSchools() async throws -> (north: (store: Store, url: String), south: (store: Store, url: String)) {
        let north = try await school(urn: "100001", name: "North Academy", seed: 1)
        let south = try await school(urn: "100002", name: "South Academy", seed: 2)
        for (store, url) in [north, south] {
            let published = try await publish(store, as: url)
            guard published.status == 0 else { throw LocalPostgres.Failed(description: "publish: \(published.errors)") }
        }
        return (north, south)
    }

    func publish(_ store: Store, as url: String) async throws -> Finished {
        try await trust(["publish", "--store", store.root.string, "--as-of", TrustFixture.today.description], database: url)
    }

    /// A reader for the trust's staff: its login's URL.
    func reader(_ login: String = "lead") async throws -> String {
        let reader = try await trust(["add-reader", login])
        guard reader.status == 0, let password = reader.output.firstMatch(of: /password ([A-Za-z0-9]+)/)?.output.1 else {
            throw LocalPostgres.Failed(description: "add-reader: \(reader.errors)")
        }
        return postgres.url(user: "rollcall_reader_\(login)", password: String(password), database: database)
    }

    /// The school's own `rollcall report ...`, run by the rollcall built beside the tests.
    func schoolReport(_ store: Store, _ arguments: [String]) async throws -> Finished {
        let rollcall = URL(fileURLWithPath: trustExecutable).deletingLastPathComponent().appendingPathComponent("rollcall").path
        return try await run(rollcall, ["report"] + arguments + ["--store", store.root.string],
                       environment: ["HOME": "/nonexistent", "PATH": "/usr/bin:/bin", "ROLLCALL_TODAY": TrustFixture.today.description])
    }

    /// Runs SQL as `url`'s login and returns the first column of each row as text.
    func column(_ sql: String, as url: String? = nil) async throws -> [String?] {
        let settings = try DatabaseSettings.resolve(url: url ?? self.url, environment: [:])
        return try await TrustDatabase.with(settings) { connection in
            var values: [String?] = []
            for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: .init(label: "test")).decode(String?.self) {
                values.append(value)
            }
            return values
        }
    }

    /// The error the server gives for `sql` as `url`'s login, or nil if it ran.
    func refusal(_ sql: String, as url: String) async -> String? {
        do {
            _ = try await column(sql, as: url)
            return nil
        } catch {
            return TrustFailure.describe(error)
        }
    }
}

/// The JSON rows of a report.
func rows(_ text: String) throws -> [[String: Any]] {
    (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]) ?? []
}
