import PostgresNIO

/// The trust's schools as its admin keeps them: which are in, with their logins and what
/// they have sent, and taking one out whole.
public enum TrustSchools {
    /// Every table a school publishes into, by its `school` column (a test checks the
    /// database has no other).
    public static let tables = [
        "school_sessions", "pupils", "groups", "amendments", "interventions", "deletions",
        "pupil_years", "published_pupil_years", "calendars", "follow_ups", "published_tables", "school_summaries",
    ]

    /// One school as `rollcall trust schools` lists it.
    public struct Entry: Sendable, Equatable {
        public let urn: String
        public let name: String
        public let login: String
        /// When it last published, in England's time; nil if never.
        public let publishedAt: String?
        /// Its rows in every table, all told.
        public let rows: Int
    }

    /// The school's name, or nil when the trust has no school `urn`.
    public static func name(of urn: String, on connection: PostgresConnection) async throws -> String? {
        var name: String?
        for try await found in try await connection.query("SELECT name FROM schools WHERE urn = \(urn)", logger: TrustDatabase.logger)
            .decode(String.self) { name = found }
        return name
    }

    public static func all(on connection: PostgresConnection) async throws -> [Entry] {
        let rows = tables.map { "(SELECT count(*) FROM \($0) t WHERE t.school = s.urn)" }.joined(separator: " + ")
        let query = "SELECT s.urn, s.name, \(PublishedSchool.publishedAtColumn), (\(rows))::int FROM schools s ORDER BY s.urn"
        var entries: [Entry] = []
        for try await (urn, name, publishedAt, count) in try await connection.query(PostgresQuery(unsafeSQL: query), logger: TrustDatabase.logger)
            .decode((String, String, String?, Int).self) {
            entries.append(Entry(urn: urn, name: name, login: TrustRoles.schoolRole(urn), publishedAt: publishedAt, rows: count))
        }
        return entries
    }

    /// Takes a school out of the trust in one transaction: its rows in every table, its
    /// entry and its login. Returns the rows removed.
    public static func remove(urn: String, on connection: PostgresConnection) async throws -> Int {
        guard try await name(of: urn, on: connection) != nil else { throw TrustFailure("the trust has no school \(urn): 'rollcall trust schools' lists them") }
        let role = TrustRoles.schoolRole(urn)
        return try await connection.withTransaction(logger: TrustDatabase.logger) { connection in
            var removed = 0
            for table in tables {
                for try await count in try await connection.query(PostgresQuery(unsafeSQL: "WITH gone AS (DELETE FROM \(table) WHERE school = $1 RETURNING 1) SELECT count(*)::int FROM gone",
                                                                                 binds: binds(urn)), logger: TrustDatabase.logger).decode(Int.self) {
                    removed += count
                }
            }
            try await connection.query("DELETE FROM schools WHERE urn = \(urn)", logger: TrustDatabase.logger)
            // The URN is six or seven digits (the schools table checks it), so the name is plain.
            try await connection.query(PostgresQuery(unsafeSQL: "DROP ROLE IF EXISTS \(role)"), logger: TrustDatabase.logger)
            return removed
        }
    }

    private static func binds(_ urn: String) -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(urn)
        return bindings
    }
}
