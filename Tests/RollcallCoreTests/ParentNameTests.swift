import Foundation
import Testing
@testable import RollcallCore

/// The framework's limit on penalty notices holds for a parent, not for a spelling.
@Suite("A parent is a person, however the name is typed")
struct ParentNameTests {
    let pupil = RollcallCoreTests.pupil("938432125001", "Mensah").upn
    var lily: Contact { Contact(upn: pupil, name: "Lily Mensah", relationship: "Mother") }
    var kwame: Contact { Contact(upn: pupil, name: "Kwame Mensah", relationship: "Father") }

    @Test(arguments: ["Lily Mensah", "lily mensah", "Lily  Mensah", "Lily\u{00A0}Mensah", " LILY MENSAH ", "Mrs L Mensah", "Mrs. L. Mensah",
                      "Lily Mensa\u{0301}h".replacingOccurrences(of: "a\u{0301}", with: "a")])
    func everySpellingOfLilyIsLily(typed: String) throws {
        #expect(try ParentName.match(typed, among: [lily, kwame]).name == "Lily Mensah")
    }

    @Test func accentsAndComposedFormsAreOneName() throws {
        let zoe = Contact(upn: pupil, name: "Zo\u{00EB} Dupr\u{00E9}", relationship: "Mother")
        #expect(try ParentName.match("Zoe\u{0308} Dupre", among: [zoe]).name == zoe.name)
        #expect(try ParentName.match("zoe dupre", among: [zoe]).name == zoe.name)
    }

    @Test func aNameThatCouldBeTwoParentsOrNoneIsRefusedNamingThem() {
        let lucy = Contact(upn: pupil, name: "Lucy Mensah", relationship: "Stepmother")
        #expect(throws: NoticeError.ambiguousParent("Mrs L Mensah", candidates: ["Lily Mensah", "Lucy Mensah"])) {
            try ParentName.match("Mrs L Mensah", among: [lily, lucy, kwame])
        }
        #expect(throws: NoticeError.notAParent("Mrs Mensah", parents: ["Lily Mensah", "Kwame Mensah"])) {
            try ParentName.match("Mrs Mensah", among: [lily, kwame])
        }
        #expect(throws: NoticeError.notAParent("Lily Smith", parents: ["Lily Mensah"])) {
            try ParentName.match("Lily Smith", among: [lily])
        }
    }

    @Test func aThirdNoticeToOneParentIsRefusedWhateverTheLogsSpelling() throws {
        // Two standing notices logged before names were matched, spelled two ways.
        let earlier = try ["lily  mensah", "LILY MENSAH"].enumerated().map { index, parent in
            InterventionRecord(number: index + 1, intervention: try Intervention(
                upn: pupil, date: day("2025-10-0\(index + 1)"), kind: .penaltyNoticeIssued, parent: parent, sessions: [am("2025-09-1\(index + 5)")]),
                by: Recorder(login: "lead"), at: Date(timeIntervalSince1970: 0))
        }
        let third = try Intervention(upn: pupil, date: day("2025-11-10"), kind: .penaltyNoticeIssued, parent: "Lily Mensah", sessions: [am("2025-11-04")])
        #expect(throws: NoticeError.thirdNotice(parent: "Lily Mensah")) {
            try NoticeRules.check(third, log: earlier) { _ in .holidayNotGranted }
        }
        let counted = ParentNotices.count(for: pupil, contacts: [lily, kwame], log: earlier, asOf: day("2025-11-10"))
        #expect(counted.map(\.parent) == ["Lily Mensah", "Kwame Mensah"])
        #expect(counted.map(\.inLastThreeYears) == [2, 0])
    }
}
