import PostgresNIO
import RollcallCore

/// Each school's figures over a period, from the published rows. SQL only counts marks
/// by pupil and code, on open sessions while the pupil was on roll (as `AttendanceTally`
/// walks them); the tallies, rates and persistent and severe absence are then Core's, so
/// a school's row is its own `rollcall report summary` School row.
public enum TrustFigures {
    public struct School: Sendable {
        public let urn: String
        public let name: String
        public let publishedAt: String?
        public let figures: CohortFigures
    }

    public static func schools(_ days: ClosedRange<CalendarDate>, on connection: PostgresConnection) async throws -> [School] {
        let logger = TrustDatabase.logger
        var schools: [(urn: String, name: String, published: String?)] = []
        for try await row in try await connection.query(
            "SELECT urn, name, to_char(published_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD HH24:MI') FROM schools ORDER BY name, urn",
            logger: logger).decode((String, String, String?).self) {
            schools.append(row)
        }
        let years = SchoolRecords.academicYears(covering: days)
        var tallies: [String: [String: AttendanceTally]] = [:]
        let rows = try await connection.query("""
            SELECT m.school, m.upn, m.code, count(*) FILTER (WHERE s.date IS NOT NULL
                AND (p.admission_date IS NULL OR m.date >= p.admission_date) AND (p.leaving_date IS NULL OR m.date <= p.leaving_date))::int
            FROM marks m
            JOIN pupils p ON p.school = m.school AND p.upn = m.upn
            LEFT JOIN school_sessions s ON s.school = m.school AND s.date = m.date AND s.session = m.session
            WHERE m.academic_year = ANY(\(years)) AND m.date BETWEEN \(days.lowerBound.description)::date AND \(days.upperBound.description)::date
            GROUP BY m.school, m.upn, m.code
            """, logger: logger)
        for try await (school, upn, symbol, sessions) in rows.decode((String, String, String, Int).self) {
            var tally = tallies[school, default: [:]][upn, default: AttendanceTally()]
            let code = AttendanceCode(rawValue: symbol)
            for _ in 0..<sessions { tally.add(code) }
            tallies[school, default: [:]][upn] = tally
        }
        return schools.map { school in
            School(urn: school.urn, name: school.name, publishedAt: school.published,
                   figures: CohortFigures((tallies[school.urn] ?? [:]).values.map(AttendanceFigures.init)))
        }
    }
}
