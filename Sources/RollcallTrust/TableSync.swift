import PostgresNIO

/// Makes a school's rows of one table what the store says, sending every row but
/// changing only those that differ: rows are copied into a temporary table, inserted or
/// updated where they are new or different, and the school's rows the store no longer
/// has are deleted. Run inside the caller's transaction; publishing the same rows twice
/// changes nothing.
struct TableSync {
    let table: String
    let columns: [String]
    /// The columns that name a row; `school` first.
    let key: [String]

    /// `scope` narrows the rows the store's rows replace (one register of one year of
    /// marks); `school` is always in it. Returns how many rows were added, changed or deleted.
    func run(_ rows: CopyRows, scope: [(column: String, value: String)], on connection: PostgresConnection) async throws -> Int {
        let logger = TrustDatabase.logger
        let incoming = "incoming_\(table)"
        try await connection.query(PostgresQuery(unsafeSQL: "CREATE TEMP TABLE \(incoming) (LIKE \(table)) ON COMMIT DROP"), logger: logger)
        try await rows.copy(into: incoming, columns: columns, on: connection)
        // Without statistics the planner takes the temporary table for a few rows and
        // checks each row against every other: minutes for a year of a form's marks. The
        // index serves the delete below, which looks each of the table's rows up here:
        // the table's own statistics may not know yet of rows this transaction added.
        try await connection.query(PostgresQuery(unsafeSQL: "CREATE INDEX ON \(incoming) (\(key.joined(separator: ", ")))"), logger: logger)
        try await connection.query(PostgresQuery(unsafeSQL: "ANALYZE \(incoming)"), logger: logger)
        let values = columns.filter { !key.contains($0) }
        let update = values.isEmpty ? "DO NOTHING" : """
            DO UPDATE SET \(values.map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
            WHERE (\(values.map { "\(table).\($0)" }.joined(separator: ", "))) IS DISTINCT FROM (\(values.map { "excluded.\($0)" }.joined(separator: ", ")))
            """
        var changed = try await count("""
            WITH changed AS (INSERT INTO \(table) (\(columns.joined(separator: ", "))) SELECT \(columns.joined(separator: ", ")) FROM \(incoming)
              ON CONFLICT (\(key.joined(separator: ", "))) \(update) RETURNING 1) SELECT count(*) FROM changed
            """, binds: PostgresBindings(), on: connection)
        let (conditions, bindings) = condition(scope, alias: "t")
        let matches = key.map { "i.\($0) = t.\($0)" }.joined(separator: " AND ")
        changed += try await count("""
            WITH gone AS (DELETE FROM \(table) t WHERE \(conditions)
              AND NOT EXISTS (SELECT 1 FROM \(incoming) i WHERE \(matches)) RETURNING 1) SELECT count(*) FROM gone
            """, binds: bindings, on: connection)
        try await connection.query(PostgresQuery(unsafeSQL: "DROP TABLE \(incoming)"), logger: logger)
        return changed
    }

    /// Puts `rows` in place of the school's rows in `scope`, for rows the database keeps
    /// no digest of (a register never published): with nothing to compare them with, a
    /// plain insert does in a third of the time what the upsert does. Rows already in
    /// the scope are deleted first, as a publish cannot vouch for them. Returns how many
    /// rows were deleted and added.
    func replace(_ rows: CopyRows, scope: [(column: String, value: String)], on connection: PostgresConnection) async throws -> Int {
        let (conditions, bindings) = condition(scope, alias: table)
        var changed = try await count("WITH gone AS (DELETE FROM \(table) WHERE \(conditions) RETURNING 1) SELECT count(*) FROM gone",
                                      binds: bindings, on: connection)
        let incoming = "incoming_\(table)"
        try await connection.query(PostgresQuery(unsafeSQL: "CREATE TEMP TABLE \(incoming) (LIKE \(table)) ON COMMIT DROP"), logger: TrustDatabase.logger)
        try await rows.copy(into: incoming, columns: columns, on: connection)
        changed += try await count("""
            WITH added AS (INSERT INTO \(table) (\(columns.joined(separator: ", "))) SELECT \(columns.joined(separator: ", ")) FROM \(incoming)
              RETURNING 1) SELECT count(*) FROM added
            """, binds: PostgresBindings(), on: connection)
        try await connection.query(PostgresQuery(unsafeSQL: "DROP TABLE \(incoming)"), logger: TrustDatabase.logger)
        return changed
    }

    /// Adds rows to a table that only grows (the audit, the interventions log); a row the
    /// database has already is left as it is. COPY cannot write a table under row-level
    /// security, so the rows go through a temporary table here too.
    func append(_ rows: CopyRows, on connection: PostgresConnection) async throws -> Int {
        let incoming = "incoming_\(table)"
        try await connection.query(PostgresQuery(unsafeSQL: "CREATE TEMP TABLE \(incoming) (LIKE \(table)) ON COMMIT DROP"), logger: TrustDatabase.logger)
        try await rows.copy(into: incoming, columns: columns, on: connection)
        let added = try await count("""
            WITH added AS (INSERT INTO \(table) (\(columns.joined(separator: ", "))) SELECT \(columns.joined(separator: ", ")) FROM \(incoming)
              ON CONFLICT (\(key.joined(separator: ", "))) DO NOTHING RETURNING 1) SELECT count(*) FROM added
            """, binds: PostgresBindings(), on: connection)
        try await connection.query(PostgresQuery(unsafeSQL: "DROP TABLE \(incoming)"), logger: TrustDatabase.logger)
        return added
    }

    /// `scope` as a condition on `alias`'s columns, its values bound.
    private func condition(_ scope: [(column: String, value: String)], alias: String) -> (String, PostgresBindings) {
        var bindings = PostgresBindings()
        var conditions: [String] = []
        for (index, item) in scope.enumerated() {
            bindings.append(item.value)
            conditions.append("\(alias).\(item.column) = $\(index + 1)")
        }
        return (conditions.joined(separator: " AND "), bindings)
    }

    private func count(_ sql: String, binds: PostgresBindings, on connection: PostgresConnection) async throws -> Int {
        var total = 0
        for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: TrustDatabase.logger).decode(Int.self) {
            total = value
        }
        return total
    }
}
