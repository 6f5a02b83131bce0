import Foundation

/// An OpenSSH public key as a member of staff hands it over (`ssh-ed25519 AAAA… comment`,
/// one line of their `~/.ssh/id_ed25519.pub`): how Rollcall knows who arrives over SSH.
///
/// Only the key types OpenSSH still trusts are taken, RSA from 2048 bits (NCSC and
/// OpenSSH both refuse shorter), hardware (FIDO) keys included. The key's own bytes must
/// say the type the line says: a line whose label and key disagree is refused.
public struct SSHPublicKey: Hashable, Sendable {
    public static let types = [
        "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ]
    public static let smallestRSABits = 2048

    public let type: String
    /// The key as the line writes it, base64.
    public let base64: String
    /// Whatever followed the key on the line, usually `name@machine`.
    public let comment: String
    /// The key's bytes: what its fingerprint is made from.
    public let blob: [UInt8]

    /// Reads `type base64 [comment]`; options before the type (an authorized_keys
    /// line's `command=…`) are refused, since a key comes alone.
    public init(line: String) throws(SSHKeyError) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = trimmed.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard words.count >= 2 else { throw .notAKeyLine }
        try self.init(type: words[0], base64: words[1], comment: words.count > 2 ? words[2] : "")
    }

    public init(type: String, base64: String, comment: String = "") throws(SSHKeyError) {
        guard SSHPublicKey.types.contains(type) else { throw .unsupportedType(type) }
        guard let data = Data(base64Encoded: base64), !data.isEmpty else { throw .notBase64 }
        let blob = [UInt8](data)
        var reader = SSHWireReader(blob)
        guard let named = reader.string(), String(decoding: named, as: UTF8.self) == type else { throw .typeMismatch(type) }
        if type == "ssh-rsa" {
            guard reader.string() != nil, let modulus = reader.string() else { throw .truncated }
            let bits = SSHWireReader.bits(ofPositive: modulus)
            guard bits >= SSHPublicKey.smallestRSABits else { throw .rsaTooShort(bits: bits) }
        } else if type == "ssh-ed25519" {
            guard reader.string()?.count == 32 else { throw .truncated }
        } else {
            // ECDSA and FIDO keys: a curve name then a point, then for FIDO the application.
            guard reader.string() != nil, reader.string() != nil else { throw .truncated }
        }
        guard comment.allSatisfy({ !$0.isNewline }) else { throw .notAKeyLine }
        self.type = type
        self.base64 = base64
        self.comment = comment
        self.blob = blob
    }

    /// The line as OpenSSH writes it.
    public var line: String { comment.isEmpty ? "\(type) \(base64)" : "\(type) \(base64) \(comment)" }
}

/// Why a key was not taken.
public enum SSHKeyError: Error, Equatable, CustomStringConvertible {
    case notAKeyLine
    case unsupportedType(String)
    case notBase64
    case typeMismatch(String)
    case truncated
    case rsaTooShort(bits: Int)

    public var description: String {
        switch self {
        case .notAKeyLine: "not an OpenSSH public key line ('ssh-ed25519 AAAA... comment', as in ~/.ssh/id_ed25519.pub)"
        case let .unsupportedType(type):
            "'\(TerminalText.visible(type))' is not a key type Rollcall takes (\(SSHPublicKey.types.joined(separator: ", ")))"
        case .notBase64: "the key is not base64"
        case let .typeMismatch(type): "the key's bytes are not a \(type) key"
        case .truncated: "the key is cut short"
        case let .rsaTooShort(bits): "an RSA key of \(bits) bits is too short: \(SSHPublicKey.smallestRSABits) or more, or better an ed25519 key"
        }
    }
}

/// Reads the SSH wire format's length-prefixed strings (RFC 4251 §5).
struct SSHWireReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func string() -> ArraySlice<UInt8>? {
        guard bytes.count - index >= 4 else { return nil }
        let length = bytes[index..<(index + 4)].reduce(0) { $0 << 8 | Int($1) }
        guard length <= bytes.count - index - 4 else { return nil }
        defer { index += 4 + length }
        return bytes[(index + 4)..<(index + 4 + length)]
    }

    /// The bits of an mpint known to be positive: its leading zero bytes (and the zero
    /// byte that keeps its sign) do not count.
    static func bits(ofPositive number: ArraySlice<UInt8>) -> Int {
        guard let first = number.firstIndex(where: { $0 != 0 }) else { return 0 }
        return (number.endIndex - first - 1) * 8 + (8 - number[first].leadingZeroBitCount)
    }
}
