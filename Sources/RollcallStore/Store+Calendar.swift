import RollcallCore
import SystemPackage

extension Store {
    /// Every academic year imported, as one calendar: the penalty window reaches back
    /// across years.
    public func calendar() throws(StoreError) -> SchoolCalendar {
        try withStoreLock { () throws(StoreError) in
            var years: [AcademicYear] = []
            for name in DurableFile.list(layout.calendarDirectory) where name.hasSuffix(".json") {
                let path = layout.calendarDirectory.appending(name)
                guard let year = try read(AcademicYear.self, at: path) else { continue }
                years.append(year)
            }
            do {
                return try SchoolCalendar(years: years)
            } catch {
                throw .damaged(path: layout.calendarDirectory.string, line: nil, field: nil, detail: "\(error)")
            }
        }
    }

    /// Adds or replaces one academic year's terms and closures.
    public func saveAcademicYear(_ year: AcademicYear) throws {
        try update(layout.calendar(year.name), lock: "calendar-\(year.name)", empty: year) { $0 = year }
    }
}
