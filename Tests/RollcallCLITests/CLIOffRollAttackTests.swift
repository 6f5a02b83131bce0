import Foundation
import Testing

/// Each test plays an attack a careless office or a member of staff with a grudge could
/// make on the register of record, and shows it refused, on the small school (today
/// Friday 12 September 2025).
@Suite("Off roll only through the admission register; rules for people, not spellings")
struct CLIOffRollAttackTests {
    let me = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
    let friday = ["ROLLCALL_TEST_NOW": "2025-09-12T10:00:00Z"]

    func school() async throws -> CLI {
        let cli = try CLI()
        try await SmallSchool.make(cli)
        try cli.staff([(me, "admin", []), ("amy", "tutor", ["7A"]), ("lead", "attendance_lead", [])])
        return cli
    }

    func report(_ cli: CLI) async throws -> String {
        try await cli.run(["report", "pupils", "--format", "csv"]).output
    }

    // MARK: An import never takes a pupil off roll

    @Test func aLeavingDateInAPupilsImportIsRefusedWithItsLineAndTheWayOffRoll() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let before = try await report(cli)
        let backdated = SmallSchool.pupils.replacingOccurrences(of: ",house\n", with: ",house,leaving_date\n")
            .replacingOccurrences(of: "N,N,Blue", with: "N,N,Blue,2025-09-01")
        let refused = try await cli.run(["import", "pupils", try cli.file("pupils.csv", backdated)])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("pupils.csv:3: leaving_date '2025-09-01': an import never takes a pupil off roll; a name is deleted from the admission register on a ground, with its checks: 'rollcall admission delete \(SmallSchool.lukasz) --ground ...'"), "\(refused.errors)")
        let lastYear = backdated.replacingOccurrences(of: "2025-09-01", with: "2024-07-19")
        #expect(try await cli.run(["import", "pupils", try cli.file("last-year.csv", lastYear)]).errors.contains("leaving_date '2024-07-19'"))
        #expect(try await report(cli) == before)
        #expect(!FileManager.default.fileExists(atPath: cli.store + "/audit/admissions.jsonl"))
    }

    @Test func anImportWithoutAColumnKeepsWhatTheStoreHoldsAndAnEmptyOneClearsIt() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let full = """
            upn,surname,forename,date_of_birth,year_group,form,sex,address,starting_day
            \(SmallSchool.lukasz),Kowalski,Łukasz,2013-11-20,7,7A,M,12 Mill Lane,2025-09-01
            """
        #expect(try await cli.run(["import", "pupils", try cli.file("full.csv", full)]).status == 0)
        // The MIS's next export carries only the required columns: nothing else changes.
        let bare = "upn,surname,forename,date_of_birth,year_group,form\n\(SmallSchool.lukasz),Kowalski,Łukasz,2013-11-20,7,7A\n"
        let kept = try await cli.run(["import", "pupils", try cli.file("bare.csv", bare)])
        #expect(kept.output == "Imported 1 pupils: 0 new, 1 updated.\n", "\(kept.errors)")
        let pupils = try String(contentsOfFile: cli.store + "/pupils.json", encoding: .utf8)
        #expect(pupils.contains("12 Mill Lane") && pupils.contains("\"sex\" : \"M\"") && pupils.contains("\"admissionDate\" : \"2025-09-01\""))
        // A column that is there and empty clears the item, as an amendment of the register.
        let cleared = try await cli.run(["import", "pupils", try cli.file("cleared.csv", "upn,surname,forename,date_of_birth,year_group,form,address\n"
                                                                   + "\(SmallSchool.lukasz),Kowalski,Łukasz,2013-11-20,7,7A,\n")])
        #expect(cleared.output.contains("1 item of the admission register amended"), "\(cleared.output)")
        #expect(!(try String(contentsOfFile: cli.store + "/pupils.json", encoding: .utf8)).contains("12 Mill Lane"))
    }

    // MARK: No deletion rests on a fact from the future

    @Test func aDeletionLinedUpForLaterCannotSkipTheChecksOfItsGround() async throws {
        let cli = try await school()
        defer { cli.remove() }
        // Łukasz is marked present today; "not back after leave" a week on would be decided on days not yet seen.
        let linedUp = try await cli.run(["admission", "delete", SmallSchool.lukasz, "--ground", "h", "--date", "2025-09-19", "--leave-ended", "2025-09-01",
                                   "--confirm", "enquiries-made", "--reason", "Not back"])
        #expect(linedUp.status != 0)
        #expect(linedUp.errors.contains("ground (h) (not back after leave) rests on something that must have happened"), "\(linedUp.errors)")
        let leaveNotOver = try await cli.run(["admission", "delete", SmallSchool.lukasz, "--ground", "h", "--leave-ended", "2025-09-20",
                                        "--confirm", "enquiries-made", "--reason", "Not back"])
        #expect(leaveNotOver.errors.contains("the last day of the granted leave (--leave-ended 2025-09-20) is after today (2025-09-12)"))
        let futureNotice = try await cli.run(["admission", "delete", SmallSchool.lukasz, "--ground", "f", "--notice-date", "2025-09-15",
                                        "--confirm", "no-attendance-order", "--reason", "Home education"])
        #expect(futureNotice.errors.contains("the date of the parent's written notice (--notice-date 2025-09-15) is after today (2025-09-12)"))
        #expect(!FileManager.default.fileExists(atPath: cli.store + "/audit/admissions.jsonl"))
        #expect(try await cli.run(["admission", "grounds"]).output.contains("(h) not back after leave\n    checked: the day the leave ended is given and is not after today"))
    }

    @Test func aLinedUpDeletionStandsShowsInTheExtractAndIsTheOnlyOne() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let moving = ["--ground", "g", "--date", "2025-09-26", "--confirm", "not-reasonable-distance", "--reason", "Moving to Leeds on the 26th"]
        let linedUp = try await cli.run(["admission", "delete", SmallSchool.lukasz] + moving, environment: friday)
        #expect(linedUp.status == 0, "\(linedUp.errors)")
        // A second deletion, for today or for after the first, is refused while it stands.
        for date in ["2025-09-12", "2025-10-03"] {
            let again = try await cli.run(["admission", "delete", SmallSchool.lukasz, "--ground", "k", "--date", date, "--confirm", "death-confirmed",
                                     "--reason", "Told by phone"], environment: friday)
            #expect(again.errors.contains("the pupil's name is deleted from 2025-09-26 already"), "\(again.errors)")
        }
        let extract = try await json(try cli.run(["report", "admissions", "--from", "2025-09-12", "--to", "2025-09-12", "--format", "json"], environment: friday).output)
        #expect(extract.map { $0["event"] as? String } == ["deletion lined up"])
        #expect(extract.first?["new"] as? String == "takes effect on 2025-09-26")
        // On its day it is a deletion like any other; readmit undoes exactly one.
        let onTheDay = try await json(try cli.run(["report", "admissions", "--from", "2025-09-26", "--to", "2025-09-26", "--format", "json"],
                                            today: "2025-09-26").output)
        #expect(onTheDay.map { $0["event"] as? String } == ["deleted"])
        #expect(try await cli.run(["admission", "readmit", SmallSchool.lukasz, "--reason", "Family stayed"], environment: friday).status == 0)
        #expect(try await cli.run(["admission", "readmit", SmallSchool.lukasz, "--reason", "Again"], environment: friday).errors.contains("nothing to readmit"))
    }

    // MARK: Penalty notices count per parent

    @Test func aThirdNoticeToOneParentIsRefusedWhateverTheSpelling() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let contacts = "upn,name,relationship,role,phone,lives_with_pupil\n\(SmallSchool.lukasz),Lily Mensah,Mother,parent,07700 900123,Y\n"
            + "\(SmallSchool.lukasz),Kofi Mensah,Father,parent,07700 900124,Y\n\(SmallSchool.lukasz),Sam Ward,Social worker,social-worker,07700 900125,N\n"
        #expect(try await cli.run(["import", "contacts", try cli.file("contacts.csv", contacts)]).status == 0)
        func notice(_ parent: String, _ session: String) async throws -> CLI.Result {
            try await cli.run(["intervention", "add", "penalty-notice-issued", "--upn", SmallSchool.lukasz, "--parent", parent, "--sessions", session])
        }
        #expect(try await notice("lily  mensah", "2025-09-01 AM").status == 0)
        #expect(try await notice("Mrs L Mensah", "2025-09-01 PM").status == 0)
        let third = try await notice("Lily\u{00A0}Mensah", "2025-09-02 AM")
        #expect(third.errors == "Error: Lily Mensah has had two penalty notices for this pupil within 3 years: the framework allows no third (withdrawn notices do not count)\n")
        let log = try await json(try cli.run(["intervention", "list", "--format", "json"]).output)
        #expect(log.map { $0["parent"] as? String } == ["Lily Mensah", "Lily Mensah"])
        // Not a parent, or could be either: refused, naming who could be meant.
        #expect(try await notice("Sam Ward", "2025-09-02 AM").errors.contains("'Sam Ward' is not a parent of the pupil on record: a notice is issued to a parent ('Kofi Mensah', 'Lily Mensah')"))
        #expect(try await notice("Mr Mensah", "2025-09-02 AM").status != 0)
        #expect(try await notice("Kofi Mensah", "2025-09-02 AM").status == 0)
    }

    // MARK: The calendar's past is evidence

    @Test func reopeningAPastClosedDayNeedsAnAdminAndAReasonAndIsAudited() async throws {
        let cli = try await school()
        defer { cli.remove() }
        // Friday 5 September's afternoon was closed; reopening it would make it possible for every pupil.
        let reopened = SmallSchool.calendar.replacingOccurrences(of: #"{"date": "2025-09-05", "sessions": "PM", "reason": "Early finish"}"#, with: "")
        let file = try cli.file("reopened.json", reopened)
        let before = try await report(cli)
        let silent = try await cli.run(["import", "calendar", file])
        #expect(silent.status != 0)
        #expect(silent.errors.contains("this calendar changes days that have passed, which the register's figures rest on: 2025-09-05: open AM, now open AM+PM"), "\(silent.errors)")
        try cli.staff([("lead", "attendance_lead", []), (me, "attendance_lead", []), ("head", "admin", [])])
        // A lead pretending it is still 1 September, when the 5th was to come, changes nothing either.
        let pretended = try await cli.run(["import", "calendar", file], today: "2025-09-01", environment: friday)
        #expect(pretended.status != 0)
        #expect(pretended.errors.contains("this calendar changes days that have passed"), "\(pretended.errors)")
        let notAdmin = try await cli.run(["import", "calendar", file, "--reason", "It was open"])
        #expect(notAdmin.errors.contains("Changing the calendar's days gone by needs an admin"), "\(notAdmin.errors)")
        #expect(try await report(cli) == before)
        try cli.staff([(me, "admin", [])])
        let amended = try await cli.run(["import", "calendar", file, "--reason", "The early finish was cancelled"])
        #expect(amended.output == "Imported 2025-26: 2 terms, 0 closures; 1 change to days gone by, kept in the calendar's log.\n", "\(amended.errors)")
        let audit = try await json(try cli.run(["audit", "--calendar", "--format", "json"]).output)
        #expect(audit.count == 1)
        #expect(audit.first?["changes"] as? [String] == ["2025-09-05: open AM, now open AM+PM"])
        #expect(audit.first?["reason"] as? String == "The early finish was cancelled" && audit.first?["by"] as? String == me)
        #expect((audit.first?["old"] as? String)?.contains("Early finish") == true)
        // Changing days to come is planning: no reason asked.
        let planned = SmallSchool.calendar.replacingOccurrences(of: #""closures": ["#, with: #""closures": [{"date": "2025-10-20", "sessions": "AM+PM", "reason": "INSET"}, "#)
            .replacingOccurrences(of: #"{"date": "2025-09-05", "sessions": "PM", "reason": "Early finish"}"#, with: "")
        #expect(try await cli.run(["import", "calendar", try cli.file("planned.json", planned)]).status == 0)
    }

    @Test func aTermNameThatWouldClearAScreenIsRefused() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let hostile = SmallSchool.calendar.replacingOccurrences(of: "Autumn 2", with: "Autumn\\u001b[2J 2")
        let refused = try await cli.run(["import", "calendar", try cli.file("hostile.json", hostile)])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("a term's name 'Autumn␛[2J 2' holds a control or direction-override character"), "\(refused.errors)")
    }

    // MARK: check tells a crash's leftovers from faults

    @Test func checkPassesOnWhatACrashLeavesAndFailsOnAFault() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let leftover = cli.store + "/marks/2025-26/.7A.json.dead.tmp"
        try "half".write(toFile: leftover, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: leftover)
        let debris = try await cli.run(["check"])
        #expect(debris.status == 0, "\(debris.output)\(debris.errors)")
        #expect(debris.output.contains(".7A.json.dead.tmp: a temporary file left by a write that did not finish; the next write of its folder removes it (left by a crash, not a fault in the record)"))
        try "{".write(toFile: cli.store + "/groups.json", atomically: false, encoding: .utf8)
        #expect(try await cli.run(["check"]).status != 0)
    }

    // MARK: Keys of people who have left

    @Test func keysOfLoginsOffTheStaffListAreListedOnlyAsInactive() async throws {
        let cli = try await school()
        defer { cli.remove() }
        #expect(try await cli.run(["keys", "add", "amy", try cli.file("amy.pub", CLIKeysTests.amy)]).status == 0)
        #expect(try await cli.run(["keys", "add", "lead", try cli.file("lead.pub", CLIKeysTests.lead)]).status == 0)
        try cli.staff([(me, "admin", []), ("lead", "attendance_lead", [])])
        let shown = try await json(try cli.run(["keys", "list", "--format", "json"]).output)
        #expect(shown.map { $0["login"] as? String } == ["lead"])
        let all = try await json(try cli.run(["keys", "list", "--all", "--format", "json"]).output)
        #expect(all.map { $0["status"] as? String } == ["inactive: not on the staff list", "active"])
    }
}
