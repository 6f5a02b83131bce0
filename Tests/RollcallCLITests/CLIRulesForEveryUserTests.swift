import Foundation
import RollcallTestSupport
import Testing

/// Each test is a misuse that once got a change past the rules, played again by a
/// tutor, an office worker or a careless admin.
@Suite("Every rule holds for every user")
struct CLIRulesForEveryUserTests {
    let me = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()

    /// The small school with a staff list on which this login is `role` (of 7A).
    func school(as role: String) async throws -> CLI {
        let cli = try CLI()
        try await SmallSchool.make(cli)
        try cli.staff([(me, role, ["7A"]), ("head", "admin", [])])
        return cli
    }

    // MARK: 1. A pretend day

    @Test func aPretendDayNeverWidensATutorsRights() async throws {
        let cli = try await school(as: "tutor")
        defer { cli.remove() }
        // Really it is Tuesday 10 March 2026; the tutor says it is Monday 1 September 2025,
        // when Łukasz was N, and tries to make that N an M with no one the wiser.
        let now = ["ROLLCALL_TEST_NOW": "2026-03-10T10:00:00Z"]
        let amend = ["mark", "--date", "2025-09-01", "--session", "AM", "\(SmallSchool.lukasz)=M", "--reason", "dentist"]
        for (arguments, environment) in [
            (amend + ["--today", "2025-09-01"], now),
            (amend, now.merging(["ROLLCALL_TODAY": "2025-09-01"]) { $1 }),
        ] {
            let result = try await cli.run(arguments, environment: environment)
            #expect(result.status != 0)
            #expect(result.errors == "Error: Changing a mark of an earlier day (2025-09-01 AM) needs the attendance lead, office or an admin; '\(me)' is a tutor\n")
        }
        // Nor a first mark on a pretend day.
        let first = try await cli.run(["mark", "--date", "2025-09-08", "--session", "AM", "\(SmallSchool.lukasz)=/", "--today", "2025-09-08"], environment: now)
        #expect(first.errors == "Error: '\(me)' can mark only today's registers, not 2025-09-08 AM; ask the attendance office\n")
        let export = try await cli.run(["export", "marks", "--format", "csv", "--from", "2025-09-01", "--to", "2025-09-01"], environment: now)
        #expect(export.output.contains("\(SmallSchool.lukasz),2025-09-01,AM,N"))
        // The pretend day still decides what a report covers.
        let penalty = try await cli.run(["report", "pupils", "--format", "csv", "--today", "2025-09-02"], environment: now)
        #expect(penalty.status == 0)
    }

    // MARK: 2. A pupil who changed form

    @Test func aPupilWhoChangedFormHasOneMarkASessionAndChangingItIsAnAmendment() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        // Siobhán moves from 7A to 7B; her week one marks stay in 7A's registers.
        let moved = SmallSchool.pupils.replacingOccurrences(of: "2014-03-02,7,7A", with: "2014-03-02,7,7B")
        #expect(try await cli.run(["import", "pupils", cli.file("moved.csv", moved)]).status == 0)
        #expect(try String(contentsOfFile: cli.store + "/pupils.json", encoding: .utf8).contains("\"formerForms\""))
        // Her Monday morning was /: changing it is an amendment, wherever she is now.
        let silent = try await cli.run(["mark", "--date", "2025-09-01", "--session", "AM", "\(SmallSchool.siobhan)=M"])
        #expect(silent.status != 0)
        #expect(silent.errors.contains("changing it is an amendment and needs a reason"), "\(silent.errors)")
        #expect(try await cli.run(["mark", "--date", "2025-09-01", "--session", "AM", "\(SmallSchool.siobhan)=M", "--reason", "Dentist letter"]).output
            == "2025-09-01 AM: 0 recorded, 1 amended, 0 unchanged.\n")
        let later = try cli.file("later.csv", "upn,date,session,code,minutes_late\n\(SmallSchool.siobhan),2025-09-03,AM,L,20\n")
        #expect(try await cli.run(["import", "marks", later]).status != 0)
        #expect(try await cli.run(["import", "marks", later, "--reason", "Office log"]).output == "Imported 1 marks: 0 new, 1 amended, 0 unchanged.\n")
        let sevenA = try String(contentsOfFile: cli.store + "/marks/2025-26/7A.json", encoding: .utf8)
        let sevenB = try String(contentsOfFile: cli.store + "/marks/2025-26/7B.json", encoding: .utf8)
        #expect(sevenA.contains("\"\(SmallSchool.siobhan)\": \"M\""))
        #expect(!sevenB.contains(SmallSchool.siobhan))
        #expect(try await json(cli.run(["audit", "--format", "json"]).output).map { $0["reason"] as? String } == ["Dentist letter", "Office log"])
        #expect(try await cli.run(["check"]).status == 0)

        // Written in both registers (as a store that forgot her former form would), check names it.
        let pupils = try String(contentsOfFile: cli.store + "/pupils.json", encoding: .utf8)
        try pupils.replacingOccurrences(of: "\"formerForms\" : [\n        \"7A\"\n      ],", with: "")
            .write(toFile: cli.store + "/pupils.json", atomically: false, encoding: .utf8)
        #expect(try await cli.run(["mark", "--date", "2025-09-02", "--session", "PM", "\(SmallSchool.siobhan)=M"]).status == 0)
        let check = try await cli.run(["check"])
        #expect(check.status != 0)
        #expect(check.output.contains("pupil \(SmallSchool.siobhan) has two marks for 2025-09-02 PM, in \(cli.store)/marks/2025-26/7A.json and \(cli.store)/marks/2025-26/7B.json"), "\(check.output)")
    }

    // MARK: 3. Minutes late and notes

    @Test func changingMinutesLateOrANoteIsAnAmendment() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        // Siobhán was 12 minutes late on Wednesday morning; the file says 20.
        let later = try cli.file("later.csv", "upn,date,session,code,minutes_late\n\(SmallSchool.siobhan),2025-09-03,AM,L,20\n")
        let refused = try await cli.run(["import", "marks", later])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("\(later):2: \(SmallSchool.siobhan) 2025-09-03 AM already has L (12 minutes late); changing it to L (20 minutes late) is an amendment: give --reason"), "\(refused.errors)")
        let amended = try await cli.run(["import", "marks", later, "--reason", "Office log says 20"])
        #expect(amended.output == "Imported 1 marks: 0 new, 1 amended, 0 unchanged.\n")
        let noted = try cli.file("noted.csv", "upn,date,session,code,minutes_late,note\n\(SmallSchool.siobhan),2025-09-03,AM,L,20,Bus late\n")
        #expect(try await cli.run(["import", "marks", noted]).status != 0)
        #expect(try await cli.run(["import", "marks", noted, "--reason", "Note added"]).output == "Imported 1 marks: 0 new, 1 amended, 0 unchanged.\n")
        let audit = try await json(cli.run(["audit", "--format", "json"]).output)
        #expect(audit.count == 2)
        #expect(audit.first?["old_minutes_late"] as? Int == 12 && audit.first?["new_minutes_late"] as? Int == 20)
        #expect(audit.last?["new_note"] as? String == "Bus late")
        #expect(try await cli.run(["check"]).status == 0)
    }

    @Test func anExportImportsBackChangingNothing() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        // Notes a spreadsheet would run as formulas, and ones that already start with the
        // apostrophe a spreadsheet reads as "text": that one is the guard, not the note.
        let notes = ["=HYPERLINK(\"http://x\")", "+44 7700 900123", "-1 day", "@home", "'=quoted", "''+twice", "plain, with \"quotes\""]
        var rows = ["upn,date,session,code,minutes_late,note"]
        for (index, note) in notes.enumerated() {
            let day = String(format: "2025-09-%02d", 8 + index / 2)
            let field = "\"" + note.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            rows.append("\(SmallSchool.tomas),\(day),\(index % 2 == 0 ? "AM" : "PM"),L,\(index + 1),\(field)")
        }
        #expect(try await cli.run(["import", "marks", cli.file("notes.csv", rows.joined(separator: "\n") + "\n")]).output == "Imported 7 marks: 7 new, 0 amended, 0 unchanged.\n")
        let export = try await cli.run(["export", "marks", "--format", "csv"]).output
        for guarded in ["'=HYPERLINK", "'+44", "'-1 day", "'@home", ",'=quoted", ",''+twice"] { #expect(export.contains(guarded), "\(guarded)") }
        let again = try await cli.run(["import", "marks", cli.file("export.csv", export)])
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.hasSuffix(": 0 new, 0 amended, 34 unchanged.\n"), "\(again.output)")
        let marks = try await json(cli.run(["export", "marks", "--format", "json"]).output)
        let stored = ["=HYPERLINK(\"http://x\")", "+44 7700 900123", "-1 day", "@home", "=quoted", "'+twice", "plain, with \"quotes\""]
        #expect(Set(marks.compactMap { $0["note"] as? String }) == Set(stored))
    }

    // MARK: 4. The staff list

    @Test func aStaffImportCannotSwitchTheRulesOffOrLockTheSchoolOut() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        func importing(_ rows: String) async throws -> CLI.Result {
            try await cli.run(["import", "staff", cli.file("staff.csv", "username,name,role,forms\n" + rows)])
        }
        // Before there is a list everyone may do everything, so the first one must keep
        // whoever imports it an admin.
        #expect(try await importing("").errors.contains("the staff list is empty"))
        #expect(try await importing("lead,Lead,attendance_lead,\n").errors
            == "Error: the staff list names no admin; nobody could then change it again, so the list in use is kept\n")
        #expect(try await importing("head,Head,admin,\n").errors
            == "Error: the staff list would take the admin role from '\(me)', who is importing it; add them as admin, or have another admin import it\n")
        #expect(!FileManager.default.fileExists(atPath: cli.store + "/staff.json"))
        #expect(try await importing("\(me),Me,admin,\nlead,Lead,attendance_lead,\n").output == "Imported 2 staff.\n")
        // A header alone, or a list without this admin, leaves the list as it was.
        let kept = try String(contentsOfFile: cli.store + "/staff.json", encoding: .utf8)
        #expect(try await importing("").status != 0)
        #expect(try await importing("\(me),Me,tutor,7A\nhead,Head,admin,\n").status != 0)
        #expect(try String(contentsOfFile: cli.store + "/staff.json", encoding: .utf8) == kept)
        // A lead may import pupils and marks, but not the list that says who is a lead.
        try cli.staff([(me, "attendance_lead", []), ("head", "admin", [])])
        #expect(try await importing("\(me),Me,admin,\nhead,Head,admin,\n").errors == "Error: replacing the staff list needs an admin; '\(me)' is not one\n")
    }

    // MARK: 5. Who is running

    @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "running as a uid with no account needs root and setpriv"))
    func aUidWithNoAccountIsRefusedWhateverUSERSays() async throws {
        let cli = try await school(as: "tutor")
        defer { cli.remove() }
        // The store belongs to that uid, so only the login stands in the way.
        #expect(await CLIStoreDistrustTests.Mount.shell("chown -R 54321:54321 '\(cli.directory.path)'"))
        let result = try await CLI.execute("/usr/bin/setpriv", ["--reuid=54321", "--regid=54321", "--clear-groups", CLI.executable.path, "report", "pupils"],
                                           environment: ["USER": "head", "ROLLCALL_STORE": cli.store, "ROLLCALL_TODAY": "2025-09-12", "PATH": "/usr/bin:/bin"])
        #expect(result.status != 0)
        #expect(result.errors == "Error: uid 54321 has no entry in the system's user database, so Rollcall cannot tell who you are; ask the server's administrator\n")
    }

    // MARK: 6. The demo

    @Test func theDemoRefusesAStoreItDidNotMake() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let before = try FileManager.default.subpathsOfDirectory(atPath: cli.store).sorted()
        let pupils = try String(contentsOfFile: cli.store + "/pupils.json", encoding: .utf8)
        let result = try await cli.run(["demo", "--no-tui", "--pupils", "5"])
        #expect(result.status != 0)
        #expect(result.errors == "Error: \(cli.store) holds a real school's store (Test Academy); demo writes only into a store it made: give it another folder with --store\n")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: cli.store).sorted() == before)
        #expect(try String(contentsOfFile: cli.store + "/pupils.json", encoding: .utf8) == pupils)
        // A folder with anything in it is no place for a demo either; an empty one is.
        let other = try cli.file("notes.txt", "mine")
        let folder = URL(fileURLWithPath: other).deletingLastPathComponent().path
        #expect(try await cli.run(["demo", "--no-tui", "--pupils", "5", "--store", folder]).errors.contains("is not empty and holds no demo school"))
        let empty = cli.directory.appendingPathComponent("demo").path
        #expect(try await cli.run(["demo", "--no-tui", "--pupils", "5", "--store", empty]).status == 0)
        #expect(try await cli.run(["demo", "--no-tui", "--pupils", "5", "--store", empty]).output.hasPrefix("Using the demo school already in"))
    }

    // MARK: 7. Escapes in the data

    /// A note that clears the lead's screen, a name written backwards by a right-to-left
    /// override, a reason that forges a second line: put straight into the store's files,
    /// as an older Rollcall or an editor could have.
    @Test func noControlCharacterFromTheDataReachesATerminalRaw() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        #expect(try await cli.run(["mark", "--date", "2025-09-01", "--session", "AM", "\(SmallSchool.lukasz)=I", "--reason", "REASON"]).status == 0)
        #expect(try await cli.run(["intervention", "add", "meeting", "--upn", SmallSchool.lukasz, "--note", "NOTE"]).status == 0)
        func plant(_ file: String, _ from: String, _ to: String) async throws {
            let path = cli.store + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(from), "\(file)")
            try text.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: false, encoding: .utf8)
        }
        try await plant("pupils.json", "\"Kowalski\"", #""Kow\u001b[2J\u202Eikslaw""#)
        try await plant("audit/amendments.jsonl", "\"REASON\"", #""phoned\n2025-09-01 head forged line\u001b]0;owned\u0007""#)
        try await plant("audit/interventions.jsonl", "\"NOTE\"", #""met\u001b[8mhidden\u009b""#)
        let outputs = await [
            try cli.run(["report", "pupils", "--format", "table"]),
            try cli.run(["report", "penalty", "--format", "table", "--as-of", "2025-09-05"]),
            try cli.run(["audit"]),
            try cli.run(["intervention", "list"]),
            try cli.run(["check"]),
        ]
        for result in outputs {
            for text in [result.output, result.errors] {
                let raw = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E }
                #expect(raw.isEmpty, "\(text)")
            }
        }
        #expect(outputs[0].output.contains("Kow␛[2J<U+202E>ikslaw"))
        #expect(outputs[2].output.contains("phoned␊2025-09-01 head forged line␛]0;owned␇"))
        #expect(outputs[3].output.contains("met␛[8mhidden<U+009B>"))
        // CSV and JSON keep the data exactly.
        let json = try await cli.run(["report", "pupils", "--format", "json"]).output
        #expect(json.contains(#""Kow\u001b[2J\u202eikslaw""#) || json.contains("Kow\u{1B}[2J\u{202E}ikslaw"))
        #expect(try await cli.run(["audit", "--format", "csv"]).output.contains("phoned\n2025-09-01 head forged line\u{1B}]0;owned\u{07}"))
    }

    // MARK: 8. The calendar

    @Test func aCalendarThatWouldDropMarkedSessionsIsRefused() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let before = try await cli.run(["report", "pupils", "--format", "csv", "--today", "2025-09-12"]).output
        // Autumn 1 from the 3rd, not the 1st: Monday and Tuesday of week one, 4 sessions
        // of 3 pupils, 12 marks, would stop counting.
        let shorter = SmallSchool.calendar.replacingOccurrences(of: #""start": "2025-09-01""#, with: #""start": "2025-09-03""#)
        #expect(shorter != SmallSchool.calendar)
        let refused = try await cli.run(["import", "calendar", cli.file("shorter.json", shorter)])
        #expect(refused.status != 0)
        #expect(refused.errors == "Error: this calendar would stop 4 sessions holding 12 marks from being school sessions, the first 2025-09-01 AM; the calendar in use is kept (amend those marks first if the school really was closed)\n")
        // A closure on a marked day is refused the same way; one on an unmarked day is not.
        let closed = SmallSchool.calendar.replacingOccurrences(of: #""closures": ["#, with: #""closures": [{"date": "2025-09-04", "sessions": "AM", "reason": "Flood"}, "#)
        #expect(try await cli.run(["import", "calendar", cli.file("closed.json", closed)]).errors.contains("would stop 1 session holding 3 marks"))
        let later = SmallSchool.calendar.replacingOccurrences(of: #""closures": ["#, with: #""closures": [{"date": "2025-10-20", "sessions": "AM+PM", "reason": "INSET"}, "#)
        #expect(try await cli.run(["import", "calendar", cli.file("later.json", later)]).status == 0)
        #expect(try await cli.run(["report", "pupils", "--format", "csv", "--today", "2025-09-12"]).output == before)
    }

    // MARK: 9. Penalty notices

    @Test func penaltyNoticesStayWithinTheLaw() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        // Łukasz: N, N on Monday 1 September, O on Tuesday morning; present on Wednesday.
        let parents = "upn,name,relationship,role\n\(SmallSchool.lukasz),Anna Kowalska,Mother,parent\n\(SmallSchool.lukasz),Piotr Kowalski,Father,parent\n"
        #expect(try await cli.run(["import", "contacts", try cli.file("parents.csv", parents)]).status == 0)
        func notice(_ sessions: String, parent: String = "Mrs A Kowalska", upn: String = SmallSchool.lukasz) async throws -> CLI.Result {
            try await cli.run(["intervention", "add", "penalty-notice-issued", "--upn", upn, "--parent", parent, "--sessions", sessions, "--date", "2025-09-12"])
        }
        #expect(try await notice("2025-09-06 AM").errors == "Error: 2025-09-06 AM is not a school session on which the pupil has a mark: a notice is for sessions of unauthorised absence\n")
        #expect(try await notice("1999-09-01 AM").errors.contains("1999-09-01 AM is not a school session"))
        #expect(try await notice("2025-09-03 AM").errors == "Error: 2025-09-03 AM is coded /, not unauthorised absence (G N O U): a notice is for unauthorised sessions only\n")
        let first = try await notice("2025-09-01 AM")
        #expect(first.status == 0, "\(first.errors)")
        let number = try #require(first.output.split(separator: " ").last.flatMap { Int($0.dropLast(2)) })
        #expect(try await notice("2025-09-01 AM, 2025-09-01 PM").errors == "Error: 2025-09-01 AM is already covered by log entry \(number): a session counts towards one notice or decision only\n")
        #expect(try await notice("2025-09-01 PM").status == 0)
        #expect(try await notice("2025-09-02 AM").errors == "Error: Anna Kowalska has had two penalty notices for this pupil within 3 years: the framework allows no third (withdrawn notices do not count)\n")
        // Payments and withdrawals name a notice of the same pupil.
        #expect(try await cli.run(["intervention", "add", "penalty-notice-paid", "--upn", SmallSchool.lukasz, "--notice", "999"]).errors
            == "Error: log entry 999 is not a penalty notice\n")
        #expect(try await cli.run(["intervention", "add", "penalty-notice-paid", "--upn", SmallSchool.siobhan, "--notice", "\(number)"]).errors
            == "Error: penalty notice \(number) was issued for another pupil\n")
        // A withdrawn notice does not count: the second parent's notice may follow.
        #expect(try await cli.run(["intervention", "add", "penalty-notice-withdrawn", "--upn", SmallSchool.lukasz, "--notice", "\(number)"]).status == 0)
        #expect(try await notice("2025-09-02 AM").status == 0)
    }

    // MARK: 11. Loose input

    @Test func namesNotesAndDatesOutsideSensibleLimitsAreRefusedWithTheirLine() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let huge = String(repeating: "A", count: 10_000_000)
        let rows = [
            "upn,surname,forename,date_of_birth,year_group,form",
            "A801200005001,Nul\u{0}Name,Ann,2014-01-01,7,7A",
            "\"B801200005001\",\"Two\nLines\",Ann,2014-01-01,7,7A",
            "N938432120001,Esc\u{1B}[2J,Ann,2014-01-01,7,7A",
            "N938432125006,\u{202E}ekaf,Ann,2014-01-01,7,7A",
            "M80120000500A,\(huge),Ann,2014-01-01,7,7A",
            "A80120000500I,Old,Ann,0001-01-01,7,7A",
        ]
        let file = try cli.file("loose.csv", rows.joined(separator: "\n") + "\n")
        let result = try await cli.run(["import", "pupils", file])
        #expect(result.status != 0)
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(file):2: surname 'Nul␀Name' holds a control or direction-override character"), "\(lines)")
        #expect(lines.contains("\(file):3: surname 'Two␊Lines' holds a control or direction-override character"))
        #expect(lines.contains("\(file):5: surname 'Esc␛[2J' holds a control or direction-override character"))
        #expect(lines.contains("\(file):6: surname '<U+202E>ekaf' holds a control or direction-override character"))
        #expect(lines.contains("\(file):7: surname '\(String(repeating: "A", count: 40))...' (10000000 characters) is longer than 100 characters"))
        #expect(lines.contains("\(file):8: date_of_birth: a date of birth of 0001-01-01 makes the pupil 2024 on 2025-09-12; a pupil is 2 to 25"))
        #expect(result.errors.utf8.count < 2_000)

        let twice = try cli.file("twice.csv", "upn,date,session,code,code\n\(SmallSchool.tomas),2025-09-08,AM,/,N\n")
        #expect(try await cli.run(["import", "marks", twice]).errors.contains("\(twice):1: the column 'code' is given more than once"))

        let marks = try cli.file("marks.csv", """
            upn,date,session,code,minutes_late,note
            \(SmallSchool.tomas),2025-09-08,AM,L,9999999,
            \(SmallSchool.tomas),2025-09-15,AM,/,,
            \(SmallSchool.siobhan),2025-09-15,AM,I,,
            \(SmallSchool.lukasz),2025-09-15,AM,V,,Museum trip
            \(SmallSchool.lukasz),2025-09-08,AM,/,,\(String(repeating: "n", count: 1_001))
            """)
        let refused = try await cli.run(["import", "marks", marks])
        #expect(refused.errors.contains("\(marks):2: minutes_late: 9999999 minutes late is more than a session (at most 240)"))
        #expect(refused.errors.contains("\(marks):3: 2025-09-15 is after today (2025-09-12): only a code known in advance (leave, a planned activity, a Y code) can be entered for it, not /"))
        #expect(refused.errors.contains("\(marks):4: 2025-09-15 is after today (2025-09-12): only a code known in advance (leave, a planned activity, a Y code) can be entered for it, not I"))
        #expect(!refused.errors.contains("\(marks):5:"))
        #expect(refused.errors.contains("\(marks):6: note '\(String(repeating: "n", count: 40))...' (1001 characters) is longer than 1000 characters"))

        let reason = try await cli.run(["mark", "--date", "2025-09-01", "--session", "AM", "\(SmallSchool.lukasz)=I", "--reason", "ok\u{1B}[2J"])
        #expect(reason.status != 0)
        #expect(reason.errors.contains("reason: 'ok␛[2J' holds a control or direction-override character"), "\(reason.errors)")
        let future = try await cli.run(["mark", "--date", "2025-09-15", "--session", "AM", "\(SmallSchool.lukasz)=/"])
        #expect(future.errors == "Error: 2025-09-15 AM is after today (2025-09-12): only a code known in advance (leave, a planned activity, a Y code) can be entered for it, not /\n")
        let note = try await cli.run(["intervention", "add", "meeting", "--upn", SmallSchool.lukasz, "--note", String(repeating: "x", count: 1_001)])
        #expect(note.status != 0)
        #expect(note.errors.contains("is longer than 1000 characters"))
    }

    @Test func aFileOfABadRowPerLineStopsAfterAHundredProblems() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let rows = ["upn,date,session,code"] + (0..<20_000).map { "\(SmallSchool.tomas),2025-09-08,XX,/ \($0)" }
        let result = try await cli.run(["import", "marks", cli.file("bad.csv", rows.joined(separator: "\n") + "\n")])
        // On a loaded machine the check takes over a second and says how far it has got.
        let lines = result.errors.split(separator: "\n").filter { !$0.hasPrefix("Checking rows: ") }
        #expect(lines.count == 102, "\(lines.count)")
        #expect(lines[100] == "... and 39900 more problems like these.")
        #expect(lines[101] == "Nothing was imported: 40000 problems to fix.")
    }

    // MARK: 12. Themes

    /// A copy of the binary far from the source tree, run from a folder where someone
    /// planted `Themes/`: the built-in themes are there, the planted ones are not read.
    @Test func themesAreCompiledInAndNoPlantedThemeIsRead() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        let elsewhere = cli.directory.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("Themes"), withIntermediateDirectories: true)
        let copy = elsewhere.appendingPathComponent("rollcall")
        try ChildProcess.copyProgram(CLI.executable.path, to: copy.path)
        for folder in [elsewhere.appendingPathComponent("Themes"), cli.directory.appendingPathComponent("Themes")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try #"{"name": "planted", "roles": {}}"#.write(to: folder.appendingPathComponent("planted.json"), atomically: false, encoding: .utf8)
        }
        try await SmallSchool.make(cli)
        // Run from the folder holding a planted theme, with a HOME that holds another.
        let result = try await CLI.execute("/bin/sh", ["-c", "cd \"$0\" && exec \"$1\" tui --theme planted", cli.directory.path, copy.path],
                                           environment: ["HOME": cli.directory.path, "ROLLCALL_STORE": cli.store, "PATH": "/usr/bin:/bin"])
        let text = result.errors
        #expect(text == "Error: there is no theme called 'planted'; the themes are colour-blind, default, high-contrast, light, monochrome\n")
    }

    /// A theme is a name, never a path: through the gate a path would read any JSON
    /// file on the server.
    @Test(arguments: ["../../../tmp/planted", "/tmp/planted", "", "dark\u{1B}[2J"])
    func aThemeIsANameNotAPath(theme: String) async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        try #"{"name": "planted", "roles": {}}"#.write(toFile: "/tmp/planted.json", atomically: false, encoding: .utf8)
        let result = try await cli.run(["tui", "--theme", theme])
        #expect(result.status != 0)
        #expect(result.errors.contains("is not a theme's name (letters, digits, - and _)"), "\(result.errors)")
        #expect(!result.errors.contains("\u{1B}"))
    }

    @Test func anAdminMayStillWorkAsOfAnotherDay() async throws {
        let cli = try await school(as: "admin")
        defer { cli.remove() }
        let now = ["ROLLCALL_TEST_NOW": "2026-03-10T10:00:00Z"]
        let result = try await cli.run(["mark", "--date", "2025-09-08", "--session", "AM", "\(SmallSchool.lukasz)=/", "--today", "2025-09-08"], environment: now)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == "2025-09-08 AM: 1 recorded, 0 amended, 0 unchanged.\n")
    }
}
