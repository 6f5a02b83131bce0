import PostgresNIO
import RollcallCore
import RollcallExchange

/// The trust's figures, school by school, from the published rows: each pupil's year of
/// codes is read back into the school's attendance book, and Core's rules (the calls a
/// school's own reports make) do the rest, so a school's rows here are its own
/// `rollcall report` rows.
public enum TrustFigures {
    /// Each school's School row of `rollcall report summary`.
    public static func schools(_ days: ClosedRange<CalendarDate>, on connection: PostgresConnection) async throws
        -> [(school: PublishedSchool, figures: CohortFigures)] {
        try await pupils(days, on: connection).map { ($0.school, CohortFigures($0.rows.map(\.figures))) }
    }

    /// Each school's `rollcall report pupils`.
    public static func pupils(_ days: ClosedRange<CalendarDate>, on connection: PostgresConnection) async throws
        -> [(school: PublishedSchool, rows: [PupilAttendance])] {
        let schools = try await PublishedSchool.all(on: connection)
        let books = try await PupilYears.books(covering: days, on: connection)
        return schools.map { school in
            (school, PupilAttendance.report(school.pupils, book: books[school.urn] ?? AttendanceBook(span: days), calendar: school.calendar,
                                            period: days))
        }
    }

    /// Each school's `rollcall report penalty` as of a day, over the school's own window
    /// (its calendar decides which weeks are school weeks).
    public static func penalty(asOf day: CalendarDate, on connection: PostgresConnection) async throws
        -> [(school: PublishedSchool, rows: [PupilPenalty])] {
        let schools = try await PublishedSchool.all(on: connection)
        let start = schools.compactMap { PenaltyWindow(asOf: day, calendar: $0.calendar)?.start }.min() ?? day
        let books = try await PupilYears.books(covering: min(start, day)...day, on: connection)
        return schools.map { school in
            (school, PupilPenalty.report(school.pupils, book: books[school.urn] ?? AttendanceBook(span: day...day), calendar: school.calendar,
                                         asOf: day))
        }
    }

    /// The trust's first screen: every school's School row for each dashboard period
    /// (each school's periods by its own calendar), its pupils at the penalty threshold
    /// today, and its follow-ups open as it last published them. One read of the codes
    /// serves every period.
    public static func overview(today: CalendarDate, on connection: PostgresConnection) async throws -> TrustOverview {
        let schools = try await PublishedSchool.all(on: connection)
        let start = schools.map { Dashboard.days(asOf: today, calendar: $0.calendar).lowerBound }.min() ?? today
        let books = try await PupilYears.books(covering: start...today, on: connection)
        let followUps = Dictionary(try await self.followUps(of: schools, rule: nil, on: connection).map { ($0.school.urn, $0.entries) },
                                   uniquingKeysWith: { first, _ in first })
        return TrustOverview(today: today, schools: schools.map { school in
            let book = books[school.urn] ?? AttendanceBook(span: today...today)
            var figures: [DashboardPeriod: CohortFigures] = [:]
            for period in DashboardPeriod.allCases {
                guard let days = period.days(asOf: today, calendar: school.calendar) else { continue }
                figures[period] = CohortFigures(PupilAttendance.report(school.pupils, book: book, calendar: school.calendar, period: days)
                    .map(\.figures))
            }
            let penalty = PupilPenalty.report(school.pupils, book: book, calendar: school.calendar, asOf: today)
            return TrustOverview.School(urn: school.urn, name: school.name, publishedAt: school.publishedAt, penaltyReached: penalty.count,
                                        followUpsOpen: (followUps[school.urn] ?? []).count(where: \.isOpen), figures: figures)
        })
    }

    /// Each school's follow-up lists as of its last publish: `rollcall report followups`
    /// as the school worked it out, with its contacts, which stay in the school.
    public static func followUps(rule: FollowUpRule?, on connection: PostgresConnection) async throws
        -> [(school: PublishedSchool, asOf: String, entries: [FollowUp])] {
        try await followUps(of: PublishedSchool.all(on: connection), rule: rule, on: connection)
    }

    public static func followUps(of schools: [PublishedSchool], rule: FollowUpRule?, on connection: PostgresConnection) async throws
        -> [(school: PublishedSchool, asOf: String, entries: [FollowUp])] {
        var lists: [String: (asOf: String, entries: [FollowUp])] = [:]
        let pupils = Dictionary(schools.map { ($0.urn, Dictionary($0.pupils.map { ($0.upn.text, $0) }, uniquingKeysWith: { first, _ in first })) },
                                uniquingKeysWith: { first, _ in first })
        let rows = try await connection.query("""
            SELECT school, line, as_of::text, upn, document FROM follow_ups
            WHERE school = ANY(\(schools.map(\.urn))) AND (\(rule?.rawValue)::text IS NULL OR rule = \(rule?.rawValue)::text)
            ORDER BY school, line
            """, logger: TrustDatabase.logger)
        for try await (school, line, asOf, upn, document) in rows.decode((String, Int, String, String, String).self) {
            guard let pupil = pupils[school]?[upn], let entry = PublishedFollowUp.followUp(document, for: pupil) else {
                throw TrustFailure("follow_ups: school \(school), line \(line): not a follow-up rollcall publishes")
            }
            lists[school, default: (asOf, [])].entries.append(entry)
        }
        return schools.map { ($0, lists[$0.urn]?.asOf ?? "", lists[$0.urn]?.entries ?? []) }
    }
}
