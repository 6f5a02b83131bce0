import Foundation

/// One change to the admission register as its log keeps it: an item of an entry
/// amended, a deletion on a ground, or a deletion undone because it was made in error.
/// Nothing in the log is ever removed, so a readmission leaves the deletion it undoes on
/// record, and an amendment the original.
public struct AdmissionEvent: Hashable, Sendable {
    public enum Change: Hashable, Sendable {
        case deleted(Deletion)
        /// The deletion of `deletedOn` undone, with why it was made in error.
        case readmitted(upn: UPN, deletedOn: CalendarDate, reason: String)
        case amended(upn: UPN, field: EntryField, original: String?, amended: String?, reason: String)
    }

    public let change: Change
    public let by: Recorder
    public let at: Date

    public init(_ change: Change, by: Recorder, at: Date) {
        self.change = change
        self.by = by
        self.at = at
    }

    public var upn: UPN {
        switch change {
        case let .deleted(deletion): deletion.upn
        case let .readmitted(upn, _, _): upn
        case let .amended(upn, _, _, _, _): upn
        }
    }

    /// The deletions that stand after every event in order, by pupil: a pupil off roll.
    public static func standingDeletions(_ events: [AdmissionEvent]) -> [UPN: Deletion] {
        var standing: [UPN: Deletion] = [:]
        for event in events {
            switch event.change {
            case let .deleted(deletion): standing[deletion.upn] = deletion
            case let .readmitted(upn, _, _): standing[upn] = nil
            case .amended: break
            }
        }
        return standing
    }
}
