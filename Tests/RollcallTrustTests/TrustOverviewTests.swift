import Foundation
import PostgresNIO
import RollcallCore
import RollcallTrust
import Testing

/// The trust's first screen reads the row each school sent as it published: the row
/// the trust would work out itself from the school's codes, and refused if forged.
@Suite("The trust's first screen", .serialized)
struct TrustOverviewTests {
    @Test func aSchoolsPublishedRowIsTheRowTheTrustWorksOutAndAForgedOneIsRefused() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        let north = try await trust.school(urn: "100001", name: "North Academy", seed: 1)
        let south = try await trust.school(urn: "100002", name: "South Academy", pupils: 80, seed: 2)
        for school in [north, south] { #expect(try await trust.publish(school.store, as: school.url).status == 0) }
        let reader = try await DatabaseSettings.resolve(url: try trust.reader(), environment: [:])
        func overview(_ day: CalendarDate = TrustFixture.today) async throws -> TrustOverview {
            try await TrustDatabase.with(reader) { try await TrustFigures.overview(today: day, unreadable: UnreadableSchools(), on: $0) }
        }
        #expect(try await trust.column("SELECT school || ' ' || as_of FROM school_summaries ORDER BY school") == [
            "100001 2025-11-20", "100002 2025-11-20",
        ])
        let sent = try await overview()
        #expect(sent.schools.map(\.name) == ["North Academy", "South Academy"])
        // Every period has begun by Thursday 20 November; North's 60 pupils are all on roll.
        #expect(Set(sent.schools[0].figures.keys) == Set(DashboardPeriod.allCases))
        #expect(sent.schools[0].figures[.thisYear]?.pupils == 60 && sent.schools[1].figures[.thisYear]?.pupils == 80)

        // Without South's row the trust works South's out: the same row.
        _ = try await trust.column("DELETE FROM school_summaries WHERE school = '100002' RETURNING school")
        #expect(try await overview().schools == sent.schools)
        // And North's, for a day neither school published as of.
        let friday = CalendarDate(year: 2025, month: 11, day: 21)!
        let worked = try await overview(friday)
        #expect(worked.schools.map(\.urn) == ["100001", "100002"] && worked.schools[0].figures[.thisYear] != sent.schools[0].figures[.thisYear])

        // A row no publish writes (more severe absentees than persistent) is named, and
        // only its school is left out.
        _ = try await trust.column("""
            UPDATE school_summaries SET document = replace(document, '"severeAbsentees":', '"severeAbsentees":9999') WHERE school = '100001'
            RETURNING school
            """)
        let forged = try await overview()
        #expect(forged.schools.map(\.urn) == ["100002"])
        #expect(forged.unreadable == ["school 100001's summary for 2025-11-20 could not be read: publish --full from the school mends it"])
    }
}
