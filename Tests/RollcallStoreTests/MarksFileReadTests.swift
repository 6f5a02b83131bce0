import Foundation
import RollcallCore
@testable import RollcallStore
import SystemPackage
import Testing

@Suite("Reading marks files quickly and exactly")
struct MarksFileReadTests {
    let key = MarksFileKey(academicYear: "2025-26", group: "7A")
    let pupilA = drillUPN(group: 0, pupil: 1)
    let pupilB = drillUPN(group: 0, pupil: 2)

    /// What Foundation's decoder makes of the bytes: the reference the fast reader must match.
    func slow(_ bytes: [UInt8]) throws -> MarksFile {
        let body = try JSONDecoder().decode(MarksFile.Body.self, from: Data(bytes))
        return MarksFile(key: key, registers: Dictionary(uniqueKeysWithValues: body.registers.map { session, stored in
            (session, Register(group: key.group, session: session, marks: stored.marks, takenBy: stored.takenBy, takenAt: stored.takenAt))
        }))
    }

    @Test func whatRollcallWritesReadsBackTheSameBothWays() throws {
        let file = MarksFile(key: key, registers: [
            am("2025-09-03"): Register(group: "7A", session: am("2025-09-03"), marks: [
                pupilA: Mark(.presentAM), pupilB: Mark(.late, minutesLate: 12, note: "bus \"42\" late\nZoë's mum: ☎ 😀"),
            ], takenBy: "jsmith", takenAt: nine),
            pm("2025-09-03"): Register(group: "7A", session: pm("2025-09-03"), marks: [
                pupilA: Mark(.otherUnavoidableCause), pupilB: Mark(.presentPM),
            ]),
        ])
        let bytes = file.encoded()
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"\(pupilB)\": \"\\\\\""))
        #expect(MarksFile.fastRead(bytes, key: key) == file)
        #expect(try slow(bytes) == file)
    }

    @Test func handWrittenJSONWithOtherSpacingOrderAndEscapesIsRead() throws {
        let text = """
            {"registers": {
               "2025-09-03 AM" : { "marks" : { "\(pupilA)" : { "note" : "caf\\u00e9 \\ud83d\\ude00", "code" : "L" } },
                                   "takenBy" : null },
               "2025-09-03 PM":{"marks":{}}
             },
             "academicYear": "2025-26", "group": "7A", "schemaVersion": 1}
            """
        let fast = try #require(MarksFile.fastRead(Array(text.utf8), key: key))
        #expect(fast == (try slow(Array(text.utf8))))
        #expect(fast.registers[am("2025-09-03")]?.marks[pupilA] == Mark(.late, note: "café 😀"))
    }

    @Test func aCodeWrittenWithAnEscapeIsStillRead() throws {
        let text = #"{"schemaVersion": 1, "group": "7A", "academicYear": "2025-26", "registers": {"2025-09-03 AM": {"marks": {"B801200005001": "\u002F"}}}}"#
        #expect(MarksFile.fastRead(Array(text.utf8), key: key) == nil)
        let store = try TemporaryStore()
        defer { store.remove() }
        try FileManager.default.createDirectory(atPath: store.path("marks/2025-26"), withIntermediateDirectories: true)
        try store.write("marks/2025-26/7A.json", text)
        #expect(try store.store.register(group: "7A", session: am("2025-09-03")).marks[try UPN("B801200005001")] == Mark(.presentAM))
    }

    @Test("anything unexpected is left to the decoder that names the problem", arguments: [
        #"{"schemaVersion": 1, "group": "7A", "academicYear": "2025-26", "registers": {"2025-09-03 AM": {"marks": {"B801200005001": "H"}}}}"#,
        #"{"schemaVersion": 1, "group": "7A", "academicYear": "2025-26", "registers": {"2025-09-03 AM": {"marks": {"A801200005001": "/"}}}}"#,
        #"{"schemaVersion": 2, "group": "7A", "academicYear": "2025-26", "registers": {}}"#,
        #"{"schemaVersion": 1, "group": "7B", "academicYear": "2025-26", "registers": {}}"#,
        #"{"schemaVersion": 1, "group": "7A", "academicYear": "2025-26", "registers": {"2025-09-03 XM": {"marks": {}}}}"#,
        #"{"schemaVersion": 1, "group": "7A", "academicYear": "2025-26", "registers": {}} trailing"#,
        #"{"schemaVersion": 1, "group": "7A", "academicYear": "2025-26", "registers": {"2025-09-03 AM": {"marks": {"B801200005001": 5}}}}"#,
        #"{"schemaVersion": 1, "group": "7A", "academicYear": "2025-26", "registers": {"#,
    ])
    func unexpectedFilesAreNotReadQuickly(text: String) {
        #expect(MarksFile.fastRead(Array(text.utf8), key: key) == nil)
    }
}

@Suite("A register's takenAt, checked without being read")
struct TakenAtTests {
    let key = MarksFileKey(academicYear: "2025-26", group: "7A")

    func file(_ takenAt: String) -> [UInt8] {
        Array(#"{"schemaVersion": 1, "group": "7A", "academicYear": "2025-26", "registers": {"2025-09-03 AM": {"takenAt": \#(takenAt), "marks": {"B801200005001": "/"}}}}"#.utf8)
    }

    /// `scan` passes over takenAt without making a Date: it must still accept exactly
    /// what the decoder accepts. (Foundation's ISO 8601 parser, the decoder's fallback for
    /// a form Rollcall does not write, rolls 30 February over into March and 24:00 into
    /// the next day; the fast readers agree with it rather than with the calendar.)
    @Test(arguments: ["\"2025-02-30T08:00:00Z\"", "\"2025-09-03T24:00:00Z\"", "\"2025-13-03T08:00:00Z\"", "\"2025-09-03T08:60:00Z\"",
                      "\"2025-09-03 08:00:00Z\"", "\"2024-02-29T23:59:59Z\"", "\"2025-09-03T08:41:07Z\"", "null",
                      "\"2025-09-03T08:41:07.250Z\"", "\"2025-09-03T09:41:07+01:00\"", "\"yesterday\"", "7"])
    func theBookReaderAcceptsWhatTheDecoderAccepts(takenAt: String) {
        let decoded = (try? JSONDecoder().decode(MarksFile.Body.self, from: Data(file(takenAt)))) != nil
        #expect((MarksFile.fastRead(file(takenAt), key: key) != nil) == decoded)
        var book = AttendanceBook(span: day("2025-09-01")...day("2026-08-31"))
        #expect(MarksFile.scan(file(takenAt), key: key, into: &book) == decoded)
    }

    @Test func whatRollcallWritesIsReadAndNonsenseIsNot() throws {
        for good in ["\"2024-02-29T23:59:59Z\"", "\"2025-09-03T08:41:07Z\"", "null"] {
            var book = AttendanceBook(span: day("2025-09-01")...day("2026-08-31"))
            #expect(MarksFile.scan(file(good), key: key, into: &book))
            #expect(book.code(for: try UPN("B801200005001"), at: am("2025-09-03")) == .presentAM)
        }
        for bad in ["\"yesterday\"", "7", "\"2025-09-03 08:00:00Z\""] {
            var book = AttendanceBook(span: day("2025-09-01")...day("2026-08-31"))
            #expect(!MarksFile.scan(file(bad), key: key, into: &book))
        }
    }
}
