import RollcallCore

/// Pupils the demo scripts so that every follow-up list has someone on it: a run of
/// unauthorised absence, a long illness, a pupil missing for 20 days, a part-time
/// timetable overdue for review, and an unexplained absence today for a pupil with a
/// social worker. Each is chosen from a form whose morning register was taken today.
struct DemoCases {
    /// School days of the year up to today, oldest first.
    let schoolDays: [CalendarDate]
    let today: CalendarDate

    static let unauthorisedRun = 0, longIllness = 1, missing = 2, partTime = 3, socialWorker = 6

    /// The code a scripted pupil gets for a session, or nil to leave it to the model.
    func code(pupil index: Int, session: Session) -> AttendanceCode? {
        let daysAgo = schoolDays.count - 1 - (schoolDays.lastIndex(of: session.date) ?? 0)
        switch index {
        case Self.unauthorisedRun where daysAgo < 13: return .otherUnauthorised
        case Self.longIllness where daysAgo < 16: return .illness
        case Self.missing where daysAgo < 3: return .reasonNotYetEstablished
        case Self.missing where daysAgo < 22: return .otherUnauthorised
        case Self.partTime where daysAgo < 30 && session.part == .pm: return .partTimeTimetable
        case Self.socialWorker where session.date == today && session.part == .am: return .reasonNotYetEstablished
        default: return nil
        }
    }

    /// What the attendance team logged for them: a part-time timetable agreed six weeks
    /// ago and due for review two weeks ago; a meeting for the first pupil; and, for the
    /// missing pupil, a penalty notice to a parent for the first morning of the run.
    func interventions(for pupils: [Pupil], contacts: [Contact]) throws -> [Intervention] {
        guard pupils.count > Self.socialWorker, schoolDays.count >= 30 else { return [] }
        let agreed = schoolDays[schoolDays.count - 30], review = schoolDays[schoolDays.count - 10]
        let parent = contacts.first { $0.upn == pupils[Self.missing].upn && $0.role == .parent }?.name ?? "Parent"
        // The first morning of the missing pupil's run of O (`code`), a notice the day after:
        // a notice is only ever for a session of unauthorised absence (`NoticeRules`).
        let noticed = Session(schoolDays[schoolDays.count - 22], .am)
        return [
            try Intervention(upn: pupils[Self.partTime].upn, date: agreed, kind: .partTimeTimetable,
                             note: "Afternoons at home while anxiety support starts; mum agreed", reviewDate: review),
            try Intervention(upn: pupils[Self.unauthorisedRun].upn, date: schoolDays[schoolDays.count - 4], kind: .meeting,
                             note: "Met dad; agreed a morning check-in with the form tutor"),
            try Intervention(upn: pupils[Self.missing].upn, date: schoolDays[schoolDays.count - 21], kind: .penaltyNoticeIssued,
                             note: "Term-time holiday", parent: parent, sessions: [noticed]),
        ]
    }
}
