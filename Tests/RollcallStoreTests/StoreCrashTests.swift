#if canImport(Glibc)
import Glibc
#endif
import Foundation
import RollcallCore
@testable import RollcallStore
import RollcallTestSupport
import SystemPackage
import Testing

@Suite("The store under crashes and concurrent writers")
struct StoreCrashTests {
    static let groups = 4, pupils = 30, days = 8
    static var marksPerGroup: Int { pupils * days * 2 }

    /// Every mark of the drill school, by code, read the way any later process would.
    func codes(in root: FilePath) throws -> [AttendanceCode: Int] {
        let store = try Store.open(at: root)
        var counts: [AttendanceCode: Int] = [:]
        for register in try store.registers(academicYear: "2025-26") {
            for mark in register.marks.values { counts[mark.code, default: 0] += 1 }
        }
        return counts
    }

    @Test
    func anImportKilledAtAnyMomentLeavesAllOrNothing() async throws {
        let template = try TemporaryStore()
        defer { template.remove() }
        let size = ["\(Self.groups)", "\(Self.pupils)", "\(Self.days)"]
        try #require(try await StoreDrill.run(["import", template.store.root.string] + size + ["N"]))
        let total = Self.groups * Self.marksPerGroup
        #expect(try codes(in: template.store.root) == [.reasonNotYetEstablished: total])

        // How long a whole import takes here, so kills can be spread over all of it.
        let timing = try TemporaryStore(copying: template)
        defer { timing.remove() }
        let started = Date()
        try #require(try await StoreDrill.run(["import", timing.store.root.string] + size + ["I", "Illness confirmed"]))
        let duration = Date().timeIntervalSince(started)

        var outcomes: [String: Int] = [:]
        let attempts = 16
        // From just after start to a little past the usual end, evenly.
        for attempt in 0..<attempts {
            let delay = duration * 1.1 * Double(attempt) / Double(attempts)
            outcomes[try await killedImport(after: delay, from: template, size: size, total: total, attempt: attempt), default: 0] += 1
        }
        // A loaded machine can run an import slower than the timed one, so that every
        // planned kill lands before the commit point; later kills then find the other side.
        var later = duration
        for attempt in attempts..<(attempts + 6) where outcomes["all", default: 0] == 0 {
            later *= 2
            outcomes[try await killedImport(after: later, from: template, size: size, total: total, attempt: attempt), default: 0] += 1
        }
        // Kills spread over the whole import land both before and after its commit point.
        #expect(outcomes["none", default: 0] > 0 && outcomes["all", default: 0] > 0, "\(outcomes)")
    }

    /// Kills spread over the time from an amending import's commit point (its journal
    /// appears) to its end: the renames, then the append of its 1,920 audit lines and the
    /// head. Every kill must leave every mark changed and exactly one whole audit line
    /// for each amendment, once the next process has finished the journal.
    @Test
    func killsAfterTheCommitPointLeaveOneAuditLinePerAmendment() async throws {
        let template = try TemporaryStore()
        defer { template.remove() }
        let size = ["\(Self.groups)", "\(Self.pupils)", "\(Self.days)"]
        try #require(try await StoreDrill.run(["import", template.store.root.string] + size + ["N"]))
        let total = Self.groups * Self.marksPerGroup

        // When the journal appears and when the import ends, watched from here. The
        // journal lives for a few milliseconds; on a machine busy with other tests the
        // watcher can miss it, so the timing run is tried up to three times.
        var committed: TimeInterval?
        var ended: TimeInterval = 0
        for _ in 0..<3 where committed == nil {
            let timing = try TemporaryStore(copying: template)
            defer { timing.remove() }
            let journal = timing.path("journal")
            try FileManager.default.createDirectory(atPath: journal, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let started = Date()
            let watch = JournalWatch(journal, from: started)
            _ = try await StoreDrill.start(["import", timing.store.root.string] + size + ["I", "Illness confirmed"]).exit()
            ended = Date().timeIntervalSince(started)
            committed = await watch.stop()
        }
        let commit = try #require(committed, "the journal was never seen")

        var outcomes: [String: Int] = [:]
        for attempt in 0..<12 {
            let delay = commit + (ended - commit) * Double(attempt) / 12
            outcomes[try await killedImport(after: delay, from: template, size: size, total: total, attempt: attempt), default: 0] += 1
        }
        // Timing on a busy machine drifts, so some kills may land before the commit
        // point; what matters is that none left a mixture, which killedImport records.
        #expect(outcomes["mixture", default: 0] == 0, "\(outcomes)")
        #expect(outcomes["all", default: 0] > 0, "\(outcomes)")
    }

    /// Starts the drill's import on a copy of `template`, kills it after `delay` seconds and
    /// checks the store it leaves; "none" or "all" says which side of the commit point it was.
    func killedImport(after delay: TimeInterval, from template: TemporaryStore, size: [String], total: Int, attempt: Int) async throws -> String {
        let copy = try TemporaryStore(copying: template)
        defer { copy.remove() }
        let process = try await StoreDrill.start(["import", copy.store.root.string] + size + ["I", "Illness confirmed"])
        try await Task.sleep(for: .seconds(delay))
        process.signal(SIGKILL)
        _ = await process.exit()

        let found = try codes(in: copy.store.root)
        let audit = try Store.open(at: copy.store.root).amendments()
        var outcome = "mixture"
        if found == [.reasonNotYetEstablished: total] {
            #expect(audit.isEmpty, "attempt \(attempt): marks unchanged but \(audit.count) amendments logged")
            outcome = "none"
        } else if found == [.illness: total] {
            #expect(audit.count == total, "attempt \(attempt): all marks changed but \(audit.count) amendments logged")
            outcome = "all"
        } else {
            Issue.record("attempt \(attempt) left a mixture: \(found)")
        }
        // The next write to each form sweeps what a writer killed before its commit
        // point left behind.
        try Store.open(at: copy.store.root).record((0..<Self.groups).map {
            MarkEntry(upn: drillUPN(group: $0, pupil: 99), group: "G\($0)", session: am("2025-09-01"), mark: Mark(.presentAM))
        }, by: tutor, at: nine)
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: copy.store.root.string).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "attempt \(attempt) left \(leftovers)")
        let problems = try Store.open(at: copy.store.root).check()
        #expect(problems.isEmpty, "attempt \(attempt): \(problems)")
        return outcome
    }

    @Test
    func tutorsMarkingTheSameRegistersAtOnceLoseNothing() async throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        // Six tutors' sessions, four on form G0 and two on G1, each marking five pupils
        // one mark at a time over three days: every write races the others.
        let workers: [(group: Int, first: Int)] = [(0, 0), (0, 5), (0, 10), (0, 15), (1, 0), (1, 5)]
        var processes: [ChildProcess.Running] = []
        for worker in workers {
            processes.append(try await StoreDrill.start(["mark", temporary.store.root.string, "\(worker.group)", "\(worker.first)", "5", "3"]))
        }
        var statuses: [Int32] = []
        for process in processes { statuses.append(await process.exit()) }
        #expect(statuses == Array(repeating: 0, count: workers.count))

        for worker in workers {
            for pupil in worker.first..<(worker.first + 5) {
                let upn = drillUPN(group: worker.group, pupil: pupil)
                for offset in 0..<3 {
                    let date = day("2025-09-01").advanced(by: offset)
                    for session in [Session(date, .am), Session(date, .pm)] {
                        let mark = try temporary.store.register(group: "G\(worker.group)", session: session).marks[upn]
                        #expect(mark == Mark(.present(for: session.part)), "\(upn) \(session)")
                    }
                }
            }
        }
        let total = try temporary.store.registers(academicYear: "2025-26").reduce(0) { $0 + $1.marks.count }
        #expect(total == 6 * 5 * 3 * 2)
        #expect(temporary.store.check().isEmpty)
    }
}
