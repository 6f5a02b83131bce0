import Foundation
import RollcallCore
import RollcallExchange
import RollcallRecords
import RollcallStore

/// The large school of issue 8: 2,000 pupils in years 7 to 11 (70 forms), the academic
/// year to 15 July 2026 (about 744,000 marks), made by the demo generator from a seed.
/// `oneYear` holds that year alone; `sixYears` adds the five whole years before it, as
/// the law keeps them. Both are made once, in the system's temporary folder (or
/// `$ROLLCALL_BENCH_DIR`), and reused by later runs.
enum LargeSchool {
    static let pupils = 2000
    static let seed: UInt64 = 2024
    static let today = CalendarDate(year: 2026, month: 7, day: 15)!
    static let minute = 9 * 60 + 30

    static var directory: String {
        ProcessInfo.processInfo.environment["ROLLCALL_BENCH_DIR"] ?? (NSTemporaryDirectory() + "rollcall-bench")
    }

    static func store(years: Int) throws -> Store {
        let path = "\(directory)/school-\(pupils)-\(years)y"
        if let store = try? Store.open(at: .init(path)), try store.pupils().count >= pupils { return store }
        try? FileManager.default.removeItem(atPath: path)
        let store = try Store.create(at: .init(path), school: DemoSchool.settings())
        _ = try DemoSchool.write(pupils: pupils, seed: seed, today: today, years: years, to: store)
        return store
    }

    /// The year's marks in the import format, written once.
    static func marksCSV(from store: Store) throws -> String {
        let path = "\(directory)/marks-\(pupils).csv"
        if FileManager.default.fileExists(atPath: path) { return path }
        let calendar = try store.calendar()
        let year = calendar.academicYear(containing: today)!
        let records = try SchoolRecords.load(from: store, calendar: calendar, covering: year.firstDay...today)
        try Reports.marks(records, period: year.firstDay...today).render(.csv).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
