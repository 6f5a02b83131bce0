/// The entry for one pupil in one session's register.
public struct Mark: Hashable, Sendable {
    public var code: AttendanceCode
    /// How late the pupil arrived, for `L` and `U`.
    public var minutesLate: Int?
    /// A short note for the attendance office, such as who phoned in.
    public var note: String?

    public init(_ code: AttendanceCode, minutesLate: Int? = nil, note: String? = nil) {
        self.code = code
        self.minutesLate = minutesLate
        self.note = note
    }

    /// Whether putting this mark where `existing` stands is an amendment: there is a
    /// mark already and this one differs from it in any way (`Register.record`).
    public func amends(_ existing: Mark?) -> Bool {
        existing.map { $0 != self } ?? false
    }
}
