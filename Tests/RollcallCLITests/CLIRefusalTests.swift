import Foundation
import Testing

@Suite("rollcall: bad input, permissions and the audit")
struct CLIRefusalTests {
    /// Help is ArgumentParser's text as written, lines and all: only errors that may quote
    /// the school's data are made safe for a terminal.
    @Test(arguments: [["--help"], ["keys"], ["keys", "--help"], ["report", "--help"]])
    func helpIsPrintedAsWritten(arguments: [String]) async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try await cli.run(arguments)
        let text = result.output + result.errors
        #expect(text.contains("\nUSAGE: rollcall"), "\(text)")
        #expect(!text.contains("\u{240A}"))
    }

    @Test func aBadMarksFileNamesEveryProblemAndImportsNothing() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let before = try await cli.run(["export", "marks"]).output
        let file = try cli.file("bad.csv", """
            upn,date,session,code
            \(SmallSchool.siobhan),2025-09-08,AM,A
            \(SmallSchool.siobhan),2025-09-08,PM,H
            A801200005001,2025-09-08,AM,/
            G938432125002,2025-09-08,AM,/
            \(SmallSchool.lukasz),2025-02-30,AM,/
            \(SmallSchool.lukasz),2025-09-06,AM,/
            \(SmallSchool.lukasz),2025-09-08,EV,/
            \(SmallSchool.tomas),2025-09-08,AM,Y
            \(SmallSchool.tomas),2025-09-08,PM,/
            """)
        let result = try await cli.run(["import", "marks", file])
        #expect(result.status != 0)
        #expect(result.output.isEmpty)
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines == [
            "\(file):2: code: 'A' is not an attendance code of the 2024 code set",
            "\(file):3: code: 'H' was withdrawn from the code set; use C (exceptional circumstances) if leave was granted, otherwise G",
            "\(file):4: UPN 'A801200005001' has the wrong check letter (it should start with B): check for a typing mistake",
            "\(file):5: UPN G938432125002 is not a pupil of the school (import pupils first)",
            "\(file):6: date '2025-02-30' is not a date like 2025-09-03",
            "\(file):7: 2025-09-06 AM is not a school session in the calendar",
            "\(file):8: session 'EV' is not AM or PM",
            "\(file):9: code: 'Y' was withdrawn from the code set; use Y1-Y7 or Q for the reason the pupil was unable to attend",
            "Nothing was imported: 8 problems to fix.",
        ])
        #expect(try await cli.run(["export", "marks"]).output == before)
    }

    @Test func aMissingRequiredColumnIsNamed() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let file = try cli.file("nocode.csv", "upn,date,session\n\(SmallSchool.siobhan),2025-09-08,AM\n")
        let result = try await cli.run(["import", "marks", file])
        #expect(result.status != 0)
        #expect(result.errors.hasPrefix("\(file):1: the required column 'code' is missing\n"))
        let pupils = try cli.file("noform.csv", "upn,surname,forename,date_of_birth,year_group\n")
        #expect(try await cli.run(["import", "pupils", pupils]).errors.contains("\(pupils):1: the required column 'form' is missing"))
    }

    @Test func badPupilRowsAreNamed() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let file = try cli.file("p.csv", """
            upn,surname,forename,date_of_birth,year_group,form,fsm
            \(SmallSchool.siobhan),,Siobhán,2014-03-02,7,7A,Y
            \(SmallSchool.lukasz),Kowalski,Łukasz,2013-13-20,7,7A,maybe
            \(SmallSchool.siobhan),O'Brien,Siobhán,2014-03-02,15,7A,N
            """)
        let result = try await cli.run(["import", "pupils", file])
        #expect(result.status != 0)
        #expect(result.errors.contains("\(file):2: surname is empty"))
        #expect(result.errors.contains("\(file):3: date_of_birth '2013-13-20' is not a date like 2013-09-01"))
        #expect(result.errors.contains("\(file):3: fsm 'maybe' is not Y or N"))
        #expect(result.errors.contains("\(file):4: year_group '15' is not R or a year from 1 to 14"))
    }

    @Test func changingAMarkNeedsAReasonAndIsAudited() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let file = try cli.file("fix.csv", "upn,date,session,code\n\(SmallSchool.lukasz),2025-09-01,AM,I\n\(SmallSchool.lukasz),2025-09-01,PM,I\n")
        let refused = try await cli.run(["import", "marks", file])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("\(file):2: \(SmallSchool.lukasz) 2025-09-01 AM already has N; changing it to I is an amendment: give --reason"))
        let accepted = try await cli.run(["import", "marks", file, "--reason", "Mum phoned: flu"])
        #expect(accepted.output == "Imported 2 marks: 0 new, 2 amended, 0 unchanged.\n")

        let single = try await cli.run(["mark", "--date", "2025-09-02", "--session", "AM", "\(SmallSchool.lukasz)=I"])
        #expect(single.status != 0)
        #expect(single.errors.contains("already has a mark for 2025-09-02 AM; changing it is an amendment and needs a reason"))
        #expect(try await cli.run(["mark", "--date", "2025-09-02", "--session", "AM", "\(SmallSchool.lukasz)=I", "--reason", "Letter from GP"]).status == 0)

        let audit = try #require(try await JSONSerialization.jsonObject(with: Data(cli.run(["audit", "--upn", SmallSchool.lukasz, "--format", "json"]).output.utf8)) as? [[String: Any]])
        #expect(audit.count == 3)
        #expect(audit.map { $0["old_code"] as? String } == ["N", "N", "O"])
        #expect(audit.map { $0["new_code"] as? String } == ["I", "I", "I"])
        #expect(audit.map { $0["reason"] as? String } == ["Mum phoned: flu", "Mum phoned: flu", "Letter from GP"])
        #expect(audit.first?["date"] as? String == "2025-09-01" && audit.first?["session"] as? String == "AM")
        #expect(audit.allSatisfy { ($0["by"] as? String)?.isEmpty == false && ($0["at"] as? String)?.hasSuffix("Z") == true })
        #expect(try await cli.run(["check"]).output.contains("the audit chain of 3 amendments is intact"))
    }

    @Test func markingFromAScriptRecordsTheSession() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let result = try await cli.run(["mark", "--date", "2025-09-08", "--session", "pm", "\(SmallSchool.siobhan)=/", "\(SmallSchool.tomas)=l"])
        #expect(result.output == "2025-09-08 PM: 2 recorded, 0 amended, 0 unchanged.\n")
        let export = try await cli.run(["export", "marks", "--from", "2025-09-08"]).output
        #expect(export.contains("\(SmallSchool.siobhan),2025-09-08,PM,\\,"))
        #expect(export.contains("\(SmallSchool.tomas),2025-09-08,PM,L,"))
        #expect(try await cli.run(["mark", "--date", "2025-09-06", "--session", "AM", "\(SmallSchool.siobhan)=/"]).errors
            == "Error: 2025-09-06 AM is not a school session in the calendar\n")
    }

    @Test func onceThereIsAStaffListItDecidesWhoMayDoWhat() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let me = try #require(ProcessInfo.processInfo.environment["USER"] ?? Optional(NSUserName()))
        // This login is a tutor of 7B only.
        try cli.staff([(me, "tutor", ["7B"]), ("lead", "attendance_lead", []), ("head", "admin", [])])
        let today = "2025-09-08"
        // A tutor is judged by the real clock: here it is that Monday morning.
        let now = ["ROLLCALL_TEST_NOW": "2025-09-08T08:50:00Z"]
        #expect(try await cli.run(["mark", "--date", today, "--session", "AM", "\(SmallSchool.tomas)=/"], today: today, environment: now).status == 0)
        #expect(try await cli.run(["mark", "--date", today, "--session", "AM", "\(SmallSchool.siobhan)=/"], today: today).errors
            == "Error: '\(me)' is not a tutor of 7A and cannot mark its register\n")
        #expect(try await cli.run(["mark", "--date", "2025-09-09", "--session", "AM", "\(SmallSchool.tomas)=/"], today: today).errors
            == "Error: '\(me)' can mark only today's registers, not 2025-09-09 AM; ask the attendance office\n")
        #expect(try await cli.run(["mark", "--date", "2025-09-01", "--session", "AM", "\(SmallSchool.tomas)=I", "--reason", "x"], today: today).errors
            == "Error: Changing a mark of an earlier day (2025-09-01 AM) needs the attendance lead, office or an admin; '\(me)' is a tutor\n")
        #expect(try await cli.run(["import", "marks", cli.file("m.csv", SmallSchool.weekOne)], today: today).errors.contains("Importing needs the attendance lead"))
        // A tutor cannot make themselves an admin with a staff list of their own.
        try cli.file("staff2.csv", "username,name,role,forms\n\(me),Admin,admin,\n")
        #expect(try await cli.run(["import", "staff", cli.directory.appendingPathComponent("staff2.csv").path]).errors.contains("Importing needs"))
    }

    @Test func aTamperedAuditIsReportedByCheck() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        try await cli.run(["mark", "--date", "2025-09-01", "--session", "AM", "\(SmallSchool.lukasz)=I", "--reason", "phoned"])
        let audit = cli.store + "/audit/amendments.jsonl"
        let text = try String(contentsOfFile: audit, encoding: .utf8)
        try text.replacingOccurrences(of: "\"new_code\":\"I\"", with: "\"new_code\":\"M\"").write(toFile: audit, atomically: false, encoding: .utf8)
        let result = try await cli.run(["check"])
        #expect(result.status != 0)
        #expect(result.output == "\(audit):1: this entry was changed after it was written (its hash does not match)\n")
    }

    @Test func clearErrorsForCommonMistakes() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let none = try await cli.run(["report", "pupils"])
        #expect(none.status != 0)
        #expect(none.errors == "Error: \(cli.store) is not a Rollcall store (no store.json); create one with 'rollcall init'\n")
        try await SmallSchool.make(cli)
        #expect(try await cli.run(["init", "--school-name", "Again"]).errors == "Error: \(cli.store) already holds a Rollcall store\n")
        #expect(try await cli.run(["report", "pupils"], today: "2027-01-10").errors
            == "Error: 2027-01-10 is outside any imported academic year (imported: 2025-26); give --from and --to, or import that year's calendar\n")
        #expect(try await cli.run(["report", "pupils"], today: "2025-13-01").errors == "Error: today '2025-13-01' is not a date like 2025-09-03\n")
        #expect(try await cli.run(["import", "marks", cli.directory.appendingPathComponent("nope.csv").path]).errors.contains("nope.csv does not exist"))
        let broken = try cli.file("broken.json", "{\"academic_year\": \"2025-26\",\n \"terms\": [{\"name\": \"A\", \"start\": \"2025-09-01\", \"end\": 5}]}")
        #expect(try await cli.run(["import", "calendar", broken]).errors.hasPrefix("\(broken):2: terms.[0].end: expected a string"))
        let overlap = try cli.file("overlap.json", "{\"academic_year\": \"2025-26\", \"terms\": [{\"name\": \"A\", \"start\": \"2025-09-01\", \"end\": \"2025-12-01\"}, {\"name\": \"B\", \"start\": \"2025-11-01\", \"end\": \"2025-12-19\"}]}")
        #expect(try await cli.run(["import", "calendar", overlap]).errors.hasPrefix("\(overlap): terms 'A' and 'B' overlap"))
    }

    @Test func theDemoMakesABelievableSchoolThatReportsRun() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let made = try await cli.run(["demo", "--pupils", "60", "--no-tui"], today: "2025-11-20")
        #expect(made.status == 0)
        #expect(made.output.contains("60 pupils in 5 forms"))
        let rows = try #require(try await JSONSerialization.jsonObject(with: Data(cli.run(["report", "summary", "--format", "json"], today: "2025-11-20").output.utf8)) as? [[String: Any]])
        let school = try #require(rows.last)
        #expect(school["year_group"] as? String == "School" && school["pupils"] as? Int == 60)
        let rate = try #require(school["attendance_rate"] as? Double)
        #expect((85.0...97.0).contains(rate))
        #expect(try await cli.run(["check"]).status == 0)
        // Running it again keeps the school it made.
        #expect(try await cli.run(["demo", "--no-tui"], today: "2025-11-20").output.contains("Using the demo school already in"))
    }

    /// The demo on any day of the year: before the first day of term (the year before,
    /// whole), on it, and in its last week (no leave ahead to ask for).
    @Test(arguments: ["2026-09-01", "2026-09-03", "2027-07-20"])
    func theDemoMakesASchoolOnAnyDay(today: String) async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let made = try await cli.run(["demo", "--pupils", "20", "--no-tui"], today: today)
        #expect(made.status == 0, "\(made.errors)")
        #expect(try await cli.run(["check"], today: today).status == 0)
    }

    /// A mistyped command is named as one, not taken for options of the screens.
    @Test func aCommandThatIsNotOneIsNamedWithTheNearest() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let absent = try await cli.run(["absence", "request", "--upn", "X"])
        #expect(absent.status == 64)
        #expect(absent.errors.hasPrefix("Error: no command 'absence'. The commands are admission, audit, check, demo, export, import, init, intervention, keys, leave, letter, mark, offsite, report, school, trust, tui;"), "\(absent.errors)")
        #expect(!absent.errors.contains("Usage: rollcall tui"))
        let typo = try await cli.run(["reprot", "penalty"])
        #expect(typo.errors.hasPrefix("Error: no command 'reprot'; did you mean 'report'?"), "\(typo.errors)")
        let hostile = try await cli.run(["\u{1B}[2Jwipe"])
        #expect(hostile.errors.hasPrefix("Error: no command '␛[2Jwipe'."), "\(hostile.errors)")
        #expect(try await cli.run(["--help"]).status == 0)
    }
}
