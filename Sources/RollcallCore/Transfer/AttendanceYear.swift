/// One pupil's attendance for one academic year at one school, as a Common Transfer
/// File's `YearData` carries it: the four totals, and optionally the marks session by
/// session. A pupil's years at earlier schools are kept as they arrived, shown in their
/// history and sent on with them, never counted in this school's figures.
public struct AttendanceYear: Hashable, Sendable, Codable {
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
    public struct Sessions: Hashable, Sendable, Codable {
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

    /// Read back from a store's file, checked as a CTF's `YearData` is: four totals that
    /// add up (attended and absent never more than possible), an establishment's numbers
    /// as digits, and the marks, if any, each a code's few characters.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        year = try container.decode(Int.self, forKey: .year)
        lea = try container.decode(String.self, forKey: .lea)
        estab = try container.decode(String.self, forKey: .estab)
        schoolName = try container.decode(String.self, forKey: .schoolName)
        possible = try container.decode(Int.self, forKey: .possible)
        authorised = try container.decode(Int.self, forKey: .authorised)
        attended = try container.decode(Int.self, forKey: .attended)
        unauthorised = try container.decode(Int.self, forKey: .unauthorised)
        sessions = try container.decodeIfPresent(Sessions.self, forKey: .sessions)
        if let problem = problem {
            throw DecodingError.dataCorruptedError(forKey: .possible, in: container, debugDescription: problem)
        }
    }

    /// What is wrong with the year as a CTF or a store holds it, or nil.
    public var problem: String? {
        if !(1900...2200).contains(year) { return "the year \(year) is not an academic year's start" }
        if [possible, authorised, attended, unauthorised].contains(where: { !(0...1000).contains($0) }) { return "a total is not 0 to 1000 sessions" }
        if attended + authorised + unauthorised > possible { return "attended and absent sessions (\(attended + authorised + unauthorised)) are more than possible (\(possible))" }
        if let problem = EntryLimits.nameProblem(schoolName) { return "the school's name \(problem)" }
        if lea.count > 3 || estab.count > 4 || !(lea + estab).allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "X" || $0 == "M") }) {
            return "LEA '\(TerminalText.visible(lea))' and Estab '\(TerminalText.visible(estab))' are not an establishment's numbers"
        }
        if let sessions, sessions.marks.count > 2 * 366 || sessions.marks.contains(where: { $0.count > 2 || $0.unicodeScalars.contains(where: TerminalText.needsPlaceholder) }) {
            return "the marks are not a year of codes"
        }
        return nil
    }

    /// The pupil's years at this school: each academic year of the calendar with a
    /// possible session for them up to `today`, counted as Rollcall counts (attended is
    /// present and approved educational activity), with the marks when `withSessions`.
    public static func years(of pupil: Pupil, records: SchoolRecords, laestab: String, schoolName: String, today: CalendarDate,
                             withSessions: Bool) -> [AttendanceYear] {
        records.calendar.years.compactMap { year -> AttendanceYear? in
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
            return AttendanceYear(year: year.firstDay.year, lea: String(laestab.prefix(3)), estab: String(laestab.suffix(4)), schoolName: schoolName,
                           possible: tally.possible, authorised: tally.authorisedAbsence, attended: tally.attended,
                           unauthorised: tally.unauthorisedAbsence, sessions: sessions)
        }
    }
}
