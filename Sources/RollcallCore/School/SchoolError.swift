/// Why school settings were refused.
public enum SchoolError: Error, Equatable, Sendable, CustomStringConvertible {
    case noName
    case registerOpenTooLong(Int)
    case notALAESTAB(String)
    case noLAESTAB

    public var description: String {
        switch self {
        case .noName:
            "the school needs a name"
        case let .registerOpenTooLong(minutes):
            "a register may stay open between 1 and \(School.longestRegisterOpenMinutes) minutes, not \(minutes)"
        case let .notALAESTAB(text):
            "\(EntryLimits.quoted(text)) is not a LAESTAB: the local authority's 3-digit code and the school's 4-digit establishment number, "
                + "seven digits like 8881234"
        case .noLAESTAB:
            "the school has no LAESTAB (its local authority code and establishment number): an admin sets it with "
                + "'rollcall school set --laestab 8881234'"
        }
    }
}
