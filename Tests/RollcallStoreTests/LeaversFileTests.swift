import Foundation
import RollcallCore
@testable import RollcallStore
import Testing

/// Pupils who left before this academic year live in `leavers.json`, so that six years
/// of leavers do not slow today's register or this year's report.
@Suite("Leavers in their own file")
struct LeaversFileTests {
    /// Left at the end of last year (Friday 18 July 2025), left this October, on roll.
    let lastYear = Pupil(upn: drillUPN(group: 0, pupil: 1), surname: "Adams", forename: "Amy", dateOfBirth: day("2009-10-01"),
                         yearGroup: 11, form: "11A", leavingDate: day("2025-07-18"))
    let thisYear = Pupil(upn: drillUPN(group: 0, pupil: 2), surname: "Brown", forename: "Ben", dateOfBirth: day("2013-05-05"),
                         yearGroup: 7, form: "7A", leavingDate: day("2025-10-17"))
    let onRoll = Pupil(upn: drillUPN(group: 0, pupil: 3), surname: "Cole", forename: "Cai", dateOfBirth: day("2013-06-06"),
                       yearGroup: 7, form: "7A")

    func storeOfThree() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        try temporary.store.updatePupils(today: day("2025-11-20")) { $0 = [onRoll, thisYear, lastYear] }
        return temporary
    }

    @Test func pupilsWhoLeftBeforeThisAcademicYearAreFiledApart() throws {
        let temporary = try storeOfThree()
        defer { temporary.remove() }
        // Today is 20 November 2025: the academic year began on 1 September 2025.
        let current = try temporary.contents("pupils.json")
        #expect(current.contains("\"leaversBefore\" : \"2025-09-01\""))
        #expect(current.contains("Brown") && current.contains("Cole") && !current.contains("Adams"))
        let leavers = try temporary.contents("leavers.json")
        #expect(leavers.contains("Adams") && !leavers.contains("Brown") && !leavers.contains("leaversBefore"))
        #expect(Set(try temporary.store.pupils()) == [lastYear, thisYear, onRoll])
        #expect(temporary.store.check().isEmpty)
    }

    @Test func aReaderOfThisYearReadsThisYearsFileOnly() throws {
        let temporary = try storeOfThree()
        defer { temporary.remove() }
        // Damaging leavers.json shows which reads touch it.
        try temporary.write("leavers.json", "{\"pupils\": [")
        #expect(Set(try temporary.store.pupils(onRollFrom: day("2025-09-01"))) == [thisYear, onRoll])
        #expect(Set(try temporary.store.pupils(onRollFrom: day("2025-11-20"))) == [thisYear, onRoll])
        // A day of last year, or every pupil, needs the leavers: here, damaged, and named.
        for read in [{ try temporary.store.pupils(onRollFrom: day("2025-08-31")) }, { try temporary.store.pupils() }] {
            #expect { _ = try read() } throws: { "\($0)".contains("leavers.json") }
        }
        #expect(temporary.store.check().contains { "\($0)".contains("leavers.json") })
    }

    @Test func leaversAreRewrittenOnlyWhenTheyChange() throws {
        let temporary = try storeOfThree()
        defer { temporary.remove() }
        let before = try FileManager.default.attributesOfItem(atPath: temporary.path("leavers.json"))[.systemFileNumber] as? Int
        let newcomer = Pupil(upn: drillUPN(group: 0, pupil: 4), surname: "Dee", forename: "Dan", dateOfBirth: day("2013-07-07"),
                             yearGroup: 7, form: "7A", admissionDate: day("2025-11-24"))
        try temporary.store.updatePupils(today: day("2025-11-24")) { $0.append(newcomer) }
        let after = try FileManager.default.attributesOfItem(atPath: temporary.path("leavers.json"))[.systemFileNumber] as? Int
        #expect(before != nil && before == after)
        #expect(try temporary.store.pupils(onRollFrom: day("2025-11-24")).count == 3)
    }

    @Test func aYearEarlierBringsLastYearsLeaverBack() throws {
        let temporary = try storeOfThree()
        defer { temporary.remove() }
        // As of 1 November 2024 the year began on 1 September 2024: Amy, who left in
        // July 2025, was on roll in it.
        try temporary.store.updatePupils(today: day("2024-11-01")) { _ in }
        #expect(try temporary.contents("pupils.json").contains("\"leaversBefore\" : \"2024-09-01\""))
        #expect(Set(try temporary.store.pupils(onRollFrom: day("2024-09-01"))) == [lastYear, thisYear, onRoll])
        #expect(!(try temporary.contents("leavers.json")).contains("Adams"))
    }

    @Test func aStoreFromBeforeLeaversHadAFileReadsAsItWas() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        try temporary.write("pupils.json", String(decoding: JSONFile.encode(Store.PupilsFile(pupils: [lastYear, onRoll])), as: UTF8.self))
        #expect(Set(try temporary.store.pupils(onRollFrom: day("2025-11-20"))) == [lastYear, onRoll])
        // Its next write files Amy apart.
        try temporary.store.updatePupils(today: day("2025-11-20")) { _ in }
        #expect(try temporary.store.pupils(onRollFrom: day("2025-11-20")) == [onRoll])
        #expect(Set(try temporary.store.pupils()) == [lastYear, onRoll])
    }
}
