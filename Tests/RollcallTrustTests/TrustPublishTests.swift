import Foundation
import RollcallCore
import RollcallExchange
import RollcallRecords
import RollcallStore
import RollcallTrust
import RollcallTestSupport
import Testing

/// Schools publish into the trust's PostgreSQL, each as its own login, and the trust's
/// figures are each school's own.
@Suite("Publishing to the trust", .serialized)
struct TrustPublishTests {
    @Test func eachSchoolsFiguresAreItsOwnReportsAndPublishingAgainChangesNothing() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        #expect(try await trust.trust(["init"]).output == "The trust's schema is up to date (version 7).\n")
        let north = try await trust.school(urn: "100001", name: "North Academy", seed: 1)
        let south = try await trust.school(urn: "100002", name: "South Academy", pupils: 80, seed: 2)
        for (store, url) in [north, south] {
            let published = try await trust.publish(store, as: url)
            #expect(published.status == 0, "\(published.errors)")
            #expect(published.output.contains("tables and 1 years of marks sent, 0 unchanged"), "\(published.output)")
        }
        let readerURL = try await trust.reader()
        let report = try await rows(trust.trust(["report", "schools", "--from", "2025-09-01", "--to", "2025-11-20", "--format", "json"],
                                          database: readerURL).output)
        #expect(report.map { $0["urn"] as? String } == ["100001", "100002", "trust"])
        for (row, store) in zip(report, [north.store, south.store]) {
            // The school's own `rollcall report summary` for the same days, School row.
            let calendar = try store.calendar()
            let days = CalendarDate(year: 2025, month: 9, day: 1)!...TrustFixture.today
            let records = try SchoolRecords.load(from: store, calendar: calendar, only: days)
            let own = try rows(Reports.summary(CohortSummary(PupilAttendance.report(records.pupils, book: records.book, calendar: calendar,
                                                                                   period: days), by: .yearGroup)).render(.json)).last ?? [:]
            for column in Reports.figureColumns {
                #expect("\(row[column] ?? "none")" == "\(own[column] ?? "none")", "\(row["urn"] ?? "") \(column)")
            }
            #expect((own["possible"] as? Int ?? 0) > 1_000)
        }
        // The trust's row: both schools' 140 pupils as one, persistent absence a share of
        // them all, not the mean of two schools' rates.
        let trustRow = report[2], schoolRows = report.prefix(2)
        func sum(_ column: String) -> Int { schoolRows.reduce(0) { $0 + ($1[column] as? Int ?? 0) } }
        #expect(trustRow["pupils"] as? Int == 140 && sum("pupils") == 140)
        for column in ["possible", "attended", "authorised", "unauthorised", "persistent", "severe"] {
            #expect(trustRow[column] as? Int == sum(column), "\(column)")
        }
        #expect("\(trustRow["persistent_rate"] ?? "none")" == "\(Percentage(sum("persistent"), of: 140)?.description ?? "none")")
        #expect("\(trustRow["attendance_rate"] ?? "none")" == "\(Percentage(sum("attended"), of: sum("possible"))?.description ?? "none")")

        // Again: nothing is sent, and no row of the trust's is written.
        let fingerprint = "SELECT count(*)::text || ':' || sum(hashtext(xmin::text))::text FROM pupil_years WHERE school = '100001'"
        let before = try await trust.column(fingerprint)
        let again = try await trust.publish(north.store, as: north.url)
        #expect(again.output.hasPrefix("Published: 0 tables and 0 years of marks sent, 1 unchanged; 0 rows changed"), "\(again.output)")
        #expect(again.output.contains(" unchanged; 0 rows changed, 0 amendments and 0 interventions new."), "\(again.output)")
        #expect(try await trust.column(fingerprint) == before)
    }

    @Test func anAmendedMarkArrivesWithItsAmendment() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        let (store, url) = try await trust.school(urn: "100001", name: "North Academy", seed: 1)
        #expect(try await trust.publish(store, as: url).status == 0)
        // Monday 17 November, morning: a present mark changed to illness, with the reason.
        let session = Session(CalendarDate(year: 2025, month: 11, day: 17)!, .am)
        let register = try store.register(group: "7A", session: session)
        let (upn, _) = try #require(register.marks.first { $0.value.code == .presentAM })
        try store.record([MarkEntry(upn: upn, group: "7A", session: session, mark: Mark(.illness))], by: Recorder(login: "amy"),
                         at: Date(), reason: "Mum rang: ill since Sunday")
        let week = "SELECT (document::json #>> '{figures,this-week,authorisedAbsence}') FROM school_summaries"
        let authorised = Int(try await trust.column(week).first.flatMap { $0 } ?? "") ?? -1
        let published = try await trust.publish(store, as: url)
        #expect(published.output.hasPrefix("Published: 1 tables and 1 years of marks sent, 0 unchanged; "), "\(published.output)")
        // Two rows: the pupil's year of codes, and the school's row of the trust's first
        // screen, where this week has one more authorised absence.
        #expect(published.output.contains(" unchanged; 2 rows changed, 1 amendments and 0 interventions new."), "\(published.output)")
        #expect(try await trust.column(week) == ["\(authorised + 1)"])
        // 17 November is 77 days after 1 September, so its morning is byte 154; I is code number \(AttendanceCode.illness.number).
        #expect(try await trust.column("SELECT get_byte(codes, 154)::text FROM pupil_years WHERE upn = '\(upn.text)'")
                == ["\(AttendanceCode.illness.number)"])
        // The amendment's facts, not its reason: staff write that freely, and it names a parent.
        let amendment = try await trust.column("""
            SELECT old_code || ' to ' || new_code || ' by ' || made_by FROM amendments
            WHERE upn = '\(upn.text)' AND date = '2025-11-17' AND session = 'AM'
            """)
        #expect(amendment == ["/ to I by amy"])
    }

    @Test func theDigestsSayWhatWasSentAndFullMendsWhatAHandChanged() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        let (store, url) = try await trust.school(urn: "100001", name: "North Academy", seed: 1)
        #expect(try await trust.publish(store, as: url).status == 0)
        // Someone with the superuser's password changes a mark and a pupil's name, and
        // deletes another mark, in the database itself.
        let session = Session(CalendarDate(year: 2025, month: 11, day: 17)!, .am)
        let marked = try store.register(group: "7A", session: session).marks.sorted { $0.key < $1.key }
        let (first, second) = (marked[0].key.text, marked[1].key.text)
        let pupil = try #require(try store.pupils().first)
        // 17 November's morning is byte 154 of a pupil's year; O is a code a register could hold.
        _ = try await trust.column("UPDATE pupil_years SET codes = set_byte(codes, 154, \(AttendanceCode.otherUnauthorised.number)) WHERE upn = '\(first)'")
        _ = try await trust.column("DELETE FROM pupil_years WHERE upn = '\(second)'")
        _ = try await trust.column("UPDATE pupils SET surname = 'Forged' WHERE upn = '\(pupil.upn.text)'")

        // The digests are unchanged, so a publish sends nothing...
        let plain = try await trust.publish(store, as: url)
        #expect(plain.output.hasPrefix("Published: 0 tables and 0 years of marks sent, 1 unchanged"), "\(plain.output)")
        // ...and --full compares every row, mending the three and touching nothing else.
        let full = try await trust.trust(["publish", "--full", "--store", store.root.string, "--as-of", TrustFixture.today.description], database: url)
        #expect(full.status == 0, "\(full.errors)")
        #expect(full.output.contains(" unchanged; 3 rows changed, 0 amendments"), "\(full.output)")
        #expect(try await trust.column("""
            SELECT get_byte(codes, 154)::text FROM pupil_years WHERE upn IN ('\(first)', '\(second)') ORDER BY upn
            """) == [marked[0].value.code.number, marked[1].value.code.number].map { "\($0)" })
        #expect(try await trust.column("SELECT surname FROM pupils WHERE upn = '\(pupil.upn.text)'") == [pupil.surname])
    }

    @Test func aPublishKilledHalfWayIsFinishedByTheNext() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        let (store, url) = try await trust.school(urn: "100001", name: "North Academy", pupils: 140, seed: 3)
        // The trust's superuser holds the years' digests, so the publish sends its tables
        // and then waits to ask whether the year changed: killed there, between its transactions.
        let settings = try DatabaseSettings.resolve(url: trust.url, environment: [:])
        let killed = try await TrustDatabase.with(settings) { holder in
            try await holder.query("BEGIN", logger: .init(label: "test"))
            try await holder.query("LOCK TABLE published_pupil_years IN ACCESS EXCLUSIVE MODE", logger: .init(label: "test"))
            let process = try await ChildProcess.start(trustExecutable, ["publish", "--store", store.root.string, "--as-of", TrustFixture.today.description,
                                                                                  "--database", url])
            let ended = Task { await process.exit() }
            var waiting = false
            while !waiting && kill(process.pid, 0) == 0 {
                waiting = try await trust.column("""
                    SELECT count(*)::text FROM pg_stat_activity WHERE usename = 'rollcall_school_100001' AND wait_event_type = 'Lock'
                    """) == ["1"]
                try await Task.sleep(for: .milliseconds(20))
            }
            process.signal(SIGKILL)
            try await holder.query("ROLLBACK", logger: .init(label: "test"))
            return await ended.value
        }
        #expect(killed == 128 + SIGKILL, "the publish finished before it could be killed")
        #expect(try await trust.column("SELECT count(*)::text FROM published_tables") == ["7"])
        #expect(try await trust.column("SELECT count(*)::text FROM pupil_years") == ["0"])

        let finished = try await trust.publish(store, as: url)
        #expect(finished.output.hasPrefix("Published: 0 tables and 1 years of marks sent, 0 unchanged"), "\(finished.output) \(finished.errors)")
        let pupils = try store.book(academicYears: ["2025-26"]).codeRows.count
        #expect(pupils > 100)
        #expect(try await trust.column("SELECT count(*)::text FROM pupil_years") == ["\(pupils)"])
    }

    @Test func aLateMarksMinutesArriveAndItsNoteStaysInTheSchool() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        let (store, url) = try await trust.school(urn: "100001", name: "North Academy", seed: 1)
        // Tuesday 18 November, afternoon: 12 minutes late, with a note naming who rang.
        let session = Session(CalendarDate(year: 2025, month: 11, day: 18)!, .pm)
        let upn = try #require(try store.register(group: "7A", session: session).marks.keys.min())
        try store.record([MarkEntry(upn: upn, group: "7A", session: session, mark: Mark(.late, minutesLate: 12, note: "Grandad Wilf rang"))],
                         by: Recorder(login: "amy"), at: Date(), reason: "Arrived after the bus broke down")
        #expect(try await trust.publish(store, as: url).status == 0)
        #expect(try await trust.column("SELECT minutes_late ->> '2025-11-18 PM' FROM pupil_years WHERE upn = '\(upn.text)'") == ["12"])
        #expect(try await trust.column("SELECT count(*)::text FROM pupil_years WHERE minutes_late::text LIKE '%Wilf%'") == ["0"])
        // The trust's view of the pupil reads the minutes back as the school's own screens do.
        let school = try #require(try await TrustDatabase.with(try DatabaseSettings.resolve(url: trust.url, environment: [:])) { connection in
            try await PublishedSchool.all(unreadable: UnreadableSchools(), on: connection).first
        })
        let records = try await TrustDatabase.with(try DatabaseSettings.resolve(url: trust.url, environment: [:])) { connection in
            try await school.records(asOf: TrustFixture.today, on: connection)
        }
        #expect(records.book.mark(for: upn, at: session) == Mark(.late, minutesLate: 12))
        let morning = Session(session.date, .am)
        #expect(records.book.code(for: upn, at: morning) == (try store.register(group: "7A", session: morning).marks[upn]?.code))

        // Minutes no register could hold, written by a hand in the database: on a Saturday,
        // when no register is taken, or more than a session. The school's records are refused, named.
        for minutes in [#"{"2025-09-06 AM": 5}"#, #"{"2025-11-18 PM": 601}"#] {
            _ = try await trust.column("UPDATE pupil_years SET minutes_late = '\(minutes)' WHERE upn = '\(upn.text)' RETURNING 'x'")
            let refused = await #expect(throws: TrustFailure.self) {
                try await TrustDatabase.with(try DatabaseSettings.resolve(url: trust.url, environment: [:])) { connection in
                    try await school.records(asOf: TrustFixture.today, on: connection)
                }
            }
            #expect(refused?.description == "school 100001's minutes late for pupil \(upn.text) in 2025-26 could not be read: "
                    + "publish --full from the school mends it", "\(minutes)")
        }
    }

    @Test func oneSchoolsLoginCanNeitherReadNorChangeAnothersRows() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        let (north, south) = try await trust.twoPublishedSchools()
        let southRows = "SELECT (SELECT count(*)::text FROM pupils WHERE school = '100002') || ':' || (SELECT count(*)::text FROM pupil_years WHERE school = '100002')"
        let before = try await trust.column(southRows)

        // North's login sees North alone.
        #expect(try await trust.column("SELECT DISTINCT school FROM pupil_years", as: north.url) == ["100001"])
        #expect(try await trust.column("SELECT count(*)::text FROM pupils WHERE school = '100002'", as: north.url) == ["0"])
        #expect(try await trust.column("SELECT urn FROM schools", as: north.url) == ["100001"])
        // Its changes to South's rows touch nothing, and a row for South is refused.
        #expect(try await trust.column("WITH x AS (UPDATE pupils SET surname = 'X' WHERE school = '100002' RETURNING 1) SELECT count(*)::text FROM x",
                                       as: north.url) == ["0"])
        #expect(try await trust.column("WITH x AS (DELETE FROM pupil_years WHERE school = '100002' RETURNING 1) SELECT count(*)::text FROM x",
                                       as: north.url) == ["0"])
        let forged = await trust.refusal("""
            INSERT INTO interventions (school, number, upn, date, kind) VALUES ('100002', 9999, 'A123456789012', '2025-11-20', 'letter')
            """, as: north.url)
        #expect(forged?.contains("row-level security") == true, "\(forged ?? "accepted")")
        let moved = await trust.refusal("UPDATE pupils SET school = '100002' WHERE school = '100001'", as: north.url)
        #expect(moved?.contains("row-level security") == true, "\(moved ?? "accepted")")
        // Nor round the policies: turning them off, or another school's name.
        #expect(await trust.refusal("ALTER TABLE pupil_years DISABLE ROW LEVEL SECURITY", as: north.url)?.contains("owner") == true)
        #expect(await trust.refusal("UPDATE schools SET name = 'Mine' WHERE urn = '100001'", as: north.url)?.contains("permission denied") == true)
        // Publishing South's store as North is refused before anything is sent.
        let wrong = try await trust.publish(south.store, as: north.url)
        #expect(wrong.status != 0 && wrong.errors.contains("this login publishes for school 100001, not"))
        #expect(try await trust.column(southRows) == before)

        // The trust's reader reads both, and writes nothing.
        let readerURL = try await trust.reader()
        #expect(try await trust.column("SELECT DISTINCT school FROM pupils ORDER BY 1", as: readerURL) == ["100001", "100002"])
        #expect(await trust.refusal("DELETE FROM pupil_years WHERE school = '100002'", as: readerURL)?.contains("permission denied") == true)
    }
}
