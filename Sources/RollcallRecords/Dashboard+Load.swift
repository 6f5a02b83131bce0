import RollcallCore
import RollcallStore

extension Dashboard {
    /// The records the dashboard and the follow-ups read as of a day: the codes of
    /// `Dashboard.days` alone. None of their figures or rules reads a late mark's minutes
    /// or a note, and leaving them unread is a tenth of the work.
    public static func records(from store: Store, calendar: SchoolCalendar, asOf day: CalendarDate) throws -> SchoolRecords {
        try SchoolRecords.load(from: store, calendar: calendar, only: days(asOf: day, calendar: calendar), minutesAndNotes: false)
    }

    /// The dashboard's lists for its overview, from the store: the contacts, the
    /// interventions, leave, off-site and admission logs, and the deletions that stand.
    public static func lists(from store: Store, overview: DashboardOverview) throws -> Dashboard {
        Dashboard(overview, contacts: try store.contacts(), log: try store.interventions(), deletions: try store.standingDeletions(),
                  leave: try store.leaveApplications(), offsite: try store.offsiteArrangements(),
                  pmRegisterCloses: try store.school().registerCloses(.pm), ctfSent: AdmissionEvent.lastCTF(try store.admissionEvents()))
    }
}
