import Foundation
import RollcallCore
import RollcallStore

/// Deleting a name from the admission register as the command line and the roll screen
/// both do it: the marks the ground's checks look at are read first, then the checks
/// (`DeletionCheck`) run on the pupil as on disk, under the pupils' lock, and the
/// deletion is written with its log line.
public enum DeletingAName {
    /// Back far enough for 20 school days across a summer holiday.
    static let daysLookedAt = 140

    /// Deletes, or throws the `DeletionRefusal` that names the condition not met.
    /// Returns the pupil as they were.
    @discardableResult
    public static func delete(_ deletion: Deletion, in store: Store, by recorder: Recorder, at instant: Date,
                              today: CalendarDate) throws -> Pupil {
        let calendar = try store.calendar()
        let first = max(deletion.date.advanced(by: -daysLookedAt), calendar.coverage?.lowerBound ?? deletion.date)
        let records = try SchoolRecords.load(from: store, calendar: calendar, only: min(first, deletion.date)...deletion.date,
                                             minutesAndNotes: false)
        let log = try store.interventions()
        var deleted: Pupil?
        try store.delete(deletion, by: recorder, at: instant, today: today) { onDisk in
            deleted = onDisk
            try DeletionCheck.check(deletion, pupil: onDisk, records: records, log: log, today: today)
        }
        guard let deleted else { throw StoreError.admissionRefused("there is no pupil with UPN \(deletion.upn.text)") }
        return deleted
    }
}
