/// What a pupil's entry in the admission register lacks of what regulation 8 asks it to
/// hold. A file from another system that lacks them still imports: the school is given a
/// list to fix (`admission-details`), not a refusal.
///
/// Held: legal names and date of birth (an import cannot leave them out), sex, the
/// pupil's address, the starting day, at least one parent, and for each parent the pupil
/// lives with their address and a telephone number for an emergency.
public enum AdmissionDetails {
    /// `naming` false says "parent 1's address" for the first parent the pupil lives
    /// with rather than their name: the words that may leave the school.
    public static func missing(_ pupil: Pupil, contacts: [Contact], naming: Bool = true) -> [String] {
        var missing: [String] = []
        if pupil.sex == nil { missing.append("sex") }
        if pupil.address == nil { missing.append("address") }
        if pupil.admissionDate == nil { missing.append("starting day") }
        // Asked of every pupil by the follow-ups: the parents are counted, not copied out.
        var parents = 0
        for parent in contacts where parent.upn == pupil.upn && parent.role == .parent {
            parents += 1
            guard parent.livesWithPupil else { continue }
            let who = naming ? parent.name : "parent \(parents)"
            if parent.address == nil { missing.append("\(who)'s address") }
            if parent.emergencyPhone == nil, parent.phones.isEmpty { missing.append("\(who)'s emergency telephone number") }
        }
        if parents == 0 { missing.append("a parent") }
        return missing
    }
}
