/// A group whose register is taken together: a form (registration group) or a class.
public struct Group: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable {
        case form
        case teachingClass = "class"
    }

    /// The school's own short name for the group, such as `7A` or `10RBW`.
    public var name: String
    public var kind: Kind
    public var yearGroup: Int?

    public var id: String { name }

    public init(name: String, kind: Kind = .form, yearGroup: Int? = nil) {
        self.name = name
        self.kind = kind
        self.yearGroup = yearGroup
    }
}
