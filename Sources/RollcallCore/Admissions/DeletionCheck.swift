/// The conditions of a deletion that Rollcall can see in its own records: no backdating,
/// a pupil on roll, the ground's confirmations given, and for grounds (a), (f), (h) and
/// (i) the facts they rest on. The first condition not met is thrown, so the refusal
/// names it.
public enum DeletionCheck {
    /// Ground (i): school days in a row, every session G, N or O.
    public static let continuousDays = 20
    /// Ground (h): school days after granted leave without a return.
    public static let daysAfterLeave = 10
    static let runCodes = FollowUps.deletionCodes

    public static func check(_ deletion: Deletion, pupil: Pupil, records: SchoolRecords, log: [InterventionRecord],
                             today: CalendarDate) throws(DeletionRefusal) {
        guard deletion.date >= today else { throw .backdated(date: deletion.date, today: today) }
        // One standing deletion a pupil: one lined up for a later day counts.
        if let leaving = pupil.leavingDate { throw .alreadyDeleted(on: leaving) }
        guard pupil.isOnRoll(on: deletion.date) else { throw .notOnRoll(date: deletion.date) }
        let ground = deletion.ground
        if deletion.date > today, !ground.canBeLinedUp { throw .cannotBeLinedUp(ground, date: deletion.date, today: today) }
        for fact in ground.facts where !deletion.gives(fact) {
            throw .needs(ground, "\(fact.title) (\(fact.option))")
        }
        // Every fact a ground checks has happened by today.
        for (fact, date) in [(DeletionFact.noticeDate, deletion.noticeDate), (.leaveEnded, deletion.leaveEnded)] {
            if let date, date > today { throw .factAfterToday(fact, date: date, today: today) }
        }
        switch ground {
        case .h:
            if let ended = deletion.leaveEnded { try checkNotBack(pupil, leaveEnded: ended, before: deletion.date, records: records) }
        case .i:
            let first = try checkRun(pupil, before: deletion.date, records: records)
            let enquiries = log.contains {
                $0.intervention.upn == pupil.upn && $0.intervention.kind == .localAuthorityJointEnquiries
                    && $0.intervention.date >= first && $0.intervention.date <= deletion.date
            }
            guard enquiries else { throw .noJointEnquiries(since: first) }
        default:
            break
        }
        for confirmation in ground.confirmations where !deletion.confirmed.contains(confirmation.key) {
            throw .notConfirmed(ground, confirmation)
        }
    }

    /// (i): the school days before the deletion, walked back from the one before it, each
    /// with every session G, N or O, until `continuousDays`. Weekends, holidays and closed
    /// days neither count nor break the run. Returns the run's first day.
    static func checkRun(_ pupil: Pupil, before date: CalendarDate, records: SchoolRecords) throws(DeletionRefusal) -> CalendarDate {
        var days = 0
        var day = date.advanced(by: -1)
        let start = records.calendar.coverage?.lowerBound ?? day
        while day >= start {
            if records.calendar.isSchoolDay(day) {
                guard pupil.isOnRoll(on: day) else { throw .shortRun(days: days, brokenBy: "the pupil's starting day") }
                for session in records.calendar.sessions(on: day) {
                    guard let code = records.book.code(for: pupil.upn, at: session) else {
                        throw .shortRun(days: days, brokenBy: "\(session), not marked")
                    }
                    guard runCodes.contains(code) else { throw .shortRun(days: days, brokenBy: "\(session) \(code.symbol)") }
                }
                days += 1
                if days == continuousDays { return day }
            }
            day = day.advanced(by: -1)
        }
        throw .shortRun(days: days, brokenBy: nil)
    }

    /// (h): no attendance after the leave, and `daysAfterLeave` school days since it
    /// ended, before the day of deletion.
    static func checkNotBack(_ pupil: Pupil, leaveEnded ended: CalendarDate, before date: CalendarDate,
                             records: SchoolRecords) throws(DeletionRefusal) {
        guard ended < date else { throw .tooSoonAfterLeave(ended: ended, schoolDays: 0) }
        let after = ended.advanced(by: 1)...date.advanced(by: -1)
        let days = after.lowerBound <= after.upperBound ? records.calendar.schoolDays(in: after) : []
        for session in days.flatMap(records.calendar.sessions(on:)) {
            if let code = records.book.code(for: pupil.upn, at: session), code.countsAsAttended {
                throw .attendedAfterLeave(session, code)
            }
        }
        guard days.count >= daysAfterLeave else { throw .tooSoonAfterLeave(ended: ended, schoolDays: days.count) }
    }
}
