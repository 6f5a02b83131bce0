/// A unique pupil number: a check letter then twelve characters, the last of which is a
/// letter in a temporary UPN (DfE UPN guidance; the government data standard for UPN).
///
/// The check letter catches most mistyped UPNs before they reach a register.
public struct UPN: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let text: String

    /// Check letters, indexed by the weighted sum mod 23: the alphabet without I, O, S.
    static let checkLetters = Array("ABCDEFGHJKLMNPQRTUVWXYZ".utf8)

    public init(_ text: String) throws(UPNError) {
        let bytes = Array(text.utf8)
        guard text.unicodeScalars.count == 13 else { throw .wrongLength(text) }
        guard bytes.count == 13, let expected = UPN.checkLetter(for: bytes[1...]) else { throw .notDigits(text) }
        guard bytes[0] == expected else { throw .wrongCheckLetter(text, expected: Character(Unicode.Scalar(expected))) }
        self.text = text
    }

    /// A UPN from the twelve characters after the check letter, with the check letter
    /// worked out: for issuing temporary UPNs and for making test and demo schools.
    public init(body: String) throws(UPNError) {
        let bytes = Array(body.utf8)
        guard bytes.count == 12, let letter = UPN.checkLetter(for: bytes[...]) else { throw .notDigits(body) }
        try self.init(String(Unicode.Scalar(letter)) + body)
    }

    /// The check letter for the twelve characters after it: each weighted by its
    /// position (2 to 13), summed, mod 23. The first eleven must be digits; the twelfth
    /// is a digit, or in a temporary UPN a letter counted as its place in the
    /// check-letter alphabet. Works on bytes: a school's whole history is checked on load.
    static func checkLetter(for body: ArraySlice<UInt8>) -> UInt8? {
        guard body.count == 12 else { return nil }
        var sum = 0
        for (offset, byte) in body.enumerated() {
            let weight = offset + 2
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                sum += Int(byte - UInt8(ascii: "0")) * weight
            } else if offset == 11, let value = checkLetters.firstIndex(of: byte) {
                sum += value * weight
            } else {
                return nil
            }
        }
        return checkLetters[sum % 23]
    }

    public var description: String { text }

    public static func < (lhs: UPN, rhs: UPN) -> Bool { lhs.text < rhs.text }
}

extension UPN: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
