import Foundation

/// One change to the admission register as its log keeps it: an item of an entry
/// amended, a deletion on a ground, a deletion undone because it was made in error, or
/// the pupil's record sent on to their next school by Common Transfer File.
/// Nothing in the log is ever removed, so a readmission leaves the deletion it undoes on
/// record, and an amendment the original.
public struct AdmissionEvent: Hashable, Sendable {
    public enum Change: Hashable, Sendable {
        case deleted(Deletion)
        /// The deletion of `deletedOn` undone, with why it was made in error.
        case readmitted(upn: UPN, deletedOn: CalendarDate, reason: String)
        case amended(upn: UPN, field: EntryField, original: String?, amended: String?, reason: String)
        /// A CTF with the pupil's record written for `destination` (a LAESTAB, `XXXXXXX`
        /// unknown, `MMMMMMM` outside the system), as the file `file`.
        case ctfSent(upn: UPN, destination: String, file: String)
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
        case let .ctfSent(upn, _, _): upn
        }
    }

    /// The deletions that stand after every event in order, by pupil: a pupil off roll.
    public static func standingDeletions(_ events: [AdmissionEvent]) -> [UPN: Deletion] {
        var standing: [UPN: Deletion] = [:]
        for event in events {
            switch event.change {
            case let .deleted(deletion): standing[deletion.upn] = deletion
            case let .readmitted(upn, _, _): standing[upn] = nil
            case .amended, .ctfSent: break
            }
        }
        return standing
    }

    /// The day in England each pupil's record was last sent by CTF.
    public static func lastCTF(_ events: [AdmissionEvent]) -> [UPN: CalendarDate] {
        var sent: [UPN: CalendarDate] = [:]
        for event in events {
            if case let .ctfSent(upn, _, _) = event.change { sent[upn] = CalendarDate(event.at, in: School.timeZone) }
        }
        return sent
    }

    /// How many CTF files have been written for `destination`: the next file's sequence is one more.
    public static func ctfFiles(to destination: String, in events: [AdmissionEvent]) -> Int {
        Set(events.compactMap { event -> String? in
            guard case let .ctfSent(_, to, file) = event.change, to == destination else { return nil }
            return file
        }).count
    }
}
