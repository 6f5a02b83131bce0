import RollcallCore
import RollcallStore

/// Whose a key is, as sshd asks it (`AuthorizedKeysCommand rollcall keys lookup %t %k`):
/// the authorized_keys line that sends the key's login through the gate, or nil for a
/// key the store does not hold, one sshd sent garbled, or one whose login has left the
/// staff list.
public enum KeyLookup {
    public static func line(type: String, base64: String, in store: Store, binary: String) throws -> String? {
        guard let offered = try? SSHPublicKey(type: type, base64: base64) else { return nil }
        let staff = try store.staff()
        guard let held = try store.keys().first(where: { $0.fingerprint == offered.fingerprint }),
              staff.members.isEmpty || staff.member(login: held.login) != nil else { return nil }
        guard let line = AuthorizedKeys.line(for: held, binary: binary) else {
            throw GateRefusal("no line for \(held.fingerprint): its login or the binary's path is not plain enough to put in a command")
        }
        return line
    }
}
