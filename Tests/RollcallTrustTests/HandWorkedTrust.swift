import RollcallCore

/// Three schools of a trust with figures worked by hand.
///
/// Northfield this half term: Ava 20 of 20 present; Ben 18 present and 2 authorised
/// (10.0%, persistent); Cal 8 present and 12 unauthorised (60.0%, severe). Attendance
/// 46/60 = 76.7%; persistent 2 of 3 (66.7%); severe 1 of 3 (33.3%). This year, with
/// twenty more sessions each all present: 106/120 = 88.3%; Ben 2/40 = 5.0%, Cal 12/40 =
/// 30.0%, so persistent 1 (33.3%) and severe 0 (0.0%).
/// Southgate: two pupils present at every session, both periods: 100.0%.
/// Eastbrook has never published.
enum HandWorkedTrust {
    static func figures(_ pupils: [(present: Int, authorised: Int, unauthorised: Int)]) -> CohortFigures {
        CohortFigures(pupils.map { pupil in
            var tally = AttendanceTally()
            for _ in 0..<pupil.present { tally.add(.presentAM) }
            for _ in 0..<pupil.authorised { tally.add(.illness) }
            for _ in 0..<pupil.unauthorised { tally.add(.otherUnauthorised) }
            return AttendanceFigures(tally)
        })
    }

    static let overview = TrustOverview(today: CalendarDate("2025-11-20")!, schools: [
        TrustOverview.School(urn: "100001", name: "Northfield Academy", publishedAt: "2025-11-20 18:05", penaltyReached: 1, followUpsOpen: 3,
                             figures: [.thisHalfTerm: figures([(20, 0, 0), (18, 2, 0), (8, 0, 12)]),
                                       .thisYear: figures([(40, 0, 0), (38, 2, 0), (28, 0, 12)])]),
        TrustOverview.School(urn: "100002", name: "Southgate School", publishedAt: "2025-11-20 18:10", penaltyReached: 0, followUpsOpen: 0,
                             figures: [.thisHalfTerm: figures([(20, 0, 0), (20, 0, 0)]), .thisYear: figures([(40, 0, 0), (40, 0, 0)])]),
        TrustOverview.School(urn: "100003", name: "Eastbrook Primary", publishedAt: nil, penaltyReached: 0, followUpsOpen: 0, figures: [:]),
    ])
}
