import Crypto
import Foundation
import PostgresNIO
import RollcallCore
import RollcallExchange
import RollcallRecords
import RollcallStore

/// A school's publish: what changed in its store since the last publish, sent as the
/// school's own role, which may touch only the school's rows.
///
/// The store is only read, so a tutor marking is never held up. What is sent is decided
/// by digests kept in the database beside the rows: each small table (the calendar,
/// pupils, groups, sessions, deletions, follow-up lists and the school's row of the
/// trust's first screen) is sent whole when its digest changed, and changed where it
/// differs; the amendments and interventions, which only grow, from the last one the
/// database has. The marks go a year at a time, a row per pupil (the year's codes and
/// the minutes of each late mark), in a transaction of their own with the digest of the
/// year's marks files: a year whose files are as they were is not even read. So a
/// publish killed half-way leaves whole years behind, and the next publish finishes the rest.
///
/// The digests say what was sent, not what the tables still hold: `full` sends every
/// table and year again and changes the rows a hand in the database changed.
public enum Publisher {
    public struct Summary: Sendable, Equatable {
        public var rowsChanged = 0
        public var tablesSent = 0
        public var yearsSent = 0
        public var yearsUnchanged = 0
        public var amendments = 0
        public var interventions = 0
    }

    /// `day` is the day the follow-up lists are worked out as of: today, unless a test says.
    public static func publish(_ store: Store, asOf day: CalendarDate, full: Bool = false, on connection: PostgresConnection,
                               progress: (String) -> Void = { _ in }) async throws -> Summary {
        let school = try store.school()
        guard let urn = school.urn else { throw TrustFailure("the store has no URN: the trust knows each school by its URN") }
        try await checkLogin(publishes: urn, school: school, on: connection)
        var summary = Summary()
        let tables = try schoolTables(of: store, urn: urn, asOf: day)
        try await publishTables(tables, of: store, full: full, school: urn, on: connection, into: &summary)
        progress("\(summary.tablesSent) of \(tables.count) tables sent, \(summary.rowsChanged) rows changed; \(summary.amendments) amendments, "
                 + "\(summary.interventions) interventions new")
        for year in store.academicYearsWithMarks() {
            // The year's codes are its marks files': their digests, in order, are its digest.
            let files = try store.marksFiles(academicYear: year)
            let digest = SchoolRows.digest(Array(files.map { "\($0.group) \(SchoolRows.digest($0.bytes))\n" }.joined().utf8))
            if let changed = try await publishPupilYears(year, of: store, digest: digest, full: full, school: urn, on: connection) {
                summary.rowsChanged += changed
                summary.yearsSent += 1
                progress("\(year): sent, \(changed) pupils' rows changed")
            } else {
                summary.yearsUnchanged += 1
            }
        }
        try await connection.query("UPDATE schools SET published_at = now() WHERE urn = \(urn)", logger: TrustDatabase.logger)
        return summary
    }

    /// A school's login publishes for that school alone: the database says which.
    private static func checkLogin(publishes urn: String, school: School, on connection: PostgresConnection) async throws {
        var publishing: String?
        for try await value in try await connection.query("SELECT rollcall_school()", logger: TrustDatabase.logger).decode(String?.self) {
            publishing = value
        }
        guard publishing == urn else {
            throw TrustFailure("this login publishes for \(publishing.map { "school \($0)" } ?? "no school"), not \(school.name) (\(urn)): "
                               + "log in as \(TrustRoles.schoolRole(urn))")
        }
    }

    /// Every table but the marks, as the school's rows: the calendar, pupils, groups,
    /// sessions, deletions, the follow-ups as of `day` and the summary the trust shows.
    private static func schoolTables(of store: Store, urn: String, asOf day: CalendarDate) throws -> [SchoolRows] {
        let school = try store.school(), calendar = try store.calendar()
        let followUps = calendar.years.isEmpty ? nil : try FollowUps.load(from: store, calendar: calendar, asOf: day)
        let lists = followUps?.list() ?? []
        let overview = followUps.map {
            TrustOverview.School(urn: urn, name: school.name, publishedAt: nil, records: $0.records, today: day,
                                 followUpsOpen: lists.count(where: \.isOpen))
        }
        return [
            SchoolRows.calendars(calendar), SchoolRows.pupils(try store.pupils()),
            SchoolRows.groups(try store.groups()), SchoolRows.sessions(calendar),
            SchoolRows.deletions(try store.standingDeletions()), SchoolRows.followUps(lists, asOf: day),
            SchoolRows.summary(overview, asOf: day),
        ]
    }

    /// Sends the tables whose digest is not the one last sent, and the amendments and
    /// interventions not sent yet, in one transaction.
    private static func publishTables(_ tables: [SchoolRows], of store: Store, full: Bool, school urn: String,
                                      on connection: PostgresConnection, into summary: inout Summary) async throws {
        let logger = TrustDatabase.logger
        let sentTables = full ? [:] : try await digests("SELECT name, digest FROM published_tables WHERE school = \(urn)", on: connection)
        var sent = summary
        try await connection.withTransaction(logger: logger) { connection in
            for table in tables where sentTables[table.name] != table.digest {
                sent.rowsChanged += try await table.sync(on: connection, school: urn)
                try await connection.query("""
                    INSERT INTO published_tables (school, name, digest) VALUES (\(urn), \(table.name), \(table.digest))
                    ON CONFLICT (school, name) DO UPDATE SET digest = excluded.digest
                    """, logger: logger)
                sent.tablesSent += 1
            }
            sent.amendments = try await SchoolRows.appendAmendments(try store.amendments(), school: urn, on: connection)
            sent.interventions = try await SchoolRows.appendInterventions(try store.interventions(), school: urn, on: connection)
        }
        summary = sent
    }

    /// Each pupil's year of codes and minutes late, as the store's book has them across
    /// every register the pupil was in: sent, in a transaction of its own, when `digest`
    /// (of the year's marks files) is not the one last sent, and only then read. Returns
    /// how many rows changed, or nil when the year was as last sent.
    private static func publishPupilYears(_ year: String, of store: Store, digest: String, full: Bool, school: String,
                                          on connection: PostgresConnection) async throws -> Int? {
        var published: String?
        for try await value in try await connection.query(
            "SELECT digest FROM published_pupil_years WHERE school = \(school) AND academic_year = \(year)", logger: TrustDatabase.logger)
            .decode(String.self) { published = value }
        guard full || published != digest else { return nil }
        let rows = SchoolRows.pupilYears(try store.book(academicYears: [year]))
        return try await connection.withTransaction(logger: TrustDatabase.logger) { connection in
            let changed = try await rows.sync(on: connection, school: school, scope: [("academic_year", year)])
            try await connection.query("""
                INSERT INTO published_pupil_years (school, academic_year, digest) VALUES (\(school), \(year), \(digest))
                ON CONFLICT (school, academic_year) DO UPDATE SET digest = excluded.digest
                """, logger: TrustDatabase.logger)
            return changed
        }
    }

    /// A digest by name: the first column names, the second is the digest.
    private static func digests(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> [String: String] {
        var digests: [String: String] = [:]
        for try await (name, digest) in try await connection.query(query, logger: TrustDatabase.logger).decode((String, String).self) {
            digests[name] = digest
        }
        return digests
    }
}

/// A table's rows for one school, as the store has them, ready to sync.
struct SchoolRows: Sendable {
    let sync: TableSync
    var rows = CopyRows()

    init(_ table: String, _ columns: [String], key: [String]) {
        sync = TableSync(table: table, columns: columns, key: key)
    }

    mutating func append(_ fields: [String?]) {
        rows.append(fields)
    }

    var name: String { sync.table }

    /// SHA-256 of the rows as they are sent: whether the table is sent at all.
    var digest: String { Self.digest(rows.buffer.readableBytesView) }

    /// SHA-256 of a table's rows, or of a register's marks file as the store keeps it.
    static func digest(_ bytes: some DataProtocol) -> String {
        hex(SHA256.hash(data: bytes))
    }

    func sync(on connection: PostgresConnection, school: String, scope: TableSync.Scope = []) async throws -> Int {
        try await sync.run(rows, scope: [("school", school)] + scope, on: connection)
    }

    func replace(on connection: PostgresConnection, school: String, scope: TableSync.Scope) async throws -> Int {
        try await sync.replace(rows, scope: [("school", school)] + scope, on: connection)
    }

    static func pupils(_ pupils: [Pupil]) -> SchoolRows {
        var table = SchoolRows("pupils", ["upn", "surname", "forename", "preferred_name", "date_of_birth", "year_group", "form",
                                          "sex", "sen", "fsm", "eal", "social_worker", "youth_justice", "looked_after", "admission_date",
                                          "leaving_date", "deletion_ground"], key: ["upn"])
        for pupil in pupils {
            table.append([pupil.upn.text, pupil.surname, pupil.forename, pupil.preferredName, pupil.dateOfBirth.description,
                          "\(pupil.yearGroup)", pupil.form, pupil.sex?.rawValue, pupil.sen.rawValue, "\(pupil.fsm)", "\(pupil.eal)",
                          "\(pupil.hasSocialWorker)", "\(pupil.hasYouthJusticeWorker)", "\(pupil.isLookedAfter)",
                          pupil.admissionDate?.description, pupil.leavingDate?.description, pupil.deletionGround?.rawValue])
        }
        return table
    }

    static func groups(_ groups: [Group]) -> SchoolRows {
        var table = SchoolRows("groups", ["name"], key: ["name"])
        for group in groups { table.append([group.name]) }
        return table
    }

    /// Every open session of every year the calendar holds: the sessions a tally counts.
    static func sessions(_ calendar: SchoolCalendar) -> SchoolRows {
        var table = SchoolRows("school_sessions", ["date", "session"], key: ["date", "session"])
        for year in calendar.years {
            for session in calendar.sessions(in: year.firstDay...year.lastDay) {
                table.append([session.date.description, session.part.rawValue])
            }
        }
        return table
    }

    /// Each academic year as the school imported it, in the store's own JSON.
    static func calendars(_ calendar: SchoolCalendar) -> SchoolRows {
        var table = SchoolRows("calendars", ["academic_year", "document"], key: ["academic_year"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for year in calendar.years {
            // A calendar the store could read encodes: it is dates and names.
            table.append([year.name, (try? encoder.encode(year)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"])
        }
        return table
    }

    /// The follow-up lists as of `day`, a line each as `rollcall report followups` gives it.
    static func followUps(_ entries: [FollowUp], asOf day: CalendarDate) -> SchoolRows {
        var table = SchoolRows("follow_ups", ["line", "as_of", "upn", "rule", "open", "document"], key: ["line"])
        for (line, entry) in entries.enumerated() {
            table.append(["\(line + 1)", day.description, entry.pupil.upn.text, entry.rule.rawValue, "\(entry.isOpen)",
                          PublishedFollowUp(entry).json])
        }
        return table
    }

    /// The school's row of the trust's first screen as of `day`, if it has a calendar.
    static func summary(_ school: TrustOverview.School?, asOf day: CalendarDate) -> SchoolRows {
        var table = SchoolRows("school_summaries", ["as_of", "document"], key: ["as_of"])
        if let school { table.append([day.description, PublishedSummary(school).json]) }
        return table
    }

    static func deletions(_ deletions: [UPN: Deletion]) -> SchoolRows {
        var table = SchoolRows("deletions", ["upn", "ground", "date"], key: ["upn"])
        for deletion in deletions.values.sorted(by: { $0.upn < $1.upn }) { table.append([deletion.upn.text, deletion.ground.rawValue, deletion.date.description]) }
        return table
    }

    /// A row per pupil: the year's codes from 1 September AM, a byte a half day (the
    /// code's number, 0 for none), trailing days without a mark left off; and the minutes
    /// of each late mark by session (`{"2025-11-17 AM": 12}`), or null when there are none.
    /// A mark's note stays in the school: it may name whoever phoned.
    static func pupilYears(_ book: AttendanceBook) -> SchoolRows {
        var table = SchoolRows("pupil_years", ["upn", "codes", "minutes_late"], key: ["upn"])
        let hex = Array("0123456789abcdef".utf8)
        var minutes: [UPN: [(session: Session, minutes: Int)]] = [:]
        for (upn, session, mark) in book.detailedMarks {
            if let late = mark.minutesLate { minutes[upn, default: []].append((session, late)) }
        }
        for (upn, codes) in book.codeRows {
            let kept = marked(codes)
            var text = Array("\\x".utf8)
            text.reserveCapacity(2 + 2 * kept.count)
            for byte in kept { text.append(hex[Int(byte >> 4)]); text.append(hex[Int(byte & 15)]) }
            let late = minutes[upn].map { "{" + $0.map { "\"\($0.session)\": \($0.minutes)" }.joined(separator: ", ") + "}" }
            table.append([upn.text, String(decoding: text, as: UTF8.self), late])
        }
        return table
    }

    /// A pupil's codes up to the last half day with a mark.
    private static func marked(_ codes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        codes[..<((codes.lastIndex { $0 != 0 } ?? codes.startIndex - 1) + 1)]
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    /// The audit's entries after the last the database has: the log only grows.
    static func appendAmendments(_ entries: [AuditEntry], school: String, on connection: PostgresConnection) async throws -> Int {
        let last = try await latest("SELECT coalesce(max(sequence), 0) FROM amendments WHERE school = \(school)", on: connection)
        // The reason stays in the school: staff write it freely, and it may name a parent.
        var table = SchoolRows("amendments", ["sequence", "upn", "date", "session", "old_code", "new_code", "made_at", "made_by"],
                               key: ["sequence"])
        for entry in entries where entry.sequence > last {
            let amendment = entry.amendment
            table.append(["\(entry.sequence)", amendment.upn.text, amendment.session.date.description, amendment.session.part.rawValue,
                          amendment.original.symbol, amendment.amended?.symbol, JSONText.instant(amendment.at), amendment.by.login])
        }
        return table.rows.count == 0 ? 0 : try await table.sync.append(table.rows, scope: [("school", school)], on: connection)
    }

    /// The interventions log after the last entry the database has: it only grows.
    static func appendInterventions(_ records: [InterventionRecord], school: String, on connection: PostgresConnection) async throws -> Int {
        let last = try await latest("SELECT coalesce(max(number), 0) FROM interventions WHERE school = \(school)", on: connection)
        var table = SchoolRows("interventions", ["number", "upn", "date", "kind", "review_date", "notice", "about"], key: ["number"])
        for record in records where record.number > last {
            let entry = record.intervention
            table.append(["\(record.number)", entry.upn.text, entry.date.description, entry.kind.rawValue, entry.reviewDate?.description,
                          entry.notice.map { "\($0)" }, entry.about?.rawValue])
        }
        return table.rows.count == 0 ? 0 : try await table.sync.append(table.rows, scope: [("school", school)], on: connection)
    }

    private static func latest(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> Int {
        var value = 0
        for try await number in try await connection.query(query, logger: TrustDatabase.logger).decode(Int.self) { value = number }
        return value
    }
}
