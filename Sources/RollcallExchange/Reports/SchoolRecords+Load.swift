import RollcallCore
import RollcallStore

extension SchoolRecords {
    /// Reads the calendar, the pupils and the marks of every academic year `days` touches.
    public static func load(from store: Store, covering days: ClosedRange<CalendarDate>) throws -> SchoolRecords {
        try SchoolRecords(calendar: store.calendar(), pupils: store.pupils(), book: store.book(academicYears: academicYears(covering: days)))
    }

    /// The same, keeping only the marks of `days`: for a report that looks at no others.
    public static func load(from store: Store, only days: ClosedRange<CalendarDate>) throws -> SchoolRecords {
        try SchoolRecords(calendar: store.calendar(), pupils: store.pupils(),
                          book: store.book(academicYears: academicYears(covering: days), within: days))
    }
}
