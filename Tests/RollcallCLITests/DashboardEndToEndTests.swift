import Foundation
import RollcallTestSupport
import Testing

/// The attendance lead's screens in a real terminal (tmux), and their figures checked
/// against `rollcall report` for the same period.
@Suite("The dashboard in a real terminal", .serialized)
struct DashboardEndToEndTests {
    func open(_ cli: CLI, _ arguments: [String], today: String, time: String = "10:00") async throws -> Tmux {
        try await Tmux([CLI.executable.path] + arguments,
                 environment: ["ROLLCALL_STORE": cli.store, "ROLLCALL_TODAY": today, "ROLLCALL_TIME": time,
                               "TERM": "xterm-256color", "NO_COLOR": ""])
    }

    @Test func theDashboardAndTheSummaryReportGiveTheSameFigures() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let report = try await json(cli.run(["report", "summary", "--by", "year_group", "--format", "json"]).output)
        let school = try #require(report.last)
        let tmux = try await open(cli, ["tui", "--dashboard"], today: "2025-09-12")
        defer { tmux.kill() }
        try await tmux.waitFor("◀ This half term")
        try await tmux.send("l", "l")
        let screen = try await tmux.waitFor("◀ This year, Mon 1 Sep 2025 to Fri 12 Sep 2025 ▶")
        func rate(_ key: String) -> String { (school[key] as? Double).map { String(format: "%.1f", $0) } ?? "?" }
        // 26 possible sessions in week one: 80.8% attended (the report's own test works it).
        #expect(rate("attendance_rate") == "80.8")
        #expect(screen.contains("School  Attendance \(rate("attendance_rate"))%  Absence \(rate("absence_rate"))%: "
                                + "authorised \(rate("authorised_rate"))%, unauthorised \(rate("unauthorised_rate"))%"))
        #expect(screen.contains("Persistent \(school["persistent"] as? Int ?? -1) of 3 (\(rate("persistent_rate"))%)"))
        let year7 = try #require(report.first)
        let row = "Year 7*           \(year7["pupils"] as? Int ?? -1)    \(String(format: "%.1f", year7["attendance_rate"] as? Double ?? -1))"
        #expect(screen.contains(row), "\(row)\n\(screen)")
        try await tmux.type("q")
        try await tmux.waitFor("[exited 0]")
    }

    /// On the demo school: the dashboard from the list of registers, the persistent
    /// absentees, one pupil's history, and back out the way in.
    /// r opens the roll; D walks through deleting Łukasz's name on ground (k); the
    /// deletion is on disk, in the admission register's extract.
    @Test func aLeadDeletesANameFromTheRoll() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let tmux = try await open(cli, ["tui", "--dashboard"], today: "2025-09-12")
        defer { tmux.kill() }
        try await tmux.waitFor("Roll this term: joined, deleted        0 in, 0 out")
        try await tmux.send("r")
        try await tmux.waitFor("Roll · 3")
        try await tmux.send("D")
        try await tmux.waitFor("Delete Kowalski, Łukasz from the admission register. Ground, a to o: _")
        try await tmux.type("k")
        try await tmux.send("Enter")
        try await tmux.waitFor("Confirm (y/n): the school has been told of the pupil's death?")
        try await tmux.type("y")
        try await tmux.send("Enter")
        try await tmux.type("Told by his mother")
        try await tmux.send("Enter")
        try await tmux.waitFor("Deleted Kowalski, Łukasz on ground (k): on roll up to and including 2025-09-12")
        try await tmux.waitFor("0 in, 1 out; deleted: (k)")
        try await tmux.type("q")
        try await tmux.waitFor("[exited 0]")
        let extract = try await json(try cli.run(["report", "admissions", "--from", "2025-09-12", "--to", "2025-09-12", "--format", "json"]).output)
        #expect(extract.first?["event"] as? String == "deleted" && extract.first?["ground"] as? String == "k")
        #expect(extract.first?["reason"] as? String == "Told by his mother")
    }

    @Test func aLeadDrillsFromTheDashboardToAPupilAndBack() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let tmux = try await open(cli, ["demo"], today: "2025-11-20")
        defer { tmux.kill() }
        try await tmux.waitFor("registers for Thu 20 Nov 2025", seconds: 60)
        try await tmux.type("d")
        try await tmux.waitFor("Attendance · Thu 20 Nov 2025 AM")
        try await tmux.type("p")
        let list = try await tmux.waitFor("Persistent and severe absentees · ")
        // The first pupil on the list, worst absence first.
        let first = try #require(list.split(separator: "\n").dropFirst(4).first.map(String.init))
        let upn = try #require(first.firstMatch(of: #/[A-Z]\d{12}/#).map { String($0.0) })
        try await tmux.send("Enter")
        let history = try await tmux.waitFor("· \(upn) ·")
        #expect(history.contains("Penalty: ") && history.contains("Possible   Attend   Absent"))
        try await tmux.send("Escape")
        try await tmux.waitFor("Persistent and severe absentees · ")
        try await tmux.send("Escape")
        try await tmux.waitFor("Attendance · Thu 20 Nov 2025 AM")
        try await tmux.send("Escape")
        try await tmux.waitFor("registers for Thu 20 Nov 2025")
        try await tmux.type("q")
        try await tmux.waitFor("[exited 0]")
    }

    @Test func aPupilsHistoryOpensDirectlyAndAListExportsToCSV() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let history = try await open(cli, ["tui", "--pupil", SmallSchool.lukasz], today: "2025-09-12")
        try await history.waitFor("Kowalski, Łukasz · \(SmallSchool.lukasz) · 7A · Year 7")
        try await history.waitFor("Penalty: 3 unauthorised sessions")
        history.kill()

        let exports = cli.directory.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        let tmux = try await Tmux(["/bin/sh", "-c", "cd \(Tmux.quote(exports.path)) && exec \(Tmux.quote(CLI.executable.path)) tui --dashboard"],
                            environment: ["ROLLCALL_STORE": cli.store, "ROLLCALL_TODAY": "2025-09-12", "ROLLCALL_TIME": "10:00",
                                          "TERM": "xterm-256color", "NO_COLOR": ""])
        defer { tmux.kill() }
        try await tmux.waitFor("◀ This half term")
        try await tmux.type("p")
        try await tmux.waitFor("Persistent and severe absentees · 2")
        try await tmux.type("e")
        try await tmux.waitFor("Exported 2 rows to ")
        let file = exports.appendingPathComponent("rollcall-persistent-absence-2025-09-12.csv").path
        let csv = try String(contentsOfFile: file, encoding: .utf8)
        #expect(csv.hasPrefix("Pupil,UPN,Form,Possible,Absent%,Unauth%,Level,New\r\n"))
        #expect(csv.contains("\"Kowalski, Łukasz\",\(SmallSchool.lukasz),7A,9,33.3,33.3,persistent,"))
        let mode = try #require(FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
        #expect(mode & 0o007 == 0, "others can read the export: \(String(mode, radix: 8))")
        try await tmux.type("q")
        try await tmux.waitFor("[exited 0]")
    }

    /// `e` on the dashboard writes the pack for the period shown into the working folder.
    @Test func eWritesThePackForThePeriodShown() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let folder = cli.directory.appendingPathComponent("packs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tmux = try await Tmux(["/bin/sh", "-c", "cd \(Tmux.quote(folder.path)) && exec \(Tmux.quote(CLI.executable.path)) tui --dashboard"],
                            environment: ["ROLLCALL_STORE": cli.store, "ROLLCALL_TODAY": "2025-09-12", "ROLLCALL_TIME": "10:00",
                                          "TERM": "xterm-256color", "NO_COLOR": ""])
        defer { tmux.kill() }
        try await tmux.waitFor("◀ This half term")
        try await tmux.type("e")
        try await tmux.waitFor("Wrote the pack for this half term (2025-09-01 to 2025-09-12) to")
        let file = folder.appendingPathComponent("rollcall-pack-2025-09-12.html").path
        let html = try XHTML(String(contentsOfFile: file, encoding: .utf8))
        #expect(html.root.first("p")?.content.contains("This half term, 2025-09-01 to 2025-09-12") == true)
        // The same figures as the report for those days.
        let report = try await json(cli.run(["report", "summary", "--from", "2025-09-01", "--to", "2025-09-12", "--format", "json"]).output)
        #expect(try html.rows("headline")[1][1] == "\(report.last?["possible"] as? Int ?? -1)")
        try await tmux.type("q")
        try await tmux.waitFor("[exited 0]")
    }

    /// Through the gate the working folder is the server's: `e` writes nothing there and
    /// says how to have the pack, and a list's CSV export the same.
    @Test func overSSHNeitherThePackNorAnExportIsLeftOnTheServer() async throws {
        let me = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        try cli.staff([(me, "admin", []), ("lead", "attendance_lead", [])])
        let folder = cli.directory.appendingPathComponent("server")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tmux = try await Tmux(["/bin/sh", "-c", "cd \(Tmux.quote(folder.path)) && exec \(Tmux.quote(CLI.executable.path)) gate lead"],
                            environment: ["ROLLCALL_STORE": cli.store, "ROLLCALL_TEST_NOW": "2025-09-12T09:00:00Z",
                                          "SSH_ORIGINAL_COMMAND": "tui --dashboard", "TERM": "xterm-256color", "NO_COLOR": ""])
        defer { tmux.kill() }
        try await tmux.waitFor("◀ This half term")
        try await tmux.type("e")
        try await tmux.waitFor("No pack written: the pack is not written to a file on the server over SSH")
        try await tmux.type("p")
        try await tmux.waitFor("Persistent and severe absentees · 2")
        try await tmux.type("e")
        try await tmux.waitFor("Not exported: a list is not written to a file on the server over SSH")
        try await tmux.type("q")
        try await tmux.waitFor("[exited 0]")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// Leavers of earlier years are filed apart from this year's pupils, and their
    /// history still opens.
    @Test func aPupilWhoLeftLastYearIsFiledApartAndTheirHistoryOpens() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let leaver = "N938432120001"
        // Lee joined last year and left on the last day of its summer term, through the admission register.
        let csv = "upn,surname,forename,date_of_birth,year_group,form\n\(leaver),Leaver,Lee,2009-10-10,11,11A\n"
        #expect(try await cli.run(["import", "pupils", try cli.file("leaver.csv", csv)], today: "2025-07-18").status == 0)
        let deleted = try await cli.run(["admission", "delete", leaver, "--ground", "g", "--reason", "Moved to Leeds",
                                   "--confirm", "not-reasonable-distance"], today: "2025-07-18")
        #expect(deleted.status == 0, "\(deleted.errors)")
        #expect(try await cli.run(["import", "pupils", try cli.file("pupils.csv", SmallSchool.pupils)]).status == 0)
        let current = try String(contentsOfFile: cli.store + "/pupils.json", encoding: .utf8)
        let leavers = try String(contentsOfFile: cli.store + "/leavers.json", encoding: .utf8)
        #expect(!current.contains(leaver) && current.contains(SmallSchool.lukasz) && leavers.contains(leaver))
        let history = try await open(cli, ["tui", "--pupil", leaver], today: "2025-09-12")
        defer { history.kill() }
        try await history.waitFor("Leaver, Lee · \(leaver) · 11A · Year 11")
        try await history.type("q")
        try await history.waitFor("[exited 0]")
    }

    @Test func oneScreenAtATime() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try await cli.run(["tui", "--dashboard", "--group", "7A"])
        #expect(result.status != 0)
        #expect(result.errors.contains("--group, --dashboard, --pupil and --trust each open a different screen"))
        let both = try await cli.run(["tui", "--trust", "--pupil", "A123456789012"])
        #expect(both.status != 0 && both.errors.contains("each open a different screen"))
    }
}
