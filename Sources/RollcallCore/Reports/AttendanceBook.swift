/// Every mark of a set of registers, looked up by pupil and session: what figures are
/// computed from. A pupil who moved form keeps all their marks in one place here.
public struct AttendanceBook: Sendable {
    private var marks: [UPN: [Session: Mark]] = [:]

    public init(registers: some Sequence<Register>) {
        for register in registers {
            for (upn, mark) in register.marks {
                marks[upn, default: [:]][register.session] = mark
            }
        }
    }

    public func mark(for upn: UPN, at session: Session) -> Mark? {
        marks[upn]?[session]
    }

    public func code(for upn: UPN, at session: Session) -> AttendanceCode? {
        marks[upn]?[session]?.code
    }

    /// The pupil's marks, oldest first.
    public func marks(for upn: UPN) -> [(session: Session, mark: Mark)] {
        (marks[upn] ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The sessions the pupil has a given code for, oldest first.
    public func sessions(of upn: UPN, coded code: AttendanceCode) -> [Session] {
        (marks[upn] ?? [:]).compactMap { $0.value.code == code ? $0.key : nil }.sorted()
    }

    /// Whether the pupil has any mark on a day of the period.
    public func hasMark(for upn: UPN, in period: ClosedRange<CalendarDate>) -> Bool {
        marks[upn]?.keys.contains { period.contains($0.date) } ?? false
    }
}
