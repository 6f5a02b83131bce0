import RollcallCore
import Testing
@testable import RollcallGate

/// What a staff key may run, decided in process from the words sshd passes on
/// (`SSH_ORIGINAL_COMMAND`) and the login's role: the same cases the spawned gate tests
/// once played one process each, as swift-argument-parser tests its parsing.
@Suite("The gate's policy")
struct GatePolicyTests {
    func refusal(_ command: String, role: StaffRole? = .attendanceLead) -> String? {
        do {
            try GatePolicy.check(try CommandWords.split(command), role: role)
            return nil
        } catch {
            return error.description
        }
    }

    @Test(arguments: [
        ("sh", "'sh' cannot be run here; the commands are admission, audit, check, export, import, intervention, keys, leave, letter, mark, offsite, report, tui"),
        ("sh -c 'cat /etc/passwd'", "'sh' cannot be run here"),
        ("/bin/sh", "'/bin/sh' cannot be run here"),
        ("report penalty --store /tmp/elsewhere", "--store cannot be given here: the store and the day are the server's"),
        ("report penalty --store=/tmp/elsewhere", "--store cannot be given here"),
        ("mark --today 2025-09-08 --date 2025-09-08 --session AM x=/", "--today cannot be given here"),
        ("import marks /etc/passwd", "import reads its file from standard input here"),
        ("import marks", "import reads its file from standard input here"),
        ("letter write first-concern --upn P207000016049 --to /tmp", "a letter comes to you on standard output here: --to names a folder on the server"),
        ("letter write first-concern --upn P207000016049 --to=/tmp", "a letter comes to you on standard output here"),
        ("report pack --out /tmp/pack.html", "the pack comes to you on standard output here: --out names a file on the server"),
        ("export ctf --upn P207000016049 --to unknown --out /var/www", "a CTF comes to you on standard output here: --out names a folder on the server"),
        ("letter templates", "only 'letter write' can be run here"),
        ("import ctf - --starting-day 2025-09-15 --forms /srv/rollcall/staff.json", "--forms names a file on the server"),
        ("import ctf - --starting-day 2025-09-15 --forms=/etc/passwd", "--forms names a file on the server"),
        ("keys add amy -", "only 'keys list' can be run here; an admin changes keys on the server"),
        ("check", "'check' is for an admin"),
        ("tui --trust", "--trust cannot be given here"),
        ("tui --database=postgres://x", "--trust cannot be given here"),
        ("init --school-name X", "'init' cannot be run here"),
        ("report 'penalty", "the command has an unclosed quote"),
        ("report penalty\\", "the command has an unclosed quote"),
    ])
    func whatIsNotOnTheListIsRefusedWithOneLine(command: String, says: String) throws {
        let said = try #require(refusal(command))
        #expect(said.hasPrefix(says), "\(said)")
        #expect(!said.contains("\n"))
    }

    @Test(arguments: [
        ("report penalty --format json", StaffRole.attendanceLead),
        ("report penalty; sh", .attendanceLead),
        ("", .tutor),
        ("mark --date 2025-09-12 --session AM P207000016049=/", .tutor),
        ("import pupils -", .office),
        ("letter write first-concern --upn P207000016049", .attendanceLead),
        ("letter write first-concern --upn P207000016049 --to -", .attendanceLead),
        ("report pack --out -", .attendanceLead),
        ("export ctf --upn P207000016049 --to 8881235 --out -", .office),
        ("import ctf - --starting-day 2025-09-15 --form 7C", .office),
        ("leave decide 3 --refuse --reason 'A holiday'", .attendanceLead),
        ("offsite list", .tutor),
        ("keys list", .tutor),
        ("check", .admin),
    ])
    func whatTheirWorkNeedsIsLetThrough(command: String, role: StaffRole) {
        #expect(refusal(command, role: role) == nil)
    }

    /// `report penalty; sh` is three words handed to Rollcall's own parser, never a second command.
    @Test func aShellsSyntaxIsOnlyWords() throws {
        #expect(try CommandWords.split("report penalty; sh") == ["report", "penalty;", "sh"])
        #expect(try CommandWords.split("intervention add meeting --note 'Met mum; agreed a plan' $HOME") ==
                ["intervention", "add", "meeting", "--note", "Met mum; agreed a plan", "$HOME"])
        #expect(try CommandWords.split("a \"b \\\" c\" d\\ e") == ["a", "b \" c", "d e"])
    }

    @Test func aLetterAndThePackAreWrittenToStandardOutput() {
        #expect(GatePolicy.adjusted(["letter", "write", "x", "--upn", "U"]) == ["letter", "write", "x", "--upn", "U", "--to", "-"])
        #expect(GatePolicy.adjusted(["report", "pack"]) == ["report", "pack", "--out", "-"])
        #expect(GatePolicy.adjusted(["report", "pack", "--out=-"]) == ["report", "pack", "--out=-"])
        #expect(GatePolicy.adjusted(["export", "ctf", "--upn", "U", "--to", "unknown"]) == ["export", "ctf", "--upn", "U", "--to", "unknown", "--out", "-"])
        #expect(GatePolicy.adjusted(["report", "penalty"]) == ["report", "penalty"])
    }

    @Test func whatIsLoggedOrEchoedIsCutTo200CharactersAndMadeVisible() {
        #expect(GatePolicy.echo(String(repeating: "x", count: 201)) == String(repeating: "x", count: 200) + "... (201 characters)")
        #expect(GatePolicy.echo(String(repeating: "x", count: 200)) == String(repeating: "x", count: 200))
        #expect(GatePolicy.echo("report\u{1B}[2J") == "report␛[2J")
    }
}
