/// A pupil's sex as the school census and CTF 25 record it (`M` or `F`).
public enum Sex: String, CaseIterable, Sendable, Codable {
    case female = "F"
    case male = "M"

    /// As a screen or report names it.
    public var title: String {
        switch self {
        case .female: "Female"
        case .male: "Male"
        }
    }
}
