import Foundation

/// Where the trust's database is and how to reach it, read as PostgreSQL's own tools read
/// it (libpq's conventions), so a trust's administrator sets it once for `psql` and
/// Rollcall alike: a `postgres://` URL, else `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`,
/// `PGDATABASE` and `PGSSLMODE`; a password not given is looked up in `~/.pgpass` (or
/// `PGPASSFILE`), which is ignored unless only its owner can read it.
///
/// Pupil data crosses this connection, so TLS is required for any host that is not this
/// machine, whatever `sslmode` says: `disable`, `allow` and `prefer` are refused there, and
/// the default is `verify-full`.
public struct DatabaseSettings: Equatable, Sendable {
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// A host name or address, or a folder holding the server's Unix socket.
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    /// Whether the server is on this machine: a Unix socket, `localhost`, or a host that
    /// parses as a loopback address (127.0.0.0/8, ::1). Decided by the address, never by
    /// how a name begins: `127.0.0.1.example` and `127.evil.example` are other machines.
    public var isLocal: Bool {
        if host.hasPrefix("/") || host.lowercased() == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            let bytes = withUnsafeBytes(of: &v6) { Array($0) }
            return bytes == [UInt8](repeating: 0, count: 15) + [1]
                || (bytes.prefix(12) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF] && bytes[12] == 127)
        }
        return false
    }

    /// Reads `url` when given, else the environment; refuses what would send pupil data
    /// in the clear.
    public static func resolve(url: String?, environment: [String: String], home: String? = nil) throws(DatabaseSettingsError) -> DatabaseSettings {
        var settings = DatabaseSettings(
            host: nonEmpty(environment["PGHOST"]) ?? "/var/run/postgresql", port: 5432,
            user: nonEmpty(environment["PGUSER"]) ?? nonEmpty(environment["USER"]) ?? "postgres",
            password: nonEmpty(environment["PGPASSWORD"]), database: "", tls: .prefer)
        if let port = nonEmpty(environment["PGPORT"]) {
            guard let number = Int(port), (1...65_535).contains(number) else { throw .badPort(port) }
            settings.port = number
        }
        var mode = nonEmpty(environment["PGSSLMODE"])
        if let url {
            mode = try settings.read(url: url) ?? mode
        }
        if settings.database.isEmpty { settings.database = nonEmpty(environment["PGDATABASE"]) ?? settings.user }
        if let mode {
            guard let parsed = TLSMode(rawValue: mode) else { throw .badSSLMode(mode) }
            settings.tls = parsed
        } else if !settings.isLocal {
            settings.tls = .verifyFull
        }
        if !settings.isLocal, [.disable, .allow, .prefer].contains(settings.tls) {
            throw .plainTextToRemoteHost(settings.host, settings.tls.rawValue)
        }
        if settings.password == nil {
            let file = nonEmpty(environment["PGPASSFILE"]) ?? (home ?? environment["HOME"]).map { "\($0)/.pgpass" }
            if let file { settings.password = PasswordFile.lookup(file, for: settings) }
        }
        return settings
    }

    /// Reads `postgres://user:password@host:port/database?sslmode=...`; returns its sslmode.
    private mutating func read(url text: String) throws(DatabaseSettingsError) -> String? {
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? "") else {
            throw .badURL("a database URL is postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        if let host = url.host, !host.isEmpty { self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host }
        if let port = url.port { self.port = port }
        if let user = url.user, !user.isEmpty { self.user = user }
        if let password = url.password { self.password = password }
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        if !path.isEmpty { database = path }
        var mode: String?
        for item in url.queryItems ?? [] {
            switch item.name {
            case "sslmode": mode = item.value
            case "host": if let value = item.value { host = value }
            case "port":
                guard let value = item.value, let number = Int(value) else { throw .badPort(item.value ?? "") }
                port = number
            default: throw .badURL("the URL's '\(item.name)' is not one Rollcall reads (sslmode, host, port)")
            }
        }
        return mode
    }

    private static func nonEmpty(_ value: String?) -> String? {
        value.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// Why the database cannot be reached as asked.
public enum DatabaseSettingsError: Error, Equatable, Sendable, CustomStringConvertible {
    case badURL(String)
    case badPort(String)
    case badSSLMode(String)
    case plainTextToRemoteHost(String, String)

    public var description: String {
        switch self {
        case let .badURL(why): why
        case let .badPort(port): "'\(port)' is not a port number"
        case let .badSSLMode(mode):
            "sslmode '\(mode)' is not one of \(DatabaseSettings.TLSMode.allCases.map(\.rawValue).joined(separator: ", "))"
        case let .plainTextToRemoteHost(host, mode):
            "\(host) is not this machine: pupil data goes to it only over TLS (sslmode require, verify-ca or verify-full), not '\(mode)'"
        }
    }
}
