import PostgresNIO
import RollcallCore
import RollcallExchange

/// The trust's figures, school by school, from the published rows. SQL only counts and
/// fetches marks; Core's rules (the same calls a school's own reports make) do the rest,
/// so a school's rows here are its own `rollcall report` rows.
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
        let counts = try await codeCounts(days, on: connection)
        return schools.map { school in
            (school, PupilAttendance.report(school.pupils, counts: counts[school.urn] ?? [:], calendar: school.calendar, period: days))
        }
    }

    /// Each school's `rollcall report penalty` as of a day, over the school's own window
    /// (its calendar decides which weeks are school weeks). Only unauthorised marks are
    /// fetched: they are all the penalty position counts.
    public static func penalty(asOf day: CalendarDate, on connection: PostgresConnection) async throws
        -> [(school: PublishedSchool, rows: [PupilPenalty])] {
        try await penalty(of: PublishedSchool.all(on: connection), asOf: day, on: connection)
    }

    static func penalty(of schools: [PublishedSchool], asOf day: CalendarDate, on connection: PostgresConnection) async throws
        -> [(school: PublishedSchool, rows: [PupilPenalty])] {
        let unauthorised = AttendanceCode.allCases.filter(\.isUnauthorised).map(\.symbol)
        var result: [(school: PublishedSchool, rows: [PupilPenalty])] = []
        for school in schools {
            guard let window = PenaltyWindow(asOf: day, calendar: school.calendar) else {
                result.append((school, []))
                continue
            }
            var book = AttendanceBook(span: window.days)
            let marks = try await connection.query("""
                SELECT upn, date::text, session, code FROM marks
                WHERE school = \(school.urn) AND academic_year = ANY(\(SchoolRecords.academicYears(covering: window.days)))
                  AND date BETWEEN \(window.start.description)::date AND \(day.description)::date AND code = ANY(\(unauthorised))
                """, logger: TrustDatabase.logger)
            for try await (upn, date, part, symbol) in marks.decode((String, String, String, String).self) {
                let mark = try Self.mark(school: school.urn, upn: upn, date: date, part: part, code: symbol)
                book.record(Mark(mark.code), for: mark.upn, at: mark.session)
            }
            result.append((school, PupilPenalty.report(school.pupils, book: book, calendar: school.calendar, asOf: day)))
        }
        return result
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

    /// The trust's first screen: every school's School row for each dashboard period
    /// (each school's periods by its own calendar), its pupils at the penalty threshold
    /// today, and its follow-ups open as it last published them.
    public static func overview(today: CalendarDate, on connection: PostgresConnection) async throws -> TrustOverview {
        let schools = try await PublishedSchool.all(on: connection)
        var figures: [String: [DashboardPeriod: CohortFigures]] = [:]
        for period in DashboardPeriod.allCases {
            // Schools whose calendars give the period the same days share one count.
            let byDays = Dictionary(grouping: schools.compactMap { school in
                period.days(asOf: today, calendar: school.calendar).map { (school: school, days: $0) }
            }, by: \.days)
            for (days, sharing) in byDays {
                let counts = try await codeCounts(days, schools: sharing.map(\.school.urn), on: connection)
                for (school, _) in sharing {
                    let rows = PupilAttendance.report(school.pupils, counts: counts[school.urn] ?? [:], calendar: school.calendar, period: days)
                    figures[school.urn, default: [:]][period] = CohortFigures(rows.map(\.figures))
                }
            }
        }
        let penalty = Dictionary(try await self.penalty(of: schools, asOf: today, on: connection).map { ($0.school.urn, $0.rows) },
                                 uniquingKeysWith: { first, _ in first })
        let followUps = Dictionary(try await self.followUps(of: schools, rule: nil, on: connection).map { ($0.school.urn, $0.entries) },
                                   uniquingKeysWith: { first, _ in first })
        return TrustOverview(today: today, schools: schools.map { school in
            TrustOverview.School(urn: school.urn, name: school.name, publishedAt: school.publishedAt,
                                 penaltyReached: (penalty[school.urn] ?? []).count(where: \.position.thresholdReached),
                                 followUpsOpen: (followUps[school.urn] ?? []).count(where: \.isOpen), figures: figures[school.urn] ?? [:])
        })
    }

    /// How many of each code each pupil has on the open sessions of `days` on which they
    /// were on roll (as `AttendanceTally` walks them); a pupil with any mark in `days` is
    /// a key, even with nothing counted.
    static func codeCounts(_ days: ClosedRange<CalendarDate>, schools: [String]? = nil, on connection: PostgresConnection) async throws
        -> [String: [UPN: [AttendanceCode: Int]]] {
        var counts: [String: [UPN: [AttendanceCode: Int]]] = [:]
        let rows = try await connection.query("""
            SELECT m.school, m.upn, m.code, count(*) FILTER (WHERE s.date IS NOT NULL
                AND (p.admission_date IS NULL OR m.date >= p.admission_date) AND (p.leaving_date IS NULL OR m.date <= p.leaving_date))::int
            FROM marks m
            JOIN pupils p ON p.school = m.school AND p.upn = m.upn
            LEFT JOIN school_sessions s ON s.school = m.school AND s.date = m.date AND s.session = m.session
            WHERE m.academic_year = ANY(\(SchoolRecords.academicYears(covering: days))) AND (\(schools == nil) OR m.school = ANY(\(schools ?? [])))
              AND m.date BETWEEN \(days.lowerBound.description)::date AND \(days.upperBound.description)::date
            GROUP BY m.school, m.upn, m.code
            """, logger: TrustDatabase.logger)
        for try await (school, upnText, symbol, sessions) in rows.decode((String, String, String, Int).self) {
            guard let upn = try? UPN(upnText), let code = AttendanceCode(rawValue: symbol) else {
                throw TrustFailure("marks: school \(school), pupil \(upnText): code '\(symbol)' is not one rollcall writes")
            }
            counts[school, default: [:]][upn, default: [:]][code, default: 0] += sessions
        }
        return counts
    }

    /// One mark's row, checked.
    private static func mark(school: String, upn: String, date: String, part: String, code: String) throws
        -> (upn: UPN, session: Session, code: AttendanceCode) {
        guard let pupil = try? UPN(upn), let day = CalendarDate(date), let part = Session.Part(rawValue: part),
              let code = AttendanceCode(rawValue: code) else {
            throw TrustFailure("marks: school \(school), pupil \(upn), \(date) \(part): not a mark rollcall writes")
        }
        return (pupil, Session(day, part), code)
    }
}
