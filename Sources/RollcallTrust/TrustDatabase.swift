import Foundation
import Logging
import NIOSSL
import PostgresNIO
import RollcallCore

/// One connection to the trust's database for the length of a command: Rollcall's trust
/// commands are short and run one after another, so there is no pool to keep.
public enum TrustDatabase {
    /// Errors only: the driver's debug lines would carry queries, and never pupil data to a log.
    static let logger: Logger = {
        var logger = Logger(label: "rollcall-trust")
        logger.logLevel = .error
        return logger
    }()

    public static func with<Result: Sendable>(_ settings: DatabaseSettings,
                                              _ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: settings.configuration(), id: 1, logger: logger)
        } catch {
            throw TrustFailure("cannot connect to \(settings.user)@\(settings.host):\(settings.port)/\(settings.database): \(TrustFailure.describe(error))")
        }
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

extension DatabaseSettings {
    /// The driver's configuration: TLS as `tls` says, the server's certificate checked
    /// against `PGSSLROOTCERT` when set, else the system's roots.
    func configuration() throws -> PostgresConnection.Configuration {
        if host.hasPrefix("/") {
            return .init(unixSocketPath: "\(host)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        }
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        if let roots = ProcessInfo.processInfo.environment["PGSSLROOTCERT"], !roots.isEmpty {
            tlsConfiguration.trustRoots = .file(roots)
        }
        let tls: PostgresConnection.Configuration.TLS
        switch self.tls {
        case .disable:
            tls = .disable
        case .allow, .prefer:
            tlsConfiguration.certificateVerification = .none
            tls = .prefer(try NIOSSLContext(configuration: tlsConfiguration))
        case .require:
            tlsConfiguration.certificateVerification = .none
            tls = .require(try NIOSSLContext(configuration: tlsConfiguration))
        case .verifyCA:
            tlsConfiguration.certificateVerification = .noHostnameVerification
            tls = .require(try NIOSSLContext(configuration: tlsConfiguration))
        case .verifyFull:
            tls = .require(try NIOSSLContext(configuration: tlsConfiguration))
        }
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.tlsServerName = self.tls == .verifyFull ? host : nil
        return configuration
    }
}


/// A trust command's failure, said in one line.
public struct TrustFailure: Error, CustomStringConvertible {
    public let description: String

    /// Messages name what the database held (a UPN, a school, a server's words), so a
    /// control character in them is shown, not sent to the terminal.
    public init(_ description: String) {
        self.description = TerminalText.visible(description)
    }

    /// What the server said, else the error itself: the driver's own description hides
    /// the server's message.
    public static func describe(_ error: any Error) -> String {
        // A transaction's failure wraps the statement's, which says what went wrong.
        if let error = error as? PostgresTransactionError {
            if let inner = error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError { return describe(inner) }
        }
        if let failure = error as? TrustFailure { return failure.description }
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                return message + (error.serverInfo?[.detail].map { " (\($0))" } ?? "") + (advice[error.serverInfo?[.sqlState] ?? ""] ?? "")
            }
            return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
        }
        return "\(error)"
    }

    /// What to do, for the server's refusals a trust's admin or reader meets.
    static let advice = [
        // undefined_table: a database the trust's schema was never put in.
        "42P01": ": this database has no trust schema; 'rollcall trust init' makes it",
        // insufficient_privilege
        "42501": ": this login may not do that; a school's login publishes, a reader's reads, the admin's changes the trust",
        // invalid_password
        "28P01": ": the password is not this login's; 'rollcall trust new-password' gives a new one",
    ]
}
