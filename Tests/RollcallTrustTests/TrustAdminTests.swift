import Foundation
import RollcallCore
import RollcallTrust
import Testing

/// The trust run by its admin: which schools are in, a login's new password, a reader or
/// a school taken out; every failure one plain line naming what to do.
@Suite("The trust's admin")
struct TrustAdminTests {
    /// What no message of the trust's commands may hold: a driver's type dump.
    static func isPlain(_ text: String) -> Bool {
        !["PostgresError", "PSQLError", "Optional(", "NIOCore", "PostgresNIO."].contains { text.contains($0) }
            && text.split(separator: "\n").count <= 1
    }

    @Test func aSchoolAddedTwiceIsSaidSoInOneLine() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        _ = try await trust.school(urn: "100001", name: "North Academy", seed: 1)
        let again = try await trust.trust(["add-school", "100001", "--name", "Northfield"])
        #expect(again.status != 0)
        #expect(again.errors.contains("school 100001 is in the trust already, as North Academy: 'rollcall trust new-password 100001'"))
        #expect(Self.isPlain(again.errors), "\(again.errors)")
        #expect(try await trust.column("SELECT name FROM schools") == ["North Academy"])
        // A name every reader's screen and CSV would carry: no control or invisible character.
        for name in ["North\u{1b}[2J Academy", "Nor\u{200B}th Academy"] {
            let refused = try await trust.trust(["add-school", "100007", "--name", name])
            #expect(refused.status != 0 && refused.errors.hasPrefix("Error: --name "), "\(refused.errors)")
            #expect(Self.isPlain(refused.errors) && !refused.errors.contains("\u{1b}"))
        }
        #expect(try await trust.column("SELECT count(*)::text FROM schools") == ["1"])
    }

    @Test func schoolsListsEachWithItsLoginLastPublishAndRows() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        let north = try await trust.school(urn: "100001", name: "North Academy", seed: 1)
        _ = try await trust.school(urn: "100002", name: "South Academy", seed: 2)
        #expect(try await trust.publish(north.store, as: north.url).status == 0)
        let listed = try rows(try await trust.trust(["schools", "--format", "json"]).output)
        #expect(listed.map { $0["urn"] as? String } == ["100001", "100002"])
        #expect(listed.map { $0["login"] as? String } == ["rollcall_school_100001", "rollcall_school_100002"])
        #expect((listed[0]["published_at"] as? String)?.hasPrefix("20") == true)
        #expect(listed[1]["published_at"] is NSNull)
        // North's rows are its pupils, marks, codes and the rest; South has sent nothing.
        let pupils = try await trust.column("SELECT count(*)::text FROM pupils WHERE school = '100001'")
        #expect((listed[0]["rows"] as? Int ?? 0) > Int(pupils.first.flatMap { $0 } ?? "0")!)
        #expect(listed[1]["rows"] as? Int == 0)
    }

    @Test func aNewPasswordLocksOutTheOldOneAndARemovedReaderReadsNothing() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        let old = try await trust.reader("lead")
        #expect(try await trust.trust(["schools"], database: old).status == 0)
        let changed = try await trust.trust(["new-password", "--reader", "lead"])
        let password = try #require(changed.output.firstMatch(of: /new password: ([A-Za-z0-9]+)/)?.output.1)
        let refused = try await trust.trust(["schools"], database: old)
        #expect(refused.status != 0 && Self.isPlain(refused.errors), "\(refused.errors)")
        let new = trust.postgres.url(user: "rollcall_reader_lead", password: String(password), database: trust.database)
        #expect(try await trust.trust(["schools"], database: new).status == 0)
        #expect(try await trust.trust(["remove-reader", "lead"]).output == "Removed the reader lead.\n")
        let gone = try await trust.trust(["schools"], database: new)
        #expect(gone.status != 0 && Self.isPlain(gone.errors), "\(gone.errors)")
        // Neither a reader nor a school the trust does not have is silently done.
        let nobody = try await trust.trust(["new-password", "--reader", "nobody"])
        #expect(nobody.errors.contains("there is no login rollcall_reader_nobody in the trust") && Self.isPlain(nobody.errors))
        let bad = try await trust.trust(["remove-reader", "Robert'); DROP TABLE pupils;--"])
        #expect(bad.status != 0 && bad.errors.contains("is not a login") && Self.isPlain(bad.errors))
    }

    @Test func aSchoolsNewPasswordPublishesAndTheOldOneNoLonger() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        let north = try await trust.school(urn: "100001", name: "North Academy", seed: 1)
        let changed = try await trust.trust(["new-password", "100001"])
        let password = try #require(changed.output.firstMatch(of: /new password: ([A-Za-z0-9]+)/)?.output.1)
        let refused = try await trust.publish(north.store, as: north.url)
        #expect(refused.status != 0 && Self.isPlain(refused.errors), "\(refused.errors)")
        let url = trust.postgres.url(user: "rollcall_school_100001", password: String(password), database: trust.database)
        #expect(try await trust.publish(north.store, as: url).status == 0)
    }

    @Test func removingASchoolTakesItsRowsAndLoginAndNothingElse() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        _ = try await trust.twoPublishedSchools()
        let southRows = try await trust.column("SELECT count(*)::text FROM pupil_years WHERE school = '100002'")
        let unconfirmed = try await trust.trust(["remove-school", "100001"])
        #expect(unconfirmed.status != 0 && unconfirmed.errors.contains("give --confirm 100001"))
        let wrong = try await trust.trust(["remove-school", "100001", "--confirm", "100002"])
        #expect(wrong.status != 0)
        let removed = try await trust.trust(["remove-school", "100001", "--confirm", "100001"])
        #expect(removed.status == 0, "\(removed.errors)")
        #expect(removed.output.hasPrefix("Removed school 100001: ") && removed.output.hasSuffix(" rows and its login rollcall_school_100001.\n"))
        for table in TrustSchools.tables {
            #expect(try await trust.column("SELECT count(*)::text FROM \(table) WHERE school = '100001'") == ["0"], "\(table)")
        }
        #expect(try await trust.column("SELECT count(*)::text FROM pg_roles WHERE rolname = 'rollcall_school_100001'") == ["0"])
        #expect(try await trust.column("SELECT urn FROM schools") == ["100002"])
        #expect(try await trust.column("SELECT count(*)::text FROM pupil_years WHERE school = '100002'") == southRows)
        let again = try await trust.trust(["remove-school", "100001", "--confirm", "100001"])
        #expect(again.errors.contains("the trust has no school 100001") && Self.isPlain(again.errors))
    }

    /// Removing a school must reach every table it wrote: the list is the database's.
    @Test func everyTableWithASchoolColumnIsOneASchoolIsRemovedFrom() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        let tables = try await trust.postgres.superuser(["""
            SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
            WHERE a.attname = 'school' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relnamespace = 'public'::regnamespace
            ORDER BY c.relname
            """], database: trust.database)
        #expect(tables == TrustSchools.tables.sorted())
    }
}

/// Every error of every trust command is one plain line naming what to do.
@Suite("The trust's errors")
struct TrustErrorTests {
    @Test func aDatabaseWithoutTheSchemaOrAWrongPasswordSaysWhatToDo() async throws {
        let trust = try await TrustFixture()
        defer { trust.remove() }
        // The fixture's database has the schema; 'postgres' has not.
        let bare = trust.postgres.url(database: "postgres")
        for command in [["report", "schools"], ["report", "days"], ["report", "penalty"], ["report", "followups"], ["schools"]] {
            let ran = try await trust.trust(command, database: bare)
            #expect(ran.status != 0, "\(command)")
            #expect(TrustAdminTests.isPlain(ran.errors), "\(command): \(ran.errors)")
            #expect(ran.errors.contains("'rollcall trust init' makes it") || ran.errors.contains("does not exist"), "\(command): \(ran.errors)")
        }
        let reader = try await trust.reader("lead")
        let wrong = reader.replacingOccurrences(of: "rollcall_reader_lead:", with: "rollcall_reader_lead:x")
        let refused = try await trust.trust(["schools"], database: wrong)
        #expect(refused.status != 0 && TrustAdminTests.isPlain(refused.errors), "\(refused.errors)")
        #expect(refused.errors.contains("'rollcall trust new-password' gives a new one"), "\(refused.errors)")
        // A reader may not add a school: the server refuses, and says whose job it is.
        let notTheirs = try await trust.trust(["add-school", "100001", "--name", "North"], database: reader)
        #expect(notTheirs.status != 0 && TrustAdminTests.isPlain(notTheirs.errors), "\(notTheirs.errors)")
    }
}
