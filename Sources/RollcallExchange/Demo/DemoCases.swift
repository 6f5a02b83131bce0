import RollcallCore

/// Pupils the demo scripts so that every follow-up list has someone on it: a run of
/// unauthorised absence, a long illness, a pupil missing for 20 days, a part-time
/// timetable overdue for review, and an unexplained absence today for a pupil with a
/// social worker, each from a form whose morning register was taken today. And the
/// admission register's year: two pupils who joined mid-year, deletions on grounds (i),
/// (a) and (f), returns to the local authority made and due, and an entry without an address.
struct DemoCases {
    /// School days of the year up to today, oldest first.
    let schoolDays: [CalendarDate]
    let today: CalendarDate

    static let unauthorisedRun = 0, longIllness = 1, missing = 2, partTime = 3, socialWorker = 6
    static let deletedMissing = 8, deletedMoved = 9, deletedHomeEducated = 11, joinedRecently = 12, joinedEarlier = 13, noAddress = 14

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
        case Self.deletedMissing where (25..<50).contains(daysAgo): return .reasonNotYetEstablished
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

    /// The school day `count` school days before today.
    private func daysAgo(_ count: Int) -> CalendarDate { schoolDays[schoolDays.count - 1 - count] }

    /// Enters the mid-year joiners' starting days and the deletions in `pupils`, and
    /// returns the deletions with what was logged for them: joint enquiries before the
    /// (i) deletion, and returns to the local authority for all but the (a) deletion and
    /// the joiner of three days ago, which stay due.
    func admissions(for pupils: inout [Pupil]) throws -> (deletions: [Deletion], interventions: [Intervention]) {
        guard pupils.count > Self.noAddress, schoolDays.count >= 50 else { return ([], []) }
        pupils[Self.joinedRecently].admissionDate = daysAgo(2)
        pupils[Self.joinedRecently].previousSchool = "Moor Park High School"
        pupils[Self.joinedEarlier].admissionDate = daysAgo(39)
        pupils[Self.noAddress].address = nil
        func confirmed(_ ground: DeletionGround) -> [String] { ground.confirmations.map(\.key) }
        let deletions = [
            try Deletion(upn: pupils[Self.deletedMissing].upn, ground: .i, date: daysAgo(24),
                         reason: "Not found after 25 school days and joint enquiries with the local authority", confirmed: confirmed(.i)),
            try Deletion(upn: pupils[Self.deletedMoved].upn, ground: .a, date: daysAgo(10), reason: "Registered at St Cuthbert's from Monday",
                         otherSchool: "St Cuthbert's RC High School", newAddress: "14 Fishergate Hill, Preston PR1 8JB", confirmed: confirmed(.a)),
            try Deletion(upn: pupils[Self.deletedHomeEducated].upn, ground: .f, date: daysAgo(5),
                         reason: "Parents' letter: educating at home from this half term", noticeDate: daysAgo(15), confirmed: confirmed(.f)),
        ]
        for deletion in deletions {
            if let index = pupils.firstIndex(where: { $0.upn == deletion.upn }) { pupils[index].leavingDate = deletion.date }
        }
        let logged = [
            try Intervention(upn: pupils[Self.deletedMissing].upn, date: daysAgo(30), kind: .localAuthorityJointEnquiries,
                             note: "Home visit with the LA's children missing education officer: house empty, neighbours say moved"),
            try Intervention(upn: pupils[Self.deletedMissing].upn, date: daysAgo(24), kind: .localAuthorityReturn,
                             note: "CME referral form sent", about: .deletion),
            try Intervention(upn: pupils[Self.deletedHomeEducated].upn, date: daysAgo(5), kind: .localAuthorityReturn,
                             note: "EHE notification sent", about: .deletion),
            try Intervention(upn: pupils[Self.joinedEarlier].upn, date: daysAgo(37), kind: .localAuthorityReturn,
                             note: "New starter form sent", about: .admission),
        ]
        return (deletions, logged)
    }
}
