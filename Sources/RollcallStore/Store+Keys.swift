import Crypto
import Foundation
import RollcallCore
import SystemPackage

/// A key on the staff list: whose it is, and who added it when.
public struct StaffKey: Hashable, Sendable {
    public let login: String
    public let key: SSHPublicKey
    public let added: Date
    public let addedBy: String

    public var fingerprint: String { key.fingerprint }
}

extension SSHPublicKey {
    /// `SHA256:` and the key's SHA-256 in base64 without padding: what `ssh-keygen -lf`
    /// prints and sshd logs, so an admin can match a key to a login by eye.
    public var fingerprint: String {
        "SHA256:" + Data(SHA256.hash(data: blob)).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }
}

extension Store {
    /// The staff's SSH keys as the keys log leaves them: every key added and not removed
    /// since. The log (`audit/keys.jsonl`, hash-chained like the audit) is the only
    /// record, so every change to who can log in is kept, with who made it and when.
    public func keys() throws(StoreError) -> [StaffKey] {
        try withStoreLock { () throws(StoreError) in Store.current(try ChainedLog(path: layout.keys).entries(ChainedLog.keyChange)) }
    }

    /// Adds `key` for `login`. A key is one person's: one that is already someone
    /// else's is refused, and adding one a login has already is a no-op.
    @discardableResult
    public func addKey(_ key: SSHPublicKey, login: String, by recorder: Recorder, at instant: Date) throws(StoreError) -> StaffKey {
        if let problem = EntryLimits.nameProblem(login) { throw .keyRefused("login \(problem)") }
        if let problem = EntryLimits.nameProblem(key.comment) { throw .keyRefused("the key's comment \(problem)") }
        return try changeKeys { keys throws(StoreError) in
            if let held = keys.first(where: { $0.fingerprint == key.fingerprint }) {
                guard held.login == login else { throw .keyRefused("\(key.fingerprint) is already \(held.login)'s key: a key is one person's") }
                return (held, nil)
            }
            let added = StaffKey(login: login, key: key, added: instant, addedBy: recorder.login)
            return (added, KeyChange.line(.add, added, by: recorder, at: instant))
        }
    }

    /// Removes the key with `fingerprint`, whoever's it is.
    @discardableResult
    public func removeKey(fingerprint: String, by recorder: Recorder, at instant: Date) throws(StoreError) -> StaffKey {
        try changeKeys { keys throws(StoreError) in
            guard let held = keys.first(where: { $0.fingerprint == fingerprint }) else {
                throw .keyRefused("no key has the fingerprint \(TerminalText.visible(fingerprint)) ('rollcall keys list' shows them)")
            }
            return (held, KeyChange.line(.remove, held, by: recorder, at: instant))
        }
    }

    /// Reads the keys under the log's lock and appends what `decide` says, if anything.
    private func changeKeys(_ decide: ([StaffKey]) throws(StoreError) -> (StaffKey, String?)) throws(StoreError) -> StaffKey {
        try withStoreLock { () throws(StoreError) in
            let lock = try FileLock(layout.lock("keys"), .exclusive)
            defer { lock.unlock() }
            let log = ChainedLog(path: layout.keys)
            let (key, line) = try decide(Store.current(try log.entries(ChainedLog.keyChange)))
            if let line { _ = try log.openForAppend().append([line]) }
            return key
        }
    }

    /// The keys standing after every change in order.
    static func current(_ changes: [KeyChange]) -> [StaffKey] {
        var keys: [StaffKey] = []
        for change in changes {
            keys.removeAll { $0.fingerprint == change.key.fingerprint }
            if change.action == .add { keys.append(change.key) }
        }
        return keys
    }
}

/// One line of the keys log: a key added or removed.
struct KeyChange {
    enum Action: String, Codable { case add, remove }

    let action: Action
    let key: StaffKey

    struct Line: Decodable {
        let seq: Int
        let action: Action
        let login: String
        let key: String
        let fingerprint: String
        let at: String
        let by: String
    }

    static func line(_ action: Action, _ key: StaffKey, by recorder: Recorder, at instant: Date) -> String {
        [
            "\"action\":\"\(action.rawValue)\"",
            "\"login\":\(JSONText.string(key.login))",
            "\"key\":\(JSONText.string(key.key.line))",
            "\"fingerprint\":\"\(key.fingerprint)\"",
            "\"at\":\"\(JSONText.instant(instant))\"",
            "\"by\":\(JSONText.string(recorder.login))",
        ].joined(separator: ",")
    }
}

extension ChainedLog {
    /// Reads one line of the keys log, naming the field that is wrong. The key is read
    /// again from its text, so a line whose fingerprint was edited is damage, not a key.
    static func keyChange(_ line: [UInt8], number: Int, path: FilePath) throws(StoreError) -> KeyChange {
        let decoded = try decode(KeyChange.Line.self, line, number: number, path: path)
        let key: SSHPublicKey
        do { key = try SSHPublicKey(line: decoded.key) } catch {
            throw .damaged(path: path.string, line: number, field: "key", detail: error.description)
        }
        guard key.fingerprint == decoded.fingerprint else {
            throw .damaged(path: path.string, line: number, field: "fingerprint", detail: "is not the key's")
        }
        guard let at = JSONText.instant(parsing: decoded.at) else {
            throw .damaged(path: path.string, line: number, field: "at", detail: "'\(decoded.at)' is not a time")
        }
        return KeyChange(action: decoded.action, key: StaffKey(login: decoded.login, key: key, added: at, addedBy: decoded.by))
    }
}
