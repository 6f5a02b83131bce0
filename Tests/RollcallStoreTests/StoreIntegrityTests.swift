import Foundation
import RollcallCore
@testable import RollcallStore
import SystemPackage
import Testing

@Suite("The store: damage, tampering and permissions")
struct StoreIntegrityTests {
    let pupilA = drillUPN(group: 0, pupil: 1)
    let pupilB = drillUPN(group: 0, pupil: 2)

    func storeWithMarks() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        try temporary.store.record([
            MarkEntry(upn: pupilA, group: "7A", session: am("2025-09-03"), mark: Mark(.presentAM)),
            MarkEntry(upn: pupilA, group: "7A", session: pm("2025-09-03"), mark: Mark(.presentPM)),
            MarkEntry(upn: pupilB, group: "7B", session: am("2025-09-03"), mark: Mark(.presentAM)),
        ], by: tutor, at: nine)
        return temporary
    }

    @Test func aTruncatedMarksFileIsNamedWithItsLastLineAndLeftUntouched() throws {
        let temporary = try storeWithMarks()
        defer { temporary.remove() }
        let whole = try temporary.contents("marks/2025-26/7A.json")
        let truncated = String(whole.prefix(whole.count - 20))
        try temporary.write("marks/2025-26/7A.json", truncated)
        let other = try temporary.contents("marks/2025-26/7B.json")
        let lines = truncated.count { $0 == "\n" } + 1
        #expect(throws: StoreError.damaged(path: temporary.path("marks/2025-26/7A.json"), line: lines, field: nil,
                                           detail: "the file ends in the middle of its JSON (truncated?)")) {
            try temporary.store.record([
                MarkEntry(upn: pupilB, group: "7B", session: pm("2025-09-03"), mark: Mark(.presentPM)),
                MarkEntry(upn: pupilB, group: "7A", session: pm("2025-09-04"), mark: Mark(.presentPM)),
            ], by: tutor, at: nine)
        }
        #expect(try temporary.contents("marks/2025-26/7A.json") == truncated)
        #expect(try temporary.contents("marks/2025-26/7B.json") == other)
    }

    @Test func aWrongTypeIsNamedByLineAndField() throws {
        let temporary = try storeWithMarks()
        defer { temporary.remove() }
        let text = try temporary.contents("marks/2025-26/7A.json")
            .replacingOccurrences(of: "\"\(pupilA)\": \"\\\\\"", with: "\"\(pupilA)\": 5")
        try temporary.write("marks/2025-26/7A.json", text)
        let error = #expect(throws: StoreError.self) {
            try temporary.store.register(group: "7A", session: pm("2025-09-03"))
        }
        guard case let .damaged(path, line, field, _)? = error else {
            Issue.record("expected a damaged file, got \(String(describing: error))")
            return
        }
        #expect(path == temporary.path("marks/2025-26/7A.json"))
        #expect(line == 7) // line 5 opens "registers"; AM is on line 6, PM on 7
        #expect(field?.hasPrefix("registers.2025-09-03 PM.marks.\(pupilA)") == true)
        #expect(error?.description.contains("7A.json:7: field 'registers.2025-09-03 PM.marks.") == true)
    }

    @Test func aWithdrawnCodeInAFileIsNamedWithItsReplacement() throws {
        let temporary = try storeWithMarks()
        defer { temporary.remove() }
        let text = try temporary.contents("marks/2025-26/7B.json").replacingOccurrences(of: "\": \"/\"", with: "\": \"H\"")
        try temporary.write("marks/2025-26/7B.json", text)
        let problems = temporary.store.check()
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.description.contains("7B.json:6: field 'registers.2025-09-03 AM.marks.\(pupilB)': 'H' was withdrawn") == true)
    }

    @Test func invalidJSONIsNamedWithItsLine() throws {
        let temporary = try storeWithMarks()
        defer { temporary.remove() }
        try temporary.write("pupils.json", "{\n  \"pupils\": [\n    {\"upn\": ,}\n  ]\n}\n")
        #expect(throws: StoreError.damaged(path: temporary.path("pupils.json"), line: 3, field: nil, detail: "not valid JSON")) {
            try temporary.store.pupils()
        }
    }

    @Test func aMissingFieldIsNamed() throws {
        let temporary = try storeWithMarks()
        defer { temporary.remove() }
        try temporary.write("school.json", "{\n  \"registerOpenMinutes\": 30\n}\n")
        #expect(throws: StoreError.damaged(path: temporary.path("school.json"), line: nil, field: "name", detail: "missing")) {
            try temporary.store.school()
        }
    }

    func amend(_ temporary: TemporaryStore, times: Int) throws {
        let codes: [AttendanceCode] = [.illness, .medicalAppointment, .otherUnauthorised, .reasonNotYetEstablished]
        for index in 0..<times {
            try temporary.store.record([MarkEntry(upn: pupilA, group: "7A", session: am("2025-09-03"), mark: Mark(codes[index % 4]))],
                                       by: lead, at: nine, reason: "correction \(index + 1)")
        }
    }

    @Test func theAuditChainVerifiesWhenUntouched() throws {
        let temporary = try storeWithMarks()
        defer { temporary.remove() }
        try amend(temporary, times: 4)
        #expect(try temporary.store.amendments().map(\.sequence) == [1, 2, 3, 4])
        #expect(try temporary.store.amendments().map(\.amendment.original) == [.presentAM, .illness, .medicalAppointment, .otherUnauthorised])
        #expect(temporary.store.check().isEmpty)
    }

    @Test func aClearedMarkIsAuditedWithNoNewCode() throws {
        let temporary = try storeWithMarks()
        defer { temporary.remove() }
        try temporary.store.record([MarkEntry(upn: pupilA, group: "7A", session: am("2025-09-03"), mark: nil)],
                                   by: tutor, at: nine, reason: "Entered in error")
        #expect(try temporary.store.register(group: "7A", session: am("2025-09-03")).marks[pupilA] == nil)
        #expect(try temporary.contents("audit/amendments.jsonl").contains("\"old_code\":\"/\",\"new_code\":null,\"reason\":\"Entered in error\""))
        let entry = try #require(try temporary.store.amendments().first)
        #expect(entry.amendment.original == .presentAM && entry.amendment.amended == nil)
        #expect(temporary.store.check().isEmpty)
    }

    @Test func anEditedAuditEntryIsDetected() throws {
        let temporary = try storeWithMarks()
        defer { temporary.remove() }
        try amend(temporary, times: 3)
        let text = try temporary.contents("audit/amendments.jsonl").replacingOccurrences(of: "correction 2", with: "correction two")
        try temporary.write("audit/amendments.jsonl", text)
        let problems = temporary.store.check()
        #expect(problems == [.auditChainBroken(path: temporary.path("audit/amendments.jsonl"), line: 2,
                                               detail: "this entry was changed after it was written (its hash does not match)")])
    }

    @Test func aRemovedAuditEntryIsDetected() throws {
        let temporary = try storeWithMarks()
        defer { temporary.remove() }
        try amend(temporary, times: 3)
        let lines = try temporary.contents("audit/amendments.jsonl").split(separator: "\n")
        try temporary.write("audit/amendments.jsonl", [lines[0], lines[2]].joined(separator: "\n") + "\n")
        #expect(temporary.store.check() == [.auditChainBroken(path: temporary.path("audit/amendments.jsonl"), line: 2,
                                                              detail: "the entry before this one was removed, added or changed (the chain is broken)")])
    }

    @Test func aTornLastAuditLineIsCutOffBeforeTheNextAppend() throws {
        let temporary = try storeWithMarks()
        defer { temporary.remove() }
        try amend(temporary, times: 2)
        let text = try temporary.contents("audit/amendments.jsonl")
        try temporary.write("audit/amendments.jsonl", text + "{\"seq\":3,\"txn\":\"dead")
        try amend(temporary, times: 1)
        #expect(try temporary.store.amendments().map(\.sequence) == [1, 2, 3])
        #expect(temporary.store.check().isEmpty)
    }

    @Test func filesAndFoldersAreForTheOwnerOnly() throws {
        let temporary = try storeWithMarks()
        defer { temporary.remove() }
        try amend(temporary, times: 1)
        try temporary.store.updatePupils(today: day("2025-09-08")) { _ in }
        for relative in ["", "store.json", "school.json", "pupils.json", "marks", "marks/2025-26", "marks/2025-26/7A.json", "audit/amendments.jsonl", "locks/store.lock"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: temporary.path(relative))
            let mode = try #require(attributes[.posixPermissions] as? Int)
            let expected = relative.hasSuffix(".json") || relative.hasSuffix(".jsonl") || relative.hasSuffix(".lock") ? 0o600 : 0o700
            #expect(mode == expected, "\(relative) has mode \(String(mode, radix: 8))")
        }
        #expect(temporary.store.check().isEmpty)
    }

    @Test func aFileOthersCanReadIsReported() throws {
        let temporary = try storeWithMarks()
        defer { temporary.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: temporary.path("marks/2025-26/7A.json"))
        #expect(temporary.store.check() == [.access(path: temporary.path("marks/2025-26/7A.json"),
                                                    detail: "mode 644, where the store gives 600 (the service account only): run 'chmod 600' on it")])
    }

    @Test func aWriteLeftHalfDoneAfterItsCommitPointIsFinishedByTheNextReader() throws {
        let temporary = try storeWithMarks()
        defer { temporary.remove() }
        // Play a writer that made its journal durable and then died before any rename.
        let layout = StoreLayout(root: temporary.store.root)
        var file = try temporary.store.marksFile(MarksFileKey(academicYear: "2025-26", group: "7A"))
        var register = file.register(for: am("2025-09-03"))
        guard case let .amended(amendment) = try register.record(Mark(.illness), for: pupilA, by: lead, at: nine, reason: "phoned") else {
            Issue.record("expected an amendment")
            return
        }
        file.registers[am("2025-09-03")] = register
        let target = layout.marks(file.key)
        let temporaryFile = try DurableFile.writeTemporary(file.encoded(), beside: target, tag: "dead")
        let journal = Journal(transaction: "dead", renames: [.init(from: "marks/2025-26/.7A.json.dead.tmp", to: "marks/2025-26/7A.json")],
                              audit: [AuditRecord(amendment)])
        #expect(temporaryFile.string == temporary.path("marks/2025-26/.7A.json.dead.tmp"))
        try DurableFile.replace(layout.journalDirectory.appending("dead.json"), with: JSONFile.encode(journal), tag: "pending")
        // A stray temporary file from a writer that died before its commit point.
        try "garbage".write(toFile: temporary.path("marks/2025-26/.7B.json.gone.tmp"), atomically: false, encoding: .utf8)

        let reader = try Store.open(at: temporary.store.root)
        #expect(try reader.register(group: "7A", session: am("2025-09-03")).marks[pupilA] == Mark(.illness))
        #expect(try reader.amendments().map(\.amendment) == [amendment])
        #expect(DurableFile.list(layout.journalDirectory).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: temporary.path("marks/2025-26/.7B.json.gone.tmp")))
        #expect(reader.check().isEmpty)
    }
}
