/// A member of staff's position, as the staff list gives it. The regulations require an
/// amendment to record the position of the person who made it.
public enum StaffRole: String, CaseIterable, Sendable, Codable {
    case tutor
    case attendanceLead = "attendance_lead"
    case office
    case admin
}
