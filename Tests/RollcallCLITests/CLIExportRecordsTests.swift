import Foundation
import Testing

/// Every import has its export: the file written imports again changing nothing (no
/// amendment), and into a new store gives the same records.
@Suite("Exports in every import format")
struct CLIExportRecordsTests {
    let me = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()

    func school() async throws -> CLI {
        let cli = try CLI()
        try await SmallSchool.make(cli)
        #expect(try await cli.run(["import", "contacts", try cli.file("contacts.csv", CLILeaveTests.contacts)]).status == 0)
        // Items the first import did not have: an address, a preferred name.
        let more = """
            upn,surname,forename,date_of_birth,year_group,form,preferred_name,address,starting_day
            \(SmallSchool.siobhan),O'Brien,Siobhán,2014-03-02,7,7A,Shiv,"1 Elm Road, Leeds LS6 2AB",2025-09-01
            """
        #expect(try await cli.run(["import", "pupils", try cli.file("more.csv", more), "--reason", "From the admissions form"]).status == 0)
        return cli
    }

    /// An export is a file for a system or an import: the table drawn for a person is no
    /// such file, and every export says so, naming the formats it writes.
    @Test(arguments: ["marks", "pupils", "contacts", "staff"])
    func anExportWritesNoTable(export: String) async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let refused = try await cli.run(["export", export, "--format", "table"])
        #expect(refused.status != 0 && refused.output.isEmpty)
        #expect(refused.errors.contains("'table'") && refused.errors.contains("csv") && refused.errors.contains("json"), "\(refused.errors)")
    }

    @Test(arguments: [("pupils", "pupils"), ("contacts", "contacts")])
    func aRecordsExportImportsAgainUnchangedAndIntoANewStoreTheSame(export: String, importing: String) async throws {
        let cli = try await school()
        defer { cli.remove() }
        let written = try await cli.run(["export", export])
        #expect(written.status == 0 && written.output.split(whereSeparator: \.isNewline).count > 2, "\(written.errors)")
        let audit = try await cli.run(["audit", "--format", "csv"]).output
        let again = try await cli.run(["import", importing, try cli.file("\(export).csv", written.output)])
        #expect(again.status == 0, "\(again.errors)")
        #expect(try await cli.run(["audit", "--format", "csv"]).output == audit, "no amendment")
        #expect(try await cli.run(["export", export]).output == written.output)

        // A new store, the calendar and the pupils first (contacts need their pupils).
        let fresh = try CLI()
        defer { fresh.remove() }
        #expect(try await fresh.run(["init", "--school-name", "Copy"]).status == 0)
        #expect(try await fresh.run(["import", "calendar", try fresh.file("cal.json", SmallSchool.calendar)]).status == 0)
        let pupils = try await cli.run(["export", "pupils"]).output
        #expect(try await fresh.run(["import", "pupils", try fresh.file("pupils.csv", pupils)]).status == 0)
        if export == "contacts" { #expect(try await fresh.run(["import", "contacts", try fresh.file("c.csv", written.output)]).status == 0) }
        #expect(try await fresh.run(["export", export]).output == written.output)
    }

    @Test func theStaffListAndTheCalendarImportAgainUnchanged() async throws {
        let cli = try await school()
        defer { cli.remove() }
        try cli.staff([(me, "admin", []), ("amy", "tutor", ["7A", "7B"]), ("lead", "attendance_lead", [])])
        let staff = try await cli.run(["export", "staff"])
        #expect(staff.output.split(whereSeparator: \.isNewline) == ["username,name,role,forms", "\(me),\(me),admin,", "amy,amy,tutor,7A;7B",
                                                                     "lead,lead,attendance_lead,"])
        #expect(try await cli.run(["import", "staff", try cli.file("staff.csv", staff.output)]).status == 0)
        #expect(try await cli.run(["export", "staff"]).output == staff.output)
        let calendar = try await cli.run(["export", "calendar", "--year", "2025-26"])
        let again = try await cli.run(["import", "calendar", try cli.file("cal.json", calendar.output)])
        #expect(again.status == 0, "\(again.errors)")
        #expect(try await cli.run(["export", "calendar", "--year", "2025-26"]).output == calendar.output)
        #expect(calendar.output.contains("\"closures\":[{\"date\":\"2025-09-05\",\"reason\":\"Early finish\",\"sessions\":\"PM\"}]"), "\(calendar.output)")
        #expect(try await cli.run(["export", "calendar", "--year", "2019-20"]).errors.contains("the calendar has no academic year '2019-20'"))
    }
}
