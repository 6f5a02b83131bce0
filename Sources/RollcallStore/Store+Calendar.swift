import Foundation
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
    /// (`CalendarError.removesMarkedSessions`), and one that changes days before `today`
    /// without `amending` (`CalendarError.changesThePast`). `amending` is asked, given the
    /// changes worked out under the calendar's lock, who makes them and why (it throws
    /// to refuse them: not an admin, no reason); the change to the past is then logged
    /// (before the calendar is replaced, so no change goes unlogged) and returned.
    @discardableResult
    public func saveAcademicYear(_ year: AcademicYear, today: CalendarDate,
                                 amending: (([String]) throws -> Amending)? = nil) throws -> CalendarAmendment? {
        var amendment: CalendarAmendment?
        try update(layout.calendar(year.name), lock: "calendar-\(year.name)", empty: year) { current in
            let removed = current.sessionsRemoved(by: year)
            if !removed.isEmpty {
                let marked = try marks(on: Set(removed), academicYear: year.name)
                if let firstMarked = marked.sessions.min() {
                    throw CalendarError.removesMarkedSessions(marks: marked.count, sessions: marked.sessions.count, first: firstMarked)
                }
            }
            let changes = current == year ? [] : CalendarAmendment.changesToThePast(from: current, to: year, before: today)
            if !changes.isEmpty {
                guard let amending = try amending?(changes) else { throw CalendarError.changesThePast(changes) }
                let made = CalendarAmendment(academicYear: year.name, changes: changes, old: current, new: year,
                                             reason: amending.reason, by: amending.by, at: amending.at)
                try logCalendarAmendment(made)
                amendment = made
            }
            current = year
        }
        return amendment
    }

    /// Every amendment to a calendar's past, oldest first.
    public func calendarAmendments() throws(StoreError) -> [CalendarAmendment] {
        try withStoreLock { () throws(StoreError) in try ChainedLog(path: layout.calendarLog).entries(ChainedLog.calendarAmendment) }
    }

    private func logCalendarAmendment(_ amendment: CalendarAmendment) throws(StoreError) {
        let lock = try FileLock(layout.lock("calendar-log"), .exclusive)
        defer { lock.unlock() }
        _ = try ChainedLog(path: layout.calendarLog).openForAppend().append([CalendarLine.body(for: amendment)])
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

/// One line of the calendar's log: the year, each change to its past, the calendar
/// before and after (as its file holds it), why, when and by whom.
struct CalendarLine: Decodable {
    let seq: Int
    let academic_year: String
    let changes: [String]
    let old: AcademicYear
    let new: AcademicYear
    let reason: String
    let at: String
    let by: String
    let name: String?
    let role: String?

    static func body(for amendment: CalendarAmendment) -> String {
        var fields = [
            "\"academic_year\":\(JSONText.string(amendment.academicYear))",
            "\"changes\":[" + amendment.changes.map(JSONText.string).joined(separator: ",") + "]",
            "\"old\":" + String(decoding: JSONFile.encode(amendment.old, pretty: false), as: UTF8.self),
            "\"new\":" + String(decoding: JSONFile.encode(amendment.new, pretty: false), as: UTF8.self),
            "\"reason\":\(JSONText.string(amendment.reason))",
            "\"at\":\"\(JSONText.instant(amendment.at))\"",
            "\"by\":\(JSONText.string(amendment.by.login))",
        ]
        if let name = amendment.by.name { fields.append("\"name\":\(JSONText.string(name))") }
        if let role = amendment.by.role { fields.append("\"role\":\(JSONText.string(role.rawValue))") }
        return fields.joined(separator: ",")
    }
}

extension ChainedLog {
    static func calendarAmendment(_ line: [UInt8], number: Int, path: FilePath) throws(StoreError) -> CalendarAmendment {
        let decoded = try decode(CalendarLine.self, line, number: number, path: path)
        let stamp = try stamp(at: decoded.at, by: decoded.by, name: decoded.name, role: decoded.role, line: number, path: path)
        return CalendarAmendment(academicYear: decoded.academic_year, changes: decoded.changes, old: decoded.old, new: decoded.new,
                                 reason: decoded.reason, by: stamp.by, at: stamp.at)
    }
}
