import Foundation
import RollcallCore
import SystemPackage

/// One line of the access log: a session through `rollcall gate` beginning or ending.
public struct AccessEvent: Hashable, Sendable {
    public enum Kind: String, Sendable, Codable { case start, end }

    public let kind: Kind
    public let login: String
    /// The key's fingerprint when sshd says which key it was (ExposeAuthInfo).
    public let fingerprint: String?
    /// The client's address and port, from SSH_CONNECTION.
    public let client: String?
    /// What was run: empty for the screens.
    public let command: String
    /// At the end: the exit status and how long the session took.
    public let status: Int32?
    public let seconds: Double?
    public let at: Date

    public init(kind: Kind, login: String, fingerprint: String?, client: String?, command: String, status: Int32? = nil,
                seconds: Double? = nil, at: Date) {
        self.kind = kind
        self.login = login
        self.fingerprint = fingerprint
        self.client = client
        self.command = command
        self.status = status
        self.seconds = seconds
        self.at = at
    }
}

extension Store {
    /// Every session through the gate, oldest first.
    public func accessLog() throws(StoreError) -> [AccessEvent] {
        try withStoreLock { () throws(StoreError) in try ChainedLog(path: layout.access).entries(ChainedLog.accessEvent) }
    }

    /// Appends a start or an end of a session, durably, to the hash-chained access log.
    public func logAccess(_ event: AccessEvent) throws(StoreError) {
        try withStoreLock { () throws(StoreError) in
            let lock = try FileLock(layout.lock("access"), .exclusive)
            defer { lock.unlock() }
            _ = try ChainedLog(path: layout.access).openForAppend().append([AccessLine.body(for: event)])
        }
    }
}

struct AccessLine: Decodable {
    let seq: Int
    let event: AccessEvent.Kind
    let login: String
    let fingerprint: String?
    let client: String?
    let command: String
    let status: Int32?
    let seconds: Double?
    let at: String

    static func body(for event: AccessEvent) -> String {
        var fields = ["\"event\":\"\(event.kind.rawValue)\"", "\"login\":\(JSONText.string(event.login))"]
        if let fingerprint = event.fingerprint { fields.append("\"fingerprint\":\(JSONText.string(fingerprint))") }
        if let client = event.client { fields.append("\"client\":\(JSONText.string(client))") }
        fields.append("\"command\":\(JSONText.string(event.command))")
        if let status = event.status { fields.append("\"status\":\(status)") }
        if let seconds = event.seconds { fields.append("\"seconds\":\((seconds * 1000).rounded() / 1000)") }
        fields.append("\"at\":\"\(JSONText.instant(event.at))\"")
        return fields.joined(separator: ",")
    }
}

extension ChainedLog {
    static func accessEvent(_ line: [UInt8], number: Int, path: FilePath) throws(StoreError) -> AccessEvent {
        let decoded = try decode(AccessLine.self, line, number: number, path: path)
        guard let at = JSONText.instant(parsing: decoded.at) else {
            throw .damaged(path: path.string, line: number, field: "at", detail: "'\(decoded.at)' is not a time")
        }
        return AccessEvent(kind: decoded.event, login: decoded.login, fingerprint: decoded.fingerprint, client: decoded.client,
                           command: decoded.command, status: decoded.status, seconds: decoded.seconds, at: at)
    }
}
