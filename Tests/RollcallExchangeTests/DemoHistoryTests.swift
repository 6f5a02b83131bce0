import Foundation
import RollcallCore
import RollcallExchange
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
        let everyone = try store.pupils()
        let leavers = everyone.filter { $0.leavingDate != nil }
        #expect(everyone.count == 168 && leavers.count == 28)
        #expect(leavers.allSatisfy { $0.leavingDate == CalendarDate("2025-08-31") && $0.form == "11A" })
        let thisYear = try store.pupils(onRollFrom: CalendarDate("2025-09-01")!)
        #expect(thisYear.count == 140)
        #expect(thisYear.count { $0.form == "11A" && $0.isOnRoll(on: today) } == 28)
        let leaversFile = try String(contentsOfFile: root + "/leavers.json", encoding: .utf8)
        #expect(leaversFile.components(separatedBy: "\"upn\"").count - 1 == 28)
    }
}
