/// An `N` (reason not yet established) that has stood for 5 school days or more: the
/// guidance expects the reason to be found and the code replaced, with `O` where none is.
public struct UnresolvedN: Hashable, Sendable {
    public let pupil: Pupil
    public let session: Session
    /// School days after the session's day, up to and including the day asked about.
    public let schoolDaysSince: Int

    public static let schoolDays = 5

    /// Every `N` whose session day has at least 5 school days after it, up to and
    /// including `date`; oldest first, then by UPN.
    public static func list(_ records: SchoolRecords, asOf date: CalendarDate) -> [UnresolvedN] {
        let calendar = records.calendar
        guard let coverage = calendar.coverage else { return [] }
        // The 5th most recent school day on or before `date`: an N on any earlier day
        // has those 5 after it.
        let days = calendar.schoolDays(in: coverage.lowerBound...min(date, coverage.upperBound))
        let recent = days.suffix(schoolDays)
        guard recent.count == schoolDays, let fifth = recent.first else { return [] }
        var found: [UnresolvedN] = []
        for pupil in records.pupils {
            for session in records.book.sessions(of: pupil.upn, coded: .reasonNotYetEstablished) where session.date < fifth {
                // The school days after the session's, up to `date`: counted in the days
                // worked out once, not made again for each N.
                let since = days.count { $0 > session.date }
                found.append(UnresolvedN(pupil: pupil, session: session, schoolDaysSince: since))
            }
        }
        return found.sorted { ($0.session, $0.pupil.upn) < ($1.session, $1.pupil.upn) }
    }
}
