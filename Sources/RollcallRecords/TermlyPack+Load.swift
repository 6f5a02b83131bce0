import RollcallCore
import RollcallStore

extension TermlyPack {
    /// The pack for a period, from the store: the records it reads, and the follow-ups,
    /// logs and deletions as of the period's last day.
    public static func load(from store: Store, period: PackPeriod) throws -> TermlyPack {
        let calendar = try store.calendar()
        let records = try SchoolRecords.load(from: store, calendar: calendar, covering: days(for: period, calendar: calendar))
        let log = try store.interventions(), deletions = try store.standingDeletions(), leave = try store.leaveApplications()
        let followUps = FollowUps(records, contacts: try store.contacts(), log: log, asOf: period.days.upperBound, deletions: deletions,
                                  leave: leave, offsite: try store.offsiteArrangements(),
                                  ctfSent: AdmissionEvent.lastCTF(try store.admissionEvents())).list()
        return TermlyPack(schoolName: try store.school().name, period: period, records: records, log: log, followUps: followUps,
                          deletions: deletions, leave: leave)
    }
}
