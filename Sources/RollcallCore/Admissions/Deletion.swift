/// A pupil's name deleted from the admission register: the ground, the day, why, and
/// what the ground needed, recorded with it. After `date` the pupil is off roll: no
/// register shows them and no later session is possible for them; every mark before stays.
public struct Deletion: Hashable, Sendable {
    public let upn: UPN
    public let ground: DeletionGround
    /// The day of deletion, the pupil's last day on roll: never before the day it is made.
    public let date: CalendarDate
    public let reason: String
    /// For (a), the school the pupil is registered at now; for any ground, a new school
    /// the school has been told of (the local authority's return asks for it).
    public let otherSchool: String?
    /// For (f), the date of the parent's written notice of education at home.
    public let noticeDate: CalendarDate?
    /// For (h), the last day of the leave that was granted.
    public let leaveEnded: CalendarDate?
    /// A future address the school has been told of, for the local authority's return.
    public let newAddress: String?
    /// The keys of the ground's confirmations (`DeletionGround.confirmations`) given.
    public let confirmed: [String]

    public init(upn: UPN, ground: DeletionGround, date: CalendarDate, reason: String, otherSchool: String? = nil,
                noticeDate: CalendarDate? = nil, leaveEnded: CalendarDate? = nil, newAddress: String? = nil,
                confirmed: [String] = []) throws(DeletionRefusal) {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .reasonRequired }
        // What is kept in the register is read at terminals and produced as evidence.
        for (field, text, problem) in [("reason", reason, EntryLimits.textProblem(reason)),
                                       ("new address", newAddress ?? "", EntryLimits.textProblem(newAddress ?? "")),
                                       ("other school", otherSchool ?? "", EntryLimits.nameProblem(otherSchool ?? ""))] where !text.isEmpty {
            if let problem { throw .unfit(field: field, problem) }
        }
        self.upn = upn
        self.ground = ground
        self.date = date
        self.reason = reason
        self.otherSchool = otherSchool.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty }
        self.noticeDate = noticeDate
        self.leaveEnded = leaveEnded
        self.newAddress = newAddress.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty }
        self.confirmed = confirmed.sorted()
    }
}

extension Deletion {
    /// Whether the deletion gives `fact`.
    public func gives(_ fact: DeletionFact) -> Bool {
        switch fact {
        case .otherSchool: otherSchool != nil
        case .noticeDate: noticeDate != nil
        case .leaveEnded: leaveEnded != nil
        }
    }
}

extension String {
    /// Nil for an empty string: an optional field left blank is not given.
    var nonEmpty: String? { isEmpty ? nil : self }
}
