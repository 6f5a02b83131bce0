/// Why school settings were refused.
public enum SchoolError: Error, Equatable, Sendable, CustomStringConvertible {
    case noName
    case registerOpenTooLong(Int)

    public var description: String {
        switch self {
        case .noName:
            "the school needs a name"
        case let .registerOpenTooLong(minutes):
            "a register may stay open between 1 and \(School.longestRegisterOpenMinutes) minutes, not \(minutes)"
        }
    }
}
