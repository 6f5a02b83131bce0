/// Which day and session a pupil misses most: absences and possible sessions for each
/// weekday morning and afternoon. A pattern (every Monday, Friday afternoons) points to
/// a cause that a rate alone hides.
public struct WeekdayPattern: Hashable, Sendable {
    public struct Slot: Hashable, Sendable {
        public let weekday: Weekday
        public let part: Session.Part
        public internal(set) var possible = 0
        public internal(set) var absent = 0

        public var absenceRate: Percentage? { Percentage(absent, of: possible) }
    }

    /// Monday AM, Monday PM, … Friday PM.
    public private(set) var slots: [Slot]

    public init() {
        slots = Weekday.allCases.prefix(5).flatMap { day in Session.Part.allCases.map { Slot(weekday: day, part: $0) } }
    }

    mutating func add(_ session: Session, _ code: AttendanceCode) {
        guard code.countsAsPossible, session.date.weekday.index < 5 else { return }
        let index = session.date.weekday.index * 2 + (session.part == .pm ? 1 : 0)
        slots[index].possible += 1
        if code.category.countsAsAbsence { slots[index].absent += 1 }
    }

    /// The slot with the highest absence rate, the most absences breaking a tie; nil
    /// when the pupil missed nothing.
    public var mostMissed: Slot? {
        slots.filter { $0.absent > 0 }.max { lhs, rhs in
            guard let left = lhs.absenceRate, let right = rhs.absenceRate else { return false }
            return left == right ? lhs.absent < rhs.absent : left < right
        }
    }
}
