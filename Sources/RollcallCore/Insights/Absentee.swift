/// Persistent and severe absentees over a period, with those who crossed the persistent
/// line this week set apart: the pupils an attendance lead should see first.
public struct Absentee: Hashable, Sendable {
    public let row: PupilAttendance
    /// Persistent over the period to today, but not over the same period up to the end
    /// of last week. Always false when the period began this week: there is nothing to
    /// compare with.
    public let isNewThisWeek: Bool

    /// Every persistent (and so every severe) absentee among `rows`, worst first.
    ///
    /// `earlier` holds the same pupils' figures over the period cut at the end of last week.
    public static func list(_ rows: [PupilAttendance], earlier: [PupilAttendance]?) -> [Absentee] {
        let before = Dictionary(uniqueKeysWithValues: (earlier ?? []).map { ($0.pupil.upn, $0.figures.isPersistentAbsentee) })
        return rows
            .compactMap { row -> (absentee: Absentee, rate: Percentage)? in
                guard row.figures.isPersistentAbsentee, let rate = row.figures.absenceRate else { return nil }
                return (Absentee(row: row, isNewThisWeek: earlier != nil && before[row.pupil.upn] != true), rate)
            }
            .sorted { ($0.rate, $1.absentee.row.pupil.upn) > ($1.rate, $0.absentee.row.pupil.upn) }
            .map(\.absentee)
    }

    /// The day before this week's Monday, when that still falls in the period: where the
    /// "earlier" figures of `list` stop.
    public static func endOfLastWeek(asOf today: CalendarDate, period: ClosedRange<CalendarDate>) -> CalendarDate? {
        let sunday = today.monday.advanced(by: -1)
        return sunday >= period.lowerBound ? sunday : nil
    }
}
