import Foundation
import RollcallCore
import Testing
@testable import RollcallExchange

/// The letters a family receives: every standard letter fills from a pupil's own figures,
/// a typo in a school's template is caught with its line before anything reaches a
/// parent, and the pack's HTML keeps a school's data as text.
@Suite("Letters and the pack's markup")
struct LettersTests {
    /// Amy, Monday 8 September: present AM, O in the afternoon; Tuesday absent ill both
    /// sessions. 4 possible, 3 missed, 1 unauthorised: attendance 1/4 = 25.0%.
    static func values() throws -> [String: String] {
        let calendar = try ImportRefusalsTests.calendar
        var book = AttendanceBook(span: CalendarDate("2025-09-01")!...CalendarDate("2025-09-12")!)
        let amy = ImportRefusalsTests.amy
        book.record(Mark(.presentAM), for: amy, at: Session(CalendarDate("2025-09-08")!, .am))
        book.record(Mark(.otherUnauthorised), for: amy, at: Session(CalendarDate("2025-09-08")!, .pm))
        book.record(Mark(.illness), for: amy, at: Session(CalendarDate("2025-09-09")!, .am))
        book.record(Mark(.illness), for: amy, at: Session(CalendarDate("2025-09-09")!, .pm))
        let pupils = [Pupil(upn: amy, surname: "Adams", forename: "Amelia", preferredName: "Amy", dateOfBirth: CalendarDate("2014-03-01")!,
                            yearGroup: 7, form: "7A", admissionDate: CalendarDate("2025-09-08")!)]
        let contacts = [
            Contact(upn: amy, name: "Mrs L Adams", relationship: "Mother", role: .parent, phones: [], livesWithPupil: true),
            Contact(upn: amy, name: "Mr K Adams", relationship: "Father", role: .parent, phones: [], livesWithPupil: false),
            Contact(upn: amy, name: "Ms Worker", relationship: "Social worker", role: .socialWorker, phones: [], livesWithPupil: false),
        ]
        return LetterValues.values(for: pupils[0], school: try School(name: "Hollins Park Academy"),
                                   records: SchoolRecords(calendar: calendar, pupils: pupils, book: book), contacts: contacts,
                                   asOf: CalendarDate("2025-09-09")!, signatory: "A Khan, Attendance Lead")
    }

    @Test func aPupilsFiguresAndTheParentTheyLiveWithFillTheLetter() throws {
        let values = try Self.values()
        #expect(values["parent"] == "Mrs L Adams")
        #expect(values["pupil"] == "Amy Adams")
        #expect(values["possible_sessions"] == "4")
        #expect(values["sessions_missed"] == "3")
        #expect(values["unauthorised_sessions"] == "1")
        #expect(values["attendance_rate"] == "25.0%")
        #expect(values["date"] == "9 September 2025")
    }

    /// Amy's mother asked on 1 September for Monday 13 and Tuesday 14 October (4
    /// sessions) for an audition; the school granted the Monday alone.
    static func audition() throws -> LeaveApplication {
        let asked = [13, 14].flatMap { day in [Session.Part.am, .pm].map { Session(CalendarDate(year: 2025, month: 10, day: day)!, $0) } }
        let request = LeaveRequest(upn: ImportRefusalsTests.amy, kind: .performance, sessions: asked, applicant: "Mrs L Adams",
                                   received: CalendarDate("2025-09-01")!, evidence: "Licence LA/2025/118")
        let lead = Recorder(login: "lead"), at = Date(timeIntervalSince1970: 1_757_664_000)
        return try #require(LeaveApplication.all([
            LeaveRecord(number: 1, event: .requested(request), by: lead, at: at),
            LeaveRecord(number: 2, event: .granted(request: 1, sessions: Array(asked.prefix(2)), reason: "The audition day itself."), by: lead, at: at),
        ]).first)
    }

    @Test func aLeaveLetterIsAddressedToWhoeverAskedWithWhatWasGranted() throws {
        let values = LetterValues.leave(try Self.audition())
        #expect(values["applicant"] == "Mrs L Adams")
        #expect(values["leave_kind"] == "regulated performance")
        #expect([values["leave_first"], values["leave_last"]] == ["13 October 2025 (morning)", "14 October 2025 (afternoon)"])
        #expect([values["leave_asked"], values["leave_granted"]] == ["4", "2"])
        #expect([values["granted_first"], values["granted_last"]] == ["13 October 2025 (morning)", "13 October 2025 (afternoon)"])
        #expect(values["leave_reason"] == "The audition day itself.")
    }

    @Test(arguments: StandardLetters.all.keys.sorted())
    func everyStandardLetterFillsWithNoPlaceholderLeft(name: String) throws {
        let values = try Self.values().merging(name.hasPrefix("leave-") ? LetterValues.leave(try Self.audition()) : [:]) { $1 }
        let letter = try LetterTemplate(name: name, text: StandardLetters.all[name]!, source: "built in").fill(values)
        #expect(!letter.contains("{{") && !letter.contains("}}"))
        #expect(letter.contains("Hollins Park Academy"))
    }

    @Test func aTypoInASchoolsTemplateIsCaughtWithItsLine() throws {
        let template = LetterTemplate(name: "mine", text: "Dear {{parent}},\n\n{{forename}} attended {{atendance_rate}}.", source: "letters/mine.md")
        #expect(throws: LetterError.unknown(source: "letters/mine.md", line: 3, placeholder: "atendance_rate", known: try Self.values().keys.sorted())) {
            try template.fill(try Self.values())
        }
        let unclosed = LetterTemplate(name: "mine", text: "Dear {{parent,", source: "letters/mine.md")
        #expect(throws: LetterError.unclosed(source: "letters/mine.md", line: 1)) { try unclosed.fill(try Self.values()) }
    }

    /// A placeholder's value is put in once, never read again as a template: a name
    /// holding `{{...}}` stays as typed.
    @Test func aValueThatLooksLikeAPlaceholderIsNotFilledAgain() throws {
        let filled = try LetterTemplate(name: "x", text: "Dear {{parent}}", source: "built in").fill(["parent": "{{signatory}}", "signatory": "Head"])
        #expect(filled == "Dear {{signatory}}")
    }

    @Test func thePacksMarkupKeepsASchoolsDataAsText() {
        #expect(Markup.escaped("<script>alert('x')</script> & \"Co\"") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;")
        // XML forbids control characters and a terminal would act on them.
        #expect(Markup.escaped("Term\u{1B}[2J\u{7}") == "Term\u{FFFD}[2J\u{FFFD}")
        #expect(Markup.escaped("Ó Súilleabháin\n") == "Ó Súilleabháin\n")
    }
}
