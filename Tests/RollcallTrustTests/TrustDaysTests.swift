import Foundation
import RollcallCore
import RollcallExchange
import RollcallStore
import Testing

/// Day by day across schools: a day when a third of two schools are away shows in both
/// and in the trust's row, and ordinary days are not flagged.
@Suite("The trust's days")
struct TrustDaysTests {
    @Test func aDayWhenAThirdOfTwoSchoolsAreAwayIsFlaggedInBothAndTheTrust() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        let north = try await trust.school(urn: "100001", name: "North Academy", seed: 1)
        let south = try await trust.school(urn: "100002", name: "South Academy", pupils: 80, seed: 2)
        let wednesday = CalendarDate(year: 2025, month: 11, day: 12)!
        for school in [north, south] {
            try DemoSchool.plantDip(on: wednesday, in: school.store)
            #expect(try await trust.publish(school.store, as: school.url).status == 0)
        }
        let reader = try await trust.reader()
        let ran = try await trust.trust(["report", "days", "--from", "2025-09-08", "--to", "2025-11-20", "--today", "2025-11-20", "--format", "json"],
                                        database: reader)
        #expect(ran.status == 0, "\(ran.errors)")
        let days = try rows(ran.output)
        let flagged = days.filter { $0["unusual"] as? Bool == true }.map { "\($0["urn"] ?? "") \($0["date"] ?? "")" }
        #expect(flagged.contains("trust 2025-11-12") && flagged.contains("100001 2025-11-12") && flagged.contains("100002 2025-11-12"), "\(flagged)")
        // The dip's day against its usual: a third away is far more than 3 points.
        let northDip = try #require(days.first { $0["urn"] as? String == "100001" && $0["date"] as? String == "2025-11-12" })
        let rate = try #require(northDip["attendance_rate"] as? Double), expected = try #require(northDip["expected_rate"] as? Double)
        #expect(expected - rate > 20, "\(rate) against \(expected)")
        #expect(northDip["weekday"] as? String == "Wed")
        // Ordinary days are not: at most one school day in ten is flagged.
        let schoolDays = days.filter { $0["urn"] as? String != "trust" }
        #expect(schoolDays.count > 80)
        #expect(Double(schoolDays.count(where: { $0["unusual"] as? Bool == true })) <= Double(schoolDays.count) / 10, "\(flagged)")
        // The trust's row is both schools' sessions as one.
        let trustDip = try #require(days.first { $0["urn"] as? String == "trust" && $0["date"] as? String == "2025-11-12" })
        let southDip = try #require(days.first { $0["urn"] as? String == "100002" && $0["date"] as? String == "2025-11-12" })
        #expect(trustDip["possible"] as? Int == (northDip["possible"] as? Int ?? 0) + (southDip["possible"] as? Int ?? 0))
    }

    /// The demo trust as `scripts/demo --trust` makes it (its five schools read from the
    /// script, so that the two cannot drift apart): over the autumn term so far, and over
    /// the four weeks the days view opens on, at most one school day in thirty is flagged,
    /// and the sickness day is one of them.
    @Test func theDemoTrustFlagsAtMostOneSchoolDayInThirty() async throws {
        let script = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scripts/demo-trust").standardizedFileURL, encoding: .utf8)
        let entries = script.matches(of: /"(\d{6}) ([A-Za-z ]+) (\d+)"/).map { (urn: String($0.output.1), name: String($0.output.2), pupils: Int($0.output.3)!) }
        #expect(entries.count == 5 && script.contains("[ \"$urn\" = 100103 ] && planted=(--dip \"$dip\")"), "\(entries)")
        let trust = try await TrustFixture()
        defer { trust.remove() }
        // The script's sickness day: the Wednesday of the week a fortnight before today.
        let dip = CalendarDate(year: 2025, month: 11, day: 5)!
        for (seed, entry) in entries.enumerated() {
            let school = try await trust.school(urn: entry.urn, name: entry.name, pupils: entry.pupils, seed: UInt64(seed + 1))
            if entry.urn == "100103" { try DemoSchool.plantDip(on: dip, in: school.store) }
            #expect(try await trust.publish(school.store, as: school.url).status == 0)
        }
        let reader = try await trust.reader()
        for period in [["--from", "2025-09-01"], []] {
            let ran = try await trust.trust(["report", "days"] + period + ["--today", "2025-11-20", "--format", "json"], database: reader)
            let schoolDays = try rows(ran.output).filter { $0["urn"] as? String != "trust" }
            let flagged = schoolDays.filter { $0["unusual"] as? Bool == true }.map { "\($0["urn"] ?? "") \($0["date"] ?? "")" }
            #expect(schoolDays.count >= 5 * 14, "\(period)")
            #expect(flagged.contains("100103 2025-11-05"), "\(period): \(flagged)")
            #expect(flagged.count * 30 <= schoolDays.count, "\(period): \(flagged.count) of \(schoolDays.count): \(flagged)")
        }
    }
}
