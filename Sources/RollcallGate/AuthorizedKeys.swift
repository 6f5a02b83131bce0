import RollcallCore
import RollcallStore

/// The lines sshd reads to let a member of staff in: each key forced to run
/// `rollcall gate LOGIN`, with `restrict` (no forwarding of any kind, no agent, no X11)
/// and a pty for the screens. The way gitolite and GitLab map many keys to one account.
public enum AuthorizedKeys {
    /// `command="<binary> gate <login>",restrict,pty <type> <key> <login>`, or nil when
    /// the login or the binary's path holds anything but the characters a Unix login or
    /// path is made of: sshd hands the command to a shell, so nothing in it may be
    /// shell syntax.
    public static func line(for key: StaffKey, binary: String) -> String? {
        guard isPlain(key.login), !key.login.hasPrefix("-"), isPlain(binary, allowing: "/") else { return nil }
        return "command=\"\(binary) gate \(key.login)\",restrict,pty \(key.key.type) \(key.key.base64) \(key.login)"
    }

    /// Whether `text` is letters, digits, `.`, `_` and `-` (and `extra`) only.
    public static func isPlain(_ text: String, allowing extra: String = "") -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-\(extra)".unicodeScalars.contains(scalar))
        }
    }
}
