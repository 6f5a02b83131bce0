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

    /// Adds or replaces one academic year's terms and closures, refusing a replacement
    /// that would stop a session holding marks from being a school session
    /// (`CalendarError.removesMarkedSessions`).
    public func saveAcademicYear(_ year: AcademicYear) throws {
        try update(layout.calendar(year.name), lock: "calendar-\(year.name)", empty: year) { current in
            let removed = current.sessionsRemoved(by: year)
            if !removed.isEmpty {
                let marked = try marks(on: Set(removed), academicYear: year.name)
                if let firstMarked = marked.sessions.min() {
                    throw CalendarError.removesMarkedSessions(marks: marked.count, sessions: marked.sessions.count, first: firstMarked)
                }
            }
            current = year
        }
    }

    /// How many marks the year's registers hold on `sessions`, and on which of them.
    /// Read straight from the marks files: the caller holds the store lock.
    private func marks(on sessions: Set<Session>, academicYear: String) throws(StoreError) -> (count: Int, sessions: Set<Session>) {
        var count = 0
        var marked: Set<Session> = []
        for key in marksFileKeys(academicYear: academicYear) {
            for register in try marksFile(key).registers.values where sessions.contains(register.session) && !register.marks.isEmpty {
                count += register.marks.count
                marked.insert(register.session)
            }
        }
        return (count, marked)
    }
}
