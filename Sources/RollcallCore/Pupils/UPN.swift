/// A unique pupil number: a check letter then twelve characters, the last of which is a
/// letter in a temporary UPN (DfE UPN guidance; the government data standard for UPN).
///
/// The check letter catches most mistyped UPNs before they reach a register.
public struct UPN: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let text: String

    /// Check letters, indexed by the weighted sum mod 23: the alphabet without I, O, S.
    static let checkLetters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    public init(_ text: String) throws(UPNError) {
        let characters = Array(text)
        guard characters.count == 13 else { throw .wrongLength(text) }
        let body = characters[1...]
        let isTemporary = characters[12].isLetter
        let digits = isTemporary ? body.dropLast() : body
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .notDigits(text) }
        guard let expected = UPN.checkLetter(for: body) else { throw .notDigits(text) }
        guard characters[0] == expected else { throw .wrongCheckLetter(text, expected: expected) }
        self.text = text
    }

    /// A UPN from the twelve characters after the check letter, with the check letter
    /// worked out: for issuing temporary UPNs and for making test and demo schools.
    public init(body: String) throws(UPNError) {
        guard body.count == 12, let letter = UPN.checkLetter(for: Array(body)[...]) else {
            throw .notDigits(body)
        }
        try self.init(String(letter) + body)
    }

    /// The check letter for the twelve characters after it: each weighted by its
    /// position (2 to 13), summed, mod 23. A temporary UPN's final letter counts as its
    /// place in the check-letter alphabet.
    static func checkLetter(for body: ArraySlice<Character>) -> Character? {
        var sum = 0
        for (offset, character) in body.enumerated() {
            let weight = offset + 2
            if let digit = character.wholeNumberValue, character.isASCII {
                sum += digit * weight
            } else if offset == 11, let value = checkLetters.firstIndex(of: character) {
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
