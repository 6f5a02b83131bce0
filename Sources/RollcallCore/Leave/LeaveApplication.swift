import Foundation

/// A request with what became of it, as the leave log tells it: what `leave list`, the
/// follow-ups, a pupil's history and the pack read.
public struct LeaveApplication: Sendable {
    /// 1 for the log's first request, then one more each request: how staff name it.
    public let number: Int
    public let request: LeaveRequest
    /// Who logged the request, and when.
    public let logged: (by: Recorder, at: Date)
    public private(set) var decision: Decision?
    public private(set) var withdrawal: (reason: String, by: Recorder, at: Date)?

    public struct Decision: Sendable {
        /// The sessions granted: empty when refused.
        public let granted: [Session]
        public let reason: String
        public let by: Recorder
        public let at: Date

        public var isGrant: Bool { !granted.isEmpty }
    }

    public enum Outcome: String, Sendable, CaseIterable {
        case undecided, granted, refused, withdrawn
    }

    public var outcome: Outcome {
        if withdrawal != nil { return .withdrawn }
        guard let decision else { return .undecided }
        return decision.isGrant ? .granted : .refused
    }

    /// Sessions granted and standing (not withdrawn).
    public var grantedSessions: [Session] {
        outcome == .granted ? decision?.granted ?? [] : []
    }

    /// Sessions asked for and refused: every one asked for, when refused.
    public var refusedSessions: [Session] {
        outcome == .refused ? request.sessions : []
    }

    /// Sessions of refused leave, up to `day`, that the pupil missed without authority
    /// (`G N O U`, as `codes` gives each): leave refused and taken.
    public func takenAfterRefusal(asOf day: CalendarDate, codes: (Session) -> AttendanceCode?) -> [Session] {
        refusedSessions.filter { $0.date <= day && codes($0)?.isUnauthorised == true }
    }

    /// Every request in the log, in the order received, each with its decision and
    /// withdrawal. A line about a request the log does not hold is ignored: the store
    /// refuses to write one.
    public static func all(_ log: [LeaveRecord]) -> [LeaveApplication] {
        var applications: [LeaveApplication] = []
        var index: [Int: Int] = [:]
        for record in log {
            switch record.event {
            case let .requested(request):
                index[applications.count + 1] = applications.count
                applications.append(LeaveApplication(number: applications.count + 1, request: request, logged: (record.by, record.at)))
            case let .granted(number, sessions, reason):
                guard let at = index[number] else { continue }
                applications[at].decision = Decision(granted: sessions, reason: reason, by: record.by, at: record.at)
            case let .refused(number, reason):
                guard let at = index[number] else { continue }
                applications[at].decision = Decision(granted: [], reason: reason, by: record.by, at: record.at)
            case let .withdrawn(number, reason):
                guard let at = index[number] else { continue }
                applications[at].withdrawal = (reason, record.by, record.at)
            }
        }
        return applications
    }
}
