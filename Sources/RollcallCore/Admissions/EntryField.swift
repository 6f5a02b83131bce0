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
    /// Every parent known, with their address, telephone and whether the pupil lives
    /// with them: kept in the contacts, amended as one item.
    case parents

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
        case .parents: nil
        }
    }

    /// The parents' part of an entry as one line: each parent as "name (relationship),
    /// address, telephone", with "lives with the pupil" where so, by name.
    public static func parents(_ contacts: [Contact]) -> String? {
        let parents = contacts.filter { $0.role == .parent }.sorted { $0.name < $1.name }
        guard !parents.isEmpty else { return nil }
        return parents.map { parent in
            ([("\(parent.name) (\(parent.relationship))")] + [parent.address, (parent.emergencyPhone.map { [$0] } ?? parent.phones).first]
                .compactMap { $0 } + (parent.livesWithPupil ? ["lives with the pupil"] : [])).joined(separator: ", ")
        }.joined(separator: "; ")
    }

    /// An amendment of the parents for each pupil whose parents `new` changes. Parents
    /// given for a pupil who had none are the entry filled in, not amended.
    public static func parentAmendments(from old: [Contact], to new: [Contact], reason: String) -> [AdmissionEvent.Change] {
        let before = Dictionary(grouping: old, by: \.upn), after = Dictionary(grouping: new, by: \.upn)
        return Set(before.keys).union(after.keys).sorted().compactMap { upn in
            guard let was = parents(before[upn] ?? []) else { return nil }
            let now = parents(after[upn] ?? [])
            return was == now ? nil : .amended(upn: upn, field: .parents, original: was, amended: now, reason: reason)
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
