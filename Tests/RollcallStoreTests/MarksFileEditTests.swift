import Foundation
import RollcallCore
@testable import RollcallStore
import SystemPackage
import Testing

@Suite("Changing one register of a marks file without decoding the others")
struct MarksFileEditTests {
    let key = MarksFileKey(academicYear: "2025-26", group: "7A")
    let path = FilePath("/nowhere/marks/2025-26/7A.json")
    let ann = drillUPN(group: 0, pupil: 1), ben = drillUPN(group: 0, pupil: 2)

    /// Three days of 7A, late marks with minutes and a note among them.
    var week: MarksFile {
        var registers: [Session: Register] = [:]
        for date in ["2025-09-03", "2025-09-04", "2025-09-05"] {
            registers[am(date)] = Register(group: "7A", session: am(date), marks: [
                ann: Mark(.presentAM), ben: Mark(.late, minutesLate: 7, note: "Bus \"42\""),
            ], takenBy: "jsmith", takenAt: nine)
            registers[pm(date)] = Register(group: "7A", session: pm(date), marks: [ann: Mark(.presentPM), ben: Mark(.illness)])
        }
        return MarksFile(key: key, registers: registers)
    }

    @Test func theBytesAreThoseOfTheWholeFileEncodedAfresh() throws {
        var whole = week
        var edit = try MarksFileEdit(key: key, path: path, bytes: whole.encoded())
        var register = try edit.register(for: pm("2025-09-04"))
        #expect(register == whole.registers[pm("2025-09-04")])
        _ = try register.record(Mark(.reasonNotYetEstablished), for: ann, by: tutor, at: nine, reason: "Left at lunch")
        edit.replace(register)
        // A register the file did not have yet, between two it has.
        var added = try edit.register(for: pm("2025-09-02"))
        #expect(added.marks.isEmpty)
        _ = try added.record(Mark(.presentPM), for: ann, by: tutor, at: nine)
        edit.replace(added)
        whole.registers[pm("2025-09-04")] = register
        whole.registers[pm("2025-09-02")] = added
        #expect(edit.encoded() == whole.encoded())
        #expect(MarksFile.fastRead(edit.encoded(), key: key) == whole)
    }

    @Test func registersLeftAloneKeepTheirTextEvenWhenWrittenByHand() throws {
        let text = """
            {"schemaVersion": 1, "group": "7A", "academicYear": "2025-26", "registers": {
              "2025-09-03 AM":   { "marks" : { "\(ann.text)" : "/" },  "takenBy" : "jsmith" },
              "2025-09-03 PM": {"marks": {"\(ann.text)": "\\\\"}}
            }}
            """
        var edit = try MarksFileEdit(key: key, path: path, bytes: Array(text.utf8))
        var register = try edit.register(for: pm("2025-09-03"))
        _ = try register.record(Mark(.presentPM), for: ben, by: tutor, at: nine)
        edit.replace(register)
        let written = String(decoding: edit.encoded(), as: UTF8.self)
        #expect(written.contains(#""2025-09-03 AM": { "marks" : { "\#(ann.text)" : "/" },  "takenBy" : "jsmith" },"#))
        // The register changed is written afresh: taken by and at, pupils in UPN order.
        #expect(written.contains(#""2025-09-03 PM": {"takenBy": "jsmith", "takenAt": "2025-09-03T09:00:00Z", "marks": {"\#(ben.text)": "\\", "\#(ann.text)": "\\"}}"#))
        #expect(MarksFile.fastRead(edit.encoded(), key: key)?.registers[am("2025-09-03")]?.takenBy == "jsmith")
    }

    @Test func aRegisterThatCannotBeReadIsRefusedWithItsPlace() throws {
        let text = """
            {"schemaVersion": 1, "group": "7A", "academicYear": "2025-26", "registers": {
              "2025-09-03 AM": {"marks": {"\(ann.text)": "Q9"}},
              "2025-09-03 PM": {"marks": {"\(ann.text)": "\\\\"}}
            }}
            """
        var edit = try MarksFileEdit(key: key, path: path, bytes: Array(text.utf8))
        // Another register can still be marked: the damaged one is carried as it is, for
        // `rollcall check` to report, and no tutor is kept from today's register by it.
        var afternoon = try edit.register(for: pm("2025-09-03"))
        _ = try afternoon.record(Mark(.presentPM), for: ben, by: tutor, at: nine)
        edit.replace(afternoon)
        #expect(String(decoding: edit.encoded(), as: UTF8.self).contains(#""2025-09-03 AM": {"marks": {"\#(ann.text)": "Q9"}}"#))
        // The damaged register itself is refused, named by line and field.
        #expect {
            _ = try edit.register(for: am("2025-09-03"))
        } throws: { error in
            "\(error)".contains("7A.json:2") && "\(error)".contains("2025-09-03 AM")
        }
        // A file that is not even well-formed is refused as it is opened.
        #expect(throws: StoreError.self) {
            _ = try MarksFileEdit(key: key, path: path, bytes: Array(text.dropLast(3).utf8))
        }
    }
}
