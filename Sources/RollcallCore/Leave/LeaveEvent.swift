/// One line of the leave log: a request, its decision, or its withdrawal. The log only
/// grows, so what was asked, who decided, when and why stays as it was written.
public enum LeaveEvent: Hashable, Sendable {
    case requested(LeaveRequest)
    /// Granted for `sessions`, some or all of those asked (the school decides how many days).
    case granted(request: Int, sessions: [Session], reason: String)
    case refused(request: Int, reason: String)
    /// The applicant withdrew the request, or the school did: a granted session not yet
    /// held is then no longer leave.
    case withdrawn(request: Int, reason: String)

    /// The request number a decision or withdrawal is about; nil for a request.
    public var request: Int? {
        switch self {
        case .requested: nil
        case let .granted(number, _, _), let .refused(number, _), let .withdrawn(number, _): number
        }
    }
}

/// A leave log line as the log holds it: numbered, with who wrote it and when.
public typealias LeaveRecord = LoggedEvent<LeaveEvent>
