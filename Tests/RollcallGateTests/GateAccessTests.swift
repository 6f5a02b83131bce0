import Foundation
import RollcallCore
import RollcallStore
import SystemPackage
import Testing
@testable import RollcallGate

/// Whose a key is and what the access log keeps of a visit, in process over a store of
/// the test's own: the pieces `rollcall keys lookup` and `rollcall gate` call.
@Suite("Keys and the access log")
struct GateAccessTests {
    static let amy = "AAAAC3NzaC1lZDI1NTE5AAAAIBA24AcfhKjwwMreEstqUmWHvJ/g2wJEwG8PFfpwtLOS"
    let admin = Recorder(login: "admin", name: "Office", role: .admin)

    /// A store with Amy's key on the login `amy`, and the staff list given.
    func store(staff logins: [String]) throws -> (Store, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rollcall-gate-\(UUID().uuidString)")
        let store = try Store.create(at: FilePath(directory.path).appending("store"), school: try School(name: "Gate Academy"))
        try store.saveStaff { $0 = StaffList(members: logins.map { StaffMember(login: $0, name: $0.capitalized, role: .tutor) }) }
        _ = try store.addKey(try SSHPublicKey(type: "ssh-ed25519", base64: GateAccessTests.amy), login: "amy", by: admin, at: Date())
        return (store, directory)
    }

    @Test func aKeyTheStoreHoldsGetsTheLineThatForcesItThroughTheGate() throws {
        let (store, directory) = try store(staff: ["amy"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try KeyLookup.line(type: "ssh-ed25519", base64: GateAccessTests.amy, in: store, binary: "/usr/local/bin/rollcall")
            == "command=\"/usr/local/bin/rollcall gate amy\",restrict,pty ssh-ed25519 \(GateAccessTests.amy) amy")
        // A key nobody holds, and garbage sshd was handed, get nothing: sshd then refuses.
        #expect(try KeyLookup.line(type: "ssh-ed25519", base64: "AAAAC3NzaC1lZDI1NTE5AAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                   in: store, binary: "/usr/local/bin/rollcall") == nil)
        #expect(try KeyLookup.line(type: "ssh-ed25519", base64: "not base64 ;rm -rf /", in: store, binary: "/usr/local/bin/rollcall") == nil)
    }

    @Test func aKeyWhoseLoginLeftTheStaffListGetsNothing() throws {
        let (store, directory) = try store(staff: ["bob"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try KeyLookup.line(type: "ssh-ed25519", base64: GateAccessTests.amy, in: store, binary: "/usr/local/bin/rollcall") == nil)
    }

    /// sshd hands the forced command to a shell: a binary path with shell syntax in it
    /// would run that syntax as the service account, so no line is made.
    @Test(arguments: ["/opt/roll call/rollcall", "/usr/bin/rollcall;id", "$(id)", "/usr/bin/`id`", "/usr/bin/rollcall\"x"])
    func aBinaryPathThatIsNotPlainMakesNoLine(binary: String) throws {
        let (store, directory) = try store(staff: ["amy"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: GateRefusal.self) { try KeyLookup.line(type: "ssh-ed25519", base64: GateAccessTests.amy, in: store, binary: binary) }
    }

    /// The log names the command and its subcommand, never an option's value: a UPN, a
    /// note or a parent's name sent as an option stays out of it.
    @Test func theAccessLogKeepsTheCommandsNameNotItsValues() throws {
        let (store, directory) = try store(staff: ["amy"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let auth = directory.appendingPathComponent("auth")
        try "publickey ssh-ed25519 \(GateAccessTests.amy)\n".write(to: auth, atomically: true, encoding: .utf8)
        let visit = GateVisit(login: "amy", words: ["intervention", "add", "meeting", "--upn", "B801200005001", "--note=Met mum"],
                              environment: ["SSH_CONNECTION": "192.0.2.7 50122 192.0.2.1 22", "SSH_USER_AUTH": auth.path])
        #expect(visit.command == "intervention add")
        #expect(visit.client == "192.0.2.7 50122")
        let session = try visit.begin(in: store, at: Date(timeIntervalSince1970: 1_765_000_000))
        session.end(status: 3)
        session.end(status: 0) // ends once: a signal and the return cannot write two end lines
        let log = try store.accessLog()
        #expect(log.map(\.kind) == [.start, .end])
        #expect(log.map(\.command) == ["intervention add", "intervention add"])
        #expect(log[1].status == 3)
        #expect(log[0].fingerprint == (try SSHPublicKey(type: "ssh-ed25519", base64: GateAccessTests.amy)).fingerprint)
        let text = try String(contentsOfFile: store.root.appending("audit/access.jsonl").string, encoding: .utf8)
        #expect(!text.contains("B801200005001") && !text.contains("Met mum"))
    }

    @Test func noCommandIsTheScreensAndWordsThatWouldNotSplitAreSaidSo() {
        #expect(GateVisit(login: "amy", words: [], environment: [:]).command == "tui")
        #expect(GateVisit(login: "amy", words: nil, environment: [:]).command == "(unreadable)")
        #expect(GateVisit(login: "amy", words: [String(repeating: "x", count: 500)], environment: [:]).command
            == String(repeating: "x", count: 200) + "... (500 characters)")
    }
}
