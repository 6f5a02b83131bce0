/// School days on which every open session carries one of a set of codes, in a row: the
/// measure behind telling the local authority (10 days unauthorised, 15 ill) and the
/// 20-day deletion ground. Weekends, holidays and closed days neither count nor break a
/// run; a day with a session unmarked, or off roll, breaks it, except on the day asked
/// about itself, whose registers may not all have been taken yet: there only the
/// sessions marked are looked at, and a day with none marked is passed over.
public struct AbsenceRun: Hashable, Sendable {
    /// The days of the run, oldest first; empty when the last school day did not qualify.
    public let days: [CalendarDate]

    /// The pupil's run that ends on the last school day on or before `date`.
    public init(_ pupil: Pupil, codes: Set<AttendanceCode>, asOf date: CalendarDate, records: SchoolRecords) {
        self.init(pupil, row: records.book.row(of: pupil.upn), codes: CodeMask(codes), asOf: date, calendar: records.calendar)
    }

    /// The same from the pupil's row, looked up once by a caller that asks several runs
    /// of every pupil (the follow-ups).
    init(_ pupil: Pupil, row: AttendanceBook.Row?, codes mask: CodeMask, asOf date: CalendarDate, calendar: SchoolCalendar) {
        var days: [CalendarDate] = []
        guard let coverage = calendar.coverage else {
            self.days = []
            return
        }
        var day = min(date, coverage.upperBound)
        while day >= coverage.lowerBound {
            if calendar.isSchoolDay(day) {
                if day == date, !calendar.sessions(on: day).contains(where: { row?.code(at: $0) != nil }) {
                    day = day.advanced(by: -1)
                    continue
                }
                guard AbsenceRun.qualifies(pupil, row, on: day, codes: mask, calendar: calendar, takenOnly: day == date) else { break }
                days.append(day)
            }
            day = day.advanced(by: -1)
        }
        self.days = days.reversed()
    }

    /// Every one of `schoolDays` that qualifies, whether in a row or not. The days are
    /// the caller's, worked out once for a whole school rather than once a pupil.
    static func days(_ pupil: Pupil, row: AttendanceBook.Row?, codes: CodeMask, among schoolDays: [CalendarDate],
                     calendar: SchoolCalendar) -> [CalendarDate] {
        // A pupil with no mark at all has no day of any code.
        guard let row else { return [] }
        return schoolDays.filter { qualifies(pupil, row, on: $0, codes: codes, calendar: calendar) }
    }

    /// Whether every open session of `day` has one of `codes` (`takenOnly`: every one
    /// marked). Looked up part by part, with no array made: it runs a pupil a school day.
    static func qualifies(_ pupil: Pupil, _ row: AttendanceBook.Row?, on day: CalendarDate, codes: CodeMask,
                          calendar: SchoolCalendar, takenOnly: Bool = false) -> Bool {
        guard pupil.isOnRoll(on: day) else { return false }
        for part in Session.Part.allCases {
            let session = Session(day, part)
            guard calendar.isSchoolSession(session) else { continue }
            let number = row?.number(at: session) ?? 0
            if number == 0 {
                if takenOnly { continue }
                return false
            }
            if !codes.contains(number: number) { return false }
        }
        return true
    }

    public var count: Int { days.count }
    public var first: CalendarDate? { days.first }

    /// The day the run reached `length` days, if it has.
    public func reached(_ length: Int) -> CalendarDate? {
        days.count >= length ? days[length - 1] : nil
    }
}
