import Foundation
import RollcallCore
import RollcallExchange
import RollcallRecords
import RollcallStore
import Testing

@Suite("A demo school with years of history")
struct DemoHistoryTests {
    @Test func lastYearsYearElevenLeftWhenLastYearEnded() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("demo-history-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try Store.create(at: .init(root), school: DemoSchool.settings())
        let today = CalendarDate("2025-11-20")!
        _ = try DemoSchool.write(pupils: 140, seed: 2024, today: today, years: 2, to: store)
        // 140 pupils is one form of 28 in each of years 7 to 11. Last year's year 11 (28
        // pupils who started in September 2020) are not on this year's roll.
        // This year three names were deleted, on grounds (i), (a) and (f), one of them in year 11.
        let everyone = try store.pupils()
        let leavers = everyone.filter { $0.leavingDate == CalendarDate("2025-08-31") }
        #expect(everyone.count == 168 && leavers.count == 28)
        #expect(leavers.allSatisfy { $0.form == "11A" })
        let deleted = try store.standingDeletions()
        #expect(deleted.values.map(\.ground).sorted { $0.rawValue < $1.rawValue } == [.a, .f, .i])
        #expect(everyone.filter { $0.leavingDate != nil && $0.leavingDate != CalendarDate("2025-08-31") }.map(\.upn).sorted() == deleted.keys.sorted())
        let thisYear = try store.pupils(onRollFrom: CalendarDate("2025-09-01")!)
        #expect(thisYear.count == 140)
        #expect(thisYear.count { $0.form == "11A" && $0.isOnRoll(on: today) } == 27)
        let leaversFile = try String(contentsOfFile: root + "/leavers.json", encoding: .utf8)
        #expect(leaversFile.components(separatedBy: "\"upn\"").count - 1 == 28)
    }

    /// The demo's deletions are ones Rollcall itself would have allowed on their day.
    @Test func theDemosDeletionsMeetTheirGrounds() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("demo-deletions-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try Store.create(at: .init(root), school: DemoSchool.settings())
        let demo = try DemoSchool.write(pupils: 140, seed: 2024, today: CalendarDate("2025-11-20")!, years: 1, to: store)
        let calendar = try store.calendar()
        let records = try SchoolRecords.load(from: store, calendar: calendar, covering: demo.year.firstDay...CalendarDate("2025-11-20")!)
        let log = try store.interventions()
        #expect(demo.deletions.count == 3)
        for deletion in demo.deletions {
            var before = try #require(records.pupils.first { $0.upn == deletion.upn })
            before.leavingDate = nil
            #expect(throws: Never.self) {
                try DeletionCheck.check(deletion, pupil: before, records: records, log: log, today: deletion.date)
            }
        }
    }
}
