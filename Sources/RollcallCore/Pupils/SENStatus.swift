/// Special educational needs provision, as the school census records it.
public enum SENStatus: String, CaseIterable, Sendable, Codable {
    case none = "N"
    /// SEN support, without a plan.
    case support = "K"
    /// An education, health and care plan.
    case ehcPlan = "E"

    public var title: String {
        switch self {
        case .none: "No SEN"
        case .support: "SEN support"
        case .ehcPlan: "EHC plan"
        }
    }
}
