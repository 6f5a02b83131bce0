import Foundation
import RollcallCore
import Testing

/// The trust's reports of pupils, the penalty line and follow-ups: each school's rows
/// are, line for line, its own `rollcall report` output (of the follow-ups, as it shares
/// them), led by who the school is.
@Suite("The trust's reports", .serialized)
struct TrustReportTests {
    @Test func eachSchoolsRowsAreItsOwnReportsLineForLine() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        let schools = await [("100001", "North Academy", try trust.school(urn: "100001", name: "North Academy", seed: 1)),
                       ("100002", "South Academy", try trust.school(urn: "100002", name: "South Academy", pupils: 80, seed: 2))]
        for (_, _, school) in schools {
            let published = try await trust.publish(school.store, as: school.url)
            #expect(published.status == 0, "\(published.errors)")
        }
        let reader = try await trust.reader()
        let today = TrustFixture.today.description
        let reports: [(trust: [String], school: [String], leading: (String, String) -> String)] = [
            (["pupils", "--from", "2025-09-01", "--to", today], ["pupils", "--from", "2025-09-01", "--to", today], { "\($0),\($1)," }),
            (["pupils", "--from", "2025-10-06", "--to", "2025-10-22"], ["pupils", "--from", "2025-10-06", "--to", "2025-10-22"], { "\($0),\($1)," }),
            (["penalty", "--as-of", today], ["penalty", "--as-of", today], { "\($0),\($1)," }),
            // What the trust holds of the follow-ups is what the school shares: no contact.
            (["followups"], ["followups", "--as-of", today, "--shared"], { "\($0),\($1),\(today)," }),
        ]
        for report in reports {
            let combined = try await trust.trust(["report"] + report.trust + ["--format", "csv"], database: reader)
            #expect(combined.status == 0, "\(report.trust): \(combined.errors)")
            let lines = csvLines(combined.output)
            var rest = Array(lines.dropFirst())
            for (urn, name, school) in schools {
                let own = try await trust.schoolReport(school.store, report.school + ["--format", "csv"])
                #expect(own.status == 0, "\(report.school): \(own.errors)")
                let ownLines = csvLines(own.output)
                #expect(lines.first == report.leading("urn", "school").replacingOccurrences(of: today, with: "as_of") + (ownLines.first ?? ""))
                let body = ownLines.dropFirst().filter { !$0.isEmpty }
                let prefix = report.leading(urn, name)
                let theirs = rest.prefix { $0.hasPrefix(prefix) }
                rest.removeFirst(theirs.count)
                #expect(theirs.map { String($0.dropFirst(prefix.count)) } == Array(body), "\(report.trust) \(urn)")
            }
            #expect(rest.filter { !$0.isEmpty } == [], "\(report.trust): rows of no school")
            #expect(lines.filter { !$0.isEmpty }.count > 3, "\(report.trust): too few rows to show anything")
        }
        // The demo has rows on each list to compare: pupils by the score, someone over
        // the penalty line, and follow-ups.
        let counts = try await trust.column("""
            SELECT (SELECT count(*) FROM pupils)::text || ':' || (SELECT count(*) FROM follow_ups)::text
            """)
        let penalty = try await trust.trust(["report", "penalty", "--as-of", today, "--format", "csv"], database: reader).output
        #expect(csvLines(penalty).filter { !$0.isEmpty }.count > 1, "nobody over the penalty line: the comparison proves little")
        #expect(try #require(counts.first??.split(separator: ":").last.flatMap { Int($0) }) > 0)
    }

    /// Someone with the database's keys edits North's rows by hand, one kind at a time:
    /// each report still gives South's rows, and names North, with how to mend it, on
    /// standard error, exiting 1 so that a script knows the report is not whole.
    @Test func aRowNoPublishCouldHaveWrittenBreaksOnlyItsSchool() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        _ = try await trust.twoPublishedSchools()
        let reader = try await trust.reader()
        func southOnly(_ report: [String], naming problem: String) async throws {
            let ran = try await trust.trust(["report"] + report + ["--format", "csv"], database: reader)
            #expect(ran.status == 1, "\(report): \(ran.errors)")
            #expect(ran.errors == "rollcall-trust: school 100001's \(problem) could not be read: publish --full from the school mends it\n",
                    "\(report)")
            let body = csvLines(ran.output).dropFirst().filter { !$0.isEmpty && !$0.hasPrefix("trust,") }
            #expect(!body.isEmpty && body.allSatisfy { $0.hasPrefix("100002,") }, "\(report): \(body.prefix(3))")
        }
        _ = try await trust.column("UPDATE follow_ups SET document = '{\"rule\": \"rm -rf\"}' WHERE school = '100001' AND line = 1 RETURNING 'x'")
        try await southOnly(["followups"], naming: "follow-up on line 1")
        // A byte that is no code's number, in one pupil's year.
        let upn = try #require(try await trust.column("""
            WITH x AS (UPDATE pupil_years SET codes = set_byte(codes, 0, 250)
                       WHERE school = '100001' AND upn = (SELECT min(upn) FROM pupil_years WHERE school = '100001') RETURNING upn)
            SELECT upn FROM x
            """).first ?? nil)
        try await southOnly(["pupils", "--from", "2025-09-01", "--to", "2025-11-20"], naming: "codes for pupil \(upn) in 2025-26")
        // A pupil's UPN made into an escape sequence: the error shows it, never sends it.
        _ = try await trust.column("UPDATE pupils SET upn = E'\\x1b]0;owned\\x07' WHERE school = '100001' AND upn = '\(upn)' RETURNING 'x'")
        let escaped = try await trust.trust(["report", "penalty", "--as-of", "2025-11-20"], database: reader)
        #expect(escaped.status == 1 && escaped.errors.contains("school 100001's pupil "), "\(escaped.errors)")
        #expect(!escaped.errors.contains("\u{1b}") && !escaped.errors.contains("\u{07}"))
        _ = try await trust.column("UPDATE calendars SET document = '{\"academic_year\": \"2025-26\", \"terms\": []}' WHERE school = '100001' RETURNING 'x'")
        try await southOnly(["schools"], naming: "calendar for 2025-26")
    }

    /// A school's login writes its own rows as it likes: a year named with an escape
    /// sequence is named back to the reader's terminal as placeholders, never obeyed.
    @Test func aRowsNameFromTheDatabaseReachesNoTerminalRaw() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        let (north, _) = try await trust.twoPublishedSchools()
        let reader = try await trust.reader()
        _ = try await trust.column("UPDATE calendars SET academic_year = E'2025-26\\x1b]0;owned\\x07' WHERE school = '100001' RETURNING 'x'",
                                   as: north.url)
        let ran = try await trust.trust(["report", "schools"], database: reader)
        #expect(ran.status == 1 && ran.errors.contains("school 100001's calendar for 2025-26"), "\(ran.errors)")
        #expect(!ran.errors.contains("\u{1b}") && !ran.errors.contains("\u{07}"))
    }
}

/// A CSV's lines: they end in CRLF, which Swift takes for one character.
func csvLines(_ text: String) -> [String] {
    text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
}
