import RollcallCore
import RollcallStore

extension SchoolRecords {
    /// Reads the calendar, the pupils and the marks of every academic year `days` touches.
    public static func load(from store: Store, covering days: ClosedRange<CalendarDate>) throws -> SchoolRecords {
        let registers = try academicYears(covering: days).flatMap { try store.registers(academicYear: $0) }
        return try SchoolRecords(calendar: store.calendar(), pupils: store.pupils(), book: AttendanceBook(registers: registers))
    }
}
