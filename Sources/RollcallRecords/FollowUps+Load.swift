import RollcallCore
import RollcallStore

extension FollowUps {
    /// Every follow-up list as of a day, from the store: the records the dashboard reads,
    /// the contacts, the interventions log and the deletions that stand.
    public static func load(from store: Store, calendar: SchoolCalendar, asOf day: CalendarDate) throws -> FollowUps {
        let records = try SchoolRecords.load(from: store, calendar: calendar, covering: Dashboard.days(asOf: day, calendar: calendar))
        return FollowUps(records, contacts: try store.contacts(), log: try store.interventions(), asOf: day,
                         deletions: try store.standingDeletions())
    }
}
