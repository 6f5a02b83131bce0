import Foundation

/// A change to the part of an academic year's calendar that has already happened: a
/// closed day or a holiday opened, a term boundary moved, a closure's sessions or reason
/// changed. The past calendar is evidence, since every possible session and the penalty
/// window rest on it, so such a change is an amendment: made by an admin, with a
/// reason, and kept in a hash-chained log with the calendar before and after.
public struct CalendarAmendment: Hashable, Sendable {
    public let academicYear: String
    /// Each change to a day before the day it was made, in a sentence, oldest day first.
    public let changes: [String]
    public let old: AcademicYear
    public let new: AcademicYear
    public let reason: String
    public let by: Recorder
    public let at: Date

    public init(academicYear: String, changes: [String], old: AcademicYear, new: AcademicYear, reason: String, by: Recorder, at: Date) {
        self.academicYear = academicYear
        self.changes = changes
        self.old = old
        self.new = new
        self.reason = reason
        self.by = by
        self.at = at
    }

    /// What `new` changes of `old` on days before `today`, in sentences; empty when the
    /// past stays as it was (a change to days to come is planning, not an amendment).
    public static func changesToThePast(from old: AcademicYear, to new: AcademicYear, before today: CalendarDate) -> [String] {
        guard let before = try? SchoolCalendar(years: [old]), let after = try? SchoolCalendar(years: [new]) else { return [] }
        let last = min(today.advanced(by: -1), old.span.upperBound)
        guard old.span.lowerBound <= last else { return [] }
        var changes: [String] = []
        func open(_ calendar: SchoolCalendar, _ day: CalendarDate) -> String {
            let parts = calendar.sessions(on: day).map(\.part.rawValue)
            return parts.isEmpty ? "closed" : "open " + parts.joined(separator: "+")
        }
        func boundaries(_ year: AcademicYear) -> [CalendarDate: String] {
            var named: [CalendarDate: String] = [:]
            for term in year.terms {
                named[term.start, default: ""] += "'\(term.name)' starts "
                named[term.end, default: ""] += "'\(term.name)' ends "
            }
            return named
        }
        let oldBoundaries = boundaries(old), newBoundaries = boundaries(new)
        let oldClosures = Dictionary(old.closures.map { ($0.date, $0) }, uniquingKeysWith: { $1 })
        let newClosures = Dictionary(new.closures.map { ($0.date, $0) }, uniquingKeysWith: { $1 })
        var day = old.span.lowerBound
        while day <= last {
            let was = open(before, day), now = open(after, day)
            if was != now { changes.append("\(day): \(was), now \(now)") }
            if oldBoundaries[day] != newBoundaries[day] {
                changes.append("\(day): a term boundary moved (\((oldBoundaries[day] ?? "none ").dropLast()), now \((newBoundaries[day] ?? "none ").dropLast()))")
            }
            if let closedBefore = oldClosures[day], let closedNow = newClosures[day], closedBefore != closedNow {
                changes.append("\(day): closure \(closedBefore.sessionsText) '\(closedBefore.reason)', now \(closedNow.sessionsText) '\(closedNow.reason)'")
            }
            day = day.advanced(by: 1)
        }
        return changes
    }
}
