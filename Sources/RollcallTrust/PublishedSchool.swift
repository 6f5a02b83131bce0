import Foundation
import PostgresNIO
import RollcallCore

/// A school as the trust's database holds it: its calendar and its pupils, read back
/// and checked as the store checks its own files, for Core's rules to work the school's
/// figures out from. A row a publish could not have written is named and refused.
public struct PublishedSchool: Sendable {
    public let urn: String
    public let name: String
    /// When the school last published, in the school's time zone.
    public let publishedAt: String?
    public let calendar: SchoolCalendar
    public let pupils: [Pupil]

    /// When a school last published, as `publishedAt` gives it, for a query on `schools`.
    static let publishedAtColumn = "to_char(published_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD HH24:MI')"

    /// Every school the login may read (or those of `only`), by name.
    /// Every school (or those `only` names) as published; a school with a row that could
    /// not be read is left out and named in `unreadable`.
    public static func all(only: [String]? = nil, unreadable: UnreadableSchools, on connection: PostgresConnection) async throws -> [PublishedSchool] {
        let logger = TrustDatabase.logger
        var years: [String: [AcademicYear]] = [:]
        for try await (school, year, document) in try await connection.query("""
            SELECT school, academic_year, document FROM calendars WHERE \(only == nil) OR school = ANY(\(only ?? []))
            ORDER BY school, academic_year
            """, logger: logger)
            .decode((String, String, String).self) {
            guard let decoded = try? JSONDecoder().decode(AcademicYear.self, from: Data(document.utf8)), decoded.name == year else {
                unreadable.record(school, "calendar for \(year)")
                continue
            }
            years[school, default: []].append(decoded)
        }
        var pupils: [String: [Pupil]] = [:]
        let rows = try await connection.query("""
            SELECT school, upn, surname, forename, preferred_name, date_of_birth::text, year_group, form, sex, sen, fsm, eal,
              social_worker, youth_justice, looked_after, admission_date::text, leaving_date::text, deletion_ground
            FROM pupils WHERE \(only == nil) OR school = ANY(\(only ?? [])) ORDER BY school, upn
            """, logger: logger)
        var fetched: [PostgresRow] = []
        for try await row in rows { fetched.append(row) }
        // Decoded and checked a slice at a time on every core: 75,000 pupils of 50 schools
        // are most of what any trust report waits for.
        let rowsRead = fetched
        let slices = stride(from: 0, to: rowsRead.count, by: 2_000).map { $0..<Swift.min($0 + 2_000, rowsRead.count) }
        for slice in try slices.concurrentMap({ range in
            rowsRead[range].map { row -> (school: String, pupil: Result<Pupil, TrustFailure>) in
                let school = (try? row.decode(String.self)) ?? ""
                do {
                    let values = try row.decode((String, String, String, String, String?, String, Int, String, String?, String, Bool, Bool,
                                                 Bool, Bool, Bool, String?, String?, String?).self)
                    return (school, .success(try pupil(values)))
                } catch let failure as TrustFailure {
                    return (school, .failure(failure))
                } catch {
                    return (school, .failure(TrustFailure("a pupil's row")))
                }
            }
        }) {
            for (school, pupil) in slice {
                switch pupil {
                case let .success(pupil): pupils[school, default: []].append(pupil)
                case let .failure(failure): unreadable.record(school, failure.description)
                }
            }
        }
        var schools: [PublishedSchool] = []
        for try await (urn, name, published) in try await connection.query("""
            SELECT urn, name, \(unescaped: publishedAtColumn) FROM schools WHERE \(only == nil) OR urn = ANY(\(only ?? [])) ORDER BY name, urn
            """, logger: logger).decode((String, String, String?).self) {
            guard !unreadable.contains(urn) else { continue }
            guard let calendar = try? SchoolCalendar(years: years[urn] ?? []) else {
                unreadable.record(urn, "calendar")
                continue
            }
            schools.append(PublishedSchool(urn: urn, name: name, publishedAt: published, calendar: calendar, pupils: pupils[urn] ?? []))
        }
        return schools
    }

    /// The records the school's dashboard and a pupil's history read as of a day, as
    /// `rollcall tui` loads them from the school's store: the codes, and the minutes of
    /// each late mark.
    public func records(asOf today: CalendarDate, on connection: PostgresConnection) async throws -> SchoolRecords {
        let days = Dashboard.days(asOf: today, calendar: calendar)
        let unreadable = UnreadableSchools()
        let book = try await PupilYears.books(covering: days, schools: [urn], minutesLate: true, unreadable: unreadable, on: connection)[urn] ?? AttendanceBook(span: days)
        if let problem = unreadable.messages.first { throw TrustFailure(problem) }
        return SchoolRecords(calendar: calendar, pupils: pupils.filter { $0.leavingDate.map { $0 >= days.lowerBound } ?? true }, book: book)
    }

    private static func pupil(_ row: (String, String, String, String, String?, String, Int, String, String?, String, Bool, Bool,
                                      Bool, Bool, Bool, String?, String?, String?)) throws -> Pupil {
        let (school, upnText, surname, forename, preferred, born, yearGroup, form, sex, sen, fsm, eal, socialWorker, youthJustice,
             lookedAfter, admitted, left, ground) = row
        func bad(_ field: String) -> TrustFailure { TrustFailure("pupil \(TerminalText.visible(upnText))'s \(field)") }
        guard let upn = try? UPN(upnText) else { throw bad("upn") }
        guard let dateOfBirth = CalendarDate(born) else { throw bad("date_of_birth") }
        func date(_ text: String?, _ field: String) throws -> CalendarDate? {
            guard let text else { return nil }
            guard let date = CalendarDate(text) else { throw bad(field) }
            return date
        }
        func value<Value: RawRepresentable<String>>(_ text: String?, _ field: String) throws -> Value? {
            guard let text else { return nil }
            guard let value = Value(rawValue: text) else { throw bad(field) }
            return value
        }
        guard let senStatus: SENStatus = try value(sen, "sen") else { throw bad("sen") }
        return Pupil(upn: upn, surname: surname, forename: forename, preferredName: preferred, dateOfBirth: dateOfBirth, yearGroup: yearGroup,
                     form: form, sex: try value(sex, "sex"), sen: senStatus, fsm: fsm, eal: eal, hasSocialWorker: socialWorker,
                     hasYouthJusticeWorker: youthJustice, isLookedAfter: lookedAfter, admissionDate: try date(admitted, "admission_date"),
                     leavingDate: try date(left, "leaving_date"), deletionGround: try value(ground, "deletion_ground"))
    }
}
