import Foundation
import Testing

/// `rollcall gate LOGIN`, as sshd runs it for a staff key: SSH_ORIGINAL_COMMAND is what
/// the member of staff typed after `ssh school`. (The same, through a real sshd, is
/// left to the end-to-end tests.)
@Suite("The gate: what a staff key may run")
struct CLIGateTests {
    let me = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
    /// The real clock on the Friday of the small school's first week, so that a tutor's
    /// "today" is a school day.
    let friday = ["ROLLCALL_TEST_NOW": "2025-09-12T08:30:00Z"]

    func school() async throws -> CLI {
        let cli = try CLI()
        try await SmallSchool.make(cli)
        try cli.staff([(me, "admin", []), ("amy", "tutor", ["7A"]), ("lead", "attendance_lead", []), ("olive", "office", [])])
        return cli
    }

    func gate(_ cli: CLI, _ login: String, _ command: String) async throws -> CLI.Result {
        try await cli.run(["gate", login], environment: friday.merging(["SSH_ORIGINAL_COMMAND": command]) { $1 })
    }

    @Test func aTutorMarksTheirOwnFormAsThemselves() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let marked = try await gate(cli, "amy", "mark --date 2025-09-12 --session AM \(SmallSchool.lukasz)=/")
        #expect(marked.status == 0, "\(marked.errors)")
        let file = try String(contentsOfFile: cli.store + "/marks/2025-26/7A.json", encoding: .utf8)
        #expect(file.contains("\"2025-09-12 AM\": {\"takenBy\": \"amy\""))
        // As amy, under amy's rules: not an earlier day, not another day by pretending.
        let earlier = try await gate(cli, "amy", "mark --date 2025-09-08 --session AM \(SmallSchool.lukasz)=I --reason 'Mum rang'")
        #expect(earlier.status != 0)
        #expect(earlier.errors.contains("'amy' can mark only today's registers, not 2025-09-08 AM"))
    }

    /// Leave is decided by the attendance lead or an admin: never a tutor, nor the office,
    /// who may log the parent's request. A tutor may list requests.
    @Test func onlyTheLeadOrAnAdminDecidesLeaveThroughTheGate() async throws {
        let cli = try await school()
        defer { cli.remove() }
        #expect(try await cli.run(["import", "contacts", try cli.file("contacts.csv", CLILeaveTests.contacts)]).status == 0)
        let request = "leave request --upn \(SmallSchool.siobhan) --kind exceptional --from 2025-10-06 --to 2025-10-08 "
            + "--applicant 'Jo O'\"'\"'Brien' --received 2025-09-10"
        let byTutor = try await gate(cli, "amy", request)
        #expect(byTutor.errors.contains("Logging a request for leave needs the attendance lead, office or an admin; 'amy' is a tutor"),
                "\(byTutor.errors)")
        #expect(try await gate(cli, "olive", request).status == 0)
        let tutor = try await gate(cli, "amy", "leave decide 1 --grant --reason 'Looks fine to me'")
        #expect(tutor.status != 0)
        #expect(tutor.errors.contains("Granting or refusing leave needs the attendance lead or an admin (the headteacher, or whom they name); "
                                      + "'amy' is a tutor"), "\(tutor.errors)")
        let office = try await gate(cli, "olive", "leave decide 1 --refuse --reason 'No'")
        #expect(office.errors.contains("'olive' is in the office"), "\(office.errors)")
        #expect(try await gate(cli, "amy", "offsite add --upn \(SmallSchool.tomas) --provider College --code B --from 2025-09-15 --to 2025-09-30")
            .errors.contains("Recording or ending an off-site placement needs the attendance lead, office or an admin; 'amy' is a tutor"))
        let listed = try await gate(cli, "amy", "leave list --format csv")
        #expect(listed.status == 0 && listed.output.contains(",exceptional,C,2025-10-06 AM,2025-10-08 PM,6,Jo O'Brien,2025-09-10,"), "\(listed.output)")
        // The lead decides at 09:30 on Friday 12 September, weeks before the leave begins.
        let lead = try await gate(cli, "lead", "leave decide 1 --grant --reason 'A funeral abroad'")
        #expect(lead.output == "Granted leave request 1: 6 sessions marked C, 2025-10-06 AM to 2025-10-08 PM.\n", "\(lead.errors)")
        let file = try String(contentsOfFile: cli.store + "/marks/2025-26/7A.json", encoding: .utf8)
        #expect(file.contains("\"2025-10-06 AM\": {\"takenBy\": \"lead\""))
    }

    @Test func aLeadsReportIsTheSameBytesAsRunOnTheServer() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let through = try await gate(cli, "lead", "report penalty --format json")
        #expect(through.status == 0, "\(through.errors)")
        #expect(await through.output == (try cli.run(["report", "penalty", "--format", "json"]).output))
    }

    /// The policy is tested in process (`GatePolicyTests`); these few play it end to end.
    @Test(arguments: [
        ("sh -c 'cat /etc/passwd'", "'sh' cannot be run here"),
        ("report penalty --store=/tmp/elsewhere", "--store cannot be given here"),
        ("report 'penalty", "unclosed quote"),
    ])
    func whatIsNotOnTheListIsRefusedWithOneLine(command: String, says: String) async throws {
        let cli = try await school()
        defer { cli.remove() }
        let result = try await gate(cli, "lead", command)
        #expect(result.status != 0)
        #expect(result.errors.contains(says), "\(result.errors)")
        #expect(result.errors.split(separator: "\n").count == 1 || command.contains(";"), "\(result.errors)")
    }

    /// Only the account that owns the store (the service account sshd runs the gate as)
    /// may act as another login: a member of staff with a shell cannot become the head.
    @Test(.enabled(if: getuid() == 0, "giving the store to another account needs root"))
    func theGateActsAsAnotherLoginOnlyForTheStoresOwner() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let nobody: uid_t = 65_534
        try #require(chown(cli.store, nobody, gid_t(nobody)) == 0)
        let result = try await gate(cli, "lead", "report summary")
        #expect(result.status != 0)
        #expect(result.errors.contains("'rollcall gate' runs only as the account that owns the store"))
        #expect(!FileManager.default.fileExists(atPath: cli.store + "/audit/access.jsonl"))
    }

    @Test func aLoginNoLongerOnTheStaffListIsRefused() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let result = try await gate(cli, "gone", "report summary")
        #expect(result.status != 0)
        #expect(result.errors.contains("'gone' is no longer on the school's staff list"))
    }

    @Test func aLetterComesBackOnStandardOutput() async throws {
        let cli = try await school()
        defer { cli.remove() }
        let result = try await gate(cli, "lead", "letter write first-concern --upn \(SmallSchool.lukasz)")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Test Academy"))
        let leftBehind = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.currentDirectoryPath)
        #expect(!leftBehind.contains { $0.hasPrefix("first-concern-\(SmallSchool.lukasz)") })
    }
}

@Suite("The access log")
struct CLIAccessLogTests {
    let me = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()

    @Test func everySessionHasAStartAndAnEndWithWhoFromWhereAndNoPupilData() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        try cli.staff([(me, "admin", []), ("lead", "attendance_lead", [])])
        // sshd's ExposeAuthInfo file names the key it let in.
        let auth = try cli.file("auth", "publickey " + CLIKeysTests.amy.split(separator: " ").prefix(2).joined(separator: " ") + "\n")
        let environment = ["SSH_CONNECTION": "192.0.2.7 50022 127.0.0.1 22", "SSH_USER_AUTH": auth]
        try await cli.run(["gate", "lead"], environment: environment.merging(["SSH_ORIGINAL_COMMAND": "audit --upn \(SmallSchool.lukasz)"]) { $1 })
        try await cli.run(["gate", "lead"], environment: environment.merging(["SSH_ORIGINAL_COMMAND": "sh -c id"]) { $1 })
        let log = try await cli.run(["audit", "--access", "--format", "json"])
        let events = try #require(try JSONSerialization.jsonObject(with: Data(log.output.utf8)) as? [[String: Any]])
        #expect(events.map { $0["event"] as? String } == ["start", "end", "start", "end"])
        #expect(events.allSatisfy { $0["login"] as? String == "lead" && $0["client"] as? String == "192.0.2.7 50022" })
        #expect(events.allSatisfy { $0["fingerprint"] as? String == CLIKeysTests.amyFingerprint })
        #expect(events.map { $0["command"] as? String } == ["audit", "audit", "sh", "sh"])
        #expect(events.map { $0["status"] as? String } == ["", "0", "", "1"])
        #expect(!log.output.contains(SmallSchool.lukasz))
        #expect(try await cli.run(["check"]).status == 0)
    }
}

@Suite("The idle limit")
struct CLIIdleLimitTests {
    @Test(arguments: ["0", "481", "-5"])
    func theIdleLimitIsFromOneTo480Minutes(minutes: String) async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let result = try await cli.run(["tui", "--idle-minutes", minutes])
        #expect(result.status != 0)
        #expect(result.errors.contains("is not from 1 to 480") || result.errors.contains("Missing value"), "\(result.errors)")
    }
}

/// The access log is the school's record of who reached it: bounded, and whole even when
/// a session is cut off.
@Suite("The gate's access log")
struct CLIGateAccessLogTests {
    let gates = CLIGateTests()

    func accessLog(_ cli: CLI) async throws -> [[String: Any]] {
        try await json(try cli.run(["audit", "--access", "--format", "json"]).output)
    }

    @Test func aCommandOf100KilobytesIsLoggedAndEchoedCutTo200Characters() async throws {
        let cli = try await gates.school()
        defer { cli.remove() }
        // As long as one argument may be (128 KiB): sshd passes what the client sends.
        let long = String(repeating: "x", count: 100_000)
        let refused = try await gates.gate(cli, "lead", long)
        #expect(refused.status != 0)
        #expect(refused.errors.contains("'\(String(repeating: "x", count: 200))... (100000 characters)' cannot be run here"))
        #expect(refused.errors.count < 1_000)
        let named = try await accessLog(cli).compactMap { $0["command"] as? String }
        #expect(named == [String(repeating: "x", count: 200) + "... (100000 characters)", String(repeating: "x", count: 200) + "... (100000 characters)"])
        let option = try await gates.gate(cli, "lead", "report penalty --store=" + String(repeating: "y", count: 5_000))
        #expect(option.errors.contains("--store cannot be given here"))
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aSessionCutOffBySignalStillWritesItsEndLine(signal: Int32) async throws {
        let cli = try await gates.school()
        defer { cli.remove() }
        // `import pupils -` waits for the file on standard input, which never comes.
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["gate", "lead"]
        var environment = ProcessInfo.processInfo.environment
        environment["ROLLCALL_STORE"] = cli.store
        environment["SSH_ORIGINAL_COMMAND"] = "import pupils -"
        process.environment = environment.merging(gates.friday) { $1 }
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let log = cli.store + "/audit/access.jsonl"
        for _ in 0..<200 where !((try? String(contentsOfFile: log, encoding: .utf8))?.contains("\"event\":\"start\"") ?? false) {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(200))
        kill(process.processIdentifier, signal)
        for _ in 0..<200 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning)
        let events = try await accessLog(cli)
        #expect(events.map { $0["event"] as? String } == ["start", "end"])
        #expect(events.last?["status"] as? String == "\(128 + signal)")
        #expect(events.last?["command"] as? String == "import pupils")
        try input.fileHandleForWriting.close()
    }
}
