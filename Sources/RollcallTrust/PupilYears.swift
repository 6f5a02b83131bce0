import Foundation
import NIOCore
import PostgresNIO
import RollcallCore

/// Reads pupils' years of codes and minutes late (`pupil_years`) back into attendance
/// books, one per school, for Core's rules to walk as they walk a school's own: the
/// trust's figures are worked out by the same calls as the school's. Every byte is
/// checked to be a code, and every minute to be a late mark's that a register could hold.
enum PupilYears {
    /// Each school's book of the days asked for, from the years they touch.
    /// A school with a year that is not one a publish writes is left out and named in `unreadable`.
    /// The minutes of late marks are read only when `minutesLate` asks: a pupil's history
    /// shows them, and no count does (a year of a trust's minutes would triple a report's time).
    static func books(covering days: ClosedRange<CalendarDate>, schools: [String]? = nil, minutesLate: Bool = false,
                      unreadable: UnreadableSchools, on connection: PostgresConnection) async throws -> [String: AttendanceBook] {
        var books: [String: AttendanceBook] = [:]
        let rows = try await connection.query("""
            SELECT school, academic_year, upn, codes, CASE WHEN \(minutesLate) THEN minutes_late::text END FROM pupil_years
            WHERE academic_year = ANY(\(SchoolRecords.academicYears(covering: days))) AND (\(schools == nil) OR school = ANY(\(schools ?? [])))
            """, logger: TrustDatabase.logger)
        for try await (school, year, upnText, codes, minutes) in rows.decode((String, String, String, ByteBuffer, String?).self) {
            let bytes = Array(codes.readableBytesView)
            guard let upn = try? UPN(upnText), let span = AcademicYear.span(named: year), bytes.count <= 2 * 366,
                  bytes.allSatisfy({ $0 == 0 || AttendanceCode.numbers.contains($0) }) else {
                unreadable.record(school, "codes for pupil \(TerminalText.visible(upnText)) in \(year)")
                continue
            }
            let first = Session(span.lowerBound, .am)
            guard let late = lateMarks(minutes, codes: bytes, from: first) else {
                unreadable.record(school, "minutes late for pupil \(upn.text) in \(year)")
                continue
            }
            var book = books.removeValue(forKey: school) ?? AttendanceBook(span: days)
            let row = book.rowNumber(for: upn)
            book.record(codes: bytes[...], row: row, from: first)
            for (session, mark) in late { book.record(mark, row: row, session: session) }
            books[school] = book
        }
        for school in books.keys where unreadable.contains(school) { books[school] = nil }
        return books
    }

    /// The marks `json` gives minutes late for (`{"2025-11-17 AM": 12}`), each at a half day
    /// `codes` has a mark for, within a session's length: as a register holds them; nil if any is not.
    private static func lateMarks(_ json: String?, codes: [UInt8], from first: Session) -> [(Session, Mark)]? {
        guard let json else { return [] }
        guard let minutes = try? JSONDecoder().decode([String: Int].self, from: Data(json.utf8)) else { return nil }
        var marks: [(Session, Mark)] = []
        for (key, late) in minutes {
            guard let session = Session(key), codes.indices.contains(session.ordinal - first.ordinal),
                  let code = AttendanceCode.numbered(codes[session.ordinal - first.ordinal]),
                  EntryLimits.minutesLateProblem(late) == nil else { return nil }
            marks.append((session, Mark(code, minutesLate: late)))
        }
        return marks
    }
}
