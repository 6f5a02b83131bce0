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
}
