#if canImport(Glibc)
import Glibc
#endif
import Foundation
import RollcallCore
@testable import RollcallStore
import RollcallTestSupport
import SystemPackage
import Testing

/// Each test is an attack or an accident that once got past the store, played again:
/// a journal, a link, a crash, a junk line, a umask, an edited digest, a folder where a
/// file should be. The store is the school's legal record, so none may change a figure
/// or a file unseen.
@Suite("The store trusts nothing it reads")
struct StoreDistrustTests {
    let ann = drillUPN(group: 0, pupil: 1), ben = drillUPN(group: 0, pupil: 2)
    let files = FileManager.default

    /// 7A on Wednesday 3 September: Ann present then N, Ben present.
    func school() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        try temporary.store.record([
            MarkEntry(upn: ann, group: "7A", session: am("2025-09-03"), mark: Mark(.presentAM)),
            MarkEntry(upn: ann, group: "7A", session: pm("2025-09-03"), mark: Mark(.reasonNotYetEstablished)),
            MarkEntry(upn: ben, group: "7A", session: am("2025-09-03"), mark: Mark(.presentAM)),
        ], by: tutor, at: nine)
        return temporary
    }

    func amendAnn(_ store: Store, to code: AttendanceCode = .illness) throws {
        try store.record([MarkEntry(upn: ann, group: "7A", session: pm("2025-09-03"), mark: Mark(code))],
                         by: lead, at: nine, reason: "Mum phoned")
    }

    /// Puts a file in `journal/` with the modes the store gives, as someone who can
    /// write the store's files would.
    func plant(_ temporary: TemporaryStore, journal name: String, _ text: String) throws {
        try files.createDirectory(atPath: temporary.path("journal"), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try temporary.write("journal/\(name)", text)
        try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temporary.path("journal/\(name)"))
    }

    func temporaries(in temporary: TemporaryStore) throws -> [String] {
        try files.subpathsOfDirectory(atPath: temporary.store.root.string).filter { $0.hasSuffix(".tmp") }
    }

    /// `body`'s result, or nil if it has not finished within `seconds`: a hang is a
    /// failure, not a test that never ends. Run on a thread of its own, so the time is its
    /// own, whatever else the test run is busy with.
    /// Awaited, so the test's thread of the pool is free while it runs.
    func finishing<T: Sendable>(within seconds: Double, _ body: @escaping @Sendable () -> T) async -> T? {
        await withCheckedContinuation { continuation in
            let answer = FirstAnswer(continuation)
            Thread { answer.give(body()) }.start()
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { answer.give(nil) }
        }
    }

    // MARK: 1. Journals

    @Test func aJournalThatRenamesOutOfTheStoreIsSetAsideAndNothingMoves() throws {
        let temporary = try school()
        defer { temporary.remove() }
        let victim = temporary.directory.appendingPathComponent("victim").path
        try "the service account's own file".write(toFile: victim, atomically: false, encoding: .utf8)
        try temporary.write("marks/payload", "planted")
        try plant(temporary, journal: "evil.json", #"{"transaction":"evil","renames":[{"from":"marks/payload","to":"../victim"}],"audit":[]}"#)

        let store = try Store.open(at: temporary.store.root)
        #expect(try store.register(group: "7A", session: am("2025-09-03")).marks[ann] == Mark(.presentAM))
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "the service account's own file")
        #expect(try temporary.contents("marks/payload") == "planted")
        #expect(!files.fileExists(atPath: temporary.path("journal/evil.json")))
        #expect(files.fileExists(atPath: temporary.path("journal/rejected/evil.json")))
        #expect(store.notices.pending == [
            "journal/evil.json was set aside in journal/rejected/ and nothing in it was done: '../victim' is not a file the store writes",
        ])
        #expect(store.check().contains(.rejectedJournal(
            path: temporary.path("journal/rejected/evil.json"),
            detail: "'../victim' is not a file the store writes; look at it, then remove it")))
    }

    /// Renames that name a path outside the store, a file the store never writes in a
    /// journal, or a source that is not a temporary file beside its target.
    @Test(arguments: [
        (#"{"from":"marks/2025-26/.7A.json.x.tmp","to":"/etc/rollcall-victim"}"#, "'/etc/rollcall-victim' is not a file the store writes"),
        (#"{"from":"marks/2025-26/.7A.json.x.tmp","to":"marks/2025-26/../../../victim.json"}"#, "'marks/2025-26/../../../victim.json' is not a file the store writes"),
        (#"{"from":"marks/2025-26/.7A.json.x.tmp","to":"store.json"}"#, "'store.json' is not a file the store writes"),
        (#"{"from":"marks/2025-26/.7A.json.x.tmp","to":"audit/amendments.jsonl"}"#, "'audit/amendments.jsonl' is not a file the store writes"),
        (#"{"from":"/tmp/planted","to":"marks/2025-26/7A.json"}"#, "'/tmp/planted' is not a temporary file beside marks/2025-26/7A.json"),
        (#"{"from":"pupils.json","to":"marks/2025-26/7A.json"}"#, "'pupils.json' is not a temporary file beside marks/2025-26/7A.json"),
        (#"{"from":"marks/2025-26/.7A.json.../x.tmp","to":"marks/2025-26/7A.json"}"#, "'marks/2025-26/.7A.json.../x.tmp' is not a temporary file beside marks/2025-26/7A.json"),
    ])
    func aRenameOutsideWhatTheStoreWritesRejectsTheJournal(rename: String, detail: String) throws {
        let temporary = try school()
        defer { temporary.remove() }
        let before = try temporary.contents("marks/2025-26/7A.json")
        try temporary.write("marks/2025-26/.7A.json.x.tmp", "{}")
        try plant(temporary, journal: "bad.json", #"{"transaction":"bad","renames":[\#(rename)],"audit":[]}"#)
        let store = try Store.open(at: temporary.store.root)
        #expect(try store.pupils().isEmpty)
        #expect(store.notices.pending == ["journal/bad.json was set aside in journal/rejected/ and nothing in it was done: \(detail)"])
        #expect(try temporary.contents("marks/2025-26/7A.json") == before)
        #expect(try temporary.contents("store.json").contains("schemaVersion"))
    }

    @Test func auditTextInAJournalIsNeverAppendedAsItStands() throws {
        let temporary = try school()
        defer { temporary.remove() }
        // The old journal's raw audit text, with a second line forged in the head's name.
        let forged = #"\"txn\":\"t\",\"upn\":\"X801200000001\",\"reason\":\"x\"}\n{\"seq\":2,\"by\":\"head\""#
        try plant(temporary, journal: "t.json", #"{"transaction":"t","renames":[],"audit":["\#(forged)"]}"#)
        let store = try Store.open(at: temporary.store.root)
        #expect(try store.amendments().isEmpty)
        #expect(store.notices.pending.count == 1)
        #expect(store.notices.pending.first?.hasPrefix("journal/t.json was set aside in journal/rejected/") == true)
        #expect(!files.fileExists(atPath: temporary.path("audit/amendments.jsonl")))

        // A record is made into one line by the store, whatever its fields hold.
        let record = #"{"upn":"\#(ann.text)","group":"7A","date":"2025-09-03","session":"PM","old_code":"N","new_code":"I","reason":"phoned\n{\"seq\":9,\"by\":\"head\"}","at":"2025-09-03T09:00:00Z","by":"jsmith"}"#
        try plant(temporary, journal: "u.json", #"{"transaction":"u","renames":[],"audit":[\#(record)]}"#)
        let reader = try Store.open(at: temporary.store.root)
        let entries = try reader.amendments()
        #expect(entries.count == 1)
        #expect(entries.first?.amendment.reason == "phoned\n{\"seq\":9,\"by\":\"head\"}")
        #expect(try temporary.contents("audit/amendments.jsonl").split(separator: "\n").count == 1)
        #expect(reader.check().map(\.description) == [
            "\(temporary.path("journal/rejected/t.json")): a journal Rollcall would not apply (\(temporary.path("journal/rejected/t.json")):1: field 'audit.[0]': expected Dictionary<String, Any> (the file was left as it is); look at it, then remove it); it was set aside and nothing in it was done",
        ])

        // A record that is no amendment (no reason) is refused whole.
        let unreasoned = record.replacingOccurrences(of: #""reason":"phoned\n{\"seq\":9,\"by\":\"head\"}""#, with: #""reason":"  ""#)
        try plant(temporary, journal: "v.json", #"{"transaction":"v","renames":[],"audit":[\#(unreasoned)]}"#)
        let third = try Store.open(at: temporary.store.root)
        #expect(try third.amendments().count == 1)
        #expect(third.notices.pending == ["journal/v.json was set aside in journal/rejected/ and nothing in it was done: audit entry 1: field 'reason' is not valid"])
    }

    // MARK: 2. Links

    @Test func anAuditLogThatIsALinkIsNeitherAppendedToNorCut() throws {
        let temporary = try school()
        defer { temporary.remove() }
        try amendAnn(temporary.store)
        let outside = temporary.directory.appendingPathComponent("outside.jsonl").path
        // No newline at its end: an append through the link would also have cut this line.
        try "someone else's log\nlast line".write(toFile: outside, atomically: false, encoding: .utf8)
        try files.removeItem(atPath: temporary.path("audit/amendments.jsonl"))
        try files.createSymbolicLink(atPath: temporary.path("audit/amendments.jsonl"), withDestinationPath: outside)
        let marks = try temporary.contents("marks/2025-26/7A.json")
        #expect(throws: StoreError.symlink(path: temporary.path("audit/amendments.jsonl"))) {
            try amendAnn(temporary.store, to: .medicalAppointment)
        }
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "someone else's log\nlast line")
        #expect(try temporary.contents("marks/2025-26/7A.json") == marks)
        #expect(temporary.store.check().contains(.symlink(path: temporary.path("audit/amendments.jsonl"))))
    }

    @Test func recoveryNeverSweepsAFolderReachedThroughALink() throws {
        let temporary = try school()
        defer { temporary.remove() }
        let outside = temporary.directory.appendingPathComponent("outside")
        try files.createDirectory(at: outside, withIntermediateDirectories: true)
        try "keep me".write(to: outside.appendingPathComponent(".work.tmp"), atomically: false, encoding: .utf8)
        try files.createSymbolicLink(atPath: temporary.path("marks/2026-27"), withDestinationPath: outside.path)
        // A journal's temporary file makes the next operation sweep the store.
        try plant(temporary, journal: ".dead.json.pending.tmp", "{}")
        _ = try Store.open(at: temporary.store.root).register(group: "7A", session: am("2025-09-03"))
        #expect(files.fileExists(atPath: outside.appendingPathComponent(".work.tmp").path))
        #expect(!files.fileExists(atPath: temporary.path("journal/.dead.json.pending.tmp")))
    }

    @Test func checkNamesEveryLinkAndNeverLoops() async throws {
        let temporary = try school()
        defer { temporary.remove() }
        try files.createSymbolicLink(atPath: temporary.path("a"), withDestinationPath: ".")
        try files.createSymbolicLink(atPath: temporary.path("b"), withDestinationPath: ".")
        let copy = temporary.directory.appendingPathComponent("7A-copy.json").path
        try files.moveItem(atPath: temporary.path("marks/2025-26/7A.json"), toPath: copy)
        try files.createSymbolicLink(atPath: temporary.path("marks/2025-26/7A.json"), withDestinationPath: copy)
        let problems = try #require(await finishing(within: 30) { temporary.store.check() }, "check did not finish: a loop of links")
        for link in ["a", "b", "marks/2025-26/7A.json"] {
            #expect(problems.contains(.symlink(path: temporary.path(link))), "\(link): \(problems)")
        }
        // The register behind the link is not read through it, nor written.
        #expect(throws: StoreError.symlink(path: temporary.path("marks/2025-26/7A.json"))) {
            try temporary.store.register(group: "7A", session: am("2025-09-03"))
        }
        #expect(throws: StoreError.symlink(path: temporary.path("marks/2025-26/7A.json"))) {
            try temporary.store.record([MarkEntry(upn: ann, group: "7A", session: am("2025-09-04"), mark: Mark(.presentAM))], by: tutor, at: nine)
        }
    }

    // MARK: 3. Crashes inside the audit append, and lines cut off a log

    /// Plays a writer killed part-way through appending its audit: its marks file is in
    /// place and its journal durable, and the log holds the first `cut` bytes of what it
    /// was appending (none, part of a line, whole lines, all but the newline).
    @Test func aKillInsideTheAuditAppendLosesNoLine() throws {
        let temporary = try school()
        defer { temporary.remove() }
        try amendAnn(temporary.store) // one amendment already in the log
        let key = MarksFileKey(academicYear: "2025-26", group: "7A")
        var file = try temporary.store.marksFile(key)
        var amendments: [Amendment] = []
        for (upn, session, code) in [(ann, am("2025-09-03"), AttendanceCode.arrivedAfterRegisterClosed), (ann, pm("2025-09-03"), .medicalAppointment), (ben, am("2025-09-03"), .illness)] {
            var register = file.register(for: session)
            guard case let .amended(amendment) = try register.record(Mark(code), for: upn, by: lead, at: nine, reason: "corrected") else {
                Issue.record("expected an amendment")
                return
            }
            file.registers[session] = register
            amendments.append(amendment)
        }
        let journal = Journal(transaction: "killed", renames: [.init(from: "marks/2025-26/.7A.json.killed.tmp", to: "marks/2025-26/7A.json")],
                              audit: amendments.map(AuditRecord.init))
        let before = try Data(contentsOf: URL(fileURLWithPath: temporary.path("audit/amendments.jsonl")))
        let head = try temporary.contents("audit/amendments.head.json")

        // What the append writes when it is not interrupted.
        let whole = try TemporaryStore(copying: temporary)
        defer { whole.remove() }
        try DurableFile.replace(StoreLayout(root: whole.store.root).marks(key), with: file.encoded(), tag: "x")
        try DurableFile.replace(StoreLayout(root: whole.store.root).journalDirectory.appending("killed.json"), with: JSONFile.encode(journal), tag: "pending")
        #expect(try Store.open(at: whole.store.root).amendments().count == 4)
        let appended = try Data(contentsOf: URL(fileURLWithPath: whole.path("audit/amendments.jsonl"))).dropFirst(before.count)
        let lineEnds = appended.indices.filter { appended[$0] == 0x0A }.map { $0 - appended.startIndex + 1 }
        #expect(lineEnds.count == 3)

        for cut in Set([0, 1, lineEnds[0] - 1, lineEnds[0], lineEnds[0] + 40, lineEnds[1], lineEnds[2] - 1, lineEnds[2]]).sorted() {
            let copy = try TemporaryStore(copying: temporary)
            defer { copy.remove() }
            let copyLayout = StoreLayout(root: copy.store.root)
            try DurableFile.replace(copyLayout.marks(key), with: file.encoded(), tag: "x")
            try DurableFile.replace(copyLayout.journalDirectory.appending("killed.json"), with: JSONFile.encode(journal), tag: "pending")
            try (before + appended.prefix(cut)).write(to: URL(fileURLWithPath: copy.path("audit/amendments.jsonl")))
            #expect(try copy.contents("audit/amendments.head.json") == head)

            let reader = try Store.open(at: copy.store.root)
            let entries = try reader.amendments()
            #expect(entries.map(\.amendment) == [try temporary.store.amendments()[0].amendment] + amendments, "cut at \(cut)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: copy.path("audit/amendments.jsonl"))) == before + appended, "cut at \(cut)")
            #expect(reader.check().isEmpty, "cut at \(cut)")
        }
    }

    @Test(arguments: ["audit/amendments.jsonl", "audit/interventions.jsonl"])
    func linesCutOffTheEndOfALogAreCaught(log: String) throws {
        let temporary = try school()
        defer { temporary.remove() }
        for code in [AttendanceCode.illness, .medicalAppointment, .otherUnauthorised] { try amendAnn(temporary.store, to: code) }
        for kind in [InterventionKind.firstDayCall, .letter, .meeting] {
            try temporary.store.log([try Intervention(upn: ann, date: day("2025-09-03"), kind: kind, note: "logged")], by: lead, at: nine)
        }
        let lines = try temporary.contents(log).split(separator: "\n")
        // A whole, valid chain of two: only the head shows the third was written.
        try temporary.write(log, lines.prefix(2).joined(separator: "\n") + "\n")
        let problem = StoreError.auditChainBroken(
            path: temporary.path(log), line: 2,
            detail: "the log ends at entry 2 but entry 3 was written (\(log.dropFirst(6).dropLast(6)).head.json): lines were removed from its end")
        #expect(temporary.store.check() == [problem])
        // Nothing more is added to a shortened log: that would hide the cut for good.
        let marks = try temporary.contents("marks/2025-26/7A.json")
        #expect(throws: StoreError.self) {
            if log.hasSuffix("amendments.jsonl") {
                try amendAnn(temporary.store, to: .reasonNotYetEstablished)
            } else {
                try temporary.store.log([try Intervention(upn: ann, date: day("2025-09-04"), kind: .letter, note: "x")], by: lead, at: nine)
            }
        }
        #expect(try temporary.contents("marks/2025-26/7A.json") == marks)
        #expect(try temporary.contents(log).split(separator: "\n").count == 2)
    }

    // MARK: 4. A junk last line

    @Test func aJunkLastAuditLineRefusesAmendmentsBeforeAnyFileChangesAndStopsNothingElse() throws {
        let temporary = try school()
        defer { temporary.remove() }
        try amendAnn(temporary.store)
        let audit = try temporary.contents("audit/amendments.jsonl")
        try temporary.write("audit/amendments.jsonl", audit + "{\"note\":\"junk\"}\n")
        let marks = try temporary.contents("marks/2025-26/7A.json")
        let refused = #expect(throws: StoreError.self) { try amendAnn(temporary.store, to: .medicalAppointment) }
        #expect(refused == .auditChainBroken(path: temporary.path("audit/amendments.jsonl"), line: 2,
                                              detail: "the last line is not an entry of this log, so nothing can be added after it; 'rollcall check' names what is wrong"))
        #expect(try temporary.contents("marks/2025-26/7A.json") == marks)
        #expect(try files.contentsOfDirectory(atPath: temporary.path("journal")).isEmpty)
        // A tutor's first mark of the day needs no amendment: it is saved.
        try temporary.store.record([MarkEntry(upn: ann, group: "7A", session: am("2025-09-04"), mark: Mark(.presentAM))], by: tutor, at: nine)
        #expect(try temporary.store.register(group: "7A", session: am("2025-09-04")).marks[ann] == Mark(.presentAM))
        // Reports still read.
        #expect(try temporary.store.book(academicYears: ["2025-26"]).code(for: ann, at: pm("2025-09-03")) == .illness)
        // Check names the line.
        #expect(temporary.store.check().contains { $0.description.hasPrefix("\(temporary.path("audit/amendments.jsonl")):2: ") })
    }

    // MARK: 5. Modes whatever the umask

    @Test(arguments: [0o000, 0o002, 0o022, 0o077])
    func everyFileAndFolderIsTheOwnersOnlyWhateverTheUmask(umask mask: Int) async throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        try files.removeItem(atPath: temporary.store.root.string)
        let drill = "'\(StoreDrill.executable.path)'", root = "'\(temporary.store.root.string)'"
        // Made, marked, amended and reported on by a process with that umask.
        let script = "umask \(String(mask, radix: 8)) && \(drill) create \(root) && \(drill) import \(root) 2 3 2 N"
            + " && \(drill) import \(root) 2 3 2 I Phoned && \(drill) report \(root)"
        #expect(try await ChildProcess.start("/bin/sh", ["-c", script]).exit() == 0, "\(script)")
        var seen = 0
        for relative in try files.subpathsOfDirectory(atPath: temporary.store.root.string) + [""] {
            var status = stat()
            #expect(lstat(temporary.path(relative), &status) == 0)
            let isFolder = status.st_mode & S_IFMT == S_IFDIR
            #expect(status.st_mode & 0o7777 == (isFolder ? 0o700 : 0o600), "\(relative): \(String(status.st_mode & 0o7777, radix: 8))")
            seen += 1
        }
        // The store, its folders, the marks, the audit, its head, the digest, the locks.
        for relative in ["marks/2025-26/G1.json", "audit/amendments.jsonl", "audit/amendments.head.json", "derived/marks-2025-26.json", "locks/store.lock"] {
            #expect(files.fileExists(atPath: temporary.path(relative)), "\(relative)")
        }
        #expect(seen > 15)
        #expect(try Store.open(at: temporary.store.root).check().isEmpty)
    }

    @Test func checkNamesAnotherMode() throws {
        let temporary = try school()
        defer { temporary.remove() }
        try files.setAttributes([.posixPermissions: 0o770], ofItemAtPath: temporary.path("marks"))
        #expect(temporary.store.check() == [.access(path: temporary.path("marks"), detail: "mode 770, where the store gives 700 (the service account only): run 'chmod 700' on it")])
    }

    @Test(.enabled(if: geteuid() == 0, "changing a file's owner needs root"))
    func checkNamesAnotherOwner() throws {
        let temporary = try school()
        defer { temporary.remove() }
        #expect(chown(temporary.path("marks/2025-26/7A.json"), 65534, 65534) == 0)
        #expect(temporary.store.check() == [.access(path: temporary.path("marks/2025-26/7A.json"), detail: "owned by uid 65534, not by the store's owner (uid 0)")])
    }

    // MARK: 6. The digest

    @Test func anEditedDigestIsMadeAgainAndCheckNamesEveryPupilAResealedOneChanged() throws {
        let temporary = try school()
        defer { temporary.remove() }
        let digest = "derived/marks-2025-26.json"
        _ = try temporary.store.book(academicYears: ["2025-26"])
        let good = try temporary.contents(digest)
        // Ann's N made present, the stamp kept: the checksum shows it, and the next
        // report reads the marks file and saves the digest again.
        let edited = good.replacingOccurrences(of: "\"\(ann.text)\": \"..../N", with: "\"\(ann.text)\": \"..../|")
        #expect(edited != good)
        try temporary.write(digest, edited)
        #expect(temporary.store.check() == [.damaged(path: temporary.path(digest), line: nil, field: "checksum",
                                                     detail: "the digest was changed after Rollcall wrote it; the next report makes it again from the marks files")])
        #expect(try temporary.store.book(academicYears: ["2025-26"]).code(for: ann, at: pm("2025-09-03")) == .reasonNotYetEstablished)
        #expect(try temporary.contents(digest) == good)

        // Sealed again by someone who knows the format: reports would believe it, so
        // check compares it with the marks files and names each pupil.
        let resealed = MarksDigestTests.resealed(good
            .replacingOccurrences(of: "\"\(ann.text)\": \"..../N", with: "\"\(ann.text)\": \"..../|")
            .replacingOccurrences(of: "\"\(ben.text)\": \"..../", with: "\"\(ben.text)\": \"....M"))
        try temporary.write(digest, resealed)
        let path = temporary.path(digest)
        #expect(temporary.store.check() == [
            .digestDiffers(path: path, upn: ann.text, detail: "2025-09-03 PM is '\\' in the digest but 'N' in the marks files; the digest is only a copy, and reports would have shown its figures"),
            .digestDiffers(path: path, upn: ben.text, detail: "2025-09-03 AM is 'M' in the digest but '/' in the marks files; the digest is only a copy, and reports would have shown its figures"),
        ].sorted { $0.description < $1.description })
        // Check changed nothing.
        #expect(try temporary.contents(digest) == resealed)
    }

    // MARK: 7. What is no journal

    @Test func aFolderOrFIFOInTheJournalIsSetAsideNeverAHang() async throws {
        let temporary = try school()
        defer { temporary.remove() }
        try files.createDirectory(atPath: temporary.path("journal/x.tmp"), withIntermediateDirectories: true)
        #expect(mkfifo(temporary.path("journal/y.json"), 0o600) == 0)
        let store = try Store.open(at: temporary.store.root)
        let register = try #require(await finishing(within: 30) { try? store.register(group: "7A", session: am("2025-09-03")) }, "the store hung on its journal")
        #expect(register?.marks[ben] == Mark(.presentAM))
        #expect(Set(store.notices.pending) == [
            "journal/x.tmp was set aside in journal/rejected/ and nothing in it was done: it is not a journal file",
            "journal/y.json was set aside in journal/rejected/ and nothing in it was done: it is not a journal file",
        ])
        #expect(try files.contentsOfDirectory(atPath: temporary.path("journal")) == ["rejected"])
        let problems = store.check()
        #expect(problems.contains(.rejectedJournal(path: temporary.path("journal/rejected/y.json"), detail: "it is not a journal file; look at it, then remove it")))
        #expect(problems.contains(.notAFile(path: temporary.path("journal/rejected/y.json"))))
        // A FIFO where a marks file should be is named, not waited on.
        try files.removeItem(atPath: temporary.path("marks/2025-26/7A.json"))
        #expect(mkfifo(temporary.path("marks/2025-26/7A.json"), 0o600) == 0)
        #expect(throws: StoreError.notAFile(path: temporary.path("marks/2025-26/7A.json"))) {
            try store.register(group: "7A", session: am("2025-09-03"))
        }
    }

    // MARK: 9. Limits, all-or-nothing, leftovers

    @Test func aGroupNameTooLongForAFileNameIsRefusedBeforeAnythingIsWritten() throws {
        let temporary = try school()
        defer { temporary.remove() }
        let long = String(repeating: "Ü", count: 26) // 26 x "%C3%9C": 156 bytes as a file name
        #expect(!Store.canStoreGroupName(long))
        #expect(Store.canStoreGroupName(String(repeating: "Ü", count: 25)))
        #expect(throws: StoreError.groupNameTooLong(long)) {
            try temporary.store.record([MarkEntry(upn: ann, group: long, session: am("2025-09-04"), mark: Mark(.presentAM))], by: tutor, at: nine)
        }
        #expect(throws: StoreError.groupNameTooLong(long)) {
            try temporary.store.updateGroups { $0.append(Group(name: long, kind: .form, yearGroup: 7)) }
        }
        #expect(try temporary.store.groups().isEmpty)
    }

    @Test func pupilsAndTheirGroupsAreWrittenTogetherOrNotAtAll() throws {
        let temporary = try school()
        defer { temporary.remove() }
        let pupil = try Pupil(upn: ann, surname: "Ash", forename: "Ann", dateOfBirth: day("2014-03-02"), yearGroup: 7, form: "7A")
        try temporary.store.updatePupils(today: day("2025-09-03"), groups: { $0 = [Group(name: "7A", kind: .form, yearGroup: 7)] }) { $0 = [pupil] }
        let pupils = try temporary.contents("pupils.json")
        // groups.json cannot be replaced (a folder stands there): neither file changes.
        try files.removeItem(atPath: temporary.path("groups.json"))
        try files.createDirectory(atPath: temporary.path("groups.json"), withIntermediateDirectories: false)
        let renamed = try Pupil(upn: ann, surname: "Ash", forename: "Annie", dateOfBirth: day("2014-03-02"), yearGroup: 7, form: "7B")
        #expect(throws: StoreError.self) {
            try temporary.store.updatePupils(today: day("2025-09-03"), groups: { $0.append(Group(name: "7B", kind: .form, yearGroup: 7)) }) { $0 = [renamed] }
        }
        #expect(try temporary.contents("pupils.json") == pupils)
        #expect(try temporaries(in: temporary).isEmpty)
    }

    @Test func aFailedWriteLeavesNoTemporaryFileAndCheckNamesOneLeftBehind() throws {
        let temporary = try school()
        defer { temporary.remove() }
        // The marks file cannot be replaced: a folder stands in its place.
        try files.createDirectory(atPath: temporary.path("marks/2025-26/7B.json"), withIntermediateDirectories: false)
        #expect(throws: StoreError.self) {
            try temporary.store.record([MarkEntry(upn: ben, group: "7B", session: am("2025-09-04"), mark: Mark(.presentAM))], by: tutor, at: nine)
        }
        #expect(try temporaries(in: temporary).isEmpty)
        try files.removeItem(atPath: temporary.path("marks/2025-26/7B.json"))
        try temporary.write("marks/2025-26/.7A.json.dead.tmp", "half")
        #expect(temporary.store.check().contains(.leftByACrash(
            path: temporary.path("marks/2025-26/.7A.json.dead.tmp"),
            detail: "a temporary file left by a write that did not finish; the next write of its folder removes it")))
    }

    @Test(arguments: ["staff.json", "contacts.json", "audit/interventions.jsonl", "letters/first-concern.md"])
    func checkReadsEveryFileTheStoreHolds(file: String) throws {
        let temporary = try school()
        defer { temporary.remove() }
        try temporary.store.saveStaff { $0 = StaffList(members: [StaffMember(login: "head", name: "Head", role: .admin)]) }
        try temporary.store.updateContacts { $0 = [] }
        try temporary.store.log([try Intervention(upn: ann, date: day("2025-09-03"), kind: .letter, note: "sent")], by: lead, at: nine)
        try temporary.store.addLetterTemplate(named: "first-concern", text: "Dear parent")
        #expect(temporary.store.check().isEmpty)
        let path = temporary.path(file)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes.replaceSubrange(0..<1, with: [0xFF])
        try bytes.write(to: URL(fileURLWithPath: path))
        let problems = temporary.store.check()
        #expect(problems.count >= 1)
        #expect(problems.allSatisfy { $0.description.hasPrefix(path) }, "\(problems)")
    }
}

/// A result handed from a thread to the test that waits for it.
/// A continuation resumed by whichever answer comes first: the result, or the time running out.
private final class FirstAnswer<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T?, Never>?

    init(_ continuation: CheckedContinuation<T?, Never>) {
        self.continuation = continuation
    }

    func give(_ value: T?) {
        let waiting = lock.withLock { () -> CheckedContinuation<T?, Never>? in
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume(returning: value)
    }
}
