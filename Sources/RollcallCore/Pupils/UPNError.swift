/// Why a piece of text is not a unique pupil number.
public enum UPNError: Error, Equatable, Sendable, CustomStringConvertible {
    case wrongLength(String)
    case notDigits(String)
    case wrongCheckLetter(String, expected: Character)

    public var description: String {
        switch self {
        case let .wrongLength(text):
            "UPN '\(text)' has \(text.count) characters, not 13"
        case let .notDigits(text):
            "UPN '\(text)' must be a letter, then 12 digits (or 11 digits and a letter)"
        case let .wrongCheckLetter(text, expected):
            "UPN '\(text)' has the wrong check letter (it should start with \(expected)): check for a typing mistake"
        }
    }
}
