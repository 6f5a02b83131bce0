import Foundation
import RollcallCore
@testable import RollcallStore
import SystemPackage
import Testing

@Suite("The store: files, round trips and refusals")
struct StoreBasicsTests {
    let pupilA = drillUPN(group: 0, pupil: 1)
    let pupilB = drillUPN(group: 0, pupil: 2)

    @Test func aNewStoreOpensAgainWithItsSchool() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let reopened = try Store.open(at: temporary.store.root)
        #expect(try reopened.school().name == "Test Academy")
        #expect(try reopened.school().registerOpenMinutes == 30)
        #expect(try temporary.contents("store.json").contains("\"schemaVersion\" : 3"))
    }

    @Test func aDirectoryWithoutAStoreIsNotOpenedAndAStoreIsNotCreatedTwice() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        #expect(throws: StoreError.notAStore(path: temporary.root.string)) {
            try Store.open(at: temporary.root)
        }
        #expect(throws: StoreError.alreadyAStore(path: temporary.store.root.string)) {
            try Store.create(at: temporary.store.root, school: School(name: "Again"))
        }
    }

    @Test func aStoreFromANewerRollcallIsRefusedAndLeftAlone() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        try temporary.write("store.json", "{\"schemaVersion\": 4}\n")
        #expect(throws: StoreError.newerSchema(path: temporary.path("store.json"), found: 4, supported: 3)) {
            try Store.open(at: temporary.store.root)
        }
        #expect(try temporary.contents("store.json") == "{\"schemaVersion\": 4}\n")
    }

    @Test func marksRoundTripThroughReadableJSON() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let summary = try temporary.store.record([
            MarkEntry(upn: pupilA, group: "7A", session: am("2025-09-03"), mark: Mark(.presentAM)),
            MarkEntry(upn: pupilB, group: "7A", session: am("2025-09-03"), mark: Mark(.late, minutesLate: 7, note: "bus \"late\"")),
        ], by: tutor, at: nine)
        #expect(summary.recorded == 2)
        let register = try Store.open(at: temporary.store.root).register(group: "7A", session: am("2025-09-03"))
        #expect(register.marks[pupilA] == Mark(.presentAM))
        #expect(register.marks[pupilB] == Mark(.late, minutesLate: 7, note: "bus \"late\""))
        #expect(register.takenBy == "jsmith")
        #expect(register.takenAt == nine)
        let text = try temporary.contents("marks/2025-26/7A.json")
        #expect(text.contains("\"2025-09-03 AM\": {\"takenBy\": \"jsmith\", \"takenAt\": \"2025-09-03T09:00:00Z\", \"marks\": {"))
        #expect(text.contains("\"\(pupilA)\": \"/\""))
        #expect(text.contains("{\"code\": \"L\", \"minutesLate\": 7, \"note\": \"bus \\\"late\\\"\"}"))
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }

    @Test func anAutumnAndASummerMarkGoToTheirOwnAcademicYears() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        try temporary.store.record([
            MarkEntry(upn: pupilA, group: "10/RBW", session: pm("2025-07-22"), mark: Mark(.presentPM)),
            MarkEntry(upn: pupilA, group: "10/RBW", session: am("2025-09-03"), mark: Mark(.presentAM)),
        ], by: tutor, at: nine)
        #expect(temporary.store.academicYearsWithMarks() == ["2024-25", "2025-26"])
        #expect(FileManager.default.fileExists(atPath: temporary.path("marks/2024-25/10%2FRBW.json")))
        #expect(try temporary.store.registers(academicYear: "2024-25").map(\.session) == [pm("2025-07-22")])
    }

    @Test func marksFilesAreEachGroupsFileAsOnDisk() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        try temporary.store.record([
            MarkEntry(upn: pupilA, group: "7B", session: am("2025-09-03"), mark: Mark(.presentAM)),
            MarkEntry(upn: pupilB, group: "7A", session: am("2025-09-03"), mark: Mark(.late, minutesLate: 7)),
            MarkEntry(upn: pupilB, group: "7A", session: pm("2025-09-03"), mark: Mark(.illness)),
        ], by: tutor, at: nine)
        let files = try temporary.store.marksFiles(academicYear: "2025-26")
        #expect(files.map(\.group) == ["7A", "7B"])
        #expect(String(decoding: files[0].bytes, as: UTF8.self) == (try temporary.contents("marks/2025-26/7A.json")))
        // A file changed on disk is given as it now is: its digest differs, and the year is read again.
        try temporary.write("marks/2025-26/7B.json", "{\"schemaVersion\": 1, \"group\": \"7B\", \"registers\": 5}\n")
        #expect(String(decoding: try temporary.store.marksFiles(academicYear: "2025-26")[1].bytes, as: UTF8.self)
                == "{\"schemaVersion\": 1, \"group\": \"7B\", \"registers\": 5}\n")
        #expect(try temporary.store.marksFiles(academicYear: "2019-20").isEmpty)
    }

    @Test func recordingTheSameMarksAgainChangesNothing() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let entries = [MarkEntry(upn: pupilA, group: "7A", session: am("2025-09-03"), mark: Mark(.presentAM))]
        try temporary.store.record(entries, by: tutor, at: nine)
        let before = try temporary.contents("marks/2025-26/7A.json")
        let again = try temporary.store.record(entries, by: lead, at: nine.addingTimeInterval(60))
        #expect(again.unchanged == 1 && again.recorded == 0 && again.amendments.isEmpty)
        #expect(try temporary.contents("marks/2025-26/7A.json") == before)
        #expect(try temporary.store.amendments().isEmpty)
    }

    @Test func anAmendmentWithoutAReasonIsRefusedAndNothingIsWritten() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        try temporary.store.record([MarkEntry(upn: pupilA, group: "7A", session: am("2025-09-03"), mark: Mark(.reasonNotYetEstablished))], by: tutor, at: nine)
        let before = try temporary.contents("marks/2025-26/7A.json")
        #expect(throws: StoreError.self) {
            try temporary.store.record([
                MarkEntry(upn: pupilB, group: "7A", session: am("2025-09-03"), mark: Mark(.presentAM)),
                MarkEntry(upn: pupilA, group: "7A", session: am("2025-09-03"), mark: Mark(.illness)),
            ], by: lead, at: nine)
        }
        #expect(try temporary.contents("marks/2025-26/7A.json") == before)
    }

    @Test func anAmendmentIsAuditedWithWhoWhenWhyAndTheOriginal() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        try temporary.store.record([MarkEntry(upn: pupilA, group: "7A", session: am("2025-09-03"), mark: Mark(.reasonNotYetEstablished))], by: tutor, at: nine)
        let later = nine.addingTimeInterval(86_400)
        let summary = try temporary.store.record(
            [MarkEntry(upn: pupilA, group: "7A", session: am("2025-09-03"), mark: Mark(.illness))],
            by: lead, at: later, reason: "Mother phoned: flu")
        #expect(summary.amendments.count == 1)
        let entries = try temporary.store.amendments()
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.sequence == 1)
        #expect(entry.previousHash == ChainedLog.genesis)
        #expect(entry.amendment.original == .reasonNotYetEstablished)
        #expect(entry.amendment.amended == .illness)
        #expect(entry.amendment.reason == "Mother phoned: flu")
        #expect(entry.amendment.by == lead)
        #expect(entry.amendment.at == later)
        #expect(entry.amendment.session == am("2025-09-03"))
        #expect(try temporary.store.register(group: "7A", session: am("2025-09-03")).marks[pupilA] == Mark(.illness))
        let line = try temporary.contents("audit/amendments.jsonl")
        #expect(line.hasPrefix("{\"seq\":1,\"txn\":"))
        #expect(line.contains("\"upn\":\"\(pupilA)\",\"group\":\"7A\",\"date\":\"2025-09-03\",\"session\":\"AM\",\"old_code\":\"N\",\"new_code\":\"I\",\"reason\":\"Mother phoned: flu\",\"at\":\"2025-09-04T09:00:00Z\",\"by\":\"akhan\",\"name\":\"Asha Khan\",\"role\":\"attendance_lead\""))
        #expect(temporary.store.check().isEmpty)
    }

    @Test func pupilsKeepTheirNamesExactly() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let pupil = Pupil(upn: pupilA, surname: "O'Brien", forename: "Zoë", preferredName: "Zo",
                          dateOfBirth: day("2013-04-02"), yearGroup: 7, form: "7A", sex: .female,
                          sen: .support, fsm: true, hasSocialWorker: true, leavingDate: day("2026-02-13"))
        try temporary.store.updatePupils(today: day("2025-09-08")) { $0.append(pupil) }
        try temporary.store.updatePupils(today: day("2025-09-08")) { $0.append(Pupil(upn: pupilB, surname: "Wiśniewski", forename: "Łukasz", dateOfBirth: day("2013-01-09"), yearGroup: 7, form: "7A")) }
        let stored = try temporary.store.pupils()
        #expect(Set(stored) == [pupil, Pupil(upn: pupilB, surname: "Wiśniewski", forename: "Łukasz", dateOfBirth: day("2013-01-09"), yearGroup: 7, form: "7A")])
        #expect(stored.map(\.upn) == stored.map(\.upn).sorted())
        #expect(try temporary.contents("pupils.json").contains("\"surname\" : \"O'Brien\""))
    }

    @Test func anErrorInAnUpdateWritesNothing() throws {
        struct Refused: Error {}
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        #expect(throws: Refused.self) {
            try temporary.store.updatePupils(today: day("2025-09-08")) { _ in throw Refused() }
        }
        #expect(!FileManager.default.fileExists(atPath: temporary.path("pupils.json")))
    }

    @Test func theCalendarIsStoredPerYearAndJoined() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        try temporary.store.saveAcademicYear(AcademicYear(name: "2024-25", terms: [Term(name: "Summer", start: day("2025-06-02"), end: day("2025-07-22"))]),
                                            today: day("2025-09-01"))
        try temporary.store.saveAcademicYear(AcademicYear(name: "2025-26", terms: [Term(name: "Autumn", start: day("2025-09-03"), end: day("2025-12-19"))],
                                                          closures: [Closure(date: day("2025-11-03"), parts: [.am, .pm], reason: "INSET")]),
                                            today: day("2025-09-01"))
        let calendar = try temporary.store.calendar()
        #expect(calendar.years.map(\.name) == ["2024-25", "2025-26"])
        #expect(!calendar.isSchoolDay(day("2025-11-03")))
        #expect(calendar.schoolWeeks(endingWith: day("2025-09-05"), count: 2).map(\.monday) == [day("2025-07-21"), day("2025-09-01")])
        #expect(try temporary.contents("calendar/2025-26.json").contains("\"sessions\" : \"AM+PM\""))
    }

    @Test func theStoreIsFoundFromTheOptionTheEnvironmentOrTheXDGDirectory() {
        #expect(StoreLocation.resolve(option: "/srv/school", environment: ["ROLLCALL_STORE": "/x"]) == "/srv/school")
        #expect(StoreLocation.resolve(option: nil, environment: ["ROLLCALL_STORE": "/x", "HOME": "/home/t"]) == "/x")
        #expect(StoreLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/t"]) == "/data/rollcall")
        #expect(StoreLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/t"]) == "/home/t/.local/share/rollcall")
        #expect(StoreLocation.resolve(option: nil, environment: ["HOME": "/home/t"]) == "/home/t/.local/share/rollcall")
    }
}
