import RollcallCore

/// One pupil's attendance for one academic year at one school, as a CTF's `YearData`
/// carries it: the four totals, and optionally the marks session by session.
public struct CTFYear: Hashable, Sendable {
    /// The academic year's start year (2025 for 2025-26).
    public let year: Int
    public let lea: String
    public let estab: String
    public let schoolName: String
    public let possible: Int
    public let authorised: Int
    public let attended: Int
    public let unauthorised: Int
    /// The marks session by session, when sent.
    public let sessions: Sessions?

    /// From `start`, a code a session (AM then PM, `#` where the school had no session,
    /// `-` where it had no mark).
    public struct Sessions: Hashable, Sendable {
        public let start: CalendarDate
        public let marks: [String]

        public init(start: CalendarDate, marks: [String]) {
            self.start = start
            self.marks = marks
        }
    }

    public init(year: Int, lea: String, estab: String, schoolName: String, possible: Int, authorised: Int, attended: Int, unauthorised: Int,
                sessions: Sessions? = nil) {
        self.year = year
        self.lea = lea
        self.estab = estab
        self.schoolName = schoolName
        self.possible = possible
        self.authorised = authorised
        self.attended = attended
        self.unauthorised = unauthorised
        self.sessions = sessions
    }

    /// The pupil's years at this school: each academic year of the calendar with a
    /// possible session for them up to `today`, counted as Rollcall counts (attended is
    /// present and approved educational activity), with the marks when `withSessions`.
    public static func years(of pupil: Pupil, records: SchoolRecords, laestab: String, schoolName: String, today: CalendarDate,
                             withSessions: Bool) -> [CTFYear] {
        records.calendar.years.compactMap { year -> CTFYear? in
            guard year.firstDay <= today, let onRoll = pupil.onRoll(during: year.firstDay...min(year.lastDay, today)) else { return nil }
            guard let row = PupilAttendance.report([pupil], book: records.book, calendar: records.calendar, period: onRoll).first,
                  row.figures.possible > 0 else { return nil }
            let tally = row.figures.tally
            var sessions: Sessions?
            if withSessions {
                var marks: [String] = []
                var day = onRoll.lowerBound
                while day <= onRoll.upperBound {
                    for part in [Session.Part.am, .pm] {
                        let session = Session(day, part)
                        marks.append(records.calendar.isSchoolSession(session) ? records.book.code(for: pupil.upn, at: session)?.symbol ?? "-" : "#")
                    }
                    day = day.advanced(by: 1)
                }
                sessions = Sessions(start: onRoll.lowerBound, marks: marks)
            }
            return CTFYear(year: year.firstDay.year, lea: String(laestab.prefix(3)), estab: String(laestab.suffix(4)), schoolName: schoolName,
                           possible: tally.possible, authorised: tally.authorisedAbsence, attended: tally.attended,
                           unauthorised: tally.unauthorisedAbsence, sessions: sessions)
        }
    }
}
