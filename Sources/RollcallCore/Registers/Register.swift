import Foundation

/// One group's marks for one session, with who first took it and when.
public struct Register: Hashable, Sendable {
    /// What recording a mark did to the register.
    public enum Outcome: Hashable, Sendable {
        /// The pupil had no mark; now they have one.
        case recorded
        /// The pupil already had exactly this mark; nothing changed.
        case unchanged
        /// The pupil's code changed: the amendment to keep in the audit.
        case amended(Amendment)
    }

    public let group: String
    public let session: Session
    public private(set) var marks: [UPN: Mark]
    public private(set) var takenBy: String?
    public private(set) var takenAt: Date?

    public init(
        group: String, session: Session, marks: [UPN: Mark] = [:],
        takenBy: String? = nil, takenAt: Date? = nil
    ) {
        self.group = group
        self.session = session
        self.marks = marks
        self.takenBy = takenBy
        self.takenAt = takenAt
    }

    /// Records a pupil's mark. Any change to a mark a pupil already has (its code, its
    /// minutes late or its note) is an amendment, refused without a reason, never a
    /// silent overwrite.
    @discardableResult
    public mutating func record(
        _ mark: Mark, for upn: UPN, by recorder: Recorder, at instant: Date, reason: String? = nil
    ) throws(AmendmentError) -> Outcome {
        if let reason, let problem = EntryLimits.textProblem(reason) { throw .notAllowed(field: "reason", problem: problem) }
        if let note = mark.note, let problem = EntryLimits.textProblem(note) { throw .notAllowed(field: "note", problem: problem) }
        if let minutes = mark.minutesLate, let problem = EntryLimits.minutesLateProblem(minutes) {
            throw .notAllowed(field: "minutes late", problem: problem)
        }
        let outcome: Outcome
        switch marks[upn] {
        case nil:
            outcome = .recorded
        case let existing? where existing == mark:
            return .unchanged
        case let existing?:
            outcome = .amended(try Amendment(
                upn: upn, group: group, session: session, original: existing,
                amended: mark, reason: reason ?? "", at: instant, by: recorder))
        }
        marks[upn] = mark
        if takenBy == nil {
            takenBy = recorder.login
            takenAt = instant
        }
        return outcome
    }

    /// Takes a pupil's mark back out of the register, as an amendment to no code: for
    /// a mark entered in error. A pupil with no mark is left as they are.
    @discardableResult
    public mutating func clear(
        _ upn: UPN, by recorder: Recorder, at instant: Date, reason: String
    ) throws(AmendmentError) -> Outcome {
        if let problem = EntryLimits.textProblem(reason) { throw .notAllowed(field: "reason", problem: problem) }
        guard let existing = marks[upn] else { return .unchanged }
        let amendment = try Amendment(
            upn: upn, group: group, session: session, original: existing,
            amended: nil, reason: reason, at: instant, by: recorder)
        marks[upn] = nil
        return .amended(amendment)
    }

    /// The pupils of a list who have no mark yet, in the list's order.
    public func unmarked(_ pupils: [UPN]) -> [UPN] {
        pupils.filter { marks[$0] == nil }
    }
}
