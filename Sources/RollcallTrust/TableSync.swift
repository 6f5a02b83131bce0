import PostgresNIO

/// Makes a school's rows of one table what the store says, sending every row but
/// changing only those that differ: rows are copied into a temporary table, inserted or
/// updated where they are new or different, and the rows of the scope the store no
/// longer has are deleted. Run inside the caller's transaction; publishing the same rows
/// twice changes nothing.
///
/// The scope (the school; a year; a register) names which of the table's rows the
/// store's rows replace. Its columns are not in the rows sent: they are the same in
/// every row, so they go once, as parameters.
struct TableSync: Sendable {
    let table: String
    /// The columns each row sends, in order.
    let columns: [String]
    /// The columns that name a row within its scope.
    let key: [String]

    typealias Scope = [(column: String, value: String)]

    /// Returns how many rows were added, changed or deleted.
    func run(_ rows: CopyRows, scope: Scope, on connection: PostgresConnection) async throws -> Int {
        let incoming = try await receive(rows, on: connection)
        // Without statistics the planner takes the temporary table for a few rows and
        // checks each row against every other: minutes for a year of a form's marks. The
        // index serves the delete below, which looks each of the table's rows up here:
        // the table's own statistics may not know yet of rows this transaction added.
        try await execute("CREATE INDEX ON \(incoming) (\(key.joined(separator: ", ")))", on: connection)
        try await execute("ANALYZE \(incoming)", on: connection)
        let values = columns.filter { !key.contains($0) }
        let update = values.isEmpty ? "DO NOTHING" : """
            DO UPDATE SET \(values.map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
            WHERE (\(values.map { "\(table).\($0)" }.joined(separator: ", "))) IS DISTINCT FROM (\(values.map { "excluded.\($0)" }.joined(separator: ", ")))
            """
        var changed = try await insert(from: incoming, scope: scope, conflict: "ON CONFLICT (\((scope.map(\.column) + key).joined(separator: ", "))) \(update)",
                                       on: connection)
        let (conditions, bindings) = condition(scope, alias: "t")
        let matches = key.map { "i.\($0) = t.\($0)" }.joined(separator: " AND ")
        changed += try await count("""
            WITH gone AS (DELETE FROM \(table) t WHERE \(conditions)
              AND NOT EXISTS (SELECT 1 FROM \(incoming) i WHERE \(matches)) RETURNING 1) SELECT count(*) FROM gone
            """, binds: bindings, on: connection)
        try await execute("DROP TABLE \(incoming)", on: connection)
        return changed
    }

    /// Puts `rows` in place of the scope's rows, for rows the database keeps no digest of
    /// (a register never published): with nothing to compare them with, a plain insert
    /// does in less than half the time what the upsert does. Rows already in the scope are
    /// deleted first, as a publish cannot vouch for them. Returns how many rows were
    /// deleted and added.
    func replace(_ rows: CopyRows, scope: Scope, on connection: PostgresConnection) async throws -> Int {
        let (conditions, bindings) = condition(scope, alias: table)
        var changed = try await count("WITH gone AS (DELETE FROM \(table) WHERE \(conditions) RETURNING 1) SELECT count(*) FROM gone",
                                      binds: bindings, on: connection)
        let incoming = try await receive(rows, on: connection)
        changed += try await insert(from: incoming, scope: scope, conflict: "", on: connection)
        try await execute("DROP TABLE \(incoming)", on: connection)
        return changed
    }

    /// Adds rows to a table that only grows (the audit, the interventions log); a row the
    /// database has already is left as it is.
    func append(_ rows: CopyRows, scope: Scope, on connection: PostgresConnection) async throws -> Int {
        let incoming = try await receive(rows, on: connection)
        let added = try await insert(from: incoming, scope: scope,
                                     conflict: "ON CONFLICT (\((scope.map(\.column) + key).joined(separator: ", "))) DO NOTHING", on: connection)
        try await execute("DROP TABLE \(incoming)", on: connection)
        return added
    }

    /// Copies the rows into a temporary table of the sent columns: COPY cannot write a
    /// table under row-level security.
    private func receive(_ rows: CopyRows, on connection: PostgresConnection) async throws -> String {
        let incoming = "incoming_\(table)"
        try await execute("""
            CREATE TEMP TABLE \(incoming) ON COMMIT DROP AS SELECT \(columns.joined(separator: ", ")) FROM \(table) WITH NO DATA
            """, on: connection)
        try await rows.copy(into: incoming, columns: columns, on: connection)
        return incoming
    }

    /// Inserts the received rows with the scope's values; how many went in.
    private func insert(from incoming: String, scope: Scope, conflict: String, on connection: PostgresConnection) async throws -> Int {
        var bindings = PostgresBindings()
        for item in scope { bindings.append(item.value) }
        let fixed = scope.indices.map { "$\($0 + 1)" }
        return try await count("""
            WITH added AS (INSERT INTO \(table) (\((scope.map(\.column) + columns).joined(separator: ", ")))
              SELECT \((fixed + columns).joined(separator: ", ")) FROM \(incoming) \(conflict) RETURNING 1) SELECT count(*) FROM added
            """, binds: bindings, on: connection)
    }

    /// `scope` as a condition on `alias`'s columns, its values bound.
    private func condition(_ scope: Scope, alias: String) -> (String, PostgresBindings) {
        var bindings = PostgresBindings()
        var conditions: [String] = []
        for (index, item) in scope.enumerated() {
            bindings.append(item.value)
            conditions.append("\(alias).\(item.column) = $\(index + 1)")
        }
        return (conditions.joined(separator: " AND "), bindings)
    }

    private func execute(_ sql: String, on connection: PostgresConnection) async throws {
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: TrustDatabase.logger)
    }

    private func count(_ sql: String, binds: PostgresBindings, on connection: PostgresConnection) async throws -> Int {
        var total = 0
        for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: TrustDatabase.logger).decode(Int.self) {
            total = value
        }
        return total
    }
}
