import NIOCore
import PostgresNIO
import RollcallCore

/// Reads pupils' years of codes (`pupil_years`) back into attendance books, one per
/// school, for Core's rules to walk as they walk a school's own: the trust's figures are
/// worked out by the same calls as the school's. Every byte is checked to be a code.
enum PupilYears {
    /// Each school's book of the days asked for, from the years they touch.
    /// A school with a year that is not one a publish writes is left out and named in `unreadable`.
    static func books(covering days: ClosedRange<CalendarDate>, schools: [String]? = nil, unreadable: UnreadableSchools,
                      on connection: PostgresConnection) async throws -> [String: AttendanceBook] {
        var books: [String: AttendanceBook] = [:]
        let rows = try await connection.query("""
            SELECT school, academic_year, upn, codes FROM pupil_years
            WHERE academic_year = ANY(\(SchoolRecords.academicYears(covering: days))) AND (\(schools == nil) OR school = ANY(\(schools ?? [])))
            """, logger: TrustDatabase.logger)
        for try await (school, year, upnText, codes) in rows.decode((String, String, String, ByteBuffer).self) {
            let bytes = Array(codes.readableBytesView)
            guard let upn = try? UPN(upnText), let span = AcademicYear.span(named: year), bytes.count <= 2 * 366,
                  bytes.allSatisfy({ $0 == 0 || AttendanceCode.numbers.contains($0) }) else {
                unreadable.record(school, "codes for pupil \(TerminalText.visible(upnText)) in \(year)")
                continue
            }
            var book = books.removeValue(forKey: school) ?? AttendanceBook(span: days)
            book.record(codes: bytes[...], row: book.rowNumber(for: upn), from: Session(span.lowerBound, .am))
            books[school] = book
        }
        for school in books.keys where unreadable.contains(school) { books[school] = nil }
        return books
    }
}
