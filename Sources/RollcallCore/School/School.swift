import Foundation

/// The school a store belongs to, and the register rule it sets for itself.
public struct School: Hashable, Sendable, Codable {
    /// The longest the guidance lets a register stay open after a session starts.
    public static let longestRegisterOpenMinutes = 30

    public var name: String
    /// The unique reference number of the establishment, from Get Information about Schools.
    public var urn: String?
    public var localAuthority: String?
    /// How long the register stays open each session: arriving while it is open is late
    /// (`L`), arriving after is `U` unless another code fits. The same every session.
    public var registerOpenMinutes: Int

    public init(name: String, urn: String? = nil, localAuthority: String? = nil, registerOpenMinutes: Int = 30) throws(SchoolError) {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw .noName }
        guard (1...School.longestRegisterOpenMinutes).contains(registerOpenMinutes) else {
            throw .registerOpenTooLong(registerOpenMinutes)
        }
        self.name = name
        self.urn = urn
        self.localAuthority = localAuthority
        self.registerOpenMinutes = registerOpenMinutes
    }
}
