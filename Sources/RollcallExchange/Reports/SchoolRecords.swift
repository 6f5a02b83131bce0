import RollcallCore
import RollcallStore

/// What a report needs from the store, read once: the calendar, the pupils and the
/// marks of every academic year a period touches.
public struct SchoolRecords: Sendable {
    public let calendar: SchoolCalendar
    public let pupils: [Pupil]
    public let book: AttendanceBook

    public init(calendar: SchoolCalendar, pupils: [Pupil], book: AttendanceBook) {
        self.calendar = calendar
        self.pupils = pupils
        self.book = book
    }

    public static func load(from store: Store, covering days: ClosedRange<CalendarDate>) throws -> SchoolRecords {
        var names: [String] = []
        var date = days.lowerBound
        while date <= days.upperBound {
            let name = AcademicYear.name(containing: date)
            if names.last != name { names.append(name) }
            date = date.advanced(by: 28)
        }
        let last = AcademicYear.name(containing: days.upperBound)
        if names.last != last { names.append(last) }
        let registers = try names.flatMap { try store.registers(academicYear: $0) }
        return try SchoolRecords(calendar: store.calendar(), pupils: store.pupils(), book: AttendanceBook(registers: registers))
    }
}
