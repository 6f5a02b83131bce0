import Foundation
import Testing

/// Each test is a misuse that once got a change past the rules, played again by a
/// tutor, an office worker or a careless admin.
@Suite("Every rule holds for every user")
struct CLIRulesForEveryUserTests {
    let me = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()

    /// The small school with a staff list on which this login is `role` (of 7A).
    func school(as role: String) throws -> CLI {
        let cli = try CLI()
        try SmallSchool.make(cli)
        let staff = try cli.file("staff.csv", "username,name,role,forms\n\(me),Me,\(role),7A\nhead,Head,admin,\n")
        let imported = try cli.run(["import", "staff", staff])
        #expect(imported.status == 0, "\(imported.errors)")
        return cli
    }

    // MARK: 1. A pretend day

    @Test func aPretendDayNeverWidensATutorsRights() throws {
        let cli = try school(as: "tutor")
        defer { cli.remove() }
        // Really it is Tuesday 10 March 2026; the tutor says it is Monday 1 September 2025,
        // when Łukasz was N, and tries to make that N an M with no one the wiser.
        let now = ["ROLLCALL_TEST_NOW": "2026-03-10T10:00:00Z"]
        let amend = ["mark", "--date", "2025-09-01", "--session", "AM", "\(SmallSchool.lukasz)=M", "--reason", "dentist"]
        for (arguments, environment) in [
            (amend + ["--today", "2025-09-01"], now),
            (amend, now.merging(["ROLLCALL_TODAY": "2025-09-01"]) { $1 }),
        ] {
            let result = try cli.run(arguments, environment: environment)
            #expect(result.status != 0)
            #expect(result.errors == "Error: Changing a mark of an earlier day (2025-09-01 AM) needs the attendance lead, office or an admin; '\(me)' is a tutor\n")
        }
        // Nor a first mark on a pretend day.
        let first = try cli.run(["mark", "--date", "2025-09-08", "--session", "AM", "\(SmallSchool.lukasz)=/", "--today", "2025-09-08"], environment: now)
        #expect(first.errors == "Error: '\(me)' can mark only today's registers, not 2025-09-08 AM; ask the attendance office\n")
        let export = try cli.run(["export", "marks", "--format", "csv", "--from", "2025-09-01", "--to", "2025-09-01"], environment: now)
        #expect(export.output.contains("\(SmallSchool.lukasz),2025-09-01,AM,N"))
        // The pretend day still decides what a report covers.
        let penalty = try cli.run(["report", "pupils", "--format", "csv", "--today", "2025-09-02"], environment: now)
        #expect(penalty.status == 0)
    }

    @Test func anAdminMayStillWorkAsOfAnotherDay() throws {
        let cli = try school(as: "admin")
        defer { cli.remove() }
        let now = ["ROLLCALL_TEST_NOW": "2026-03-10T10:00:00Z"]
        let result = try cli.run(["mark", "--date", "2025-09-08", "--session", "AM", "\(SmallSchool.lukasz)=/", "--today", "2025-09-08"], environment: now)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == "2025-09-08 AM: 1 recorded, 0 amended, 0 unchanged.\n")
    }
}
