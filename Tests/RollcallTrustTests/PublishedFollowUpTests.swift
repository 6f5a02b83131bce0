import Foundation
import RollcallCore
@testable import RollcallTrust
import Testing

/// A follow-up as a school publishes it comes back as the follow-up the school listed.
@Suite("A published follow-up")
struct PublishedFollowUpTests {
    let pupil = Pupil(upn: try! UPN("A123456789012"), surname: "Khan", forename: "Aisha", dateOfBirth: CalendarDate(year: 2013, month: 3, day: 4)!,
                      yearGroup: 7, form: "7A")

    @Test func aPenaltyEntryComesBackWithEverySupportKindItCanList() throws {
        let september = CalendarDate(year: 2025, month: 9, day: 15)!
        // Every kind that counts as support, each as the school logged it: a part-time
        // timetable cannot be logged without its review date, so that goes too.
        let support = try InterventionKind.allCases.filter(\.isSupport).enumerated().map { number, kind in
            InterventionRecord(number: number + 1, intervention: try Intervention(
                upn: pupil.upn, date: september, kind: kind, note: "rang mum at work",
                reviewDate: [.partTimeTimetable, .partTimeReview].contains(kind) ? CalendarDate(year: 2025, month: 10, day: 13)! : nil),
                by: Recorder(login: "amy"), at: Date(timeIntervalSince1970: 1_757_000_000))
        }
        #expect(support.count == 7)
        let listed = FollowUp(pupil, .penaltyThreshold, "12 unauthorised sessions in 10 school weeks",
                              sessions: [Session(september, .am)], penalty: PenaltyFollowUp(
                                unauthorisedSessions: 12, sessionsNotYetActedOn: 12, support: support, nextStep: "consider a notice to improve",
                                notices: [ParentNotices(parent: "Mrs Khan", inLastThreeYears: 1)]))
        let document = PublishedFollowUp(listed).json
        let back = try #require(PublishedFollowUp.followUp(document, for: pupil))
        #expect(back.penalty?.support.map(\.number) == Array(1...7))
        #expect(back.penalty?.support.map(\.intervention.kind) == support.map(\.intervention.kind))
        #expect(back.penalty?.support.map(\.intervention.reviewDate) == support.map(\.intervention.reviewDate))
        #expect(PublishedFollowUp(back) == PublishedFollowUp(listed))
        // The note, and who logged it, stay in the school.
        #expect(!document.contains("rang mum") && !document.contains("amy"))
    }

    @Test func aDocumentNoPublishWritesIsRefused() {
        let partTime = #"{"detail":"x","open":true,"rule":"penalty-threshold","sessions":[],"penalty":{"unauthorisedSessions":1,"#
            + #""sessionsNotYetActedOn":1,"nextStep":"x","notices":[],"support":[{"number":1,"date":"2025-09-15","kind":"part-time-timetable"}]}}"#
        #expect(PublishedFollowUp.followUp(partTime, for: pupil) == nil)
        #expect(PublishedFollowUp.followUp(#"{"rule":"no-such-rule"}"#, for: pupil) == nil)
    }
}
