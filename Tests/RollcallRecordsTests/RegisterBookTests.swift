import Foundation
import RollcallCore
import RollcallExchange
import RollcallRecords
import RollcallStore
import Testing

@Suite("The marks a register screen reads")
struct RegisterBookTests {
    func upn(_ body: String) -> UPN { (try? UPN(body: body))! }
    func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test func aFormReadsItsOwnFileUnlessAPupilMovedIn() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("register-book-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try Store.create(at: .init(root), school: School(name: "Test"))
        let calendar = try SchoolCalendar(years: [AcademicYear(name: "2025-26", terms: [
            Term(name: "Autumn 1", start: day("2025-09-01"), end: day("2025-10-24")),
        ])])
        try store.saveAcademicYear(calendar.years[0], today: day("2025-09-01"))
        let stayer = Pupil(upn: upn("938432125001"), surname: "Stay", forename: "S", dateOfBirth: day("2014-01-01"), yearGroup: 7, form: "7A")
        let other = Pupil(upn: upn("938432125002"), surname: "Other", forename: "O", dateOfBirth: day("2014-01-01"), yearGroup: 7, form: "7B")
        let tutor = Recorder(login: "t")
        var entries: [MarkEntry] = []
        for date in ["2025-09-01", "2025-09-02"] {
            entries.append(MarkEntry(upn: stayer.upn, group: "7A", session: Session(day(date), .am), mark: Mark(.presentAM)))
            entries.append(MarkEntry(upn: other.upn, group: "7B", session: Session(day(date), .am), mark: Mark(.illness)))
        }
        try store.record(entries, by: tutor, at: Date())
        let session = Session(day("2025-09-02"), .am)
        // 7A's pupils all have their first mark in 7A's file: 7B's file is not read.
        let own = try RegisterBook.load(from: store, group: "7A", session: session, pupils: [stayer, other], calendar: calendar,
                                        today: day("2025-09-02"))
        #expect(own.code(for: stayer.upn, at: session) == .presentAM)
        #expect(own.code(for: other.upn, at: session) == nil)
        // The other pupil moves to 7A: their earlier marks are in 7B's file, so all is read.
        var moved = other
        moved.form = "7A"
        let all = try RegisterBook.load(from: store, group: "7A", session: session, pupils: [stayer, moved], calendar: calendar,
                                        today: day("2025-09-02"))
        #expect(all.code(for: moved.upn, at: session) == .illness)
    }
}
