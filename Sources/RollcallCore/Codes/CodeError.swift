/// Why a piece of text is not an attendance code of the 2024 set.
public enum CodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Blank text: a session with no mark is not written as a code at all.
    case empty
    /// `-`, the "no mark yet" placeholder of many MIS exports.
    case noMarkPlaceholder
    /// A code the 2024 regulations withdrew, with what replaces it.
    case withdrawn(code: String, replacement: String)
    case unknown(String)

    public var description: String {
        switch self {
        case .empty:
            "the code is empty"
        case .noMarkPlaceholder:
            "'-' means no mark yet and is not an attendance code; leave the session out instead"
        case let .withdrawn(code, replacement):
            "'\(code)' was withdrawn from the code set; \(replacement)"
        case let .unknown(text):
            "'\(text)' is not an attendance code of the 2024 code set"
        }
    }
}
