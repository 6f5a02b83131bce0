import Foundation
import RollcallCore
@testable import RollcallStore
import Testing

/// `contacts.json` read without Foundation's decoder gives exactly what the decoder gives,
/// and anything it does not know is left to the decoder, which names the problem.
@Suite("Reading contacts quickly")
struct ContactsFastReadTests {
    let ann = drillUPN(group: 0, pupil: 1), ben = drillUPN(group: 0, pupil: 2)

    @Test func theFastReadIsTheDecodersReadOfEveryKindOfContact() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let contacts = [
            Contact(upn: ann, name: "Siobhán \"Shiv\" O'Brien", relationship: "Mother", phones: ["07700 900123", "01632 960001"], livesWithPupil: true,
                    address: "1 Elm Road\\nLeeds, LS6 2AB", emergencyPhone: "07700 900999"),
            Contact(upn: ann, name: "Łukasz Ó Súilleabháin 😀", relationship: "Grandfather", livesWithPupil: false),
            Contact(upn: ben, name: "Dana Whitfield", relationship: "Social worker", role: .socialWorker, phones: ["01632 960002"]),
        ]
        try temporary.store.updateContacts { $0 = contacts }
        let bytes = try #require(try DurableFile.read(temporary.store.root.appending("contacts.json")))
        let fast = try #require(Store.ContactsFile.fastRead(bytes))
        let slow = try JSONFile.decode(Store.ContactsFile.self, from: bytes, path: temporary.store.root.appending("contacts.json"))
        #expect(fast.contacts == slow.contacts)
        #expect(try temporary.store.contacts().sorted { $0.name < $1.name } == contacts.sorted { $0.name < $1.name })
    }

    @Test func aFileItDoesNotKnowIsLeftToTheDecoder() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        try temporary.write("contacts.json", #"{"contacts": [{"upn": "\#(ann.text)", "name": "A", "relationship": "Mother", "role": "parent", "phones": [], "livesWithPupil": true, "pet": "cat"}]}"#)
        #expect(Store.ContactsFile.fastRead(Array(try temporary.contents("contacts.json").utf8)) == nil)
        try temporary.write("contacts.json", #"{"contacts": [{"upn": "\#(ann.text)", "name": "A", "relationship": "Mother", "role": "uncle", "phones": [], "livesWithPupil": true}]}"#)
        #expect(throws: StoreError.self) { try temporary.store.contacts() }
    }
}
