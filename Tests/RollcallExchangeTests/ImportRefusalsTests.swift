import Foundation
import RollcallCore
import Testing
@testable import RollcallExchange

/// Every importer refuses a wrong file whole, naming each problem as FILE:LINE: what,
/// so it can be fixed in one pass; the values are the ones a careless export or a
/// hand-edited sheet really holds.
@Suite("What each import refuses")
struct ImportRefusalsTests {
    static let today = CalendarDate("2025-09-10")!
    static let amy = try! UPN("B801200005001")
    static let ben = try! UPN("P207000016049")

    static func table(_ text: String) throws -> CSVTable { try CSVTable(bytes: Array(text.utf8)) }

    static func problems(_ work: () throws(ImportFailure) -> Void) -> [String] {
        do {
            try work()
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    static let pupils = [
        Pupil(upn: amy, surname: "Adams", forename: "Amy", dateOfBirth: CalendarDate("2014-03-01")!, yearGroup: 7, form: "7A"),
        Pupil(upn: ben, surname: "Brown", forename: "Ben", dateOfBirth: CalendarDate("2014-05-01")!, yearGroup: 7, form: "7A"),
    ]

    static var calendar: SchoolCalendar {
        get throws {
            let year = try CalendarImport.read(Array("""
                {"academic_year":"2025-26","terms":[{"name":"Autumn","start":"2025-09-01","end":"2025-12-19"}],
                 "closures":[{"date":"2025-09-05","sessions":"AM+PM","reason":"Training day"}]}
                """.utf8), file: "2025-26.json")
            return try SchoolCalendar(years: [year])
        }
    }

    // MARK: Pupils

    @Test func aPupilsFileMissingARequiredColumnIsRefusedOnItsHeader() throws {
        let table = try Self.table("upn,surname,forename,year_group,form\nB801200005001,Adams,Amy,7,7A\n")
        #expect(Self.problems { () throws(ImportFailure) in _ = try PupilsImport(table: table, file: "pupils.csv", today: Self.today) }
            == ["pupils.csv:1: the required column 'date_of_birth' is missing"])
    }

    @Test func aColumnGivenTwiceIsRefusedRatherThanOneTakenSilently() throws {
        let table = try Self.table("upn,surname,forename,date_of_birth,year_group,form,form\nB801200005001,Adams,Amy,2014-03-01,7,7A,7B\n")
        #expect(Self.problems { () throws(ImportFailure) in _ = try PupilsImport(table: table, file: "pupils.csv", today: Self.today) }
            == ["pupils.csv:1: the column 'form' is given more than once"])
    }

    @Test func everyWrongRowOfAPupilsFileIsNamedAtOnce() throws {
        let table = try Self.table("""
            upn,surname,forename,date_of_birth,year_group,form,fsm
            B801200005001,Adams,Amy,2014-03-01,7,7A,Y
            B801200005001,Adams,Amy,2014-03-01,7,7A,N
            P207000016049,Brown,Ben,01/05/2014,7,7A,N
            A80120000500I,Cole,Cal,2014-01-01,7,7A,maybe

            """)
        let problems = Self.problems { () throws(ImportFailure) in _ = try PupilsImport(table: table, file: "pupils.csv", today: Self.today) }
        #expect(problems.contains { $0.hasPrefix("pupils.csv:3:") && $0.contains("also on line 2") })
        #expect(problems.contains("pupils.csv:4: date_of_birth '01/05/2014' is not a date like 2013-09-01"))
        #expect(problems.contains { $0.hasPrefix("pupils.csv:5:") && $0.contains("fsm 'maybe' is not Y or N") })
        #expect(!problems.contains { $0.hasPrefix("pupils.csv:2:") })
    }

    @Test func aLeavingDateIsRefusedWithTheWayOffRoll() throws {
        let table = try Self.table("upn,surname,forename,date_of_birth,year_group,form,leaving_date\nB801200005001,Adams,Amy,2014-03-01,7,7A,2025-09-09\n")
        let problems = Self.problems { () throws(ImportFailure) in _ = try PupilsImport(table: table, file: "pupils.csv", today: Self.today) }
        #expect(problems.count == 1)
        #expect(problems[0].hasPrefix("pupils.csv:2:") && problems[0].contains("rollcall admission delete"))
    }

    @Test func aChildTooYoungOrTooOldForSchoolIsRefused() throws {
        let table = try Self.table("upn,surname,forename,date_of_birth,year_group,form\nB801200005001,Adams,Amy,2024-03-01,7,7A\nP207000016049,Brown,Ben,1990-05-01,7,7A\n")
        let problems = Self.problems { () throws(ImportFailure) in _ = try PupilsImport(table: table, file: "pupils.csv", today: Self.today) }
        #expect(problems.map { $0.prefix(13) } == ["pupils.csv:2:", "pupils.csv:3:"])
    }

    @Test func aNameWithAnInvisibleCharacterIsRefused() throws {
        let table = try Self.table("upn,surname,forename,date_of_birth,year_group,form\nB801200005001,Adams,Am\u{200B}y,2014-03-01,7,7A\n")
        let problems = Self.problems { () throws(ImportFailure) in _ = try PupilsImport(table: table, file: "pupils.csv", today: Self.today) }
        #expect(problems.count == 1 && problems[0].contains("U+200B"))
    }

    @Test func anUnknownColumnIsAWarningNotARefusal() throws {
        let table = try Self.table("upn,surname,forename,date_of_birth,year_group,form,shoe_size\nB801200005001,Adams,Amy,2014-03-01,7,7A,4\n")
        let imported = try PupilsImport(table: table, file: "pupils.csv", today: Self.today)
        #expect(imported.pupils.map(\.upn) == [Self.amy])
        #expect(imported.warnings.map(\.description) == ["pupils.csv:1: the column 'shoe_size' is not used and was ignored"])
    }

    // MARK: Marks

    func marks(_ text: String) throws -> [String] {
        let table = try Self.table(text), calendar = try Self.calendar
        return Self.problems { () throws(ImportFailure) in
            _ = try MarksImport(table: table, file: "marks.csv", pupils: Self.pupils, calendar: calendar, today: Self.today)
        }
    }

    @Test func aWithdrawnCodeIsRefusedWithItsReplacement() throws {
        let problems = try marks("upn,date,session,code\nB801200005001,2025-09-08,AM,H\n")
        #expect(problems.count == 1 && problems[0].hasPrefix("marks.csv:2: code:"))
    }

    @Test func aClosedDayAWeekendAndAnUnknownPupilAreEachNamed() throws {
        let problems = try marks("""
            upn,date,session,code
            B801200005001,2025-09-05,AM,/
            B801200005001,2025-09-06,AM,/
            N938432125006,2025-09-08,AM,/
            B801200005001,2025-09-08,XM,/

            """)
        #expect(problems.count == 4)
        #expect(problems[0].hasPrefix("marks.csv:2:") && problems[1].hasPrefix("marks.csv:3:"))
        #expect(problems[3] == "marks.csv:5: session 'XM' is not AM or PM")
    }

    @Test func aMarkInTheFutureTakesOnlyACodeKnownInAdvance() throws {
        // An illness next week cannot be known; a holiday or an exclusion can be.
        let problems = try marks("upn,date,session,code\nB801200005001,2025-09-15,AM,I\nP207000016049,2025-09-15,AM,/\n")
        #expect(problems.count == 2)
        #expect(problems.allSatisfy { $0.contains("2025-09-15") || $0.contains("advance") || $0.contains("future") })
    }

    @Test func theSameSessionTwiceWithTwoCodesIsRefused() throws {
        let problems = try marks("upn,date,session,code\nB801200005001,2025-09-08,AM,/\nB801200005001,2025-09-08,AM,I\n")
        #expect(problems.count == 1 && problems[0].hasPrefix("marks.csv:3:") && problems[0].contains("line 2"))
    }

    @Test func minutesLateAreWholeMinutesWithinTheLimit() throws {
        let problems = try marks("upn,date,session,code,minutes_late\nB801200005001,2025-09-08,AM,L,ten\nP207000016049,2025-09-08,AM,L,999\n")
        #expect(problems.map { $0.prefix(13) } == ["marks.csv:2: ", "marks.csv:3: "])
    }

    // MARK: Staff and contacts

    @Test func aStaffRoleNobodyHasAndALoginTwiceAreRefused() throws {
        let table = try Self.table("username,name,role,forms\njsmith,Jo Smith,tutor,7A\njsmith,Jo Smyth,tutor,7B\nhead,The Head,god,\n")
        let problems = Self.problems { () throws(ImportFailure) in _ = try StaffImport(table: table, file: "staff.csv") }
        #expect(problems == ["staff.csv:3: username 'jsmith' is also on line 2",
                             "staff.csv:4: role 'god' is not one of tutor, attendance_lead, office, admin"])
    }

    @Test func formsAreSplitOnSemicolonsAndTrimmed() throws {
        let table = try Self.table("username,name,role,forms\njsmith,Jo Smith,tutor, 7A ; 7B;\n")
        #expect(try StaffImport(table: table, file: "staff.csv").staff.members[0].forms == ["7A", "7B"])
    }

    @Test func aContactOfNoPupilOrWithAPhoneThatIsNotOneIsRefused() throws {
        let table = try Self.table("""
            upn,name,relationship,phone,lives_with_pupil
            N938432125006,Mrs Nobody,Mother,07700 900123,Y
            B801200005001,Mr Adams,Father,=HYPERLINK("x"),Y
            B801200005001,Ms Adams,Mother,07700 900124,sometimes

            """)
        let problems = Self.problems { () throws(ImportFailure) in _ = try ContactsImport(table: table, file: "contacts.csv", pupils: Self.pupils) }
        #expect(problems.count == 3)
        #expect(problems[0].hasPrefix("contacts.csv:2: upn N938432125006") || problems[0].hasPrefix("contacts.csv:2: upn 'N938432125006'"))
        #expect(problems[1].hasPrefix("contacts.csv:3: phone '=HYPERLINK"))
        #expect(problems[2] == "contacts.csv:4: lives_with_pupil 'sometimes' is not Y or N")
    }

    @Test func aContactsFileReplacesOnlyThePupilsItNames() throws {
        let table = try Self.table("upn,name,relationship,phone,lives_with_pupil\nB801200005001,Mrs Adams,Mother,07700 900123,Y\n")
        let imported = try ContactsImport(table: table, file: "contacts.csv", pupils: Self.pupils)
        var contacts = [
            Contact(upn: Self.amy, name: "Old Adams", relationship: "Father", role: .parent, phones: [], livesWithPupil: false),
            Contact(upn: Self.ben, name: "Mrs Brown", relationship: "Mother", role: .parent, phones: [], livesWithPupil: true),
        ]
        imported.merge(into: &contacts)
        #expect(contacts.map(\.name).sorted() == ["Mrs Adams", "Mrs Brown"])
    }

    // MARK: The calendar

    @Test func aCalendarWithATermEndingBeforeItStartsIsRefused() {
        let problems = Self.problems { () throws(ImportFailure) in
            _ = try CalendarImport.read(Array(#"{"academic_year":"2025-26","terms":[{"name":"Autumn","start":"2025-12-19","end":"2025-09-01"}]}"#.utf8),
                                        file: "2025-26.json")
        }
        #expect(problems.count == 1 && problems[0].hasPrefix("2025-26.json"))
    }

    @Test func aCalendarThatIsNotJSONNamesItsLine() {
        let problems = Self.problems { () throws(ImportFailure) in
            _ = try CalendarImport.read(Array("{\n\"academic_year\": \"2025-26\",\n\"terms\": [\n  {\"name\": \"Autumn\", \"start\": 2025}\n]}".utf8),
                                        file: "2025-26.json")
        }
        #expect(problems.count == 1 && problems[0].hasPrefix("2025-26.json:4:"))
    }

    @Test func aCalendarReadsBackAsItsOwnTextUnchanged() throws {
        let year = try CalendarImport.read(Array("""
            {"academic_year":"2025-26","terms":[{"name":"Autumn","start":"2025-09-01","end":"2025-12-19"}],
             "closures":[{"date":"2025-09-05","sessions":"AM+PM","reason":"Training day"}]}
            """.utf8), file: "2025-26.json")
        let again = try CalendarImport.read(Array(CalendarImport.text(year).utf8), file: "again.json")
        #expect(again == year)
        #expect(CalendarImport.text(again) == CalendarImport.text(year))
    }
}
