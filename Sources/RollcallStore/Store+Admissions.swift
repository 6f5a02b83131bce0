import Foundation
import RollcallCore

extension Store {
    /// The admission register's log, oldest first: every deletion and readmission.
    public func admissionEvents() throws(StoreError) -> [AdmissionEvent] {
        try withStoreLock { () throws(StoreError) in try ChainedLog(path: layout.admissions).entries(ChainedLog.admission) }
    }

    /// The deletions that stand, by pupil: the pupils the admission register has off roll.
    public func standingDeletions() throws(StoreError) -> [UPN: Deletion] {
        AdmissionEvent.standingDeletions(try admissionEvents())
    }

    /// Deletes a pupil's name on a ground. `verify` (the ground's checks, given the pupil
    /// as on disk now) runs under the pupils' lock, so two deletions of one pupil cannot
    /// both pass; then the pupil's last day on roll and the log's line are one write.
    public func delete(_ deletion: Deletion, by recorder: Recorder, at instant: Date, today: CalendarDate,
                       verify: (Pupil) throws -> Void) throws {
        try updateAdmissionRegister(today: today) { pupils in
            guard let pupil = pupils.first(where: { $0.upn == deletion.upn }) else {
                throw StoreError.admissionRefused("there is no pupil with UPN \(deletion.upn.text)")
            }
            try verify(pupil)
            return [AdmissionEvent(.deleted(deletion), by: recorder, at: instant)]
        }
    }

    /// Undoes the deletion that stands for `upn`, made in error: the pupil is on roll
    /// again from the day after it, and the log keeps both. Returns the deletion undone.
    @discardableResult
    public func readmit(_ upn: UPN, reason: String, by recorder: Recorder, at instant: Date, today: CalendarDate) throws -> Deletion {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError.admissionRefused("a readmission needs a reason (--reason), kept with it") }
        if let problem = EntryLimits.textProblem(reason) { throw StoreError.admissionRefused("the readmission's reason \(problem)") }
        var undone: Deletion?
        try updateAdmissionRegister(today: today) { pupils in
            guard let index = pupils.firstIndex(where: { $0.upn == upn }) else {
                throw StoreError.admissionRefused("there is no pupil with UPN \(upn.text)")
            }
            guard let deletion = AdmissionEvent.standingDeletions(try ChainedLog(path: layout.admissions).entries(ChainedLog.admission))[upn] else {
                throw StoreError.admissionRefused(DeletionRefusal.notDeleted.description)
            }
            undone = deletion
            if pupils[index].leavingDate == deletion.date { pupils[index].leavingDate = nil }
            return [AdmissionEvent(.readmitted(upn: upn, deletedOn: deletion.date, reason: reason), by: recorder, at: instant)]
        }
        return undone!
    }

    /// Records in the admission register's log that each pupil's record was sent by CTF
    /// as `file`, to `destination`.
    public func logCTF(_ upns: [UPN], to destination: String, file: String, by recorder: Recorder, at instant: Date) throws(StoreError) {
        let transaction = "ctf-\(UUID().uuidString.prefix(8).lowercased())"
        try withStoreLock { () throws(StoreError) in
            let lock = try FileLock(layout.lock("admissions"), .exclusive)
            defer { lock.unlock() }
            try ChainedLog(path: layout.admissions).openForAppend()
                .append(upns.map { AdmissionRecord.body(for: AdmissionEvent(.ctfSent(upn: $0, destination: destination, file: file), by: recorder,
                                                                            at: instant), transaction: transaction) })
        }
    }
}
