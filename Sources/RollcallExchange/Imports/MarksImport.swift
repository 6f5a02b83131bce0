import Foundation
import RollcallCore
import RollcallStore

/// Marks from CSV: `upn, date, session, code`, optionally `minutes_late, note`.
///
/// Every row is checked against the pupils and the calendar before anything is written:
/// an unknown or withdrawn code (with its replacement), an unknown UPN, an impossible
/// date, a day that is not a school session, a session other than AM or PM. A pupil's
/// marks go in the register of their form.
public struct MarksImport: Sendable {
    public static let required = ["upn", "date", "session", "code"]
    public static let optional = ["minutes_late", "note"]

    public let entries: [MarkEntry]
    /// The file line of each entry, for reporting amendments.
    public let lines: [Int]
    public let warnings: [ImportProblem]

    /// A session after `today` takes only a code that can be known in advance
    /// (`AttendanceCode.canBeRecordedInAdvance`).
    public init(
        table: CSVTable, file: String, pupils: [Pupil], calendar: SchoolCalendar, today: CalendarDate,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws(ImportFailure) {
        let columns: CSVColumns
        (columns, warnings) = try CSVColumns.forImport(table, file: file, required: Self.required, optional: Self.optional)
        let pupilsByUPN = Dictionary(pupils.map { ($0.upn, $0) }, uniquingKeysWith: { $1 })
        let upnColumn = columns.index(of: "upn"), dateColumn = columns.index(of: "date"), sessionColumn = columns.index(of: "session")
        let codeColumn = columns.index(of: "code"), minutesColumn = columns.index(of: "minutes_late"), noteColumn = columns.index(of: "note")
        var problems: [ImportProblem] = []
        var entries: [MarkEntry] = []
        var lines: [Int] = []
        var seen: [UPN: [Session: (line: Int, code: AttendanceCode)]] = [:]
        entries.reserveCapacity(table.rows.count)
        for (index, row) in table.rows.enumerated() {
            if index % 10_000 == 0 { progress(index, table.rows.count) }
            func problem(_ message: String) { problems.append(ImportProblem(file: file, line: row.line, message)) }
            let before = problems.count
            var pupil: Pupil?
            let upnText = columns.value(at: upnColumn, in: row) ?? ""
            do {
                let upn = try UPN(upnText)
                pupil = pupilsByUPN[upn]
                if pupil == nil { problem("UPN \(upn) is not a pupil of the school (import pupils first)") }
            } catch {
                problem(upnText.isEmpty ? "upn is empty" : error.description)
            }
            let dateText = columns.value(at: dateColumn, in: row) ?? ""
            let date = CalendarDate(dateText)
            if date == nil { problem("date \(EntryLimits.quoted(dateText)) is not a date like 2025-09-03") }
            let partText = columns.value(at: sessionColumn, in: row) ?? ""
            let part = Session.Part(rawValue: partText.uppercased())
            if part == nil { problem("session \(EntryLimits.quoted(partText)) is not AM or PM") }
            var code: AttendanceCode?
            do {
                code = try AttendanceCode.parse(columns.value(at: codeColumn, in: row) ?? "")
            } catch {
                problem("code: \(error.description)")
            }
            var minutesLate: Int?
            if let text = columns.value(at: minutesColumn, in: row) {
                minutesLate = Int(text)
                if minutesLate.map({ $0 < 0 }) ?? true { problem("minutes_late \(EntryLimits.quoted(text)) is not a whole number of minutes") }
                if let minutes = minutesLate, let wrong = EntryLimits.minutesLateProblem(minutes) { problem("minutes_late: \(wrong)") }
                if let code, code != .late, code != .arrivedAfterRegisterClosed { problem("minutes_late is only for L or U, not \(code.symbol)") }
            }
            var session: Session?
            if let date, let part {
                session = Session(date, part)
                if !calendar.isSchoolSession(Session(date, part)) {
                    problem("\(date) \(part.rawValue) is not a school session in the calendar")
                } else if let pupil, !pupil.isOnRoll(on: date) {
                    problem("\(pupil.upn) is not on roll on \(date)")
                } else if let code, !code.mayBeRecorded(for: Session(date, part), today: today) {
                    problem("\(date) is after today (\(today)): \(AttendanceCode.inAdvanceRule) for it, not \(code.symbol)")
                }
            }
            let note = columns.value(at: noteColumn, in: row)
            if let note, let wrong = EntryLimits.textProblem(note) { problem("note \(wrong)") }
            guard problems.count == before, let pupil, let session, let code = code?.recorded(in: session.part) else { continue }
            if let earlier = seen[pupil.upn]?[session], earlier.code != code {
                problem("\(pupil.upn) \(session) is also on line \(earlier.line) with a different code (\(earlier.code.symbol))")
                continue
            }
            seen[pupil.upn, default: [:]][session] = (row.line, code)
            entries.append(MarkEntry(
                upn: pupil.upn, group: pupil.form, session: session,
                mark: Mark(code, minutesLate: minutesLate, note: note), formerGroups: pupil.formerForms ?? []))
            lines.append(row.line)
        }
        progress(table.rows.count, table.rows.count)
        if !problems.isEmpty { throw ImportFailure(problems) }
        self.entries = entries
        self.lines = lines
    }

    /// The academic years the marks fall in, to read what the store already holds.
    public var academicYears: Set<String> {
        Set(Set(entries.map(\.session.date)).map(AcademicYear.name(containing:)))
    }

    /// Rows that would change a mark already in the register, each a problem when no
    /// reason is given: a change is an amendment and must say why.
    public func amendmentsWithoutReason(book: AttendanceBook, file: String) -> [ImportProblem] {
        zip(entries, lines).compactMap { entry, line in
            guard let mark = entry.mark, let existing = book.mark(for: entry.upn, at: entry.session), mark.amends(existing) else { return nil }
            func shown(_ mark: Mark) -> String {
                mark.code.symbol + (mark.minutesLate.map { " (\($0) minutes late)" } ?? "") + (mark.note.map { " with the note '\($0.prefix(40))'" } ?? "")
            }
            return ImportProblem(file: file, line: line,
                                 "\(entry.upn) \(entry.session) already has \(shown(existing)); changing it to \(shown(mark)) is an amendment: give --reason")
        }
    }
}
