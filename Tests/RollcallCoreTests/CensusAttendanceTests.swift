import Testing
@testable import RollcallCore

/// The census's attendance module worked by hand on the first week of 2025-26 (Monday 1
/// to Friday 5 September, 10 sessions).
@Suite("The census's attendance module")
struct CensusAttendanceTests {
    let calendar = try! SchoolCalendar(years: [try! AcademicYear(name: "2025-26", terms: [
        Term(name: "Autumn 1", start: CalendarDate("2025-09-01")!, end: CalendarDate("2025-10-24")!),
    ])])

    func pupil(_ body: String, _ name: String, born: String, year: Int, left: String? = nil) -> Pupil {
        Pupil(upn: try! UPN(body: body), surname: name, forename: "A", dateOfBirth: CalendarDate(born)!, yearGroup: year, form: "\(year)A",
              leavingDate: left.flatMap(CalendarDate.init))
    }

    @Test func theTermsPeriodsRunAsTheCensusReturnsThem() {
        #expect(CensusTerm.easterSunday(2026) == CalendarDate("2026-04-05")! && CensusTerm.easterSunday(2025) == CalendarDate("2025-04-20")!
                && CensusTerm.easterSunday(2024) == CalendarDate("2024-03-31")!)
        #expect(CensusTerm.springBankHoliday(2026) == CalendarDate("2026-05-25")!)
        func spans(_ term: CensusTerm) -> [String] { term.periods(startYear: 2025).map { "\($0.name) \($0.days.lowerBound)..\($0.days.upperBound)" } }
        #expect(spans(.autumn) == ["autumn 2025-08-01..2025-12-31"])
        #expect(spans(.spring) == ["spring 2026-01-01..2026-04-05"])
        #expect(spans(.summer) == ["summer-1 2026-04-06..2026-05-24", "summer-2 2026-05-25..2026-07-31"])
    }

    @Test func aFourYearOldIsInASixteenYearOldIsNotAndALeaverIsCountedToTheirLastDay() throws {
        // Ava, reception, 4 on 31 August 2025: ill all Tuesday. Lee, Year 7, left on
        // Wednesday 3rd: O all Tuesday, N on Wednesday morning. Sam, 16 on 31 August, and
        // Nia, 3, are outside the census's ages.
        let ava = pupil("801200005001", "Ava", born: "2021-06-10", year: 0)
        let lee = pupil("801200005002", "Lee", born: "2014-01-15", year: 7, left: "2025-09-03")
        let sam = pupil("801200005003", "Sam", born: "2009-07-01", year: 11)
        let nia = pupil("801200005004", "Nia", born: "2022-01-01", year: -1)
        var book = AttendanceBook(span: CalendarDate("2025-09-01")!...CalendarDate("2025-09-05")!)
        for session in calendar.sessions(in: CalendarDate("2025-09-01")!...CalendarDate("2025-09-05")!) {
            for pupil in [ava, lee, sam, nia] where pupil.isOnRoll(on: session.date) {
                var code = AttendanceCode.present(for: session.part)
                if session.date.day == 2 { code = pupil == ava ? .illness : pupil == lee ? .otherUnauthorised : code }
                if session == Session(CalendarDate("2025-09-03")!, .am), pupil == lee { code = .reasonNotYetEstablished }
                book.record(Mark(code), for: pupil.upn, at: session)
            }
        }
        let records = SchoolRecords(calendar: calendar, pupils: [ava, lee, sam, nia], book: book)
        let rows = CensusAttendance.rows(.autumn, startYear: 2025, records: records, upTo: CalendarDate("2025-09-05")!)
        let shown = rows.map { row in
            "\(row.pupil.surname) \(row.figures.possible) \(row.figures.tally.authorisedAbsence) \(row.figures.tally.unauthorisedAbsence) "
                + row.reasons.map { "\($0.code.symbol)=\($0.sessions)" }.joined(separator: ",")
        }
        // Ava: 10 possible, 2 authorised (I 2). Lee: Mon to Wed, 6 possible, 3 unauthorised (N 1, O 2).
        #expect(shown == ["Ava 10 2 0 I=2", "Lee 6 0 3 N=1,O=2"])
        #expect(rows.allSatisfy { $0.period.name == "autumn" })
    }
}

/// A CTF's destinations and file names, as written and as the admission log reads them back.
@Suite("CTF destinations")
struct CTFDestinationTests {
    @Test func aFileNameIsReadBackAsItIsWrittenEvenPastTheNineHundredAndNinetyNinth() {
        #expect(CTFDestination("8881235")?.fileName(from: "8881234", sequence: 1) == "8881234_CTF_8881235_001.xml")
        #expect(CTFDestination("unknown")?.code == "XXXXXXX" && CTFDestination("OUTSIDE")?.code == "MMMMMMM")
        for sequence in [1, 42, 999, 1000] {
            let name = CTFDestination.outside.fileName(from: "8881234", sequence: sequence)
            #expect(CTFDestination.isFileName(name), "\(name)")
        }
        for bad in ["888123_CTF_8881235_001.xml", "8881234_CTF_YYYYYYY_001.xml", "8881234_CTF_8881235_01.xml", "8881234_CTF_8881235_001.xml.sh",
                    "../8881234_CTF_8881235_001.xml", "8881234_CTF_8881235_0a1.xml"] {
            #expect(!CTFDestination.isFileName(bad), "\(bad)")
        }
        #expect(CTFDestination(code: "unknown") == nil && CTFDestination("888123") == nil && CTFDestination("８８８１２３４") == nil)
    }
}
