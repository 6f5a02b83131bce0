import PostgresNIO

/// The trust's schema, as numbered steps kept here: `trust init` applies those the
/// database lacks, in order, each once, in one transaction with a lock so that two
/// administrators cannot apply the same step twice. A step that has shipped is never
/// edited; a change is a new step.
public enum Migrations {
    static let steps: [[String]] = [
        // 1: the tables, the roles' rights, and the rows each school may touch.
        [
            """
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rollcall_schools') THEN CREATE ROLE rollcall_schools NOLOGIN; END IF;
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rollcall_readers') THEN CREATE ROLE rollcall_readers NOLOGIN; END IF;
            END $$
            """,
            "CREATE TABLE schools (urn text PRIMARY KEY CHECK (urn ~ '^[0-9]{6,7}$'), name text NOT NULL, published_at timestamptz)",
            """
            CREATE TABLE code_categories (code text PRIMARY KEY, category text NOT NULL, possible boolean NOT NULL,
              attended boolean NOT NULL, absence boolean NOT NULL)
            """,
            """
            CREATE TABLE school_sessions (school text NOT NULL REFERENCES schools, date date NOT NULL,
              session text NOT NULL CHECK (session IN ('AM', 'PM')), PRIMARY KEY (school, date, session))
            """,
            """
            CREATE TABLE pupils (school text NOT NULL REFERENCES schools, upn text NOT NULL, surname text NOT NULL,
              forename text NOT NULL, preferred_name text, date_of_birth date NOT NULL, year_group int NOT NULL, form text NOT NULL,
              sex text, sen text NOT NULL, fsm boolean NOT NULL, eal boolean NOT NULL, social_worker boolean NOT NULL,
              youth_justice boolean NOT NULL, looked_after boolean NOT NULL, admission_date date, leaving_date date,
              deletion_ground text, PRIMARY KEY (school, upn))
            """,
            "CREATE TABLE groups (school text NOT NULL REFERENCES schools, name text NOT NULL, PRIMARY KEY (school, name))",
            """
            CREATE TABLE marks (school text NOT NULL, academic_year text NOT NULL, register text NOT NULL, upn text NOT NULL,
              date date NOT NULL, session text NOT NULL, code text NOT NULL, minutes_late int,
              PRIMARY KEY (school, academic_year, register, upn, date, session)) PARTITION BY LIST (academic_year)
            """,
            "CREATE INDEX marks_by_pupil ON marks (school, upn, date)",
            """
            CREATE TABLE published_registers (school text NOT NULL REFERENCES schools, academic_year text NOT NULL,
              register text NOT NULL, digest text NOT NULL, PRIMARY KEY (school, academic_year, register))
            """,
            """
            CREATE TABLE amendments (school text NOT NULL REFERENCES schools, sequence int NOT NULL, upn text NOT NULL,
              date date NOT NULL, session text NOT NULL, old_code text NOT NULL, new_code text, reason text NOT NULL,
              made_at timestamptz NOT NULL, made_by text NOT NULL, PRIMARY KEY (school, sequence))
            """,
            """
            CREATE TABLE interventions (school text NOT NULL REFERENCES schools, number int NOT NULL, upn text NOT NULL,
              date date NOT NULL, kind text NOT NULL, review_date date, notice int, about text, PRIMARY KEY (school, number))
            """,
            """
            CREATE TABLE deletions (school text NOT NULL REFERENCES schools, upn text NOT NULL, ground text NOT NULL,
              date date NOT NULL, PRIMARY KEY (school, upn))
            """,
            // The school a role publishes for: its name is rollcall_school_URN.
            """
            CREATE FUNCTION rollcall_school() RETURNS text LANGUAGE sql STABLE
              AS $$ SELECT CASE WHEN current_user LIKE 'rollcall\\_school\\_%' THEN substr(current_user, 17) END $$
            """,
            // A school's role may not create tables; this makes a year's partition of marks for it.
            """
            CREATE FUNCTION rollcall_marks_partition(year text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
              SET search_path = public AS $$ BEGIN
                IF year !~ '^[0-9]{4}-[0-9]{2}$' THEN RAISE EXCEPTION 'not an academic year: %', year; END IF;
                EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF marks FOR VALUES IN (%L)', 'marks_' || replace(year, '-', '_'), year);
              END $$
            """,
            "REVOKE ALL ON FUNCTION rollcall_marks_partition(text) FROM PUBLIC",
            "GRANT EXECUTE ON FUNCTION rollcall_marks_partition(text) TO rollcall_schools",
            "ALTER TABLE schools ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY own_school ON schools TO rollcall_schools USING (urn = rollcall_school())",
            "CREATE POLICY trust_reads ON schools FOR SELECT TO rollcall_readers USING (true)",
            "GRANT SELECT, UPDATE (published_at) ON schools TO rollcall_schools",
            "GRANT SELECT ON schools, code_categories TO rollcall_readers",
            "GRANT SELECT ON code_categories TO rollcall_schools",
        ] + ["school_sessions", "pupils", "groups", "marks", "published_registers", "amendments", "interventions", "deletions"]
            .flatMap(schoolRows),
        // 2: each year's calendar as the school imported it (the school weeks the penalty
        // window counts back over), the follow-up lists as of the school's publish, and
        // each pupil's year of codes in one row (a byte a half day from 1 September AM,
        // the code's number, 0 for none): what the trust's screens and reports read, a
        // year of a 75,000-pupil trust in 55 MB rather than 30 million rows.
        [
            """
            CREATE TABLE pupil_years (school text NOT NULL REFERENCES schools, academic_year text NOT NULL, upn text NOT NULL,
              codes bytea NOT NULL, PRIMARY KEY (school, academic_year, upn))
            """,
            """
            CREATE TABLE published_pupil_years (school text NOT NULL REFERENCES schools, academic_year text NOT NULL, digest text NOT NULL,
              PRIMARY KEY (school, academic_year))
            """,
            """
            CREATE TABLE calendars (school text NOT NULL REFERENCES schools, academic_year text NOT NULL, document text NOT NULL,
              PRIMARY KEY (school, academic_year))
            """,
            """
            CREATE TABLE follow_ups (school text NOT NULL REFERENCES schools, line int NOT NULL, as_of date NOT NULL,
              upn text NOT NULL, rule text NOT NULL, open boolean NOT NULL, document text NOT NULL, PRIMARY KEY (school, line))
            """,
        ] + ["pupil_years", "published_pupil_years", "calendars", "follow_ups"].flatMap(schoolRows),
        // 3: the digest of each small table a school last sent, so that a publish sends
        // only those that changed; and no index of marks by pupil, which nothing reads
        // (a year's marks are read by school and year, as the key begins) and which cost
        // a first publish a quarter of its time.
        [
            """
            CREATE TABLE published_tables (school text NOT NULL REFERENCES schools, name text NOT NULL, digest text NOT NULL,
              PRIMARY KEY (school, name))
            """,
            "DROP INDEX marks_by_pupil",
        ] + schoolRows("published_tables"),
        // 4: each school's row of the trust's first screen, as the school worked it out
        // as of the day it published: the screen reads these, not every pupil's codes.
        [
            """
            CREATE TABLE school_summaries (school text NOT NULL REFERENCES schools, as_of date NOT NULL, document text NOT NULL,
              PRIMARY KEY (school, as_of))
            """,
        ] + schoolRows("school_summaries"),
        // 5: nothing of a contact leaves the school. An amendment's reason, free text that
        // may name a parent ("Mum rang"), is no longer kept; the follow-ups sent before
        // this step, whose words could carry a contact's name and telephone, are removed,
        // and each school's next publish sends them again without.
        [
            "ALTER TABLE amendments DROP COLUMN reason",
            "DELETE FROM follow_ups",
            "DELETE FROM published_tables WHERE name = 'follow_ups'",
        ],
        // 6: nothing is written that nothing reads: the code categories table, filled at
        // every init, never was (Core holds the categories, and every figure is Core's).
        [
            "DROP TABLE code_categories",
        ],
        // 7: the marks are stored once, in each pupil's year of codes, with the minutes of
        // each late mark beside them (`{"2025-11-17 AM": 12}`). The marks table, a second
        // copy of every code that only the minutes were read from, goes, with the digests
        // of its registers; each school's next publish sends its years again, minutes and all.
        [
            """
            ALTER TABLE pupil_years ADD COLUMN minutes_late jsonb
              CHECK (minutes_late IS NULL OR jsonb_typeof(minutes_late) = 'object')
            """,
            "DROP TABLE marks",
            "DROP TABLE published_registers",
            "DROP FUNCTION rollcall_marks_partition(text)",
            "DELETE FROM published_pupil_years",
        ],
    ]

    /// A table every school publishes into: its `school` column holds a school's role to
    /// its own rows, and readers read them all.
    private static func schoolRows(_ table: String) -> [String] {
        [
            "ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY own_school ON \(table) TO rollcall_schools USING (school = rollcall_school()) WITH CHECK (school = rollcall_school())",
            "CREATE POLICY trust_reads ON \(table) FOR SELECT TO rollcall_readers USING (true)",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON \(table) TO rollcall_schools",
            "GRANT SELECT ON \(table) TO rollcall_readers",
        ]
    }

    public static var latest: Int { steps.count }

    /// Applies the steps the database lacks; returns the version it was at and is now at.
    public static func apply(on connection: PostgresConnection) async throws -> (from: Int, to: Int) {
        let logger = TrustDatabase.logger
        try await connection.query("CREATE TABLE IF NOT EXISTS rollcall_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                                   logger: logger)
        return try await connection.withTransaction(logger: logger) { connection in
            // Two inits at once: the second waits, then finds the steps applied.
            try await connection.query("SELECT pg_advisory_xact_lock(20240819)", logger: logger)
            var current = 0
            for try await version in try await connection.query("SELECT coalesce(max(version), 0) FROM rollcall_migrations", logger: logger)
                .decode(Int.self) { current = version }
            guard current <= latest else {
                throw TrustFailure("the database is at schema version \(current), newer than this rollcall's \(latest): upgrade rollcall")
            }
            for (index, statements) in steps.enumerated() where index + 1 > current {
                for statement in statements { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
                try await connection.query("INSERT INTO rollcall_migrations (version) VALUES (\(index + 1))", logger: logger)
            }
            return (current, latest)
        }
    }
}
