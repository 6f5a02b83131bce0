/// One pupil's attendance as the school census's attendance module returns it for a
/// period: every pupil on roll at any time in it (leavers too), aged 4 to 15 on the 31
/// August before the academic year, with at least one possible session. The figures are
/// `report pupils`' for the same days; `reasons` are the sessions of each absence code.
public struct CensusAttendance: Sendable {
    public let pupil: Pupil
    public let period: CensusPeriod
    public let figures: AttendanceFigures
    /// Each absence code the pupil had in the period with its sessions, in the code set's order.
    public let reasons: [(code: AttendanceCode, sessions: Int)]

    /// The ages the census returns attendance for, on the 31 August before the year.
    public static let ages = 4...15

    /// The rows for the periods of `term` in the year starting `startYear`, each period
    /// counted up to `today` at most: a session not yet held is not missed.
    public static func rows(_ term: CensusTerm, startYear: Int, records: SchoolRecords, upTo today: CalendarDate) -> [CensusAttendance] {
        let birthdayCutOff = CalendarDate(year: startYear, month: 8, day: 31)!
        let inScope = records.pupils.filter { ages.contains($0.age(on: birthdayCutOff)) }
        return term.periods(startYear: startYear).filter { $0.days.lowerBound <= today }.flatMap { period in
            let days = period.days.lowerBound...min(period.days.upperBound, today)
            let sessions = records.calendar.sessions(in: days)
            return PupilAttendance.report(inScope, book: records.book, calendar: records.calendar, period: days)
                .filter { $0.figures.possible > 0 }
                .map { row in
                    var counts: [AttendanceCode: Int] = [:]
                    let marks = records.book.row(of: row.pupil.upn)
                    for session in sessions where row.pupil.isOnRoll(on: session.date) {
                        if let code = marks?.code(at: session), code.category.countsAsAbsence { counts[code, default: 0] += 1 }
                    }
                    return CensusAttendance(pupil: row.pupil, period: period, figures: row.figures,
                                            reasons: AttendanceCode.allCases.compactMap { code in counts[code].map { (code, $0) } })
                }
        }
    }
}
