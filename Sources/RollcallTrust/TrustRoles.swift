import Foundation
import PostgresNIO
import RollcallCore

/// The database roles the trust hands out: one per school, which may write only that
/// school's rows (row-level security, `Migrations`), and one per member of the trust's
/// staff, which may read every school and write nothing. Each is made with a password
/// made here and shown once; the database keeps only its SCRAM hash.
public enum TrustRoles {
    public static func schoolRole(_ urn: String) -> String { "rollcall_school_\(urn)" }

    /// Adds a school and its role; returns the role's name and password.
    public static func addSchool(urn: String, name: String, on connection: PostgresConnection) async throws -> (role: String, password: String) {
        guard urn.range(of: "^[0-9]{6,7}$", options: .regularExpression) != nil else {
            throw TrustFailure("'\(urn)' is not a URN: six or seven digits, as Get Information about Schools gives it")
        }
        // The name reaches every reader's screen and every report's CSV: held to the rules
        // a school's own names are (no control or invisible character, a sensible length).
        if let problem = EntryLimits.nameProblem(name) { throw TrustFailure("--name \(problem)") }
        if let known = try await TrustSchools.name(of: urn, on: connection) {
            throw TrustFailure("school \(urn) is in the trust already, as \(known): 'rollcall trust new-password \(urn)' gives its login a new password")
        }
        let role = schoolRole(urn), password = makePassword()
        try await connection.withTransaction(logger: TrustDatabase.logger) { connection in
            try await createRole(role, password: password, member: "rollcall_schools", on: connection)
            try await connection.query("INSERT INTO schools (urn, name) VALUES (\(urn), \(name))", logger: TrustDatabase.logger)
        }
        return (role, password)
    }

    /// Adds a reader for the trust's own staff; returns the role's name and password.
    public static func addReader(_ login: String, on connection: PostgresConnection) async throws -> (role: String, password: String) {
        let role = try readerRole(login), password = makePassword()
        try await connection.withTransaction(logger: TrustDatabase.logger) { connection in
            try await createRole(role, password: password, member: "rollcall_readers", on: connection)
        }
        return (role, password)
    }

    /// A new password for a school's or a reader's login, shown once to whoever runs
    /// this; the old one stops working. Sent as its SCRAM verifier, as a new login's is.
    public static func newPassword(for role: String, on connection: PostgresConnection) async throws -> String {
        guard try await exists(role, on: connection) else { throw TrustFailure("there is no login \(role) in the trust") }
        let password = makePassword()
        try await connection.query(PostgresQuery(unsafeSQL: "ALTER ROLE \(role) PASSWORD '\(try ScramVerifier(password: password).text)'"),
                                   logger: TrustDatabase.logger)
        return password
    }

    /// Removes a reader's login: they read nothing from the next connection on.
    public static func removeReader(_ login: String, on connection: PostgresConnection) async throws {
        let role = try readerRole(login)
        guard try await exists(role, on: connection) else { throw TrustFailure("there is no reader \(login) in the trust") }
        try await connection.query(PostgresQuery(unsafeSQL: "DROP ROLE \(role)"), logger: TrustDatabase.logger)
    }

    /// The role of a reader's login, once the login is known to be plain.
    public static func readerRole(_ login: String) throws -> String {
        guard login.range(of: "^[a-z][a-z0-9_]{0,40}$", options: .regularExpression) != nil else {
            throw TrustFailure("'\(login)' is not a login: lower-case letters, digits and _, starting with a letter")
        }
        return "rollcall_reader_\(login)"
    }

    static func exists(_ role: String, on connection: PostgresConnection) async throws -> Bool {
        var exists = false
        for try await _ in try await connection.query("SELECT 1 FROM pg_roles WHERE rolname = \(role)", logger: TrustDatabase.logger) {
            exists = true
        }
        return exists
    }

    /// Role names and verifiers cannot be bound as parameters in CREATE ROLE: the name is
    /// checked above and the verifier is base64 and `$:` only, so neither can carry a
    /// quote. The password itself never travels: the server is sent its SCRAM verifier,
    /// worked out here as psql's `\password` does, so no statement log holds it.
    private static func createRole(_ role: String, password: String, member group: String, on connection: PostgresConnection) async throws {
        if try await exists(role, on: connection) { throw TrustFailure("the login \(role) exists already") }
        try await connection.query(PostgresQuery(unsafeSQL: createRoleSQL(role, verifier: try ScramVerifier(password: password).text, member: group)),
                                   logger: TrustDatabase.logger)
    }

    /// The statement that makes a login role with a verifier, not a password.
    static func createRoleSQL(_ role: String, verifier: String, member group: String) -> String {
        "CREATE ROLE \(role) LOGIN PASSWORD '\(verifier)' IN ROLE \(group)"
    }

    static func makePassword() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
