import Foundation
import Testing
@testable import RollcallCore

/// The admission register's own follow-ups: returns to the local authority and entries
/// that lack what regulation 8 asks for, in the fixture calendar (the year starts Wed 3
/// September 2025).
@Suite("Returns to the local authority and the register's missing items")
struct AdmissionFollowUpTests {
    let lead = Recorder(login: "lead")

    func joining(_ body: String, _ surname: String, year: Int = 7, on date: String) -> Pupil {
        var joined = pupil(body, surname, form: year == 7 ? "7A" : "8A", year: year)
        joined.admissionDate = day(date)
        return joined
    }

    func entries(_ pupils: [Pupil], _ rule: FollowUpRule, asOf date: String, contacts: [Contact] = [],
                 log: [Intervention] = [], deletions: [UPN: Deletion] = [:]) throws -> [FollowUp] {
        let school = try records(pupils, through: date)
        let logged = log.enumerated().map { InterventionRecord(number: $0.offset + 1, intervention: $0.element, by: lead, at: Date(timeIntervalSince1970: 0)) }
        return FollowUps(school, contacts: contacts, log: logged, asOf: day(date), deletions: deletions).list().filter { $0.rule == rule }
    }

    func returned(_ upn: UPN, _ kind: LAReturnKind, on date: String) throws -> Intervention {
        try Intervention(upn: upn, date: day(date), kind: .localAuthorityReturn, about: kind)
    }

    @Test func aNewPupilsReturnIsDueByTheEndOfTheFifthDayAfterAcrossAWeekend() throws {
        // Entered Thursday 13 November: the 5th day after is Tuesday 18th (Fri, Sat, Sun, Mon, Tue).
        let cal = joining("938432125003", "Cal", on: "2025-11-13")
        let others = [pupil("938432125001", "Ann"), pupil("938432125002", "Ben", form: "8A", year: 8)]
        let onTheDay = try entries([cal] + others, .laReturnAdmission, asOf: "2025-11-18")
        #expect(onTheDay.map(\.pupil.upn) == [cal.upn])
        #expect(onTheDay.first?.detail == "entered 2025-11-13: the return is due by 2025-11-18")
        #expect(onTheDay.first?.since == day("2025-11-18"))
        let late = try entries([cal] + others, .laReturnAdmission, asOf: "2025-11-19")
        #expect(late.first?.detail == "entered 2025-11-13: the return was due by 2025-11-18: overdue")
        #expect(try entries([cal] + others, .laReturnAdmission, asOf: "2025-11-19", log: [returned(cal.upn, .admission, on: "2025-11-17")]).isEmpty)
        // A return about a deletion does not clear an admission's.
        #expect(try entries([cal] + others, .laReturnAdmission, asOf: "2025-11-19", log: [returned(cal.upn, .deletion, on: "2025-11-17")]).count == 1)
    }

    @Test func theMostJuniorYearJoiningOnTheFirstDayNeedsNoReturn() throws {
        let seven = joining("938432125001", "Ann", year: 7, on: "2025-09-03")
        let eight = joining("938432125002", "Ben", year: 8, on: "2025-09-03")
        let sevenLater = joining("938432125003", "Cal", year: 7, on: "2025-09-04")
        let listed = try entries([seven, eight, sevenLater], .laReturnAdmission, asOf: "2025-09-05")
        #expect(listed.map(\.pupil.surname) == ["Cal", "Ben"])
    }

    @Test func aDeletionsReturnIsDueNoLaterThanTheDeletion() throws {
        let ann = pupil("938432125001", "Ann")
        var gone = pupil("938432125002", "Ben", form: "8A", year: 8)
        gone.leavingDate = day("2025-11-14")
        let deletion = try Deletion(upn: gone.upn, ground: .a, date: day("2025-11-14"), reason: "Moved", otherSchool: "Hollins Park")
        let due = try entries([ann, gone], .laReturnDeletion, asOf: "2025-11-14", deletions: [gone.upn: deletion])
        #expect(due.map(\.detail) == ["deleted on ground (a) from 2025-11-14: the return is due by 2025-11-14"])
        let late = try entries([ann, gone], .laReturnDeletion, asOf: "2025-11-17", deletions: [gone.upn: deletion])
        #expect(late.map(\.detail) == ["deleted on ground (a) from 2025-11-14: the return was due by 2025-11-14: overdue"])
        #expect(try entries([ann, gone], .laReturnDeletion, asOf: "2025-11-17", log: [returned(gone.upn, .deletion, on: "2025-11-12")],
                            deletions: [gone.upn: deletion]).isEmpty)
    }

    @Test func theTopYearLeavingAtTheEndOfTheYearNeedsNoReturn() throws {
        var leaver = pupil("938432125002", "Ben", form: "8A", year: 8)
        leaver.leavingDate = day("2026-07-22")
        let deletion = try Deletion(upn: leaver.upn, ground: .l, date: day("2026-07-22"), reason: "End of year 11")
        #expect(try entries([pupil("938432125001", "Ann"), leaver], .laReturnDeletion, asOf: "2026-07-22",
                            deletions: [leaver.upn: deletion]).isEmpty)
    }

    @Test func anEntryWithoutWhatRegulation8AsksForIsAListToFix() throws {
        var ann = pupil("938432125001", "Ann")
        ann.sex = .female
        let mum = Contact(upn: ann.upn, name: "Jo Ann", relationship: "Mother", livesWithPupil: true)
        let listed = try entries([ann], .admissionDetails, asOf: "2025-11-14", contacts: [mum])
        #expect(listed.map(\.detail) == ["the admission register lacks address, starting day, Jo Ann's address, Jo Ann's emergency telephone number"])
        #expect(listed.map(\.shared.detail) == ["the admission register lacks address, starting day, parent 1's address, parent 1's emergency telephone number"])
        ann.address = "1 High Street, Leeds LS1 1AA"
        ann.admissionDate = day("2025-09-03")
        let complete = Contact(upn: ann.upn, name: "Jo Ann", relationship: "Mother", livesWithPupil: true,
                               address: "1 High Street, Leeds LS1 1AA", emergencyPhone: "07700 900123")
        #expect(try entries([ann], .admissionDetails, asOf: "2025-11-14", contacts: [complete]).isEmpty)
        #expect(try entries([ann], .admissionDetails, asOf: "2025-11-14").map(\.detail) == ["the admission register lacks a parent"])
    }

    @Test func theReturnsListSaysWhatEachMustContain() throws {
        var gone = pupil("938432125002", "Ben", form: "8A", year: 8)
        gone.leavingDate = day("2025-11-14")
        gone.address = "2 Mill Lane"
        let deletion = try Deletion(upn: gone.upn, ground: .a, date: day("2025-11-14"), reason: "Moved", otherSchool: "Hollins Park",
                                    newAddress: "9 New Road")
        let mum = Contact(upn: gone.upn, name: "Di Ben", relationship: "Mother", livesWithPupil: true, address: "2 Mill Lane",
                          emergencyPhone: "07700 900456")
        let dad = Contact(upn: gone.upn, name: "Ed Ben", relationship: "Father", livesWithPupil: false)
        let school = try records([pupil("938432125001", "Ann"), gone], through: "2025-11-17")
        let lists = FollowUps(school, contacts: [mum, dad], log: [], asOf: day("2025-11-17"), deletions: [gone.upn: deletion])
        let returns = LAReturn.due(lists.list(), contacts: [mum, dad], deletions: [gone.upn: deletion], asOf: day("2025-11-17"))
        #expect(returns.count == 1)
        #expect(returns.first?.kind == .deletion && returns.first?.isOverdue == true && returns.first?.due == day("2025-11-14"))
        // A deletion's return names the parents the pupil lives with, not the others.
        #expect(returns.first?.parents == [mum])
        #expect(returns.first?.deletion?.newAddress == "9 New Road" && returns.first?.deletion?.otherSchool == "Hollins Park")
    }
}
