import Foundation
import RollcallCore
import RollcallTestSupport
import Testing

/// `rollcall tui --trust` in a real terminal (tmux): the schools side by side, then a
/// school's own dashboard, its year groups and a pupil's history, all read-only.
@Suite("The trust's screens in a real terminal", .serialized)
struct TrustScreenEndToEndTests {
    @Test func fromTheSchoolsToAPupilWithTheDashboardsKeys() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        let north = try await trust.school(urn: "100001", name: "North Academy", seed: 1)
        let south = try await trust.school(urn: "100002", name: "South Academy", pupils: 80, seed: 2)
        for school in [north, south] { #expect(try await trust.publish(school.store, as: school.url).status == 0) }
        let reader = try await trust.reader()
        // The school's figures for this half term, as the trust's report gives them.
        let today = TrustFixture.today
        let half = try #require(DashboardPeriod.thisHalfTerm.days(asOf: today, calendar: try north.store.calendar()))
        let report = try await rows(trust.trust(["report", "schools", "--from", half.lowerBound.description, "--to", today.description,
                                           "--format", "json"], database: reader).output)
        let northRow = try #require(report.first { $0["urn"] as? String == "100001" })
        let rate = try #require((northRow["attendance_rate"] as? Double).map { String(format: "%.1f", $0) })
        let pupils = try #require(northRow["pupils"] as? Int)

        let rollcall = URL(fileURLWithPath: trustExecutable).deletingLastPathComponent().appendingPathComponent("rollcall").path
        let tmux = try await Tmux([rollcall, "tui", "--trust", "--database", reader, "--today", today.description],
                            environment: ["HOME": "/nonexistent", "TERM": "xterm-256color", "PATH": "/usr/bin:/bin"])
        defer { tmux.kill() }
        let schools = try await tmux.waitFor("Trust: This half term · 2")
        let line = try #require(schools.split(separator: "\n").first { $0.hasPrefix("North Academy") })
        let cells = line.split(separator: " ").map(String.init)
        #expect(cells[2] == "\(pupils)" && cells[3] == rate, "\(line)")
        #expect(schools.contains("South Academy"))

        // The trust's row is first; j to North, then Enter: North's own dashboard, with the dashboard's keys.
        #expect(schools.contains("Trust "))
        try await tmux.send("j", "Enter")
        try await tmux.waitFor("North Academy · Attendance")
        try await tmux.waitFor("School  Attendance \(rate)%")
        try await tmux.send("y")
        try await tmux.waitFor("Year groups")
        try await tmux.send("Escape")
        try await tmux.send("a")
        try await tmux.waitFor("Pupils")
        try await tmux.send("Enter")
        try await tmux.waitFor("Possible")
        // The trust's view writes nothing: the pack is the school's to write, so the
        // dashboard offers no key for it, and e does nothing.
        try await tmux.send("Escape", "Escape")
        try await tmux.waitFor("North Academy · Attendance")
        try await tmux.send("e", "?")
        let help = try await tmux.waitFor("Keys on the dashboard")
        #expect(!help.contains("termly pack") && !help.contains("No pack written"))
        try await tmux.send("Escape", "Escape")
        try await tmux.waitFor("Trust: This half term")
        // D: the schools day by day, from the database, then back.
        try await tmux.send("D")
        let days = try await tmux.waitFor("Trust: day by day")
        #expect(days.contains("North Academy") && days.contains("South Academy"))
        try await tmux.send("Escape")
        try await tmux.waitFor("Trust: This half term")
        try await tmux.send("q")
        try await tmux.waitFor("[exited 0]")
    }
}
