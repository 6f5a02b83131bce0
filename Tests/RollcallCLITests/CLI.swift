import Foundation
import RollcallTestSupport
import Testing

/// Runs the built `rollcall` binary against a store in a temporary directory, as a
/// script or a person at a terminal would.
struct CLI: Sendable {
    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }

    let directory: URL
    var store: String { directory.appendingPathComponent("store").path }

    /// A directory of its own under `parent` (the system's temporary folder, or a mount
    /// a test made).
    init(directory parent: URL = FileManager.default.temporaryDirectory) throws {
        directory = parent.appendingPathComponent("rollcall-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rollcall")
    }

    /// Writes a file in the test's directory and returns its path.
    @discardableResult
    func file(_ name: String, _ text: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Puts a staff list in the store as an admin's import would have, each member as
    /// (login, role, forms). The import itself keeps the importing login an admin, so a
    /// test that wants this login to be a tutor writes the list as another admin had.
    func staff(_ members: [(login: String, role: String, forms: [String])]) throws {
        let list = ["members": members.map { ["login": $0.login, "name": $0.login, "role": $0.role, "forms": $0.forms] as [String: Any] }]
        let path = store + "/staff.json"
        try JSONSerialization.data(withJSONObject: list).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    @discardableResult
    func run(_ arguments: [String], today: String = "2025-09-12", environment: [String: String] = [:]) async throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["ROLLCALL_STORE"] = store
        env["ROLLCALL_TODAY"] = today
        return try await CLI.execute(CLI.executable.path, arguments, environment: env.merging(environment) { $1 })
    }

    /// Runs any program to its end with `input` on its standard input (none: empty),
    /// awaited without holding a thread of the test pool (`ChildProcess`).
    static func execute(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, input: Data = Data()) async throws -> Result {
        let finished = try await ChildProcess.run(executable, arguments, environment: environment, input: input)
        return Result(status: finished.status, output: finished.output, errors: finished.errors)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A small school worked by hand: three pupils in Year 7, two weeks of term.
enum SmallSchool {
    static let siobhan = "B801200005001"
    static let lukasz = "P207000016049"
    static let tomas = "T938432125001"

    static let calendar = """
        {"academic_year": "2025-26",
         "terms": [{"name": "Autumn 1", "start": "2025-09-01", "end": "2025-10-24"},
                   {"name": "Autumn 2", "start": "2025-11-03", "end": "2025-12-19"}],
         "closures": [{"date": "2025-09-05", "sessions": "PM", "reason": "Early finish"}]}
        """

    static let pupils = """
        upn,surname,forename,date_of_birth,year_group,form,gender,sen,fsm,house
        \(siobhan),O'Brien,Siobhán,2014-03-02,7,7A,F,K,Y,Red
        \(lukasz),Kowalski,Łukasz,2013-11-20,7,7A,M,N,N,Blue
        \(tomas),Ó Súilleabháin,Tomás,2014-01-15,7,7B,M,,N,Red
        """

    /// Week one, Mon 1 to Fri 5 September (Friday afternoon closed): 9 sessions.
    /// Siobhán: ill Tuesday, late Wednesday morning: 7 attended of 9 (77.8%), 2 authorised.
    /// Łukasz: N, N on Monday, O on Tuesday morning: 6 of 9 (66.7%), 3 unauthorised.
    /// Tomás: present all week but dual registered Friday morning: 8 of 8 (100.0%).
    static var weekOne: String {
        var rows = ["upn,date,session,code,minutes_late"]
        for (date, parts) in [("2025-09-01", ["AM", "PM"]), ("2025-09-02", ["AM", "PM"]), ("2025-09-03", ["AM", "PM"]),
                              ("2025-09-04", ["AM", "PM"]), ("2025-09-05", ["AM"])] {
            for part in parts {
                let present = part == "AM" ? "/" : "\\"
                let siobhan = date == "2025-09-02" ? "I" : (date == "2025-09-03" && part == "AM" ? "L" : present)
                rows.append("\(Self.siobhan),\(date),\(part),\(siobhan),\(siobhan == "L" ? "12" : "")")
                let lukasz = date == "2025-09-01" ? "N" : (date == "2025-09-02" && part == "AM" ? "O" : present)
                rows.append("\(Self.lukasz),\(date),\(part),\(lukasz),")
                rows.append("\(Self.tomas),\(date),\(part),\(date == "2025-09-05" ? "D" : present),")
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// A store with the calendar, pupils and week one imported: made once per run by the
    /// commands themselves (`build`), and copied.
    static func make(_ cli: CLI) async throws {
        try await StoreTemplate.copy("small-school", into: cli, make: build)
    }

    static func build(_ cli: CLI) async throws {
        let steps = [
            ["init", "--school-name", "Test Academy"],
            ["import", "calendar", try cli.file("calendar.json", calendar)],
            ["import", "pupils", try cli.file("pupils.csv", pupils)],
            ["import", "marks", try cli.file("week1.csv", weekOne)],
        ]
        for step in steps {
            let result = try await cli.run(step)
            guard result.status == 0 else { throw SetUpFailure(step: step, errors: result.errors) }
        }
    }

    struct SetUpFailure: Error {
        let step: [String]
        let errors: String
    }
}

/// The rows of a `--format json` report.
func json(_ text: String) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
}
