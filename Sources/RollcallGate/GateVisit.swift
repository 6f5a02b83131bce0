import Foundation
import RollcallCore
import RollcallStore

/// What the access log keeps of one session through the gate: whose key, which key,
/// from where, and the command's name and subcommand, never an option's value (a UPN or
/// a note is personal data). Written at the start, and at the end whatever ends it.
public struct GateVisit: Sendable {
    public let login: String
    public let fingerprint: String?
    public let client: String?
    public let command: String

    /// The visit of `login` sending `words` (nil: words that would not split), as sshd
    /// describes the connection in `environment`.
    public init(login: String, words: [String]?, environment: [String: String]) {
        self.login = login
        command = GatePolicy.echo((words.map { $0.isEmpty ? ["tui"] : $0 } ?? ["(unreadable)"])
            .prefix { !$0.hasPrefix("-") && !$0.contains("=") }.prefix(2).joined(separator: " "))
        client = environment["SSH_CONNECTION"].map { GatePolicy.echo($0.split(separator: " ").prefix(2).joined(separator: " ")) }
        fingerprint = GateVisit.fingerprint(authInfo: environment["SSH_USER_AUTH"])
    }

    /// Logs the start, and returns the session that logs the end exactly once.
    public func begin(in store: Store, at started: Date = Date()) throws -> GateSession {
        try store.logAccess(AccessEvent(kind: .start, login: login, fingerprint: fingerprint, client: client, command: command, at: started))
        return GateSession { status in
            try? store.logAccess(AccessEvent(kind: .end, login: login, fingerprint: fingerprint, client: client, command: command,
                                             status: status, seconds: Date().timeIntervalSince(started), at: Date()))
        }
    }

    /// The key sshd let in, from the file ExposeAuthInfo names: its fingerprint.
    static func fingerprint(authInfo path: String?) -> String? {
        guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            if words.count >= 3, words[0] == "publickey", let key = try? SSHPublicKey(type: words[1], base64: words[2]) {
                return key.fingerprint
            }
        }
        return nil
    }
}
