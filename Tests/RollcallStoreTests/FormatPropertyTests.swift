import Foundation
import PropertyBased
import RollcallCore
@testable import RollcallStore
import Testing

/// The formats' contract (the store's README, "The formats"), checked over generated
/// files the way swift-collections checks its types against a reference: each fast
/// reader gives nil or exactly what Foundation's decoder gives, what a writer writes its
/// reader reads back unchanged, and a digest holds exactly the marks files it came from.
@Suite("The formats' readers, checked against Foundation's decoder")
struct FormatPropertyTests {
    /// What Foundation's decoder makes of a marks file: the reference.
    static func decoded(_ bytes: [UInt8], key: MarksFileKey) -> MarksFile? {
        guard let body = try? JSONDecoder().decode(MarksFile.Body.self, from: Data(bytes)),
              body.group == key.group, body.academicYear == key.academicYear else { return nil }
        var registers: [Session: Register] = [:]
        for (session, stored) in body.registers {
            registers[session] = Register(group: key.group, session: session, marks: stored.marks, takenBy: stored.takenBy, takenAt: stored.takenAt)
        }
        return MarksFile(key: key, registers: registers)
    }

    /// Every mark of a book, as text, for comparing books.
    static func marks(_ book: AttendanceBook) -> [String] {
        FormatGen.pupils.flatMap { upn in book.marks(for: upn).map { "\(upn.text) \($0.session) \($0.mark)" } }
    }

    @Test func whatTheWriterWritesEveryReaderReadsBackUnchanged() async {
        await propertyCheck(count: 200, input: FormatGen.marksFile) { file in
            let bytes = file.encoded()
            #expect(MarksFile.fastRead(bytes, key: file.key) == file)
            #expect(FormatPropertyTests.decoded(bytes, key: file.key) == file)
            let year = day("2025-09-01")...day("2026-08-31")
            var scanned = AttendanceBook(span: year), reference = AttendanceBook(span: year)
            #expect(MarksFile.scan(bytes, key: file.key, into: &scanned))
            for register in file.registers.values { for (upn, mark) in register.marks { reference.record(mark, for: upn, at: register.session) } }
            #expect(FormatPropertyTests.marks(scanned) == FormatPropertyTests.marks(reference))
            // An edit that reads one register and copies the rest writes the same file.
            if let session = file.registers.keys.min(), var edit = try? MarksFileEdit(key: file.key, path: "7A.json", bytes: bytes) {
                #expect((try? edit.register(for: session)) == file.registers[session])
                #expect(edit.encoded() == bytes)
            }
        }
    }

    /// The same files written by Foundation's encoder: other key order, other spacing,
    /// `\/` and `\u` escapes. The fast reader may decline (nil) but never differ.
    @Test func filesWrittenAnotherWayAreReadAsTheDecoderReadsThemOrLeftToIt() async {
        await propertyCheck(count: 200, input: FormatGen.marksFile) { file in
            let bytes = FormatPropertyTests.foreign(file)
            let reference = FormatPropertyTests.decoded(bytes, key: file.key)
            #expect(reference == file)
            if let fast = MarksFile.fastRead(bytes, key: file.key) { #expect(fast == reference) }
        }
    }

    @Test func aPupilsFileReadsBackAsWrittenAndAsTheDecoderReadsIt() async {
        await propertyCheck(count: 200, input: FormatGen.pupil.array(of: 0...20)) { pupils in
            let unique = Dictionary(pupils.map { ($0.upn, $0) }, uniquingKeysWith: { first, _ in first }).values.sorted { $0.upn < $1.upn }
            let file = Store.PupilsFile(leaversBefore: day("2025-09-01"), pupils: unique)
            let bytes = JSONFile.encode(file)
            let decoded = try? JSONDecoder().decode(Store.PupilsFile.self, from: Data(bytes))
            #expect(decoded?.pupils == unique)
            #expect(Store.PupilsFile.fastRead(bytes)?.pupils == unique)
            #expect(Store.PupilsFile.fastRead(bytes)?.leaversBefore == day("2025-09-01"))
        }
    }

    @Test func aDigestHoldsExactlyTheMarksFilesItCameFrom() async throws {
        await propertyCheck(count: 25, input: zip(FormatGen.marksFile, FormatGen.marksFile)) { first, other in
            let second = FormatGen.regrouped(other, as: "7B")
            do {
                let temporary = try TemporaryStore()
                defer { temporary.remove() }
                try FileManager.default.createDirectory(atPath: temporary.path("marks/2025-26"), withIntermediateDirectories: true)
                for file in [first, second] {
                    try temporary.write("marks/2025-26/\(file.key.group).json", String(decoding: file.encoded(), as: UTF8.self))
                }
                var reference = AttendanceBook(span: day("2025-09-01")...day("2026-08-31"))
                for file in [first, second] {
                    for register in file.registers.values { for (upn, mark) in register.marks { reference.record(mark, for: upn, at: register.session) } }
                }
                // Read twice: the first read makes the digest from the marks files, the second reads the digest.
                for _ in 0..<2 {
                    #expect(FormatPropertyTests.marks(try temporary.store.book(academicYears: ["2025-26"])) == FormatPropertyTests.marks(reference))
                }
                #expect(FileManager.default.fileExists(atPath: temporary.path("derived/marks-2025-26.json")))
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    /// A marks file as Foundation's encoder writes it, registers and marks as objects.
    static func foreign(_ file: MarksFile) -> [UInt8] {
        var registers: [String: Any] = [:]
        for (session, register) in file.registers {
            var marks: [String: Any] = [:]
            for (upn, mark) in register.marks {
                if mark.minutesLate == nil, mark.note == nil {
                    marks[upn.text] = mark.code.symbol
                } else {
                    var object: [String: Any] = ["code": mark.code.symbol]
                    if let minutes = mark.minutesLate { object["minutesLate"] = minutes }
                    if let note = mark.note { object["note"] = note }
                    marks[upn.text] = object
                }
            }
            var object: [String: Any] = ["marks": marks]
            object["takenBy"] = register.takenBy ?? NSNull()
            if let at = register.takenAt { object["takenAt"] = JSONText.instant(at) }
            registers[session.description] = object
        }
        let body: [String: Any] = ["registers": registers, "group": file.key.group, "academicYear": file.key.academicYear, "schemaVersion": 1]
        return Array((try? JSONSerialization.data(withJSONObject: body)) ?? Data())
    }
}
