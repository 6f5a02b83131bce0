#if canImport(Glibc)
import Glibc
#endif
import Foundation
import RollcallCore
@testable import RollcallStore
import SystemPackage
import Testing

/// Attacks on the record that once got past the store, each played as the attack: a
/// register left open across a change of form, a log removed with its head, a pupil
/// given twice in a register, a second name for a file, a folder others may write, a
/// crash's leftovers mistaken for faults.
@Suite("What is gone, doubled or stale is seen")
struct StoreRecordAttacksTests {
    let ann = drillUPN(group: 0, pupil: 1), ben = drillUPN(group: 0, pupil: 2)
    let files = FileManager.default

    /// The trust tests' 7A on Wednesday 3 September, with Ann and Ben on its roll.
    func school() throws -> TemporaryStore {
        let temporary = try StoreDistrustTests().school()
        try temporary.store.updatePupils(today: day("2025-09-03")) { pupils in
            pupils = [ann, ben].map { Pupil(upn: $0, surname: "S\($0.text.suffix(1))", forename: "F", dateOfBirth: day("2014-01-01"), yearGroup: 7, form: "7A") }
        }
        return temporary
    }

    // MARK: A register opened before a pupil moved form

    @Test func theOldFormsTutorCannotMarkAPupilWhoHasMoved() throws {
        let temporary = try school()
        defer { temporary.remove() }
        // 7A's tutor opens Thursday's register and marks Ben: the store has read the pupils as they are.
        try temporary.store.record([MarkEntry(upn: ben, group: "7A", session: am("2025-09-04"), mark: Mark(.presentAM))], by: tutor, at: nine)
        // The office moves Ann to 7B while 7A's tutor still has Thursday's register open.
        try temporary.store.updatePupils(today: day("2025-09-04")) { pupils in
            pupils = pupils.map { $0.upn == ann ? $0.moved(to: "7B") : $0 }
        }
        let stale = MarkEntry(upn: ann, group: "7A", session: am("2025-09-04"), mark: Mark(.presentAM))
        #expect(throws: StoreError.pupilMoved(name: "S1, F", upn: ann.text, group: "7A", form: "7B")) {
            try temporary.store.record([stale], by: tutor, at: nine)
        }
        #expect(try temporary.store.register(group: "7A", session: am("2025-09-04")).marks.keys.sorted() == [ben])
        // 7B's tutor marks her, once.
        try temporary.store.record([MarkEntry(upn: ann, group: "7B", session: am("2025-09-04"), mark: Mark(.presentAM))], by: tutor, at: nine)
        #expect(temporary.store.check().isEmpty)
        // A mark 7A's register holds from before the move is still amended there, where it is.
        let amended = try temporary.store.record([MarkEntry(upn: ann, group: "7A", session: pm("2025-09-03"), mark: Mark(.illness))],
                                                 by: lead, at: nine, reason: "Mum phoned")
        #expect(amended.amendments.count == 1)
        // And a screen that never heard of the move, marking in 7B, changes 7A's mark rather than add a second.
        let fromNewForm = try temporary.store.record([MarkEntry(upn: ann, group: "7B", session: am("2025-09-03"), mark: Mark(.medicalAppointment))],
                                                     by: lead, at: nine, reason: "Dentist letter")
        #expect(fromNewForm.amendments.map(\.group) == ["7A"])
        #expect(try temporary.store.register(group: "7B", session: am("2025-09-03")).marks.isEmpty)
        #expect(temporary.store.check().isEmpty)
    }

    // MARK: A chained log removed with its head

    func logged(_ temporary: TemporaryStore) throws {
        try temporary.store.log([try Intervention(upn: ann, date: day("2025-09-03"), kind: .letter, note: "sent")], by: lead, at: nine)
        try temporary.store.log([try Intervention(upn: ann, date: day("2025-09-04"), kind: .meeting, note: "met")], by: lead, at: nine)
    }

    @Test func aLogRemovedWithItsHeadIsNamedByCheckAndByEveryCommandAndTakesNoMore() throws {
        let temporary = try school()
        defer { temporary.remove() }
        try logged(temporary)
        try files.removeItem(atPath: temporary.path("audit/interventions.jsonl"))
        try files.removeItem(atPath: temporary.path("audit/interventions.head.json"))
        let problems = temporary.store.check()
        #expect(problems.contains { $0.description.contains("interventions.jsonl") && $0.description.contains("the log is gone but the store's list of logs (heads.json) says 2 entries were written") },
                "\(problems)")
        let reopened = try Store.open(at: temporary.store.root)
        #expect(reopened.notices.pending.contains { $0.hasPrefix("audit/interventions.jsonl and interventions.head.json are missing") }, "\(reopened.notices.pending)")
        #expect(throws: StoreError.self) {
            try reopened.log([try Intervention(upn: ann, date: day("2025-09-05"), kind: .letter, note: "again")], by: lead, at: nine)
        }
        #expect(!files.fileExists(atPath: temporary.path("audit/interventions.jsonl")))
        #expect(!files.fileExists(atPath: temporary.path("audit/interventions.head.json")))
    }

    @Test func aLogWhoseHeadAloneIsRemovedTakesNoMoreAndCheckNamesIt() throws {
        let temporary = try school()
        defer { temporary.remove() }
        try logged(temporary)
        try files.removeItem(atPath: temporary.path("audit/interventions.head.json"))
        #expect(temporary.store.check().contains { $0.description.contains("interventions.head.json") })
        #expect(throws: StoreError.self) {
            try temporary.store.log([try Intervention(upn: ann, date: day("2025-09-05"), kind: .letter, note: "again")], by: lead, at: nine)
        }
        #expect(!files.fileExists(atPath: temporary.path("audit/interventions.head.json")))
    }

    @Test func aStoreFromBeforeTheListIsListedWhenOpened() throws {
        let temporary = try school()
        defer { temporary.remove() }
        try logged(temporary)
        try files.removeItem(atPath: temporary.path("audit/heads.json"))
        try temporary.write("store.json", "{\"schemaVersion\": 2}")
        let upgraded = try Store.open(at: temporary.store.root)
        #expect(try temporary.contents("store.json").contains("3"))
        #expect(try temporary.contents("audit/heads.json").contains("\"interventions\""))
        #expect(upgraded.check().isEmpty)
    }

    // MARK: A pupil given twice in a register

    @Test func aPupilGivenTwiceInARegisterIsRefusedByReadersAndNamedByCheck() throws {
        let temporary = try school()
        defer { temporary.remove() }
        let text = try temporary.contents("marks/2025-26/7A.json")
        // A hand edit leaves Ann's Wednesday morning twice: present, then N. A decoder keeps the last.
        let doubled = text.replacingOccurrences(of: "\"\(ann.text)\": \"/\"", with: "\"\(ann.text)\": \"/\", \"\(ann.text)\": \"N\"")
        #expect(doubled != text)
        try temporary.write("marks/2025-26/7A.json", doubled)
        let expected = StoreError.damaged(path: temporary.path("marks/2025-26/7A.json"), line: nil, field: "registers.2025-09-03 AM.marks.\(ann.text)",
                                          detail: "pupil \(ann.text) is given twice in the register of 2025-09-03 AM: which mark stands cannot be known, so the file is not read; mend it from a backup")
        #expect(throws: expected) { try temporary.store.register(group: "7A", session: am("2025-09-03")) }
        #expect(throws: expected) { try temporary.store.book(academicYears: ["2025-26"]) }
        #expect(temporary.store.check().contains(expected))
    }

    @Test func aRegisterGivenTwiceIsRefusedToo() throws {
        let temporary = try school()
        defer { temporary.remove() }
        let text = try temporary.contents("marks/2025-26/7A.json")
        let line = try #require(text.split(separator: "\n").first { $0.contains("\"2025-09-03 AM\"") })
        let register = line.hasSuffix(",") ? String(line.dropLast()) : String(line)
        try temporary.write("marks/2025-26/7A.json", text.replacingOccurrences(of: register, with: register + ",\n" + register))
        #expect(throws: StoreError.self) { try temporary.store.register(group: "7A", session: pm("2025-09-03")) }
        #expect(temporary.store.check().contains { $0.description.contains("the register of 2025-09-03 AM is given twice") })
    }

    @Test func aKeyOrAPupilGivenTwiceInAnyFileIsNamedByCheck() throws {
        let temporary = try school()
        defer { temporary.remove() }
        try temporary.store.saveStaff { $0 = StaffList(members: [StaffMember(login: "head", name: "Head", role: .admin)]) }
        let staff = try temporary.contents("staff.json")
        // A hand edit gives the head a second role: the decoder would keep "tutor".
        try temporary.write("staff.json", staff.replacingOccurrences(of: "\"role\" : \"admin\"", with: "\"role\" : \"admin\", \"role\" : \"tutor\""))
        #expect(temporary.store.check().contains(.damaged(path: temporary.path("staff.json"), line: nil, field: "members.role",
                                                          detail: "this key is given twice: which value stands cannot be known; mend it from a backup")))
        try temporary.write("staff.json", staff)
        // A second entry for the first pupil in the pupils file.
        let pupils = try temporary.contents("pupils.json")
        let entry = try #require(pupils.range(of: "{\n", options: [], range: pupils.range(of: "\"pupils\"")!.upperBound..<pupils.endIndex))
        let end = try #require(pupils.range(of: "\n    }", range: entry.upperBound..<pupils.endIndex))
        let first = String(pupils[entry.lowerBound..<end.upperBound])
        try temporary.write("pupils.json", pupils.replacingOccurrences(of: first, with: first + ",\n    " + first))
        let upn = try #require(first.firstMatch(of: /"upn" : "([A-Z0-9]+)"/)?.output.1)
        #expect(temporary.store.check() == [.damaged(path: temporary.path("pupils.json"), line: nil, field: "pupils",
                                                     detail: "pupil \(upn) has two entries: which is the pupil's cannot be known; mend it from a backup")])
    }

    // MARK: Links and modes

    @Test func aSecondNameForAStoreFileIsNamedByCheck() throws {
        let temporary = try school()
        defer { temporary.remove() }
        let elsewhere = temporary.directory.appendingPathComponent("my-copy.json").path
        #expect(link(temporary.path("marks/2025-26/7A.json"), elsewhere) == 0)
        #expect(temporary.store.check() == [.access(path: temporary.path("marks/2025-26/7A.json"),
                                                    detail: "has 2 names (hard links): whoever holds another can change the record without Rollcall; copy it to a file of its own")])
    }

    @Test func aFolderOthersMayWriteIsNamedOnceByEveryCommand() throws {
        let temporary = try school()
        defer { temporary.remove() }
        #expect(chmod(temporary.path("marks/2025-26"), 0o777) == 0)
        let opened = try Store.open(at: temporary.store.root)
        #expect(opened.notices.pending == ["\(temporary.path("marks/2025-26")) may be written by others (mode 777): anyone who can could put a file in the school's record; run 'chmod 700' on it ('rollcall check' names every file and folder)"])
    }

    // MARK: What a crash leaves

    @Test func whatACrashLeavesIsNamedAsDebrisNotAsAFault() throws {
        let temporary = try school()
        defer { temporary.remove() }
        try logged(temporary)
        try temporary.write("marks/2025-26/.7A.json.dead.tmp", "half")
        try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temporary.path("marks/2025-26/.7A.json.dead.tmp"))
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary.path("audit/interventions.jsonl")))
        try log.seekToEnd()
        try log.write(contentsOf: Data("{\"seq\":3,\"upn\":".utf8))
        try log.close()
        let found = temporary.store.check()
        #expect(found.count == 2)
        #expect(found.filter { !$0.isLeftByACrash } == [])
        // A fault beside them is still a fault.
        try temporary.write("contacts.json", "not json")
        #expect(temporary.store.check().contains { !$0.isLeftByACrash })
    }

    // MARK: The calendar's past

    @Test func aPastChangeToTheCalendarNeedsAReasonAndIsKeptInItsLog() throws {
        let temporary = try school()
        defer { temporary.remove() }
        let terms = [Term(name: "Autumn 1", start: day("2025-09-01"), end: day("2025-10-24"))]
        let closed = try AcademicYear(name: "2025-26", terms: terms, closures: [Closure(date: day("2025-09-05"), parts: [.am, .pm], reason: "Flood")])
        try temporary.store.saveAcademicYear(closed, today: day("2025-09-01"))
        let opened = try AcademicYear(name: "2025-26", terms: terms)
        #expect(throws: CalendarError.changesThePast(["2025-09-05: closed, now open AM+PM"])) {
            try temporary.store.saveAcademicYear(opened, today: day("2025-09-12"))
        }
        #expect(try temporary.store.calendar().isSchoolDay(day("2025-09-05")) == false)
        let head = Recorder(login: "head", name: "Head", role: .admin)
        let amendment = try temporary.store.saveAcademicYear(opened, today: day("2025-09-12"),
                                                             amending: { _ in Store.Amending(reason: "Flood was the week after", by: head, at: nine) })
        #expect(amendment?.changes == ["2025-09-05: closed, now open AM+PM"])
        #expect(try temporary.store.calendar().isSchoolDay(day("2025-09-05")))
        let kept = try temporary.store.calendarAmendments()
        #expect(kept.map(\.reason) == ["Flood was the week after"] && kept.map(\.by) == [head])
        #expect(kept.first?.old == closed && kept.first?.new == opened)
        #expect(temporary.store.check().isEmpty)
    }
}
