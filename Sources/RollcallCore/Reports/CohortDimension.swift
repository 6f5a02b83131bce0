/// A characteristic the guidance asks schools to compare attendance by.
public enum CohortDimension: String, CaseIterable, Sendable {
    case yearGroup = "year_group"
    case form
    case sen
    case fsm
    case eal
    case sex
    /// The ground a pupil's name was deleted on, or on roll: off-rolling shows as a pattern.
    case ground

    /// The dimension as a heading reads it.
    public var title: String {
        switch self {
        case .yearGroup: "Year group"
        case .form: "Form"
        case .sen: "Special educational needs"
        case .fsm: "Free school meals"
        case .eal: "English as an additional language"
        case .sex: "Sex"
        case .ground: "Ground of deletion"
        }
    }

    /// The cohort a pupil falls in, as a person reads it.
    public func cohort(of pupil: Pupil) -> String {
        switch self {
        case .yearGroup: "Year \(pupil.yearGroup)"
        case .form: pupil.form
        case .sen: pupil.sen.title
        case .fsm: pupil.fsm ? "FSM" : "Not FSM"
        case .eal: pupil.eal ? "EAL" : "Not EAL"
        case .sex: pupil.sex?.title ?? "Not recorded"
        case .ground: pupil.deletionGround.map { "Deleted \($0.label) \($0.title)" } ?? "On roll"
        }
    }

    /// Orders cohorts naturally: year groups by number, the rest by name.
    public func precedes(_ lhs: (String, Pupil), _ rhs: (String, Pupil)) -> Bool {
        self == .yearGroup ? lhs.1.yearGroup < rhs.1.yearGroup : lhs.0 < rhs.0
    }
}
