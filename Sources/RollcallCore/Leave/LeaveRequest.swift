/// A request for leave of absence as the school received it: who asked, when, for which
/// of the pupil's school sessions, and on what evidence. `LeaveRules.request` makes one
/// only when the guidance allows it to be decided at all.
public struct LeaveRequest: Hashable, Sendable {
    public let upn: UPN
    public let kind: LeaveKind
    /// The school sessions asked for, in order: days the school is shut are never leave.
    public let sessions: [Session]
    /// The applicant as the pupil's contacts name them.
    public let applicant: String
    /// The day the school received the request: never after the first session asked for.
    public let received: CalendarDate
    /// The document the request rests on (a licence, an invitation to interview).
    public let evidence: String?
    public let note: String

    public init(upn: UPN, kind: LeaveKind, sessions: [Session], applicant: String, received: CalendarDate, evidence: String? = nil,
                note: String = "") {
        self.upn = upn
        self.kind = kind
        self.sessions = sessions.sorted()
        self.applicant = applicant
        self.received = received
        self.evidence = evidence.flatMap { $0.isEmpty ? nil : $0 }
        self.note = note
    }
}
