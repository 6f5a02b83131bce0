import RollcallCore
import Testing
@testable import RollcallExchange

@Suite("CSV in and out")
struct CSVTests {
    func table(_ text: String) throws -> CSVTable { try CSVTable(bytes: Array(text.utf8)) }

    @Test func readsQuotedFieldsAndKeepsTheLineEachRowStartsOn() throws {
        let csv = try table("\u{FEFF}Name, Note\r\n\"O'Brien, Zoë\",\"said \"\"hi\"\"\"\r\n\n\"two\nlines\",x\nlast,\"\"")
        #expect(csv.header == ["name", "note"])
        #expect(csv.rows.map(\.line) == [2, 4, 6])
        #expect(csv.rows.map(\.fields) == [["O'Brien, Zoë", "said \"hi\""], ["two\nlines", "x"], ["last", ""]])
    }

    @Test func refusesAnUnclosedQuoteNamingItsLine() {
        #expect(throws: CSVError.unterminatedQuote(line: 3)) { try table("a,b\n1,2\n3,\"open\n4,5\n") }
        #expect(throws: CSVError.empty) { try table("") }
        #expect(throws: CSVError.notUTF8(line: 2)) { try CSVTable(bytes: Array("a\n".utf8) + [0xFF, 0x0A]) }
    }

    @Test func findsColumnsByNameAndListsTheMissingAndIgnored() throws {
        let csv = try table("form,UPN,extra\n7A, B801200005001 ,\n")
        let columns = CSVColumns(header: csv.header, required: ["upn", "surname"], optional: ["form"])
        #expect(columns.missing == ["surname"])
        #expect(columns.ignored == ["extra"])
        #expect(columns.value("upn", in: csv.rows[0]) == "B801200005001")
        #expect(columns.value("extra", in: csv.rows[0]) == nil)
    }

    @Test("cells a spreadsheet would run as formulas are written as text", arguments: [
        ("=1+1", "'=1+1"), ("+44 7700", "'+44 7700"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"), ("O'Brien", "O'Brien"), ("a,b", "\"a,b\""), ("say \"x\"", "\"say \"\"x\"\"\""),
        ("=A1,B1", "\"'=A1,B1\""),
    ])
    func neutralisesFormulas(cell: String, written: String) {
        #expect(SafeCSV.line([.text(cell)]) == written + "\r\n")
    }

    @Test func numbersRollcallWritesAreLeftAlone() {
        #expect(SafeCSV.line([.number("-1"), .text("x")]) == "-1,x\r\n")
    }

    @Test func tablesRenderTheSameRowsInEveryFormat() {
        var table = ReportTable(columns: ["name", "count", "rate"])
        table.append([.text("Zoë"), .integer(3), .rate(nil)])
        table.append([.text("Ó Súilleabháin"), .integer(12), .rate(.init(1, of: 8))])
        #expect(table.render(.json) == "[\n  {\"name\": \"Zoë\", \"count\": 3, \"rate\": null},\n  {\"name\": \"Ó Súilleabháin\", \"count\": 12, \"rate\": 12.5}\n]\n")
        #expect(table.render(.csv) == "name,count,rate\r\nZoë,3,\r\nÓ Súilleabháin,12,12.5\r\n")
        #expect(table.render(.table) == "name            count  rate\nZoë                 3\nÓ Súilleabháin     12  12.5\n")
    }
}

@Suite("Trimming CSV fields")
struct CSVTrimTests {
    @Test("trims as Foundation's whitespace set does", arguments: ["", " ", "  /  ", "\tN\t", "\u{00A0}Zoë\u{2009}", "O'Brien", " a b ", "\u{3000}"])
    func trimsLikeFoundation(_ text: String) {
        #expect(CSVColumns.trimmed(text) == text.trimmingCharacters(in: .whitespaces))
    }
}

@Suite("The pupils import's sex column")
struct PupilsSexColumnTests {
    func imported(_ text: String) throws -> PupilsImport {
        try PupilsImport(table: CSVTable(bytes: Array(text.utf8)), file: "pupils.csv", today: CalendarDate("2025-09-01")!)
    }

    @Test func sexIsTheColumnAndGenderAsAnMISNamesItIsReadAsIt() throws {
        let header = "upn,surname,forename,date_of_birth,year_group,form,"
        let row = "H801200001001,Adams,Amy,2014-04-01,7,7A,"
        #expect(try imported(header + "sex\n" + row + "F\n").pupils.first?.sex == .female)
        #expect(try imported(header + "gender\n" + row + "Male\n").pupils.first?.sex == .male)
        #expect(try imported(header + "sex\n" + row + "F\n").warnings.isEmpty)
        #expect(throws: ImportFailure.self) { try imported(header + "sex\n" + row + "X\n") }
    }
}
