/// Requests for leave received in a period, by kind and what became of them, and the
/// sessions of refused leave taken anyway: what governors see of leave in the pack.
/// Counts, never children.
public struct LeaveCounts: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let kind: LeaveKind
        public var requested = 0, granted = 0, refused = 0, withdrawn = 0, undecided = 0
    }

    /// Kinds with no request in the period are left out.
    public let rows: [Row]
    /// Sessions in the period of leave refused and taken (`G N O U`).
    public let takenAfterRefusal: Int

    /// `codes` gives a pupil's code for a session, as the book holds it.
    public init(_ applications: [LeaveApplication], period: ClosedRange<CalendarDate>, codes: (UPN, Session) -> AttendanceCode?) {
        var rows = LeaveKind.allCases.map { Row(kind: $0) }
        for application in applications where period.contains(application.request.received) {
            guard let index = rows.firstIndex(where: { $0.kind == application.request.kind }) else { continue }
            rows[index].requested += 1
            switch application.outcome {
            case .granted: rows[index].granted += 1
            case .refused: rows[index].refused += 1
            case .withdrawn: rows[index].withdrawn += 1
            case .undecided: rows[index].undecided += 1
            }
        }
        self.rows = rows.filter { $0.requested > 0 }
        takenAfterRefusal = applications.reduce(0) { total, application in
            total + application.takenAfterRefusal(asOf: period.upperBound) { codes(application.request.upn, $0) }
                .count { period.contains($0.date) }
        }
    }
}
