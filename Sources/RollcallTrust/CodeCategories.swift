import PostgresNIO
import RollcallCore

/// The codes' categories as Core's rules have them, written at every `trust init`, so
/// the trust's SQL counts a session exactly as `AttendanceTally` does.
enum CodeCategories {
    static func write(on connection: PostgresConnection) async throws {
        for code in AttendanceCode.allCases {
            let category = code.category
            try await connection.query("""
                INSERT INTO code_categories (code, category, possible, attended, absence)
                VALUES (\(code.symbol), \(category.rawValue), \(category.countsAsPossible), \(category.countsAsAttended), \(category.countsAsAbsence))
                ON CONFLICT (code) DO UPDATE SET category = excluded.category, possible = excluded.possible,
                  attended = excluded.attended, absence = excluded.absence
                """, logger: TrustDatabase.logger)
        }
    }
}
