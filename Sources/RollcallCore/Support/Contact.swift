/// Someone the school contacts about a pupil: a parent or carer, or the pupil's social
/// worker or youth justice worker, who must be told of unexplained absence.
public struct Contact: Hashable, Sendable, Codable {
    public enum Role: String, CaseIterable, Sendable, Codable {
        case parent
        case socialWorker = "social-worker"
        case youthJusticeWorker = "youth-justice-worker"
    }

    public var upn: UPN
    public var name: String
    /// As the school records it: Mother, Father, Grandmother, Foster carer, Social worker.
    public var relationship: String
    public var role: Role
    public var phones: [String]
    /// Whether the pupil lives with this contact: who a letter goes to first.
    public var livesWithPupil: Bool
    /// The contact's address, as the admission register holds it for a parent.
    public var address: String?
    /// The number to ring in an emergency: the admission register needs at least one for
    /// each parent the pupil lives with.
    public var emergencyPhone: String?

    public init(upn: UPN, name: String, relationship: String, role: Role = .parent, phones: [String] = [], livesWithPupil: Bool = false,
                address: String? = nil, emergencyPhone: String? = nil) {
        self.address = address
        self.emergencyPhone = emergencyPhone
        self.upn = upn
        self.name = name
        self.relationship = relationship
        self.role = role
        self.phones = phones
        self.livesWithPupil = livesWithPupil
    }
}
