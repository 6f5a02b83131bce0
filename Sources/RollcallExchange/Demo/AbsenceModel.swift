import Foundation
import RollcallCore

/// How one demo pupil attends: a propensity to be absent drawn so that most pupils
/// attend well and a tail does not, absences in spells of days rather than scattered
/// sessions, more illness in winter, and for a few families a holiday in term time just
/// before one of the year's breaks (a different break for each, as families choose).
struct AbsenceModel {
    private let propensity: Double
    private let lateness: Double
    /// The last day of the term whose last four days a family takes as a holiday, if it does.
    private let holidayBefore: CalendarDate?
    private var spell: (code: AttendanceCode, remainingDays: Int)?
    private var spellDay: CalendarDate?

    init(pupil: Pupil, breaks: [CalendarDate], random: inout SeededGenerator) {
        let band = Double.random(in: 0..<1, using: &random)
        var propensity = band < 0.74 ? Double.random(in: 0.005...0.04, using: &random)
            : band < 0.92 ? Double.random(in: 0.04...0.11, using: &random)
            : band < 0.98 ? Double.random(in: 0.11...0.3, using: &random)
            : Double.random(in: 0.5...0.8, using: &random)
        if pupil.fsm { propensity *= 1.3 }
        if pupil.sen != .none { propensity *= 1.2 }
        self.propensity = min(propensity, 0.9)
        lateness = random.chance(0.2) ? Double.random(in: 0.03...0.12, using: &random) : 0.01
        holidayBefore = random.chance(0.08) ? breaks.randomElement(using: &random) : nil
    }

    mutating func code(for session: Session, trip: Bool, random: inout SeededGenerator) -> AttendanceCode {
        if trip { return .educationalVisit }
        if spellDay != session.date {
            spellDay = session.date
            advanceSpell(on: session.date, random: &random)
        }
        if let spell { return spell.code }
        if random.chance(0.004) { return .medicalAppointment }
        if random.chance(lateness) { return random.chance(0.85) ? .late : .arrivedAfterRegisterClosed }
        return .present(for: session.part)
    }

    private mutating func advanceSpell(on date: CalendarDate, random: inout SeededGenerator) {
        if var current = spell {
            current.remainingDays -= 1
            spell = current.remainingDays > 0 ? current : nil
            if spell != nil { return }
        }
        if let end = holidayBefore, date.distance(to: end) == 3 {
            spell = (.holidayNotGranted, 4)
            return
        }
        let winter = Self.winter(date)
        let length = propensity > 0.4 ? Int.random(in: 2...6, using: &random) : Int.random(in: 1...3, using: &random)
        guard random.chance(propensity * winter / Double(length)) else { return }
        let kind = Double.random(in: 0..<1, using: &random)
        let unauthorisedShare = propensity > 0.1 ? 0.45 : 0.15
        let code: AttendanceCode = kind < unauthorisedShare
            ? (random.chance(0.5) ? .reasonNotYetEstablished : .otherUnauthorised)
            : .illness
        spell = (code, length)
    }

    /// How much more often illness begins on `date` than in summer: rising through the
    /// autumn to 1.6 times in mid-January and falling again, smoothly, as colds go round.
    /// A step on 1 November made every early November day look like a dip against its October weeks.
    static func winter(_ date: CalendarDate) -> Double {
        let fromMidJanuary = Double(CalendarDate(year: date.year, month: 1, day: 15)!.distance(to: date))
        return 1.3 + 0.3 * cos(2 * Double.pi * fromMidJanuary / 365.25)
    }
}
