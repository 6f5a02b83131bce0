import RollcallCore
import RollcallStore

extension FollowUps {
    /// Every follow-up list as of a day, from the store: the records the dashboard reads,
    /// the contacts, the interventions, leave and off-site logs and the deletions that
    /// stand. `dayOver`: whether the day's afternoon register has closed.
    public static func load(from store: Store, calendar: SchoolCalendar, asOf day: CalendarDate, dayOver: Bool = true) throws -> FollowUps {
        let records = try Dashboard.records(from: store, calendar: calendar, asOf: day)
        return FollowUps(records, contacts: try store.contacts(), log: try store.interventions(), asOf: day,
                         deletions: try store.standingDeletions(), leave: try store.leaveApplications(),
                         offsite: try store.offsiteArrangements(), dayOver: dayOver, ctfSent: AdmissionEvent.lastCTF(try store.admissionEvents()))
    }
}
