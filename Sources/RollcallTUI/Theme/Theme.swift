import Foundation

/// Colours and attributes for each style role, read from a file in `Themes/`.
///
/// Each role has an 8-colour foreground and background (names such as `red`, or
/// `default` for the terminal's own), optional 256-colour indices used when the
/// terminal has them, and attributes. Roles a theme leaves out are drawn plain.
public struct Theme: Hashable, Sendable, Decodable {
    public enum Attribute: String, Hashable, Sendable, Decodable {
        case bold, reverse, underline, dim
    }

    public enum Colour: String, Hashable, Sendable, Decodable, CaseIterable {
        case black, red, green, yellow, blue, magenta, cyan, white
        case terminalDefault = "default"

        /// The curses colour number; -1 is the terminal's default.
        public var number: Int { self == .terminalDefault ? -1 : Colour.allCases.firstIndex(of: self) ?? -1 }
    }

    public struct Style: Hashable, Sendable, Decodable {
        public var fg: Colour?
        public var bg: Colour?
        public var fg256: Int?
        public var bg256: Int?
        public var attributes: [Attribute]

        enum CodingKeys: String, CodingKey { case fg, bg, fg256, bg256, attributes }

        public init(fg: Colour? = nil, bg: Colour? = nil, fg256: Int? = nil, bg256: Int? = nil, attributes: [Attribute] = []) {
            self.fg = fg
            self.bg = bg
            self.fg256 = fg256
            self.bg256 = bg256
            self.attributes = attributes
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            fg = try container.decodeIfPresent(Colour.self, forKey: .fg)
            bg = try container.decodeIfPresent(Colour.self, forKey: .bg)
            fg256 = try container.decodeIfPresent(Int.self, forKey: .fg256)
            bg256 = try container.decodeIfPresent(Int.self, forKey: .bg256)
            attributes = try container.decodeIfPresent([Attribute].self, forKey: .attributes) ?? []
        }

        /// The same style with its colours taken away, for terminals without colour.
        public var withoutColour: Style { Style(attributes: attributes) }
    }

    public let name: String
    public let summary: String
    public let roles: [StyleRole: Style]

    enum CodingKeys: String, CodingKey { case name, summary, roles }

    public init(name: String, summary: String, roles: [StyleRole: Style]) {
        self.name = name
        self.summary = summary
        self.roles = roles
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        summary = try container.decodeIfPresent(String.self, forKey: .summary) ?? ""
        let byName = try container.decode([String: Style].self, forKey: .roles)
        var roles: [StyleRole: Style] = [:]
        for (key, style) in byName {
            guard let role = StyleRole(rawValue: key) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: [CodingKeys.roles],
                    debugDescription: "'\(key)' is not a role; roles are \(StyleRole.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            roles[role] = style
        }
        self.roles = roles
    }

    public func style(_ role: StyleRole) -> Style { roles[role] ?? Style() }

    /// A theme of attributes only, for when no theme file can be found: the code letters
    /// still carry every meaning.
    public static let plain = Theme(name: "plain", summary: "No colour", roles: [
        .header: Style(attributes: [.reverse]), .footer: Style(attributes: [.reverse]),
        .cursor: Style(attributes: [.reverse, .bold]), .selection: Style(attributes: [.underline]),
        .unauthorised: Style(attributes: [.bold]), .warning: Style(attributes: [.bold]), .dim: Style(attributes: [.dim]),
    ])
}
