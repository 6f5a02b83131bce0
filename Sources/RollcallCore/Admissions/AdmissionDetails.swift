/// What a pupil's entry in the admission register lacks of what regulation 8 asks it to
/// hold. A file from another system that lacks them still imports: the school is given a
/// list to fix (`admission-details`), not a refusal.
///
/// Held: legal names and date of birth (an import cannot leave them out), sex, the
/// pupil's address, the starting day, at least one parent, and for each parent the pupil
/// lives with their address and a telephone number for an emergency.
public enum AdmissionDetails {
    public static func missing(_ pupil: Pupil, contacts: [Contact]) -> [String] {
        var missing: [String] = []
        if pupil.sex == nil { missing.append("sex") }
        if pupil.address == nil { missing.append("address") }
        if pupil.admissionDate == nil { missing.append("starting day") }
        let parents = contacts.filter { $0.upn == pupil.upn && $0.role == .parent }
        if parents.isEmpty { missing.append("a parent") }
        for parent in parents where parent.livesWithPupil {
            if parent.address == nil { missing.append("\(parent.name)'s address") }
            if parent.emergencyPhone == nil, parent.phones.isEmpty { missing.append("\(parent.name)'s emergency telephone number") }
        }
        return missing
    }
}
