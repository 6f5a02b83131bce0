/// What reports and screens read figures from: the calendar, the pupils and the marks of
/// the academic years a period touches, loaded once.
public struct SchoolRecords: Sendable {
    public let calendar: SchoolCalendar
    public let pupils: [Pupil]
    public let book: AttendanceBook

    public init(calendar: SchoolCalendar, pupils: [Pupil], book: AttendanceBook) {
        self.calendar = calendar
        self.pupils = pupils
        self.book = book
    }

    /// The names of the academic years a range of days touches, in order: the marks files
    /// a report over those days must read.
    public static func academicYears(covering days: ClosedRange<CalendarDate>) -> [String] {
        var names: [String] = []
        var date = days.lowerBound
        while date <= days.upperBound {
            let name = AcademicYear.name(containing: date)
            if names.last != name { names.append(name) }
            date = date.advanced(by: 28)
        }
        let last = AcademicYear.name(containing: days.upperBound)
        if names.last != last { names.append(last) }
        return names
    }
}
