/// Who made an entry or an amendment: the operating-system login, and the name and
/// position from the staff list when the school keeps one.
public struct Recorder: Hashable, Sendable, Codable {
    public var login: String
    public var name: String?
    public var role: StaffRole?

    public init(login: String, name: String? = nil, role: StaffRole? = nil) {
        self.login = login
        self.name = name
        self.role = role
    }
}
