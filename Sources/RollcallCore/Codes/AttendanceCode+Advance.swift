extension AttendanceCode {
    /// Whether this code can be entered for a session that has not happened yet: leave
    /// granted, planned educational activities, the `Y` codes and the like. Whether a
    /// pupil is present, late, ill or absent without reason cannot be known in advance.
    public var canBeRecordedInAdvance: Bool {
        switch category {
        case .present, .unauthorisedAbsence: false
        default: self != .illness
        }
    }

    /// Whether this code may be entered for `session` when the day is `today`.
    public func mayBeRecorded(for session: Session, today: CalendarDate) -> Bool {
        session.date <= today || canBeRecordedInAdvance
    }

    /// The rule as the register, the commands and imports state it when they refuse.
    public static let inAdvanceRule = "only a code known in advance (leave, a planned activity, a Y code) can be entered"
}
