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
}
