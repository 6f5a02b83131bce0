import RollcallCore

/// What a cell means, not how it looks: themes give each role its colours, so a screen
/// never names a colour and a monochrome terminal still shows every distinction.
public enum StyleRole: String, CaseIterable, Sendable, Codable {
    case normal
    case header
    case footer
    case cursor
    /// The session being marked, down the whole register.
    case selection
    case present
    case late
    case approvedActivity = "approved_activity"
    case authorised
    case unauthorised
    case notCounted = "not_counted"
    case unmarked
    case warning
    case dim

    /// The role a code's cell takes: by category, with lateness set apart.
    public static func of(_ code: AttendanceCode) -> StyleRole {
        switch code.category {
        case .present: code == .late ? .late : .present
        case .approvedEducationalActivity: .approvedActivity
        case .authorisedAbsence: .authorised
        case .unauthorisedAbsence: .unauthorised
        case .notCounted, .administrative: .notCounted
        }
    }
}
