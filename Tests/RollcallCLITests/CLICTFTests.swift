import Foundation
import Testing

/// A Common Transfer File out of the small school (LAESTAB 8881234), worked by hand on
/// Łukasz's first week: N, N on Monday, O on Tuesday morning, Friday afternoon closed:
/// 9 possible, 6 attended, 0 authorised, 3 unauthorised.
@Suite("Common Transfer File out")
struct CLICTFTests {
    /// The real clock at 11:00 on Friday 12 September 2025, when the files are written.
    let friday = ["ROLLCALL_TEST_NOW": "2025-09-12T10:00:00Z"]
    let movedAway = ["--ground", "a", "--other-school", "Ash Grove Academy", "--confirm", "exceptions-do-not-apply",
                     "--reason", "Registered at Ash Grove from Monday"]

    func school() async throws -> CLI {
        let cli = try CLI()
        try await SmallSchool.make(cli)
        #expect(try await cli.run(["school", "set", "--laestab", "8881234"]).status == 0)
        #expect(try await cli.run(["import", "contacts", try cli.file("contacts.csv", CLILeaveTests.contacts)]).status == 0)
        return cli
    }

    @Test func aLeaversFileCarriesTheirRecordAndIsDueUntilSent() async throws {
        let cli = try await school()
        defer { cli.remove() }
        #expect(try await cli.run(["admission", "delete", SmallSchool.lukasz] + movedAway).status == 0)
        let due = try json(try await cli.run(["report", "followups", "--rule", "ctf-due", "--format", "json"]).output)
        #expect(due.map { $0["detail"] as? String } == ["deleted on ground (a) from 2025-09-12: the CTF is due by 2025-09-27"])

        let folder = cli.directory.appendingPathComponent("ctf").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let written = try await cli.run(["export", "ctf", "--upn", SmallSchool.lukasz, "--to", "8881235", "--sessions", "--out", folder], environment: friday)
        #expect(written.output == "Wrote \(folder)/8881234_CTF_8881235_001.xml for 1 pupil.\n", "\(written.errors)")
        let xml = try String(contentsOfFile: "\(folder)/8881234_CTF_8881235_001.xml", encoding: .utf8)
        #expect((try? XHTML(xml)) != nil, "the file parses")
        #expect(xml.contains("<CTFversion>25.0</CTFversion>") && xml.contains("<DocumentQualifier>full</DocumentQualifier>"))
        #expect(xml.contains("<SourceSchool><LEA>888</LEA><Estab>1234</Estab><SchoolName>Test Academy</SchoolName><AcademicYear>2025</AcademicYear></SourceSchool>"))
        #expect(xml.contains("<DestSchool><LEA>888</LEA><Estab>1235</Estab></DestSchool>"))
        #expect(xml.contains("<UPN>\(SmallSchool.lukasz)</UPN><Surname>Kowalski</Surname><Forename>Łukasz</Forename><DOB>2013-11-20</DOB><Sex>M</Sex>"))
        #expect(xml.contains("<Contact><Order>1</Order><Surname>Kowalska</Surname><Forename>Anna</Forename><Relationship>Mother</Relationship>"
                             + "<Responsibility>true</Responsibility><Phones><Phone><PhoneNo>0113 496 0000</PhoneNo></Phone></Phones></Contact>"))
        #expect(xml.contains("<YearData><Year>2025</Year><LEA>888</LEA><Estab>1234</Estab><SchoolName>Test Academy</SchoolName>"
                             + "<SessionsPossible>9</SessionsPossible><SessionsAuthorised>0</SessionsAuthorised><SessionsAttended>6</SessionsAttended>"
                             + "<SessionsUnauthorised>3</SessionsUnauthorised>"), "\(xml)")
        // Monday 1 to Friday 12 September, his last day: week one's marks, Friday PM
        // closed, the weekend, then week two unmarked.
        #expect(xml.contains("<AttendanceStartDate>2025-09-01</AttendanceStartDate><AttendanceMarks>N,N,O,\\,/,\\,/,\\,/,#,#,#,#,#,"
                             + "-,-,-,-,-,-,-,-,-,-</AttendanceMarks>"), "\(xml)")
        #expect(try await cli.run(["report", "followups", "--rule", "ctf-due"]).output.split(whereSeparator: \.isNewline).count == 1)
        let log = try await cli.run(["report", "admissions", "--from", "2025-09-12", "--to", "2025-09-12", "--format", "csv"]).output
        #expect(log.contains(",ctf sent,\(SmallSchool.lukasz),") && log.contains(",ctf,8881235,8881234_CTF_8881235_001.xml,CTF to 8881235,"), "\(log)")
        // A second file to the same school is the second; one to an unknown school the first of its own.
        let again = try await cli.run(["export", "ctf", "--upn", SmallSchool.lukasz, "--to", "8881235", "--out", folder], environment: friday)
        #expect(again.output.contains("8881234_CTF_8881235_002.xml"))
        let lost = try await cli.run(["export", "ctf", "--upn", SmallSchool.lukasz, "--to", "unknown", "--out", "-"], environment: friday)
        #expect(lost.output.contains("<DestSchool><LEA>XXX</LEA><Estab>XXXX</Estab></DestSchool>") && !lost.output.contains("AttendSessions"))
        #expect(try await cli.run(["report", "admissions", "--from", "2025-09-12", "--to", "2025-09-12"]).output.contains("8881234_CTF_XXXXXXX_001.xml"))
        #expect(try await cli.run(["check"]).status == 0)
    }

    @Test func aCTFNeedsTheSchoolsLAESTABAndADestination() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let none = try await cli.run(["export", "ctf", "--upn", SmallSchool.lukasz, "--to", "8881235", "--out", "-"])
        #expect(none.errors.contains("the school has no LAESTAB"), "\(none.errors)")
        #expect(try await cli.run(["school", "set", "--laestab", "8881234"]).status == 0)
        let nowhere = try await cli.run(["export", "ctf", "--upn", SmallSchool.lukasz, "--to", "Ash Grove", "--out", "-"])
        #expect(nowhere.errors == "Error: --to 'Ash Grove' is not a LAESTAB (seven digits), unknown or outside\n")
    }

    /// A new school with its calendar and LAESTAB, no pupils yet.
    func school(_ laestab: String, named name: String) async throws -> CLI {
        let cli = try CLI()
        #expect(try await cli.run(["init", "--school-name", name, "--laestab", laestab]).status == 0)
        #expect(try await cli.run(["import", "calendar", try cli.file("cal.json", SmallSchool.calendar)]).status == 0)
        return cli
    }

    /// Łukasz leaves Test Academy (8881234) for Ash Grove (8881235), then Ash Grove for
    /// Birch Hill (8881236): each school's year arrives with him and goes on unchanged.
    @Test func aPupilGoesOnToASecondAndAThirdSchoolWithHisHistory() async throws {
        let first = try await school()
        defer { first.remove() }
        #expect(try await first.run(["admission", "delete", SmallSchool.lukasz] + movedAway).status == 0)
        let toAsh = try await first.run(["export", "ctf", "--upn", SmallSchool.lukasz, "--to", "8881235", "--out", "-"], environment: friday)
        let ash = try await school("8881235", named: "Ash Grove Academy")
        defer { ash.remove() }
        let file = try ash.file("8881234_CTF_8881235_001.xml", toAsh.output)
        let admitted = try await ash.run(["import", "ctf", file, "--starting-day", "2025-09-15", "--form", "7C"], today: "2025-09-15")
        #expect(admitted.output == "Admitted 1 pupil from Test Academy from 2025-09-15; 1 year of attendance at earlier schools kept apart.\n",
                "\(admitted.errors)")
        // Twice: refused by name, nothing admitted again.
        let twice = try await ash.run(["import", "ctf", file, "--starting-day", "2025-09-15", "--form", "7C"], today: "2025-09-15")
        #expect(twice.errors == "Error: Kowalski, Łukasz (\(SmallSchool.lukasz)) is already on roll here\n")
        let pupils = try json(try await ash.run(["export", "pupils", "--format", "json"], today: "2025-09-15").output)
        #expect(pupils.count == 1 && pupils.first?["form"] as? String == "7C" && pupils.first?["previous_school"] as? String == "Test Academy"
                && pupils.first?["starting_day"] as? String == "2025-09-15" && pupils.first?["year_group"] as? Int == 7)
        #expect(try await ash.run(["export", "contacts"], today: "2025-09-15").output.contains("Anna Kowalska,Mother,parent,0113 496 0000"))
        // Ash Grove's figures are its own: nothing of Test Academy's week counted.
        #expect(try json(try await ash.run(["report", "pupils", "--format", "json"], today: "2025-09-15").output).isEmpty)
        // A week at Ash Grove, all present, then on to Birch Hill.
        var rows = ["upn,date,session,code"]
        for day in 15...19 { for (part, code) in [("AM", "/"), ("PM", "\\")] { rows.append("\(SmallSchool.lukasz),2025-09-\(day),\(part),\(code)") } }
        #expect(try await ash.run(["import", "marks", try ash.file("w.csv", rows.joined(separator: "\n"))], today: "2025-09-19").status == 0)
        #expect(try await ash.run(["admission", "delete", SmallSchool.lukasz] + movedAway, today: "2025-09-19").status == 0)
        let toBirch = try await ash.run(["export", "ctf", "--upn", SmallSchool.lukasz, "--to", "8881236", "--out", "-"], today: "2025-09-19",
                                        environment: ["ROLLCALL_TEST_NOW": "2025-09-19T10:00:00Z"])
        let years = toBirch.output.components(separatedBy: "<YearData>").dropFirst().map { $0.components(separatedBy: "</YearData>")[0] }
        #expect(years == [
            "<Year>2025</Year><LEA>888</LEA><Estab>1234</Estab><SchoolName>Test Academy</SchoolName><SessionsPossible>9</SessionsPossible>"
                + "<SessionsAuthorised>0</SessionsAuthorised><SessionsAttended>6</SessionsAttended><SessionsUnauthorised>3</SessionsUnauthorised>",
            "<Year>2025</Year><LEA>888</LEA><Estab>1235</Estab><SchoolName>Ash Grove Academy</SchoolName><SessionsPossible>10</SessionsPossible>"
                + "<SessionsAuthorised>0</SessionsAuthorised><SessionsAttended>10</SessionsAttended><SessionsUnauthorised>0</SessionsUnauthorised>",
        ], "\(toBirch.output)")
        let birch = try await school("8881236", named: "Birch Hill School")
        defer { birch.remove() }
        let arrived = try await birch.run(["import", "ctf", try birch.file("in.xml", toBirch.output), "--starting-day", "2025-09-22", "--form", "7A"],
                                          today: "2025-09-22")
        #expect(arrived.output.hasSuffix("2 years of attendance at earlier schools kept apart.\n"), "\(arrived.errors)")
        let onward = try await birch.run(["export", "ctf", "--upn", SmallSchool.lukasz, "--to", "unknown", "--out", "-"], today: "2025-09-22")
        #expect(onward.output.components(separatedBy: "<YearData>").count == 3, "both earlier years go on")
    }

    /// Files built to hurt are refused before anything reaches the store.
    @Test(arguments: [
        ("laughs.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n<CTfile>&lol2;</CTfile>",
         "laughs.xml:2: the file declares doctype (a DOCTYPE or an entity): a CTF has none, and none is read"),
        ("external.xml", "<?xml version=\"1.0\"?><!doctype x SYSTEM \"file:///etc/passwd\"><CTfile/>", "the file declares doctype"),
        ("deep.xml", "<CTfile>" + String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100) + "</CTfile>",
         "deep.xml:1: elements nest more than 64 deep: not a CTF"),
        ("latin1.xml", "<CTfile><Surname>O\u{00}</Surname></CTfile>", "not well-formed XML"),
        ("names.xml", "<CTfile><CTFpupilData><Pupil><UPN>\(SmallSchool.tomas)</UPN><Surname>Ó\u{202E}gnirts</Surname><Forename>T</Forename><DOB>2014-01-15</DOB>"
         + "<BasicDetails><NCyearActual>7</NCyearActual></BasicDetails></Pupil></CTFpupilData></CTfile>", "Surname "),
        ("empty.xml", "<CTfile><Header/></CTfile>", "the file holds no pupil"),
        // The sender's name becomes each pupil's previous school: held to a name's limits.
        ("sender.xml", "<CTfile><Header><SourceSchool><LEA>820</LEA><Estab>1234</Estab><SchoolName>Elm\u{9B}2J\u{202E}</SchoolName></SourceSchool></Header>"
         + "<CTFpupilData><Pupil><UPN>\(SmallSchool.tomas)</UPN><Surname>A</Surname><Forename>T</Forename><DOB>2014-01-15</DOB>"
         + "<BasicDetails><NCyearActual>7</NCyearActual></BasicDetails></Pupil></CTFpupilData></CTfile>", "SchoolName "),
        ("estab.xml", "<CTfile><Header><SourceSchool><LEA>82;</LEA><Estab>rm</Estab></SourceSchool></Header><CTFpupilData><Pupil>"
         + "<UPN>\(SmallSchool.tomas)</UPN><Surname>A</Surname><Forename>T</Forename><DOB>2014-01-15</DOB><BasicDetails><NCyearActual>7</NCyearActual>"
         + "</BasicDetails></Pupil></CTFpupilData></CTfile>", "LEA and Estab '82;rm' are not a LAESTAB"),
    ])
    func aHostileFileIsRefusedBeforeAnythingIsRead(name: String, text: String, says: String) async throws {
        let cli = try await school("8881235", named: "Ash Grove Academy")
        defer { cli.remove() }
        let result = try await cli.run(["import", "ctf", try cli.file(name, text), "--starting-day", "2025-09-15", "--form", "7C"])
        #expect(result.status != 0)
        #expect(result.errors.contains(says), "\(result.errors)")
        #expect(!result.errors.contains("\u{1B}") && !result.errors.contains("\u{9B}") && !result.errors.contains("\u{202E}"))
        #expect(try await cli.run(["export", "pupils"]).output.split(whereSeparator: \.isNewline).count == 1, "no pupil admitted")
    }

    @Test func aFileThatIsNotUTF8OrTooLargeIsRefusedUnread() async throws {
        let cli = try await school("8881235", named: "Ash Grove Academy")
        defer { cli.remove() }
        let latin = cli.directory.appendingPathComponent("latin1.xml").path
        try Data([0x3C, 0x43, 0x54, 0x66, 0x69, 0x6C, 0x65, 0x3E, 0xD3, 0x3C, 0x2F, 0x43, 0x54, 0x66, 0x69, 0x6C, 0x65, 0x3E]).write(to: URL(fileURLWithPath: latin))
        #expect(try await cli.run(["import", "ctf", latin, "--starting-day", "2025-09-15", "--form", "7C"]).errors.contains("latin1.xml: the file is not UTF-8 text"))
        let large = cli.directory.appendingPathComponent("large.xml").path
        FileManager.default.createFile(atPath: large, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: large))
        try handle.truncate(atOffset: 51 * 1024 * 1024)
        try handle.close()
        let refused = try await cli.run(["import", "ctf", large, "--starting-day", "2025-09-15", "--form", "7C"])
        #expect(refused.errors.contains("large.xml: the file is 51 MB; a CTF is refused over 50 MB"), "\(refused.errors)")
        // Sent on standard input (as through the gate): read no further than the limit.
        var environment = ProcessInfo.processInfo.environment
        environment["ROLLCALL_STORE"] = cli.store
        environment["ROLLCALL_TODAY"] = "2025-09-12"
        let piped = try await CLI.execute(CLI.executable.path, ["import", "ctf", "-", "--starting-day", "2025-09-15", "--form", "7C"],
                                          environment: environment, input: Data(count: 51 * 1024 * 1024))
        #expect(piped.errors.contains("-: more than 50 MB came; a CTF is refused over that"), "\(piped.errors)")
    }

    /// The reference's tolerant reading: `Gender` for `Sex`, `CTFVersion`, marks without
    /// commas, a namespace; a recount that disagrees is a warning, and the totals are kept.
    @Test func anOlderFileIsReadTolerantly() async throws {
        let cli = try await school("8881235", named: "Ash Grove Academy")
        defer { cli.remove() }
        let old = """
            <?xml version="1.0" encoding="UTF-8"?>
            <CTfile xmlns="http://www.example.org/ctf"><Header><CTFVersion>20.0</CTFVersion><SourceSchool><LEA>820</LEA><Estab>1234</Estab>
            <SchoolName>Elm Primary</SchoolName></SourceSchool></Header><CTFpupilData><Pupil><UPN>\(SmallSchool.tomas)</UPN><Surname>Ó Súilleabháin</Surname>
            <Forename>Tomás</Forename><DOB>2014-01-15</DOB><Gender>M</Gender><BasicDetails><NCyearActual>7</NCyearActual></BasicDetails>
            <Attendance><YearData><Year>2024</Year><LEA>820</LEA><Estab>1234</Estab><SchoolName>Elm Primary</SchoolName><SessionsPossible>10</SessionsPossible>
            <SessionsAuthorised>2</SessionsAuthorised><SessionsAttended>8</SessionsAttended><SessionsUnauthorised>0</SessionsUnauthorised>
            <AttendSessions><AttendanceStartDate>2024-09-02</AttendanceStartDate><AttendanceMarks>/\\II/\\/\\/\\##</AttendanceMarks></AttendSessions></YearData></Attendance>
            </Pupil></CTFpupilData></CTfile>
            """
        let read = try await cli.run(["import", "ctf", try cli.file("old.xml", old), "--starting-day", "2025-09-15", "--form", "7C"])
        #expect(read.status == 0, "\(read.errors)")
        #expect(read.errors.contains("old.xml: CTF version 20.0 is not this year's (25.0) or last year's; read as it is"), "\(read.errors)")
        #expect(!read.errors.contains("recount"), "/ \\ I I / \\ / \\ / \\ recounts as 8 attended and 2 authorised: \(read.errors)")
        #expect(try json(try await cli.run(["export", "pupils", "--format", "json"]).output).first?["sex"] as? String == "M")
    }
}
