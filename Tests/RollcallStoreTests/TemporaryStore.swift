import Foundation
import RollcallCore
@testable import RollcallStore
import SystemPackage

/// A store in a fresh temporary directory, removed when the test is done with it.
struct TemporaryStore {
    let directory: URL
    let store: Store

    var root: FilePath { FilePath(directory.path) }

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rollcall-test-\(UUID().uuidString)")
        store = try Store.create(at: FilePath(directory.path).appending("store"), school: try School(name: "Test Academy"))
    }

    /// A store of its own holding a copy of every file of `other`'s.
    init(copying other: TemporaryStore) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rollcall-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let root = FilePath(directory.path).appending("store")
        try FileManager.default.copyItem(atPath: other.store.root.string, toPath: root.string)
        store = try Store.open(at: root)
    }

    func path(_ relative: String) -> String { store.root.appending(relative).string }

    func contents(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    func write(_ relative: String, _ text: String) throws {
        try text.write(toFile: path(relative), atomically: false, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

func day(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(text) else { fatalError("bad test date \(text)") }
    return date
}

func am(_ text: String) -> Session { Session(day(text), .am) }
func pm(_ text: String) -> Session { Session(day(text), .pm) }

/// Pupils numbered the way `store-drill` numbers them.
func drillUPN(group: Int, pupil: Int) -> UPN {
    let body = "8012000" + String(format: "%02d%03d", group, pupil)
    do { return try UPN(body: body) } catch { fatalError("bad drill UPN \(body)") }
}

let tutor = Recorder(login: "jsmith", name: "Jo Smith", role: .tutor)
let lead = Recorder(login: "akhan", name: "Asha Khan", role: .attendanceLead)
let nine = Date(timeIntervalSince1970: 1_756_890_000) // 2025-09-03T09:00:00Z
