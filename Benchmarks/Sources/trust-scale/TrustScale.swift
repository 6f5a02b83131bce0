import Foundation
import PostgresNIO
import RollcallCore
import RollcallExchange
import RollcallStore
import RollcallTrust
import RollcallTUI

// A trust of `--schools` schools of `--pupils` pupils, each with the academic year to
// 16 July 2026 of demo marks, on a throwaway PostgreSQL cluster (scripts/local-postgres,
// with fsync on, as a trust's server runs). Publishes every school, then times: a
// publish after one register, a publish with nothing new, the trust's overview (what
// the schools screen's first frame waits for: read from the rows the schools sent, and
// worked out from the codes for a day none has published as of) and each trust report.
// Medians of 5.
//
//   cd Benchmarks && swift run -c release trust-scale [--schools 50] [--pupils 1500] [--prepare]
//
// The schools' stores are kept in $ROLLCALL_BENCH_DIR (default: the temporary folder)
// and reused by later runs; the cluster is thrown away. `--prepare` only makes the
// stores, so that a timed run does not wait for them.

@main
enum TrustScale {
    static func main() async throws {
        try await run()
    }

    /// Off the main actor, where the program's database work runs.
    nonisolated static func run() async throws {
        let arguments = CommandLine.arguments
        func option(_ name: String, _ fallback: Int) -> Int {
            arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil } ?? fallback
        }
        let schoolCount = option("--schools", 50), pupilCount = option("--pupils", 1500)
        let today = CalendarDate(year: 2026, month: 7, day: 16)!
        let benchDirectory = (ProcessInfo.processInfo.environment["ROLLCALL_BENCH_DIR"] ?? NSTemporaryDirectory() + "rollcall-bench") + "/trust"
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../scripts/local-postgres").standardized.path

        func say(_ text: String) { FileHandle.standardError.write(Data("\(text)\n".utf8)) }

        /// Runs a program to its end; its standard output. posix_spawn and waitpid, not
        /// Foundation's Process, which can wait for ever on a program whose server lives on.
        func shell(_ words: [String], environment: [String: String] = [:]) throws -> String {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("trust-scale-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: output) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
            let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
            let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
            defer { (argv + envp).forEach { free($0) } }
            var pid: pid_t = 0
            guard posix_spawn(&pid, words[0], &actions, nil, argv, envp) == 0 else { throw TrustFailure("cannot run \(words[0])") }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            guard status == 0 else { throw TrustFailure("\(words.joined(separator: " ")) failed") }
            return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        }

        func seconds(_ duration: Duration) -> Double { Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18 }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        func format(_ value: Double) -> String { value < 1 ? String(format: "%.0f ms", value * 1000) : String(format: "%.2f s", value) }

        /// Times `work` `runs` times; the median in seconds.
        func timed(_ runs: Int = 5, _ work: () async throws -> Void) async throws -> Double {
            var times: [Double] = []
            for _ in 0..<runs {
                let start = ContinuousClock.now
                try await work()
                times.append(seconds(ContinuousClock.now - start))
            }
            return median(times)
        }

        func school(_ number: Int) throws -> (store: Store, urn: String) {
            let urn = String(100_000 + number), path = "\(benchDirectory)/school-\(pupilCount)-\(number)"
            if let store = try? Store.open(at: .init(path)), try store.school().urn == urn, try store.pupils().count >= pupilCount { return (store, urn) }
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.createDirectory(atPath: benchDirectory, withIntermediateDirectories: true)
            var settings = try DemoSchool.settings()
            settings.urn = urn
            let store = try Store.create(at: .init(path), school: settings)
            _ = try DemoSchool.write(pupils: pupilCount, seed: UInt64(number), today: today, years: 1, to: store)
            var named = try store.school()
            named.urn = urn
            named.name = "School \(number)"
            try store.saveSchool(named)
            return (store, urn)
        }

        if arguments.contains("--prepare") {
            for number in 1...schoolCount {
                let made = ContinuousClock.now
                _ = try school(number)
                say("school \(number): store ready in \(format(seconds(ContinuousClock.now - made)))")
            }
            return
        }

        say("Starting PostgreSQL, then \(schoolCount) schools of \(pupilCount) pupils")
        let cluster = FileManager.default.temporaryDirectory.appendingPathComponent("trust-scale-pg-\(UUID().uuidString)").path
        let superuser = try shell([script, "start", cluster], environment: ["LOCAL_POSTGRES_DURABLE": "1"]).trimmingCharacters(in: .whitespacesAndNewlines)
        defer { _ = try? shell([script, "stop", cluster]) }
        func settings(_ url: String) throws -> DatabaseSettings { try DatabaseSettings.resolve(url: url, environment: [:]) }
        func login(_ role: String, _ password: String) -> String {
            "postgres://\(role):\(password)@" + superuser.split(separator: "@", maxSplits: 1)[1]
        }

        var logins: [String: String] = [:]
        var reader = ""
        try await TrustDatabase.with(try settings(superuser)) { connection in
            _ = try await Migrations.apply(on: connection)
            for number in 1...schoolCount {
                let (role, password) = try await TrustRoles.addSchool(urn: String(100_000 + number), name: "School \(number)", on: connection)
                logins[String(100_000 + number)] = login(role, password)
            }
            let (role, password) = try await TrustRoles.addReader("lead", on: connection)
            reader = login(role, password)
            var server: [String] = []
            for try await (name, value) in try await connection.query("""
                SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'fsync', 'synchronous_commit',
                  'max_parallel_workers_per_gather', 'effective_cache_size') ORDER BY name
                """, logger: Logger(label: "bench")).decode((String, String).self) { server.append("\(name)=\(value)") }
            print("PostgreSQL: \(server.joined(separator: ", "))")
        }

        var firstPublishes: [Double] = []
        var marks = 0
        for number in 1...schoolCount {
            let made = ContinuousClock.now
            let (store, urn) = try school(number)
            let generated = seconds(ContinuousClock.now - made)
            let start = ContinuousClock.now
            let summary = try await TrustDatabase.with(try settings(logins[urn]!)) { try await Publisher.publish(store, asOf: today, on: $0) }
            firstPublishes.append(seconds(ContinuousClock.now - start))
            marks += summary.rowsChanged
            say("school \(number): store \(format(generated)), first publish \(format(firstPublishes.last!)) (\(summary.yearsSent) years of marks)")
        }
        print("First publish of a \(pupilCount)-pupil school's year: median \(format(median(firstPublishes))), max \(format(firstPublishes.max()!)); "
              + "\(schoolCount) schools, \(marks) rows")

        // One register changes: a pupil's mark in school 1's 7A, on each of 5 days.
        let (first, firstURN) = try school(1)
        let calendar = try first.calendar()
        let days = calendar.sessions(in: CalendarDate(year: 2026, month: 7, day: 6)!...today).filter { $0.part == .am }
        var afterOne: [Double] = []
        for session in days.suffix(5) {
            let register = try first.register(group: "7A", session: session)
            guard let (upn, mark) = register.marks.first(where: { $0.value.code != .illness }) else { continue }
            try first.record([MarkEntry(upn: upn, group: "7A", session: session, mark: Mark(.illness))], by: Recorder(login: "bench"), at: Date(),
                             reason: "bench: \(mark.code.symbol) was wrong")
            let start = ContinuousClock.now
            let summary = try await TrustDatabase.with(try settings(logins[firstURN]!)) { try await Publisher.publish(first, asOf: today, on: $0) }
            afterOne.append(seconds(ContinuousClock.now - start))
            precondition(summary.yearsSent == 1, "one year of marks was to be sent, not \(summary.yearsSent)")
        }
        print("Publish after one register changed: median \(format(median(afterOne)))")
        let nothing = try await timed {
            _ = try await TrustDatabase.with(try settings(logins[firstURN]!)) { try await Publisher.publish(first, asOf: today, on: $0) }
        }
        print("Publish with nothing new: median \(format(nothing))")

        try await TrustDatabase.with(try settings(reader)) { connection in
            let year = AcademicYear.span(containing: today).lowerBound...today
            let size = Size(width: 120, height: 40)
            let overview = try await timed {
                let overview = try await TrustFigures.overview(today: today, unreadable: UnreadableSchools(), on: connection)
                _ = TrustSchoolsState(overview: overview, size: size).render()
            }
            print("The schools screen's first frame (overview of every period, drawn): median \(format(overview))")
            // The next day, which no school has published as of: every row worked out from the codes.
            let tomorrow = today.advanced(by: 1)
            let unpublished = try await timed {
                let overview = try await TrustFigures.overview(today: tomorrow, unreadable: UnreadableSchools(), on: connection)
                _ = TrustSchoolsState(overview: overview, size: size).render()
            }
            print("The same for a day no school has published as of (every row worked out from the codes): median \(format(unpublished))")
            let reports: [(String, () async throws -> String)] = [
                ("schools (the year)", { "\(try await TrustFigures.schools(year, unreadable: UnreadableSchools(), on: connection).count)" }),
                ("pupils (the year)", { Reports.pupils(try await TrustFigures.pupils(year, unreadable: UnreadableSchools(), on: connection).flatMap(\.rows)).render(.csv) }),
                ("penalty (as of the day)", { Reports.penalty(try await TrustFigures.penalty(asOf: today, unreadable: UnreadableSchools(), on: connection).flatMap(\.rows)).render(.csv) }),
                ("followups", { Reports.followUps(try await TrustFigures.followUps(rule: nil, unreadable: UnreadableSchools(), on: connection).flatMap(\.entries)).render(.csv) }),
                // A term of school days at every school, each judged against its usual.
                ("days (a term)", { "\(try await TrustFigures.days(today.advanced(by: -90)...today, today: today, unreadable: UnreadableSchools(), on: connection).count)" }),
            ]
            for (name, report) in reports {
                let time = try await timed { _ = try await report() }
                print("trust report \(name): median \(format(time))")
            }
        }
    }
}
