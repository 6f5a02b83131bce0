/// An item of a pupil's entry in the admission register (regulation 8) that an amendment
/// changes: the original and the new value are kept, with the reason, when and who.
public enum EntryField: String, CaseIterable, Sendable {
    case surname
    case forename
    case preferredName = "preferred_name"
    case sex
    case dateOfBirth = "date_of_birth"
    case address
    case previousSchool = "previous_school"
    case startingDay = "starting_day"

    /// The item's value in `pupil`'s entry, as text; nil when the entry does not hold it.
    public func value(of pupil: Pupil) -> String? {
        switch self {
        case .surname: pupil.surname
        case .forename: pupil.forename
        case .preferredName: pupil.preferredName
        case .sex: pupil.sex?.rawValue
        case .dateOfBirth: pupil.dateOfBirth.description
        case .address: pupil.address
        case .previousSchool: pupil.previousSchool
        case .startingDay: pupil.admissionDate?.description
        }
    }

    /// An amendment for each item that differs between the entry as it was and as it is
    /// now, in the order of the register.
    public static func amendments(from old: Pupil, to new: Pupil, reason: String) -> [AdmissionEvent.Change] {
        allCases.compactMap { field in
            let before = field.value(of: old), after = field.value(of: new)
            return before == after ? nil : .amended(upn: new.upn, field: field, original: before, amended: after, reason: reason)
        }
    }
}
