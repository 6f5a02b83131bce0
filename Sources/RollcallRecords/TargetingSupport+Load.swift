import RollcallCore
import RollcallStore

extension TargetingSupport {
    /// The meeting's list as of a day, from the store.
    public static func load(from store: Store, asOf day: CalendarDate) throws -> TargetingSupport {
        let lists = try FollowUps.load(from: store, calendar: try store.calendar(), asOf: day)
        return TargetingSupport(lists.records, contacts: lists.contacts, log: lists.log, followUps: lists.list(), asOf: day)
    }
}
