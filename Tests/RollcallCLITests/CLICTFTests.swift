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
}
