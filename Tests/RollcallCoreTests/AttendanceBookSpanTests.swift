import Testing
@testable import RollcallCore

/// A book keeps the marks of its span only: a run of codes copied in from a year's digest
/// may start before the span, end after it, or miss it altogether (a penalty window's
/// book reading a whole year), and only the sessions inside are kept.
@Suite("A book keeps its span")
struct AttendanceBookSpanTests {
    let upn = try! UPN("A123456789012")
    /// Monday 8 to Friday 12 September 2025: 10 half days.
    let week = day("2025-09-08")...day("2025-09-12")

    func codes(_ text: String) -> ArraySlice<UInt8> {
        text.map { $0 == "/" ? AttendanceCode.presentAM.number : $0 == "O" ? AttendanceCode.otherUnauthorised.number : 0 }[...]
    }

    @Test func codesReachingPastEitherEndKeepOnlyTheSessionsInside() {
        var book = AttendanceBook(span: week)
        let row = book.rowNumber(for: upn)
        // From Saturday 6 September: 4 half days before Monday, then O on Monday morning,
        // then a present mark each half day to Friday afternoon, then 2 past the end.
        book.record(codes: codes("////O/////////OO"), row: row, from: Session(day("2025-09-06"), .am))
        #expect(book.code(for: upn, at: Session(day("2025-09-08"), .am)) == .otherUnauthorised)
        #expect(book.code(for: upn, at: Session(day("2025-09-12"), .pm)) == .presentAM)
        #expect(book.marks(for: upn).count == 10)
        // A run wholly before the span, or wholly after it, changes nothing.
        book.record(codes: codes("OOOO"), row: row, from: Session(day("2025-09-01"), .am))
        book.record(codes: codes("OOOO"), row: row, from: Session(day("2025-09-15"), .am))
        #expect(book.marks(for: upn).map(\.mark.code).count(where: { $0 == .otherUnauthorised }) == 1)
        // No mark (0) leaves what a file before gave: a pupil who moved form mid-week.
        book.record(codes: codes("..O"), row: row, from: Session(day("2025-09-08"), .am))
        #expect(book.code(for: upn, at: Session(day("2025-09-08"), .am)) == .otherUnauthorised)
        #expect(book.code(for: upn, at: Session(day("2025-09-09"), .am)) == .otherUnauthorised)
    }
}
