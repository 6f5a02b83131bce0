import Foundation
import RollcallCore
@testable import RollcallScreens
@testable import RollcallTUI

func day(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(text) else { fatalError("bad test date \(text)") }
    return date
}

func upn(_ body: String) -> UPN {
    do { return try UPN(body: body) } catch { fatalError("bad UPN body \(body)") }
}

/// Form 7A: four pupils, one of whom has left, in the first two weeks of a term that
/// starts Monday 1 September 2025.
enum Form7A {
    static let calendar: SchoolCalendar = {
        do {
            return try SchoolCalendar(years: [AcademicYear(name: "2025-26", terms: [
                Term(name: "Autumn 1", start: day("2025-09-01"), end: day("2025-10-24")),
            ])])
        } catch { fatalError("\(error)") }
    }()

    static let zoe = Pupil(upn: upn("938432125001"), surname: "Ó Súilleabháin", forename: "Zoë", dateOfBirth: day("2014-01-01"),
                           yearGroup: 7, form: "7A", sen: .ehcPlan, hasSocialWorker: true)
    static let lukasz = Pupil(upn: upn("938432125002"), surname: "Wiśniewski", forename: "Łukasz", dateOfBirth: day("2014-02-01"),
                              yearGroup: 7, form: "7A")
    static let siobhan = Pupil(upn: upn("938432125003"), surname: "O'Brien", forename: "Siobhán", preferredName: "Shiv",
                               dateOfBirth: day("2014-03-01"), yearGroup: 7, form: "7A")
    static let amy = Pupil(upn: upn("938432125004"), surname: "adams", forename: "Amy", dateOfBirth: day("2014-04-01"),
                           yearGroup: 7, form: "7A")
    static let left = Pupil(upn: upn("938432125005"), surname: "Gone", forename: "Gwen", dateOfBirth: day("2014-05-01"),
                            yearGroup: 7, form: "7A", leavingDate: day("2025-09-05"))
    static let other = Pupil(upn: upn("938432125006"), surname: "Elsewhere", forename: "Ed", dateOfBirth: day("2014-05-01"),
                             yearGroup: 7, form: "7B")

    /// Week one: Zoë ill Monday, Łukasz late Tuesday morning, everyone else present.
    static var book: AttendanceBook {
        var registers: [Register] = []
        for session in calendar.sessions(in: day("2025-09-01")...day("2025-09-05")) {
            var marks: [UPN: Mark] = [:]
            for pupil in [zoe, lukasz, siobhan, amy, left] {
                marks[pupil.upn] = Mark(.present(for: session.part))
            }
            if session.date == day("2025-09-01") { marks[zoe.upn] = Mark(.illness) }
            if session == Session(day("2025-09-02"), .am) { marks[lukasz.upn] = Mark(.late, minutesLate: 10) }
            registers.append(Register(group: "7A", session: session, marks: marks))
        }
        return AttendanceBook(registers: registers)
    }

    /// The register of 7A for Monday 8 September morning, with Monday's marks in the
    /// store so far: Amy already marked present by someone else.
    static func register(_ session: Session = Session(day("2025-09-08"), .am), size: Size = Size(width: 80, height: 24),
                         today: CalendarDate = day("2025-09-08"), log: [InterventionRecord] = []) -> RegisterState {
        let weekOne = book
        var registers = calendar.sessions(in: day("2025-09-01")...day("2025-09-05")).map { session in
            Register(group: "7A", session: session, marks: Dictionary(uniqueKeysWithValues: [zoe, lukasz, siobhan, amy, left].compactMap { pupil in
                weekOne.mark(for: pupil.upn, at: session).map { (pupil.upn, $0) }
            }))
        }
        registers.append(Register(group: "7A", session: Session(day("2025-09-08"), .am), marks: [amy.upn: Mark(.presentAM)]))
        return RegisterState(
            schoolName: "Test Academy", group: "7A", session: session,
            pupils: [zoe, lukasz, siobhan, amy, left, other], book: AttendanceBook(registers: registers),
            calendar: calendar, today: today, closes: [.am: 9 * 60 + 10, .pm: 13 * 60 + 50], size: size, log: log)
    }
}
