/// Which school days had attendance well below what is usual for that school: the view
/// that showed a trust the same December dip in several schools at once (a
/// Christmas-jumper day, a snow day, a bug going round).
///
/// What is usual for a day is the **median** rate of the same weekday over the three
/// school weeks before it and the three after (the day itself left out, holidays passed
/// over): a median, so that one odd Friday does not move it, and the same weekday,
/// because Fridays are not Tuesdays. A day is unusual when its rate is below that by
/// more than the largest of three margins: 3 percentage points; 3 median absolute
/// deviations of those same weekdays, so that a school whose Mondays swing by 5 points is
/// not flagged for every low Monday; and 3 standard errors of the day's rate as a share
/// of its pupils (a pupil away is mostly away both sessions), so that a small school,
/// where one pupil is two points, is not flagged for a few pupils off (for 60 pupils at
/// 90% that is 11.6 points; for 1,000 pupils, under 3). With fewer than 3 same weekdays around it there is no telling, and
/// no day is flagged.
public enum UnusualDays {
    /// School weeks looked at on either side of a day.
    public static let weeksAround = 3
    /// The least margin below the usual rate, in percentage points.
    public static let leastMargin = 3.0
    /// The margin in median absolute deviations, where that is larger.
    public static let deviations = 3.0
    /// Same weekdays needed to say what is usual.
    public static let fewestDays = 3
    /// The margin in standard errors of the day's rate.
    public static let standardErrors = 3.0

    /// Judges each day of a school's tallies (a day with no possible session is never unusual).
    public static func judge(_ days: [(date: CalendarDate, tally: AttendanceTally)]) -> [SchoolDay] {
        let rates = days.map { AttendanceFigures($0.tally).attendanceRate?.value }
        return days.indices.map { index in
            let date = days[index].date
            // The same weekday in the school weeks either side: open days only, so a
            // holiday is passed over as the penalty window passes over it.
            let same = days.indices.filter { days[$0].date.weekday == date.weekday && rates[$0] != nil }
            let before = same.filter { $0 < index }.suffix(weeksAround), after = same.filter { $0 > index }.prefix(weeksAround)
            let around = (before + after).compactMap { rates[$0] }
            guard around.count >= fewestDays, let rate = rates[index] else {
                return SchoolDay(date: date, tally: days[index].tally, expected: around.count >= fewestDays ? median(around) : nil, isUnusual: false)
            }
            let expected = median(around)
            let spread = median(around.map { abs($0 - expected) })
            // A pupil away is mostly away all day: the day's pupils, not its sessions, are
            // the count the rate's sampling error turns on.
            let share = expected / 100, pupils = Double(AttendanceFigures(days[index].tally).possible) / 2
            let error = 100 * (share * (1 - share) / pupils).squareRoot()
            return SchoolDay(date: date, tally: days[index].tally, expected: expected,
                             isUnusual: rate < expected - max(leastMargin, deviations * spread, standardErrors * error))
        }
    }

    /// Whether the trust's day is unusual: at least two of its schools, or a quarter of
    /// them, unusual that day.
    public static func isUnusualForTrust(unusualSchools: Int, schools: Int) -> Bool {
        unusualSchools >= 2 || (schools > 0 && unusualSchools * 4 >= schools && unusualSchools > 0)
    }

    /// The trust's row of days: every school's sessions of the day as one, what is usual
    /// for it as each school's usual rate weighed by its possible sessions, and unusual by
    /// `isUnusualForTrust`.
    public static func trustDays(_ schools: [[SchoolDay]]) -> [SchoolDay] {
        let byDate = Dictionary(grouping: schools.joined(), by: \.date)
        return byDate.keys.sorted().map { date in
            let days = byDate[date] ?? []
            let tally = days.reduce(AttendanceTally()) { $0 + $1.tally }
            let weighed = days.compactMap { day in day.expected.map { ($0, Double(day.figures.possible)) } }
            let weight = weighed.reduce(0) { $0 + $1.1 }
            let expected = weight > 0 ? weighed.reduce(0) { $0 + $1.0 * $1.1 } / weight : nil
            return SchoolDay(date: date, tally: tally, expected: expected,
                             isUnusual: isUnusualForTrust(unusualSchools: days.count(where: \.isUnusual), schools: schools.count))
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
