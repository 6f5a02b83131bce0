import Foundation
import RollcallCore
import Testing
@testable import RollcallExchange

/// What Rollcall writes comes back as it went out: an export of marks imports again
/// unchanged, a cell a spreadsheet would run stays text and loses nothing, and the
/// three formats of a report agree.
@Suite("Exports that come back")
struct ExportRoundTripTests {
    static let amy = ImportRefusalsTests.amy, ben = ImportRefusalsTests.ben

    /// Text a careless export or a tutor with a grudge might put in a note or a name.
    static let nasty = ["=HYPERLINK(\"http://x\",\"click\")", "+44 7700 900123", "-1", "@SUM(A1)", "'=already quoted", "''=twice",
                        "Plain, with a comma", "She said \"no\"", "two\nlines", "\tTabbed", "Ó Súilleabháin"]

    @Test(arguments: nasty)
    func aCellASpreadsheetWouldRunIsWrittenAsTextAndReadBackAsItWas(text: String) throws {
        let csv = "note\r\n" + SafeCSV.line([.text(text)])
        let firstField = csv.split(separator: "\r\n", omittingEmptySubsequences: false)[1]
        #expect(!["=", "+", "-", "@", "\t"].contains { firstField.hasPrefix($0) }, "a spreadsheet would run \(firstField)")
        let table = try CSVTable(bytes: Array(csv.utf8))
        let columns = CSVColumns(header: table.header, required: ["note"], optional: [])
        #expect(columns.value("note", in: table.rows[0]) == text)
    }

    @Test func exportedMarksImportAgainUnchanged() throws {
        let calendar = try ImportRefusalsTests.calendar
        var book = AttendanceBook(span: CalendarDate("2025-09-01")!...CalendarDate("2025-09-12")!)
        let monday = CalendarDate("2025-09-08")!
        book.record(Mark(.presentAM), for: Self.amy, at: Session(monday, .am))
        book.record(Mark(.late, minutesLate: 12, note: "=bus, \"late\" again"), for: Self.amy, at: Session(monday, .pm))
        book.record(Mark(.illness, note: "Mum rang: -2 days"), for: Self.ben, at: Session(monday, .am))
        book.record(Mark(.otherUnauthorised), for: Self.ben, at: Session(monday, .pm))
        let records = SchoolRecords(calendar: calendar, pupils: ImportRefusalsTests.pupils, book: book)
        let csv = Reports.marks(records, period: monday...monday).render(.csv)
        let imported = try MarksImport(table: try CSVTable(bytes: Array(csv.utf8)), file: "export.csv", pupils: ImportRefusalsTests.pupils,
                                       calendar: calendar, today: CalendarDate("2025-09-10")!)
        #expect(imported.warnings.isEmpty)
        #expect(imported.entries.count == 4)
        for entry in imported.entries {
            #expect(entry.mark == book.mark(for: entry.upn, at: entry.session), "\(entry.upn.text) \(entry.session)")
        }
    }

    @Test func aReportSaysTheSameInEveryFormat() throws {
        var table = ReportTable(columns: ["pupil", "possible", "absence", "sen", "flags"])
        table.append([.text("=Adams, Amy"), .integer(38), .rate(Percentage(2, of: 38)), .boolean(true), .list(["SW", "PT"])])
        table.append([.text("Brown, Ben"), .integer(0), .rate(nil), .boolean(false), .list([])])
        let json = try JSONSerialization.jsonObject(with: Data(table.render(.json).utf8)) as? [[String: Any]]
        #expect(json?[0]["pupil"] as? String == "=Adams, Amy")
        #expect(json?[0]["possible"] as? Int == 38)
        #expect(json?[0]["absence"] as? Double == 5.3)
        #expect(json?[0]["flags"] as? [String] == ["SW", "PT"])
        #expect(json?[1]["absence"] is NSNull)
        let csv = try CSVTable(bytes: Array(table.render(.csv).utf8))
        #expect(csv.header == ["pupil", "possible", "absence", "sen", "flags"])
        #expect(csv.rows[0].fields == ["'=Adams, Amy", "38", "5.3", "Y", "SW; PT"] || csv.rows[0].fields == ["'=Adams, Amy", "38", "5.3", "true", "SW; PT"])
        #expect(table.render(.table).contains("5.3"))
    }
}
