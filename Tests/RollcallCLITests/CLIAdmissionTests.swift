import Foundation
import Testing

/// `rollcall admission`: deletions on a ground, readmissions, and the admission
/// register's log, on the small school (today Friday 12 September 2025).
@Suite("The admission register")
struct CLIAdmissionTests {
    let me = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
    /// The real clock on the small school's Friday, so that what is made today is dated today.
    let friday = ["ROLLCALL_TEST_NOW": "2025-09-12T10:00:00Z"]
    let movedAway = ["--ground", "a", "--other-school", "Hollins Park Academy", "--confirm", "exceptions-do-not-apply",
                     "--reason", "Registered at Hollins Park from Monday"]

    func school() async throws -> CLI {
        let cli = try CLI()
        try await SmallSchool.make(cli)
        try cli.staff([(me, "admin", []), ("amy", "tutor", ["7A"])])
        return cli
    }

    func lukasz(_ cli: CLI, today: String = "2025-09-12") async throws -> [String: Any]? {
        let rows = try await json(try cli.run(["report", "pupils", "--from", "2025-09-01", "--to", "2025-09-05", "--format", "json"], today: today).output)
        return rows.first { $0["upn"] as? String == SmallSchool.lukasz }
    }

    @Test func aDeletedPupilKeepsEveryMarkBeforeAndIsOffEveryRegisterAfter() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let before = try #require(try await lukasz(cli))
        let deleted = try await cli.run(["admission", "delete", SmallSchool.lukasz] + movedAway)
        #expect(deleted.status == 0, "\(deleted.errors)")
        #expect(deleted.output.contains("Deleted Kowalski, Łukasz (\(SmallSchool.lukasz)) from the admission register on ground (a)"))
        // Week one's figures are as they were: 6 attended of 9 possible.
        let after = try #require(try await lukasz(cli))
        #expect(after["possible"] as? Int == 9 && after["attended"] as? Int == 6)
        #expect(NSDictionary(dictionary: after) == NSDictionary(dictionary: before))
        // Monday 15 September: not on roll, so not on 7A's register.
        let monday = try await cli.run(["mark", "--date", "2025-09-15", "--session", "AM", "\(SmallSchool.lukasz)=/"], today: "2025-09-15")
        #expect(monday.status != 0)
        #expect(monday.errors.contains("not on roll"), "\(monday.errors)")
        // An import from the MIS that still lists him does not put him back.
        try await cli.run(["import", "pupils", try cli.file("again.csv", SmallSchool.pupils)])
        #expect(try await cli.run(["mark", "--date", "2025-09-15", "--session", "AM", "\(SmallSchool.lukasz)=/"], today: "2025-09-15").status != 0)
        #expect(try await cli.run(["check"]).status == 0)
    }

    /// Off-rolling shows: the summary cut by ground puts the deleted apart from the roll.
    @Test func theSummaryCutsByGround() async throws {
        let cli = try await school()
        defer { cli.remove() }
        try await cli.run(["admission", "delete", SmallSchool.lukasz] + movedAway)
        let rows = try await json(try cli.run(["report", "summary", "--by", "ground", "--from", "2025-09-01", "--to", "2025-09-05", "--format", "json"]).output)
        let byCohort = Dictionary(rows.map { ($0["ground"] as? String ?? "", $0) }, uniquingKeysWith: { $1 })
        // Łukasz: 6 attended of 9 in week one; Siobhán 7 of 9 and Tomás 8 of 8 stay on roll.
        #expect(byCohort["Deleted (a) registered at another school"]?["pupils"] as? Int == 1)
        #expect(byCohort["Deleted (a) registered at another school"]?["attended"] as? Int == 6)
        #expect(byCohort["On roll"]?["pupils"] as? Int == 2 && byCohort["On roll"]?["attended"] as? Int == 15)
        // Readmitted, he is on roll again in the cut.
        try await cli.run(["admission", "readmit", SmallSchool.lukasz, "--reason", "Entered in error"])
        let again = try await json(try cli.run(["report", "summary", "--by", "ground", "--from", "2025-09-01", "--to", "2025-09-05", "--format", "json"]).output)
        #expect(again.compactMap { $0["ground"] as? String }.filter { $0 != "School" } == ["On roll"])
    }

    @Test func aDeletionMadeInErrorIsUndoneAndBothStayOnRecord() async throws {
        let cli = try await school()
        defer { cli.remove() }
        try await cli.run(["admission", "delete", SmallSchool.lukasz] + movedAway)
        let readmitted = try await cli.run(["admission", "readmit", SmallSchool.lukasz, "--reason", "Wrong pupil: it was his cousin"], environment: friday)
        #expect(readmitted.status == 0, "\(readmitted.errors)")
        #expect(readmitted.output.contains("the deletion of 2025-09-12 on ground (a) is undone"))
        let monday = try await cli.run(["mark", "--date", "2025-09-15", "--session", "AM", "\(SmallSchool.lukasz)=/"], today: "2025-09-15")
        #expect(monday.status == 0, "\(monday.errors)")
        let extract = try await json(try cli.run(["report", "admissions", "--from", "2025-09-01", "--to", "2025-09-12", "--format", "json"]).output)
        #expect(extract.map { $0["event"] as? String } == ["deleted", "readmitted"])
        #expect(extract[0]["ground"] as? String == "a" && extract[0]["reason"] as? String == "Registered at Hollins Park from Monday")
        #expect(extract[1]["reason"] as? String == "Wrong pupil: it was his cousin" && extract[1]["old"] as? String == "2025-09-12")
        let again = try await cli.run(["admission", "readmit", SmallSchool.lukasz, "--reason", "Twice"])
        #expect(again.errors.contains("the pupil's name has not been deleted: there is nothing to readmit"))
    }

    @Test(arguments: [
        (["--date", "2025-09-11"], "a deletion cannot be dated before today (2025-09-12); 2025-09-11 would backdate the register"),
        (["--ground", "i", "--reason", "Missing", "--confirm", "no-grounds-for-sickness"],
         "ground (i) needs at least 20 school days in a row, up to the deletion, every session G, N or O: there are 0, broken by 2025-09-11 AM, not marked"),
        (["--ground", "f", "--reason", "Home education", "--confirm", "no-attendance-order"],
         "ground (f) (educated at home) needs the date of the parent's written notice (--notice-date)"),
        (["--ground", "a", "--other-school", "X", "--reason", "Moved"],
         "ground (a) (registered at another school) needs --confirm exceptions-do-not-apply"),
        (["--ground", "z", "--reason", "?"], "--ground"),
        (["--ground", "k", "--confirm", "death-confirmed", "--reason", "Told\u{1B}[2J by phone"], "the deletion's reason"),
        (["--ground", "k", "--confirm", "death-confirmed", "--reason", String(repeating: "x", count: 1_001)], "the deletion's reason"),
    ])
    func eachRefusalNamesItsCondition(arguments: [String], says: String) async throws {
        let cli = try await school()
        defer { cli.remove() }
        let base = arguments.contains("--ground") ? [] : movedAway
        let result = try await cli.run(["admission", "delete", SmallSchool.lukasz] + base + arguments)
        #expect(result.status != 0)
        #expect(result.errors.contains(says), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: cli.store + "/audit/admissions.jsonl"))
    }

    /// Through the gate as amy, a tutor: the staff rules hold there as anywhere.
    @Test func aTutorCannotDeleteAPupil() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let command = "admission delete \(SmallSchool.lukasz) --ground k --confirm death-confirmed --reason 'Told by the family'"
        let gate = try await cli.run(["gate", "amy"], environment: ["ROLLCALL_TEST_NOW": "2025-09-12T08:30:00Z", "SSH_ORIGINAL_COMMAND": command])
        #expect(gate.status != 0)
        #expect(gate.errors.contains("Deleting or readmitting a pupil needs the attendance lead, office or an admin; 'amy' is a tutor"), "\(gate.errors)")
        #expect(!FileManager.default.fileExists(atPath: cli.store + "/audit/admissions.jsonl"))
    }

    @Test func aChangedEntryIsAnAmendmentWithTheOriginal() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let changed = SmallSchool.pupils.replacingOccurrences(of: "\(SmallSchool.siobhan),O'Brien,", with: "\(SmallSchool.siobhan),O'Brien-Walsh,")
        let imported = try await cli.run(["import", "pupils", try cli.file("changed.csv", changed), "--reason", "Deed poll seen by the office"],
                                   environment: friday)
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("1 item of the admission register amended"))
        let extract = try await json(try cli.run(["report", "admissions", "--from", "2025-09-12", "--to", "2025-09-12", "--format", "json"]).output)
        #expect(extract.count == 1)
        #expect(extract.first?["event"] as? String == "amended" && extract.first?["field"] as? String == "surname")
        #expect(extract.first?["old"] as? String == "O'Brien" && extract.first?["new"] as? String == "O'Brien-Walsh")
        #expect(extract.first?["reason"] as? String == "Deed poll seen by the office")
        // The same file again changes nothing, and amends nothing.
        let again = try await cli.run(["import", "pupils", try cli.file("changed.csv", changed)])
        #expect(!again.output.contains("amended"))
    }

    @Test func aDeletionsReturnIsListedWithItsContentsUntilItIsLogged() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let contacts = """
            upn,name,relationship,phone,lives_with_pupil,address,emergency_phone
            \(SmallSchool.lukasz),Anna Kowalska,Mother,0113 496 0000,Y,"3 Elm Road, Leeds LS6 2AB",07700 900123
            \(SmallSchool.lukasz),Piotr Kowalski,Father,,N,,
            """
        #expect(try await cli.run(["import", "contacts", try cli.file("contacts.csv", contacts)]).status == 0)
        try await cli.run(["admission", "delete", SmallSchool.lukasz] + movedAway + ["--new-address", "9 New Road, Leeds LS7 1AA"])
        let returns = try await json(try cli.run(["report", "la-returns", "--format", "json"]).output)
        #expect(returns.count == 1)
        let row = try #require(returns.first)
        #expect(row["return"] as? String == "deletion" && row["due"] as? String == "2025-09-12" && row["overdue"] as? Bool == false)
        #expect(row["ground"] as? String == "a" && row["new_school"] as? String == "Hollins Park Academy")
        #expect(row["new_address"] as? String == "9 New Road, Leeds LS7 1AA")
        #expect(row["parents"] as? [String] == ["Anna Kowalska (Mother), 3 Elm Road, Leeds LS6 2AB, 07700 900123, lives with the pupil"])
        // Monday: overdue; then logged, and gone from the list.
        let monday = try await json(try cli.run(["report", "la-returns", "--format", "json"], today: "2025-09-15").output)
        #expect(monday.first?["overdue"] as? Bool == true)
        let vague = try await cli.run(["intervention", "add", "la-return", "--upn", SmallSchool.lukasz])
        #expect(vague.errors.contains("la-return needs what it is about: an admission or a deletion"))
        let logged = try await cli.run(["intervention", "add", "la-return", "--upn", SmallSchool.lukasz, "--about", "deletion",
                                  "--note", "Sent on the LA's form"], today: "2025-09-15")
        #expect(logged.status == 0, "\(logged.errors)")
        #expect(try await json(try cli.run(["report", "la-returns", "--format", "json"], today: "2025-09-15").output).isEmpty)
        let listed = try await cli.run(["intervention", "list", "--format", "csv"]).output
        #expect(listed.contains(",la-return,Sent on the LA's form,,,,,deletion,"))
    }

    @Test func aChangeToAPupilsParentsIsAnAmendmentWithTheOriginal() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let first = "upn,name,relationship,phone,lives_with_pupil,address\n\(SmallSchool.lukasz),Anna Kowalska,Mother,07700 900123,Y,3 Elm Road\n"
        try await cli.run(["import", "contacts", try cli.file("first.csv", first)], environment: friday)
        // Filled in for the first time: not an amendment.
        #expect(try await json(try cli.run(["report", "admissions", "--from", "2025-09-12", "--to", "2025-09-12", "--format", "json"]).output).isEmpty)
        let moved = first.replacingOccurrences(of: "3 Elm Road", with: "9 New Road")
        try await cli.run(["import", "contacts", try cli.file("moved.csv", moved), "--reason", "Mum rang: new address"], environment: friday)
        let extract = try await json(try cli.run(["report", "admissions", "--from", "2025-09-12", "--to", "2025-09-12", "--format", "json"]).output)
        #expect(extract.count == 1)
        #expect(extract.first?["field"] as? String == "parents" && extract.first?["reason"] as? String == "Mum rang: new address")
        #expect(extract.first?["old"] as? String == "Anna Kowalska (Mother), 3 Elm Road, 07700 900123, lives with the pupil")
        #expect(extract.first?["new"] as? String == "Anna Kowalska (Mother), 9 New Road, 07700 900123, lives with the pupil")
        #expect(try await cli.run(["check"]).status == 0)
    }

    @Test func anEditedLineOfTheAdmissionLogIsFoundByCheck() async throws {
        let cli = try await school()
        defer { cli.remove() }
        try await cli.run(["admission", "delete", SmallSchool.lukasz] + movedAway)
        let path = cli.store + "/audit/admissions.jsonl"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"ground\":\"a\"", with: "\"ground\":\"i\"").write(toFile: path, atomically: false, encoding: .utf8)
        let check = try await cli.run(["check"])
        #expect(check.status != 0)
        #expect((check.output + check.errors).contains("admissions.jsonl"), "\(check.output)\(check.errors)")
    }
}
