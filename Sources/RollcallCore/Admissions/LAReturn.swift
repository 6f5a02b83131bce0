/// A return due to the local authority under regulation 13, with what it must contain:
/// for a new pupil, everything the admission register holds for them; for a deletion,
/// the pupil's name and address, each parent they live with (name, address, an
/// emergency number), the ground, and any new address or school the school was told of.
public struct LAReturn: Sendable {
    public let kind: LAReturnKind
    public let pupil: Pupil
    public let due: CalendarDate
    public let isOverdue: Bool
    /// The parents the return names: every parent known for an admission, those the
    /// pupil lives with for a deletion.
    public let parents: [Contact]
    public let deletion: Deletion?

    /// By the end of the 5th day after the name is entered: calendar days, as the
    /// reference reads regulation 13 (not confirmed; kept here alone).
    public static let admissionDays = 5

    /// The returns the follow-up lists hold open as of `asOf`, soonest due first.
    public static func due(_ followUps: [FollowUp], contacts: [Contact], deletions: [UPN: Deletion], asOf: CalendarDate) -> [LAReturn] {
        let byPupil = Dictionary(grouping: contacts.filter { $0.role == .parent }, by: \.upn)
        return followUps.compactMap { entry -> LAReturn? in
            let kind: LAReturnKind
            switch entry.rule {
            case .laReturnAdmission: kind = .admission
            case .laReturnDeletion: kind = .deletion
            default: return nil
            }
            guard let due = entry.since else { return nil }
            let parents = (byPupil[entry.pupil.upn] ?? []).filter { kind == .admission || $0.livesWithPupil }
            return LAReturn(kind: kind, pupil: entry.pupil, due: due, isOverdue: due < asOf, parents: parents,
                            deletion: kind == .deletion ? deletions[entry.pupil.upn] : nil)
        }
        .sorted { ($0.due, $0.pupil.surname, $0.pupil.forename) < ($1.due, $1.pupil.surname, $1.pupil.forename) }
    }
}
