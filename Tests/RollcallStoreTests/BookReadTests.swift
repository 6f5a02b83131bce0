import Foundation
import RollcallCore
@testable import RollcallStore
import Testing

@Suite("Reading a year into a book, and pupils, without Foundation's decoder")
struct BookReadTests {
    let tutor = Recorder(login: "jsmith")

    @Test func theBookFromTheScannerHoldsWhatTheRegistersHold() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = temporary.store
        let ann = drillUPN(group: 0, pupil: 1), ben = drillUPN(group: 0, pupil: 2), cal = drillUPN(group: 1, pupil: 1)
        try store.record([
            MarkEntry(upn: ann, group: "7A", session: am("2025-09-03"), mark: Mark(.presentAM)),
            MarkEntry(upn: ben, group: "7A", session: am("2025-09-03"), mark: Mark(.late, minutesLate: 9, note: "Bus \"42\"")),
            MarkEntry(upn: ann, group: "7A", session: pm("2025-09-03"), mark: Mark(.reasonNotYetEstablished)),
            MarkEntry(upn: ben, group: "7A", session: pm("2025-09-03"), mark: Mark(.presentPM)),
            // Ben's marks in another form's file (he moved), and a mark of the next year.
            MarkEntry(upn: ben, group: "7B", session: am("2025-09-04"), mark: Mark(.illness)),
            MarkEntry(upn: cal, group: "7B", session: am("2025-09-04"), mark: Mark(.educationalVisit)),
            MarkEntry(upn: cal, group: "8B", session: am("2026-09-07"), mark: Mark(.presentAM)),
        ], by: tutor, at: Date())
        let book = try store.book(academicYears: ["2025-26"])
        let reference = AttendanceBook(registers: try store.registers(academicYear: "2025-26"))
        for upn in [ann, ben, cal] {
            #expect(book.marks(for: upn).map { "\($0.session) \($0.mark)" } == reference.marks(for: upn).map { "\($0.session) \($0.mark)" })
        }
        #expect(book.mark(for: ben, at: am("2025-09-03")) == Mark(.late, minutesLate: 9, note: "Bus \"42\""))
        #expect(book.code(for: ann, at: pm("2025-09-03")) == .reasonNotYetEstablished)
        #expect(book.sessions(of: ben, coded: .illness) == [am("2025-09-04")])
        // Only the years asked for.
        #expect(book.code(for: cal, at: am("2026-09-07")) == nil)
        #expect(try store.book(academicYears: ["2025-26", "2026-27"]).code(for: cal, at: am("2026-09-07")) == .presentAM)
    }

    @Test func pupilsReadQuicklyAreThePupilsWritten() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let pupils = [
            Pupil(upn: drillUPN(group: 0, pupil: 1), surname: "Ó Súilleabháin", forename: "Zoë", preferredName: "Zo",
                  dateOfBirth: day("2014-01-01"), yearGroup: 7, form: "7A", sex: .female, sen: .ehcPlan, fsm: true, eal: true,
                  hasSocialWorker: true, hasYouthJusticeWorker: true, isLookedAfter: true,
                  admissionDate: day("2025-09-03"), leavingDate: day("2026-03-31")),
            Pupil(upn: drillUPN(group: 0, pupil: 2), surname: "Quote \"Q\" \\ Back", forename: "Ben", dateOfBirth: day("2013-12-31"),
                  yearGroup: 8, form: "8/B"),
        ]
        try temporary.store.updatePupils(today: day("2025-09-08")) { $0 = pupils }
        let bytes = try #require(FileManager.default.contents(atPath: temporary.path("pupils.json")))
        // Kept in UPN order.
        #expect(Store.PupilsFile.fastRead(Array(bytes))?.pupils == [pupils[1], pupils[0]])
        #expect(try temporary.store.pupils() == [pupils[1], pupils[0]])
        // A file the fast reader does not know (a field from elsewhere) falls back to the
        // decoder, which ignores nothing silently: it still reads the pupils it knows.
        try temporary.write("pupils.json", #"{"pupils": [{"upn": "\#(pupils[1].upn.text)", "surname": "B", "forename": "Ben", "dateOfBirth": "2013-12-31", "yearGroup": 8, "form": "8B", "sen": "N", "fsm": false, "eal": false, "hasSocialWorker": false, "hasYouthJusticeWorker": false, "isLookedAfter": false, "house": "Red"}]}"#)
        #expect(Store.PupilsFile.fastRead(Array(try #require(FileManager.default.contents(atPath: temporary.path("pupils.json"))))) == nil)
        #expect(try temporary.store.pupils().map(\.surname) == ["B"])
    }
}
