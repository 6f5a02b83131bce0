/// A unique pupil number: a check letter then twelve characters, the last of which is a
/// letter in a temporary UPN (DfE UPN guidance; the government data standard for UPN).
///
/// The check letter catches most mistyped UPNs before they reach a register.
public struct UPN: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let text: String
    /// The thirteen characters packed into one number that sorts as the text does: a
    /// school's history looks pupils up hundreds of thousands of times, and hashing a
    /// number is several times cheaper than hashing a string.
    public let key: UInt64

    /// Check letters, indexed by the weighted sum mod 23: the alphabet without I, O, S.
    static let checkLetters = Array("ABCDEFGHJKLMNPQRTUVWXYZ".utf8)

    public init(_ text: String) throws(UPNError) {
        let bytes = Array(text.utf8)
        guard text.unicodeScalars.count == 13 else { throw .wrongLength(text) }
        guard bytes.count == 13, let expected = UPN.checkLetter(for: bytes[1...]) else { throw .notDigits(text) }
        guard bytes[0] == expected else { throw .wrongCheckLetter(text, expected: Character(Unicode.Scalar(expected))) }
        self.text = text
        key = UPN.key(bytes[...]) ?? 0
    }

    /// A UPN from its thirteen bytes as a file holds them, checked as `init(_:)` checks
    /// text; nil when it is not one. The store's readers meet a UPN per pupil per file,
    /// and this makes no string until the bytes have passed.
    public init?(utf8 bytes: ArraySlice<UInt8>) {
        guard let key = UPN.key(bytes), let expected = UPN.checkLetter(for: bytes.dropFirst()),
              bytes[bytes.startIndex] == expected else { return nil }
        text = String(decoding: bytes, as: UTF8.self)
        self.key = key
    }

    /// The packed form of thirteen UPN bytes: the check letter, the eleven digits as a
    /// number, then the last character's byte. nil when the eleven are not all digits;
    /// the check letter is not checked here.
    public static func key(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard bytes.count == 13 else { return nil }
        var digits: UInt64 = 0
        let start = bytes.startIndex
        for index in (start + 1)..<(start + 12) {
            let digit = bytes[index] &- 48
            guard digit < 10 else { return nil }
            digits = digits * 10 + UInt64(digit)
        }
        return UInt64(bytes[start]) << 56 | digits << 8 | UInt64(bytes[start + 12])
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

    public static func < (lhs: UPN, rhs: UPN) -> Bool { lhs.key < rhs.key }

    public static func == (lhs: UPN, rhs: UPN) -> Bool { lhs.key == rhs.key }

    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
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
