import Foundation
import RollcallCore
import RollcallTUI

/// Everything the register screen shows and remembers: a plain value, changed only by
/// `handle` and drawn only by `render`.
public struct RegisterState: Hashable, Sendable {
    public let schoolName: String
    public let group: String
    /// The school sessions of the week around the session asked for, in order.
    public let sessions: [Session]
    /// The day the tutor is living, for knowing whether the register has closed.
    public let today: CalendarDate
    /// Minutes after midnight when today's register for each session closes.
    public let closes: [Session.Part: Int]
    public internal(set) var rows: [RegisterRow]
    /// Which of `sessions` is being marked.
    public internal(set) var column: Int
    public internal(set) var cursor = 0
    public internal(set) var viewport = Viewport()
    public internal(set) var mode: RegisterMode = .marking
    public internal(set) var message: String?
    public internal(set) var isError = false
    public internal(set) var undo: [UndoStep] = []
    public internal(set) var size: Size

    public init(
        schoolName: String, group: String, sessions: [Session], column: Int, today: CalendarDate,
        closes: [Session.Part: Int], rows: [RegisterRow], size: Size
    ) {
        self.schoolName = schoolName
        self.group = group
        self.sessions = sessions
        self.column = column
        self.today = today
        self.closes = closes
        self.rows = rows
        self.size = size
    }

    public var session: Session { sessions[column] }

    public var unmarkedCount: Int { rows.count { $0.marks[column] == nil } }

    /// Rows of pupils that fit between the two header lines and the footer.
    var visibleRows: Int { max(1, size.height - 3) }
}

extension RegisterState {
    /// The register of `group` for `session`, built from the school's records: pupils in
    /// the order a person would look for them (surname, then forename, ignoring case and
    /// accents), the week's marks, and from Core each pupil's attendance so far this year,
    /// whether they are on a part-time timetable (which the interventions `log` says) and
    /// where a placement has them off site.
    public init(
        schoolName: String, group: String, session: Session, pupils: [Pupil], book: AttendanceBook,
        calendar: SchoolCalendar, today: CalendarDate, closes: [Session.Part: Int], size: Size,
        log: [InterventionRecord] = [], offsite: [OffsiteArrangement] = []
    ) {
        let monday = session.date.monday
        var week = calendar.sessions(in: monday...monday.advanced(by: 6))
        if !week.contains(session) { week = (week + [session]).sorted() }
        let asOf = min(today, session.date)
        let onRoll = pupils.filter { $0.form == group && $0.isOnRoll(on: session.date) }
        let rows = onRoll.sorted(by: RegisterState.registerOrder).map { pupil in
            let figures = AttendanceFigures.yearSoFar(of: pupil, asOf: asOf, calendar: calendar) { book.code(for: pupil.upn, at: $0) }
            let partTime = PartTimeTimetable.isOn(pupil, asOf: session.date, log: log, book: book, calendar: calendar)
            let placements = offsite.filter { $0.placement.upn == pupil.upn }
            return RegisterRow(
                upn: pupil.upn, name: pupil.listName,
                flags: RegisterState.flags(of: pupil, partTime: partTime),
                rate: figures?.attendanceRate,
                marks: week.map { book.mark(for: pupil.upn, at: $0) }, formerForms: pupil.formerForms ?? [],
                offsite: week.map { session in
                    placements.first { $0.expects(session) }.map { RegisterRow.OffsiteSession(provider: $0.placement.provider, code: $0.placement.code) }
                })
        }
        self.init(schoolName: schoolName, group: group, sessions: week, column: week.firstIndex(of: session) ?? 0,
                  today: today, closes: closes, rows: rows, size: size)
    }

    /// Surname then forename as a person files them: case, accents, apostrophes and
    /// spaces ignored, so O'Brien comes before Ó Súilleabháin and after Obi.
    static func registerOrder(_ lhs: Pupil, _ rhs: Pupil) -> Bool {
        (sortKey(lhs.surname), sortKey(lhs.displayForename)) < (sortKey(rhs.surname), sortKey(rhs.displayForename))
    }

    static func sortKey(_ name: String) -> String {
        String(name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).filter(\.isLetter))
    }

    static func flags(of pupil: Pupil, partTime: Bool) -> String {
        var flags: [String] = []
        if pupil.hasSocialWorker { flags.append("SW") }
        if pupil.hasYouthJusticeWorker { flags.append("YJ") }
        if pupil.isLookedAfter { flags.append("LAC") }
        switch pupil.sen {
        case .support: flags.append("SEN")
        case .ehcPlan: flags.append("EHC")
        case .none: break
        }
        if partTime { flags.append("PT") }
        return flags.joined(separator: " ")
    }

    /// The first pupil shown.
    public var top: Int { viewport.top }

    /// The minutes late, as `L` asks for them: up to three digits.
    static let minutesField = TextField(limit: 3, accepts: .digits)
}
