import PostgresNIO
import RollcallCore
import RollcallExchange

/// The trust's figures, school by school, from the published rows: each pupil's year of
/// codes is read back into the school's attendance book, and Core's rules (the calls a
/// school's own reports make) do the rest, so a school's rows here are its own
/// `rollcall report` rows.
public enum TrustFigures {
    /// Each school's School row of `rollcall report summary`.
    public static func schools(_ days: ClosedRange<CalendarDate>, unreadable: UnreadableSchools, on connection: PostgresConnection) async throws
        -> [(school: PublishedSchool, figures: CohortFigures)] {
        try await pupils(days, unreadable: unreadable, on: connection).map { ($0.school, CohortFigures($0.rows.map(\.figures))) }
    }

    /// Each school's `rollcall report pupils`.
    public static func pupils(_ days: ClosedRange<CalendarDate>, unreadable: UnreadableSchools, on connection: PostgresConnection) async throws
        -> [(school: PublishedSchool, rows: [PupilAttendance])] {
        let all = try await PublishedSchool.all(unreadable: unreadable, on: connection)
        let books = try await PupilYears.books(covering: days, unreadable: unreadable, on: connection)
        let schools = all.filter { !unreadable.contains($0.urn) }
        return try schools.concurrentMap { school in
            (school, PupilAttendance.report(school.pupils, book: books[school.urn] ?? AttendanceBook(span: days), calendar: school.calendar,
                                            period: days))
        }
    }

    /// Each school's open days of `period`, every pupil's sessions counted and each day
    /// judged against the same weekdays around it (`UnusualDays`), which are read from the
    /// weeks either side of the period too, up to `today`.
    public static func days(_ period: ClosedRange<CalendarDate>, today: CalendarDate, unreadable: UnreadableSchools,
                            on connection: PostgresConnection) async throws -> [(school: PublishedSchool, days: [SchoolDay])] {
        // Two weeks more than the baseline needs each side, for a holiday to pass over.
        let reach = 7 * (UnusualDays.weeksAround + 2)
        let wide = period.lowerBound.advanced(by: -reach)...max(period.upperBound, min(today, period.upperBound.advanced(by: reach)))
        let all = try await PublishedSchool.all(unreadable: unreadable, on: connection)
        let books = try await PupilYears.books(covering: wide, unreadable: unreadable, on: connection)
        return try all.filter { !unreadable.contains($0.urn) }.concurrentMap { school in
            let records = SchoolRecords(calendar: school.calendar, pupils: school.pupils, book: books[school.urn] ?? AttendanceBook(span: wide))
            return (school, UnusualDays.judge(SchoolDay.tallies(records, days: wide)).filter { period.contains($0.date) })
        }
    }

    /// Each school's `rollcall report penalty` as of a day, over the school's own window
    /// (its calendar decides which weeks are school weeks).
    public static func penalty(asOf day: CalendarDate, unreadable: UnreadableSchools, on connection: PostgresConnection) async throws
        -> [(school: PublishedSchool, rows: [PupilPenalty])] {
        let all = try await PublishedSchool.all(unreadable: unreadable, on: connection)
        let start = all.compactMap { PenaltyWindow(asOf: day, calendar: $0.calendar)?.start }.min() ?? day
        let books = try await PupilYears.books(covering: min(start, day)...day, unreadable: unreadable, on: connection)
        let schools = all.filter { !unreadable.contains($0.urn) }
        return try schools.concurrentMap { school in
            (school, PupilPenalty.report(school.pupils, book: books[school.urn] ?? AttendanceBook(span: day...day), calendar: school.calendar,
                                         asOf: day))
        }
    }

    /// The trust's first screen: every school's School row for each dashboard period
    /// (each school's periods by its own calendar), its pupils at the penalty threshold
    /// today, and its follow-ups open as it last published them.
    ///
    /// A school that published today sent this row, worked out by the same Core call
    /// from its own store, so the screen reads a small row a school. Only for a school
    /// that has not (or with `today` another day) is the row worked out here, from its
    /// published codes.
    public static func overview(today: CalendarDate, unreadable: UnreadableSchools, on connection: PostgresConnection) async throws -> TrustOverview {
        var rows: [(urn: String, school: TrustOverview.School?)] = []
        for try await (urn, name, published, document) in try await connection.query("""
            SELECT s.urn, s.name, \(unescaped: PublishedSchool.publishedAtColumn), m.document
            FROM schools s LEFT JOIN school_summaries m ON m.school = s.urn AND m.as_of = \(today.description)::date ORDER BY s.name, s.urn
            """, logger: TrustDatabase.logger).decode((String, String, String?, String?).self) {
            guard let document else {
                rows.append((urn, nil))
                continue
            }
            guard let school = PublishedSummary.school(document, urn: urn, name: name, publishedAt: published) else {
                unreadable.record(urn, "summary for \(today)")
                continue
            }
            rows.append((urn, school))
        }
        let missing = rows.filter { $0.school == nil }.map(\.urn)
        var worked: [String: TrustOverview.School] = [:]
        if !missing.isEmpty {
            let read = try await PublishedSchool.all(only: missing, unreadable: unreadable, on: connection)
            let start = read.map { Dashboard.days(asOf: today, calendar: $0.calendar).lowerBound }.min() ?? today
            let books = try await PupilYears.books(covering: start...today, schools: read.map(\.urn), unreadable: unreadable, on: connection)
            let followUps = Dictionary(try await self.followUps(of: read, rule: nil, unreadable: unreadable, on: connection)
                                           .map { ($0.school.urn, $0.entries) }, uniquingKeysWith: { first, _ in first })
            let unsummed = read.filter { !unreadable.contains($0.urn) }
            for row in try unsummed.concurrentMap({ school in
                let records = SchoolRecords(calendar: school.calendar, pupils: school.pupils,
                                            book: books[school.urn] ?? AttendanceBook(span: today...today))
                return TrustOverview.School(urn: school.urn, name: school.name, publishedAt: school.publishedAt, records: records,
                                            today: today, followUpsOpen: (followUps[school.urn] ?? []).count(where: \.isOpen))
            }) {
                worked[row.urn] = row
            }
        }
        return TrustOverview(today: today, schools: rows.compactMap { $0.school ?? worked[$0.urn] }, unreadable: unreadable.messages)
    }

    /// Each school's follow-up lists as of its last publish: `rollcall report followups`
    /// as the school worked it out, with its contacts, which stay in the school.
    public static func followUps(rule: FollowUpRule?, unreadable: UnreadableSchools, on connection: PostgresConnection) async throws
        -> [(school: PublishedSchool, asOf: String, entries: [FollowUp])] {
        try await followUps(of: PublishedSchool.all(unreadable: unreadable, on: connection), rule: rule, unreadable: unreadable, on: connection)
    }

    /// A school with a line no publish could have written is left out and named in `unreadable`.
    public static func followUps(of schools: [PublishedSchool], rule: FollowUpRule?, unreadable: UnreadableSchools,
                                 on connection: PostgresConnection) async throws -> [(school: PublishedSchool, asOf: String, entries: [FollowUp])] {
        var documents: [String: (asOf: String, lines: [(line: Int, upn: String, document: String)])] = [:]
        let rows = try await connection.query("""
            SELECT school, line, as_of::text, upn, document FROM follow_ups
            WHERE school = ANY(\(schools.map(\.urn))) AND (\(rule?.rawValue)::text IS NULL OR rule = \(rule?.rawValue)::text)
            ORDER BY school, line
            """, logger: TrustDatabase.logger)
        for try await (school, line, asOf, upn, document) in rows.decode((String, Int, String, String, String).self) {
            documents[school, default: (asOf, [])].lines.append((line, upn, document))
        }
        let fetched = documents
        return try schools.concurrentMap { school -> (school: PublishedSchool, asOf: String, entries: [FollowUp])? in
            let pupils = Dictionary(school.pupils.map { ($0.upn.text, $0) }, uniquingKeysWith: { first, _ in first })
            let published = fetched[school.urn]
            var entries: [FollowUp] = []
            for line in published?.lines ?? [] {
                guard let pupil = pupils[line.upn], let entry = PublishedFollowUp.followUp(line.document, for: pupil) else {
                    unreadable.record(school.urn, "follow-up on line \(line.line)")
                    return nil
                }
                entries.append(entry)
            }
            return (school, published?.asOf ?? "", entries)
        }.compactMap { $0 }
    }
}
