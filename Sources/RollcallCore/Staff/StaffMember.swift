/// A member of staff on the school's staff list, by operating-system login.
public struct StaffMember: Hashable, Sendable, Codable {
    public var login: String
    public var name: String
    public var role: StaffRole
    /// The forms whose registers a tutor takes.
    public var forms: [String]

    public init(login: String, name: String, role: StaffRole, forms: [String] = []) {
        self.login = login
        self.name = name
        self.role = role
        self.forms = forms
    }

    public var recorder: Recorder { Recorder(login: login, name: name, role: role) }
}
