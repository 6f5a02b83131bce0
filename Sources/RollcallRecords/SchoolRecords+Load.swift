import RollcallCore
import RollcallStore

extension SchoolRecords {
    /// Reads the pupils on roll in `days` or after and the marks of every academic year
    /// `days` touches. The caller has the calendar already: it chose `days` with it.
    public static func load(from store: Store, calendar: SchoolCalendar, covering days: ClosedRange<CalendarDate>) throws -> SchoolRecords {
        try SchoolRecords(calendar: calendar, pupils: store.pupils(onRollFrom: days.lowerBound),
                          book: store.book(academicYears: academicYears(covering: days)))
    }

    /// The same, keeping only the marks of `days`: for a report that looks at no others.
    /// `minutesAndNotes` false may leave late marks' minutes out, for a report that
    /// counts codes only.
    public static func load(from store: Store, calendar: SchoolCalendar, only days: ClosedRange<CalendarDate>,
                            minutesAndNotes: Bool = true) throws -> SchoolRecords {
        try SchoolRecords(calendar: calendar, pupils: store.pupils(onRollFrom: days.lowerBound),
                          book: store.book(academicYears: academicYears(covering: days), within: days, minutesAndNotes: minutesAndNotes))
    }
}
