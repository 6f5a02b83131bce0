import Testing
@testable import RollcallCore

@Suite("The 2024 code set")
struct AttendanceCodeTests {
    /// Reference section 1, row by row: code, category, possible, attended.
    static let table: [(String, CodeCategory, Bool, Bool)] = [
        ("/", .present, true, true), ("\\", .present, true, true), ("L", .present, true, true),
        ("K", .approvedEducationalActivity, true, true), ("V", .approvedEducationalActivity, true, true),
        ("P", .approvedEducationalActivity, true, true), ("W", .approvedEducationalActivity, true, true),
        ("B", .approvedEducationalActivity, true, true),
        ("D", .notCounted, false, false),
        ("C1", .authorisedAbsence, true, false), ("M", .authorisedAbsence, true, false),
        ("J1", .authorisedAbsence, true, false), ("S", .authorisedAbsence, true, false),
        ("X", .notCounted, false, false),
        ("C2", .authorisedAbsence, true, false), ("C", .authorisedAbsence, true, false),
        ("T", .authorisedAbsence, true, false), ("R", .authorisedAbsence, true, false),
        ("I", .authorisedAbsence, true, false), ("E", .authorisedAbsence, true, false),
        ("Q", .notCounted, false, false),
        ("Y1", .notCounted, false, false), ("Y2", .notCounted, false, false),
        ("Y3", .notCounted, false, false), ("Y4", .notCounted, false, false),
        ("Y5", .notCounted, false, false), ("Y6", .notCounted, false, false),
        ("Y7", .notCounted, false, false),
        ("G", .unauthorisedAbsence, true, false), ("N", .unauthorisedAbsence, true, false),
        ("O", .unauthorisedAbsence, true, false), ("U", .unauthorisedAbsence, true, false),
        ("Z", .administrative, false, false), ("#", .administrative, false, false),
    ]

    @Test("every code of the reference table has its category and counting", arguments: table)
    func codeCountsAsTheReferenceSays(row: (String, CodeCategory, Bool, Bool)) throws {
        let (symbol, category, possible, attended) = row
        let code = try AttendanceCode.parse(symbol)
        #expect(code.symbol == symbol)
        #expect(code.category == category)
        #expect(code.countsAsPossible == possible)
        #expect(code.countsAsAttended == attended)
        #expect(!code.meaning.isEmpty)
    }

    @Test func theTableCoversTheWholeCodeSetAndNothingElse() {
        #expect(Set(Self.table.map(\.0)) == Set(AttendanceCode.allCases.map(\.symbol)))
        #expect(AttendanceCode.allCases.count == 34)
    }

    @Test func eachCodeHasOneNumberFrom1To34AndEveryOtherByteIsNone() {
        #expect(AttendanceCode.numbers == 1...34)
        #expect(AttendanceCode.allCases.map(\.number) == Array(1...34), "the stores' numbers: allCases' order, which is the cases'")
        // A mask of codes holds exactly its own.
        let unauthorised = CodeMask(AttendanceCode.allCases.filter(\.isUnauthorised))
        #expect(AttendanceCode.allCases.filter { unauthorised.contains(number: $0.number) }.map(\.symbol).sorted() == ["G", "N", "O", "U"])
        #expect(!unauthorised.contains(number: 0))
        #expect(AttendanceCode.allCases.allSatisfy { AttendanceCode.numbered($0.number) == $0 })
        #expect(AttendanceCode.numbered(0) == nil && AttendanceCode.numbered(35) == nil && AttendanceCode.numbered(250) == nil)
    }

    @Test func onlyGNOUAreUnauthorised() {
        let unauthorised = AttendanceCode.allCases.filter(\.isUnauthorised).map(\.symbol)
        #expect(Set(unauthorised) == ["G", "N", "O", "U"])
    }

    @Test("withdrawn codes are refused, naming what replaces them", arguments: [
        ("H", "C"), ("J", "J1"), ("Y", "Y1-Y7"), ("F", "2013"),
    ])
    func withdrawnCodesNameTheirReplacement(code: String, replacement: String) {
        #expect {
            try AttendanceCode.parse(code)
        } throws: { error in
            guard let error = error as? CodeError, case let .withdrawn(withdrawn, text) = error else { return false }
            return withdrawn == code && text.contains(replacement) && error.description.contains("withdrawn")
        }
    }

    @Test func unknownTextIsRefused() {
        #expect(throws: CodeError.unknown("A")) { try AttendanceCode.parse("A") }
        #expect(throws: CodeError.unknown("Y8")) { try AttendanceCode.parse("Y8") }
        #expect(throws: CodeError.unknown("C3")) { try AttendanceCode.parse("C3") }
        #expect(throws: CodeError.unknown("//")) { try AttendanceCode.parse("//") }
    }

    @Test func theNoMarkPlaceholderAndBlankAreNotCodes() {
        #expect(throws: CodeError.noMarkPlaceholder) { try AttendanceCode.parse("-") }
        #expect(throws: CodeError.empty) { try AttendanceCode.parse("  ") }
    }

    @Test func twoCharacterCodesAndLowerCaseAreRead() throws {
        #expect(try AttendanceCode.parse("c1") == .performanceOrEmploymentAbroad)
        #expect(try AttendanceCode.parse(" y7 ") == .otherUnavoidableCause)
        #expect(try AttendanceCode.parse("j1") == .interview)
        #expect(try AttendanceCode.parse("n") == .reasonNotYetEstablished)
    }

    @Test func presentIsSlashInTheMorningAndBackslashInTheAfternoon() {
        #expect(AttendanceCode.present(for: .am).symbol == "/")
        #expect(AttendanceCode.present(for: .pm).symbol == "\\")
        #expect(AttendanceCode.presentAM.isPresentMark && AttendanceCode.presentPM.isPresentMark)
        #expect(!AttendanceCode.late.isPresentMark)
    }

    @Test func aPresentMarkIsRecordedWithItsSessionsSymbol() {
        #expect(AttendanceCode.presentAM.recorded(in: .pm) == .presentPM)
        #expect(AttendanceCode.presentPM.recorded(in: .am) == .presentAM)
        #expect(AttendanceCode.late.recorded(in: .pm) == .late)
    }

    @Test func arrivingAfterTheRegisterClosesIsUNotL() {
        // Registration 08:40, open 30 minutes: closes 09:10.
        #expect(AttendanceCode.arrival(atMinute: 9 * 60 + 10, registerCloses: 9 * 60 + 10) == .late)
        #expect(AttendanceCode.arrival(atMinute: 9 * 60 + 11, registerCloses: 9 * 60 + 10) == .arrivedAfterRegisterClosed)
    }
}
