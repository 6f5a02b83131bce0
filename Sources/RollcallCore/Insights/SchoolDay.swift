/// One school day of one school: its sessions counted over every pupil, against what is
/// usual for that school on that weekday at that time of year.
public struct SchoolDay: Hashable, Sendable {
    public let date: CalendarDate
    /// Both sessions of the day, every pupil marked.
    public let tally: AttendanceTally
    /// What the day's rate usually is (`UnusualDays.expected`), nil without enough days to tell.
    public let expected: Double?
    /// Well below what is usual (`UnusualDays`).
    public let isUnusual: Bool

    public init(date: CalendarDate, tally: AttendanceTally, expected: Double?, isUnusual: Bool) {
        self.date = date
        self.tally = tally
        self.expected = expected
        self.isUnusual = isUnusual
    }

    public var figures: AttendanceFigures { AttendanceFigures(tally) }

    /// The usual rate as every rate is shown, to a tenth of a point.
    public var usualRate: Percentage? {
        expected.flatMap { Percentage(Int(($0 * 10).rounded()), of: 1000) }
    }

    /// Each open day of `days` with every pupil's marks of it counted: what a school's
    /// row of the days view is made of, before any day is judged.
    public static func tallies(_ records: SchoolRecords, days: ClosedRange<CalendarDate>) -> [(date: CalendarDate, tally: AttendanceTally)] {
        let sessions = records.calendar.sessions(in: days)
        var byDate: [CalendarDate: AttendanceTally] = [:]
        let rows = records.pupils.compactMap { records.book.row(of: $0.upn) }
        for session in sessions {
            var tally = byDate[session.date] ?? AttendanceTally()
            for row in rows { tally.add(row.code(at: session)) }
            byDate[session.date] = tally
        }
        return byDate.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
