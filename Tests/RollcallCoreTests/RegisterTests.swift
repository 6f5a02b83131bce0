import Foundation
import Testing
@testable import RollcallCore

@Suite("Registers and amendments")
struct RegisterTests {
    let pupil = upn("B801200005001")
    let tutor = Recorder(login: "jsmith", name: "Jo Smith", role: .tutor)
    let lead = Recorder(login: "akhan", name: "Asha Khan", role: .attendanceLead)
    let nine = Date(timeIntervalSince1970: 1_757_000_000)

    @Test func aFirstMarkIsRecordedAndTheRegisterIsTaken() throws {
        var register = Register(group: "7A", session: am("2025-09-03"))
        #expect(try register.record(Mark(.presentAM), for: pupil, by: tutor, at: nine) == .recorded)
        #expect(register.marks[pupil] == Mark(.presentAM))
        #expect(register.takenBy == "jsmith")
        #expect(register.takenAt == nine)
    }

    @Test func theSameMarkAgainChangesNothing() throws {
        var register = Register(group: "7A", session: am("2025-09-03"))
        try register.record(Mark(.presentAM), for: pupil, by: tutor, at: nine)
        #expect(try register.record(Mark(.presentAM), for: pupil, by: lead, at: nine) == .unchanged)
        #expect(register.takenBy == "jsmith")
    }

    @Test func changingACodeWithoutAReasonIsRefused() throws {
        var register = Register(group: "7A", session: am("2025-09-03"))
        try register.record(Mark(.reasonNotYetEstablished), for: pupil, by: tutor, at: nine)
        #expect(throws: AmendmentError.reasonRequired(upn: pupil, session: am("2025-09-03"))) {
            try register.record(Mark(.illness), for: pupil, by: lead, at: nine)
        }
        #expect(throws: AmendmentError.self) {
            try register.record(Mark(.illness), for: pupil, by: lead, at: nine, reason: "  \n")
        }
        #expect(register.marks[pupil] == Mark(.reasonNotYetEstablished))
    }

    @Test func changingACodeWithAReasonIsAnAmendmentThatKeepsTheOriginal() throws {
        var register = Register(group: "7A", session: am("2025-09-03"))
        try register.record(Mark(.reasonNotYetEstablished), for: pupil, by: tutor, at: nine)
        let later = nine.addingTimeInterval(3600)
        let outcome = try register.record(Mark(.illness), for: pupil, by: lead, at: later, reason: " Mum phoned: flu ")
        guard case let .amended(amendment) = outcome else {
            Issue.record("expected an amendment, got \(outcome)")
            return
        }
        #expect(amendment.original == .reasonNotYetEstablished)
        #expect(amendment.amended == .illness)
        #expect(amendment.reason == "Mum phoned: flu")
        #expect(amendment.by == lead)
        #expect(amendment.at == later)
        #expect(amendment.group == "7A" && amendment.session == am("2025-09-03"))
        #expect(register.marks[pupil] == Mark(.illness))
    }

    @Test func correctingMinutesLateOrANoteIsAnAmendment() throws {
        var register = Register(group: "7A", session: am("2025-09-03"))
        try register.record(Mark(.late, minutesLate: 5), for: pupil, by: tutor, at: nine)
        #expect(throws: AmendmentError.reasonRequired(upn: pupil, session: am("2025-09-03"))) {
            try register.record(Mark(.late, minutesLate: 12), for: pupil, by: tutor, at: nine)
        }
        #expect(register.marks[pupil]?.minutesLate == 5)
        guard case let .amended(amendment) = try register.record(Mark(.late, minutesLate: 12), for: pupil, by: lead, at: nine, reason: "Office log") else {
            Issue.record("expected an amendment")
            return
        }
        #expect(amendment.original == .late && amendment.amended == .late)
        #expect(amendment.originalMark.minutesLate == 5 && amendment.amendedMark?.minutesLate == 12)
        #expect(throws: AmendmentError.reasonRequired(upn: pupil, session: am("2025-09-03"))) {
            try register.record(Mark(.late, minutesLate: 12, note: "Bus"), for: pupil, by: tutor, at: nine)
        }
        #expect(register.marks[pupil] == Mark(.late, minutesLate: 12))
    }

    @Test func listsTheUnmarkedInOrder() throws {
        let other = upn("P207000016049")
        var register = Register(group: "7A", session: am("2025-09-03"))
        try register.record(Mark(.presentAM), for: pupil, by: tutor, at: nine)
        #expect(register.unmarked([other, pupil]) == [other])
    }

    @Test func clearingAMarkIsAnAmendmentToNoCode() throws {
        var register = Register(group: "7A", session: am("2025-09-03"))
        try register.record(Mark(.late, minutesLate: 4), for: pupil, by: tutor, at: nine)
        let outcome = try register.clear(pupil, by: tutor, at: nine, reason: "Entered in error")
        guard case let .amended(amendment) = outcome else {
            Issue.record("expected an amendment, got \(outcome)")
            return
        }
        #expect(amendment.original == .late && amendment.amended == nil)
        #expect(register.marks[pupil] == nil)
        #expect(try register.clear(pupil, by: tutor, at: nine, reason: "again") == .unchanged)
        #expect(throws: AmendmentError.self) {
            var other = Register(group: "7A", session: am("2025-09-03"), marks: [pupil: Mark(.illness)])
            try other.clear(pupil, by: tutor, at: nine, reason: " ")
        }
    }
}
