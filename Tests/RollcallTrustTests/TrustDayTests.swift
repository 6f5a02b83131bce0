import Foundation
import RollcallCore
import Testing

/// The trust's commands live on the day they are told, as a school's do: `--today` or
/// `ROLLCALL_TODAY`, and nothing after that day is counted.
@Suite("The trust's commands on any day")
struct TrustDayTests {
    @Test func todayAndAPeriodEndingAfterItCountOnlyTheSessionsHeld() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        let north = try await trust.school(urn: "100001", name: "North Academy", seed: 1)
        #expect(try await trust.publish(north.store, as: north.url).status == 0)
        let reader = try await trust.reader()
        let today = TrustFixture.today.description
        let asked = try await trust.trust(["report", "schools", "--to", today, "--format", "csv"], database: reader)
        #expect(asked.status == 0, "\(asked.errors)")
        // A --to after today counts up to today: no session not yet held is possible, or missing.
        let later = try await trust.trust(["report", "schools", "--to", "2026-07-20", "--today", today, "--format", "csv"], database: reader)
        #expect(later.output == asked.output)
        let byEnvironment = try await run(trustExecutable, ["report", "schools", "--to", "2026-07-20", "--format", "csv", "--database", reader],
                                          environment: ["HOME": "/nonexistent", "PATH": "/usr/bin:/bin", "ROLLCALL_TODAY": today])
        #expect(byEnvironment.output == asked.output)
        let pupils = try await trust.trust(["report", "pupils", "--today", today, "--format", "csv"], database: reader)
        let pupilsTo = try await trust.trust(["report", "pupils", "--to", "2030-01-01", "--today", today, "--format", "csv"], database: reader)
        #expect(pupils.status == 0 && pupils.output == pupilsTo.output)
        // The default period is the academic year of today, from 1 September.
        let year = try await trust.trust(["report", "schools", "--from", "2025-09-01", "--to", today, "--format", "csv"], database: reader)
        let fromDefault = try await trust.trust(["report", "schools", "--today", today, "--format", "csv"], database: reader)
        #expect(fromDefault.output == year.output)
        // A period that ends before it starts says so in one line.
        let backwards = try await trust.trust(["report", "schools", "--from", "2025-11-01", "--to", "2025-10-01", "--today", today], database: reader)
        #expect(backwards.status != 0)
        #expect(backwards.errors.contains("the period starts on 2025-11-01, after it ends on 2025-10-01"))
    }
}
