/// One terminal cell: the character drawn there and its role. The cell to the right of
/// a wide character holds an empty string: the character covers it.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var role: StyleRole

    public init(_ text: String = " ", _ role: StyleRole = .normal) {
        self.text = text
        self.role = role
    }

    public static let blank = Cell()
    /// The right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
}
