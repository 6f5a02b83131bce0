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
