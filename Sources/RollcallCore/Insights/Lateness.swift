/// How late a pupil has been: `L` (late before the register closed, counted present) and
/// `U` (arrived after it closed, an unauthorised absence).
public struct Lateness: Hashable, Sendable {
    public internal(set) var beforeClose = 0
    public internal(set) var afterClose = 0
    /// Minutes late summed over the `L` marks that recorded them.
    public internal(set) var minutes = 0

    public init() {}

    mutating func add(_ mark: Mark) {
        switch mark.code {
        case .late:
            beforeClose += 1
            minutes += mark.minutesLate ?? 0
        case .arrivedAfterRegisterClosed:
            afterClose += 1
        default:
            break
        }
    }
}
