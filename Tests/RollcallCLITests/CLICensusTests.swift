import Foundation
import Testing

/// `rollcall report census` on the small school, as of Friday 12 September 2025: the
/// figures are `report pupils`' for the same pupils and days, in each format.
@Suite("The census's attendance module")
struct CLICensusTests {
    @Test func theAutumnTermsFiguresAreReportPupilsFigures() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let refused = try await cli.run(["report", "census", "--term", "autumn"])
        #expect(refused.errors == "Error: the school has no LAESTAB (its local authority code and establishment number): an admin sets it with "
                + "'rollcall school set --laestab 8881234'\n")
        #expect(try await cli.run(["school", "set", "--laestab", "8881239"]).output
                == "The school's LAESTAB is 8881239; the change is kept in audit/settings.jsonl.\n")
        #expect(try await cli.run(["school", "set", "--laestab", "8881234"]).output
                == "The school's LAESTAB is 8881234 (it was 8881239); the change is kept in audit/settings.jsonl.\n")
        #expect(try await cli.run(["school", "set", "--laestab", "8881234"]).output == "The school's LAESTAB is 8881234, as it was.\n")
        #expect(try await cli.run(["school", "set", "--laestab", "88812"]).errors.contains("'88812' is not a LAESTAB"))
        let log = try String(contentsOfFile: cli.store + "/audit/settings.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(log.count == 2 && log[1].contains("\"setting\":\"laestab\",\"old\":\"8881239\",\"new\":\"8881234\""), "\(log)")
        #expect(try await cli.run(["check"]).status == 0)

        let census = try json(try await cli.run(["report", "census", "--term", "autumn", "--year", "2025-26", "--format", "json"]).output)
        let pupils = try json(try await cli.run(["report", "pupils", "--from", "2025-08-01", "--to", "2025-09-12", "--format", "json"]).output)
        #expect(census.map { $0["upn"] as? String } == pupils.map { $0["upn"] as? String })
        for (row, own) in zip(census, pupils) {
            for column in ["possible", "authorised", "unauthorised"] { #expect(row[column] as? Int == own[column] as? Int, "\(column)") }
        }
        // Łukasz, worked by hand in week one: N, N on Monday, O on Tuesday morning.
        let lukasz = try #require(census.first { $0["upn"] as? String == SmallSchool.lukasz })
        #expect(lukasz["reasons"] as? [String: Int] == ["N": 2, "O": 1] && lukasz["period"] as? String == "autumn")
        // Siobhán ill all Tuesday: a column per code in CSV.
        let csv = try await cli.run(["report", "census", "--term", "autumn", "--format", "csv"]).output.split(whereSeparator: \.isNewline)
        #expect(csv.first == "period,upn,surname,forename,date_of_birth,possible,authorised,unauthorised,I,N,O")
        #expect(csv.contains { $0.hasPrefix("autumn,\(SmallSchool.siobhan),O'Brien,Siobhán,2014-03-02,") && $0.hasSuffix(",2,0,2,0,0") })
        let xml = try await cli.run(["report", "census", "--term", "autumn", "--format", "xml"]).output
        #expect((try? XHTML(xml)) != nil, "the XML parses")
        #expect(xml.contains("<Header><LAESTAB>8881234</LAESTAB><Term>autumn</Term><AcademicYear>2025</AcademicYear></Header>"))
        #expect(xml.contains("<UPN>\(SmallSchool.lukasz)</UPN>") && xml.contains("<SessionDetail><AttendanceReason>N</AttendanceReason><AbsenceSessions>2</AbsenceSessions></SessionDetail>"))
        let spring = try await cli.run(["report", "census", "--term", "spring"])
        #expect(spring.errors == "Error: the spring term of 2025-26 has not begun on 2025-09-12\n")
        // A school.json edited by hand: its LAESTAB is shown, never obeyed, and refused where it names the school.
        let path = cli.store + "/school.json"
        let edited = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "8881234", with: "888\\u001b]0;x\\u0007")
        try edited.write(toFile: path, atomically: false, encoding: .utf8)
        let shown = try await cli.run(["school", "show"]).output
        #expect(shown.contains("laestab: 888") && !shown.contains("\u{1B}") && !shown.contains("\u{7}"), "\(shown)")
        #expect(try await cli.run(["report", "census", "--term", "autumn"]).errors.contains("is not a LAESTAB"))
    }
}
