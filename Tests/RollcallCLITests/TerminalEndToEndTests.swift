import Foundation
import RollcallTestSupport
import Testing

/// The register screen in a real terminal (tmux), driven by keys as a tutor would.
@Suite("rollcall in a real terminal", .serialized)
struct TerminalEndToEndTests {
    func open(_ cli: CLI, _ arguments: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) async throws -> Tmux {
        try await Tmux([CLI.executable.path, "tui", "--time", "08:50"] + arguments,
                 environment: ["ROLLCALL_STORE": cli.store, "ROLLCALL_TODAY": "2025-09-08", "TERM": "xterm-256color", "NO_COLOR": ""]
                    .merging(environment) { $1 },
                 width: width, height: height)
    }

    @Test func aTutorMarksAFormAndLeavesAndTheMarksAreOnDisk() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let tmux = try await open(cli, ["--group", "7A", "--date", "2025-09-08", "--session", "AM"])
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("2 unmarked")
        #expect(screen.contains("Test Academy · 7A · Mon 8 Sep 2025 AM · closes 09:10"))
        #expect(screen.contains("2 unmarked of 2"))
        // Filed by surname: Kowalski, then O'Brien.
        let lines = screen.split(separator: "\n").map(String.init)
        #expect(lines[2].hasPrefix("Kowalski, Łukasz") && lines[3].hasPrefix("O'Brien, Siobhán"))
        try await tmux.type("/")
        // The count is drawn only once the mark is durable.
        try await tmux.waitFor("1 unmarked of 2")
        try await tmux.type("L")
        try await tmux.waitFor("late by how many minutes?")
        try await tmux.type("7")
        try await tmux.send("Enter")
        try await tmux.waitFor("0 unmarked")
        try await tmux.type("q")
        try await tmux.waitFor("[exited 0]")
        let export = try await cli.run(["export", "marks", "--from", "2025-09-08"], today: "2025-09-08").output
        #expect(export.contains("\(SmallSchool.lukasz),2025-09-08,AM,/,,\r\n"))
        #expect(export.contains("\(SmallSchool.siobhan),2025-09-08,AM,L,7,\r\n"))
    }

    @Test func aTerminalThatCannotDrawTheRegisterIsRefusedNotMarkedBlind() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let tmux = try await open(cli, ["--group", "7A", "--date", "2025-09-08", "--session", "AM"], environment: ["TERM": "dumb"])
        defer { tmux.kill() }
        try await tmux.type("//")
        let screen = try await tmux.waitFor("[exited 1]")
        #expect(screen.contains("cannot move the cursor"))
        #expect(!(try await cli.run(["export", "marks", "--from", "2025-09-08"], today: "2025-09-08").output.contains("2025-09-08")))
    }

    @Test func namesKeepTheirLettersUnderALocaleThatIsNotUTF8() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let tmux = try await open(cli, ["--group", "7A", "--date", "2025-09-08", "--session", "AM"], environment: ["LC_ALL": "C", "LANG": "C"])
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("2 unmarked")
        #expect(screen.contains("Kowalski, Łukasz"))
        #expect(screen.contains("O'Brien, Siobhán"))
        try await tmux.type("q")
        try await tmux.waitFor("[exited 0]")
    }

    @Test func changingAnEarlierMarkAsksForAReasonAndIsAudited() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let tmux = try await open(cli, ["--group", "7A", "--date", "2025-09-01", "--session", "AM"])
        defer { tmux.kill() }
        try await tmux.waitFor("Kowalski, Łukasz")
        try await tmux.type("I")
        try await tmux.waitFor("Why change Kowalski, Łukasz from N to I?")
        try await tmux.type("Mum phoned: flu")
        try await tmux.send("Enter")
        try await tmux.waitFor("/ present  Enter codes")
        try await tmux.type("q")
        try await tmux.waitFor("[exited 0]")
        let audit = try await cli.run(["audit", "--format", "json"]).output
        #expect(audit.contains("\"upn\": \"\(SmallSchool.lukasz)\", \"date\": \"2025-09-01\", \"session\": \"AM\", \"old_code\": \"N\", \"new_code\": \"I\", \"reason\": \"Mum phoned: flu\""))
    }

    @Test func killingTheTerminalMidRegisterLosesNoSavedMark() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let tmux = try await open(cli, ["--group", "7A", "--date", "2025-09-08", "--session", "AM"])
        try await tmux.waitFor("2 unmarked")
        try await tmux.type("M")
        try await tmux.waitFor("1 unmarked of 2")
        tmux.kill() // the SSH link drops: SIGHUP
        let export = try await cli.run(["export", "marks", "--from", "2025-09-08"], today: "2025-09-08").output
        #expect(export.contains("\(SmallSchool.lukasz),2025-09-08,AM,M,,\r\n"))
        #expect(try await cli.run(["check"]).status == 0)
    }

    @Test func theScreenFollowsAResizeAndSaysWhenItIsTooSmall() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let tmux = try await open(cli, ["--group", "7A", "--date", "2025-09-08", "--session", "AM"])
        defer { tmux.kill() }
        try await tmux.waitFor("2 unmarked")
        try await tmux.resize(width: 50, height: 20)
        try await tmux.waitFor("Terminal too small: 60x10 needed, this is 50x20")
        try await tmux.resize(width: 120, height: 30)
        // The footer is drawn last: once it shows, the whole frame is there.
        try await tmux.waitFor("/ present  Enter codes")
        let wide = try await tmux.waitFor("2 unmarked")
        let rows = wide.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(rows.count == 30)
        #expect(rows.last?.hasPrefix("/ present  Enter codes") == true)
        #expect(!wide.contains("too small"))
    }

    @Test func theListOfRegistersOpensOne() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let tmux = try await open(cli, [])
        defer { tmux.kill() }
        try await tmux.waitFor("registers for Mon 8 Sep 2025 AM")
        try await tmux.send("Down", "Enter")
        try await tmux.waitFor("Test Academy · 7B · Mon 8 Sep 2025 AM")
        try await tmux.type("?")
        try await tmux.waitFor("Keys in the register")
        try await tmux.type("x")
        try await tmux.send("Escape")
        try await tmux.waitFor("registers for Mon 8 Sep 2025 AM")
        try await tmux.type("q")
        try await tmux.waitFor("[exited 0]")
    }

    @Test func noColourMeansNoColourSequences() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let coloured = try await open(cli, ["--group", "7A"])
        defer { coloured.kill() }
        try await coloured.waitFor("2 unmarked")
        // A colour is an SGR parameter 30-38 or 40-48 (39 and 49 are "default").
        let colour = #/\x1B\[(?:[0-9]+;)*(?:3[0-8]|4[0-8])[;m]/#
        #expect(try await coloured.screen(escapes: true).contains(colour))
        let plain = try await open(cli, ["--group", "7A"], environment: ["NO_COLOR": "1"])
        defer { plain.kill() }
        try await plain.waitFor("2 unmarked")
        let escapes = try await plain.screen(escapes: true)
        #expect(!escapes.contains(colour))
        // Categories still show, by attributes: reverse for the header and cursor.
        #expect(escapes.contains(#/\x1B\[(?:[0-9]+;)*7[;m]/#))
    }

    /// The issue's own measure: open a demo register, mark the whole form, fix an
    /// earlier mark with a reason and leave, in under 30 keystrokes at 80x24.
    @Test func aTutorMarksAWholeDemoFormInUnderThirtyKeystrokes() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        // Thursday 20 November: the demo left forms ending in C without a morning register.
        let tmux = try await Tmux([CLI.executable.path, "demo"],
                            environment: ["ROLLCALL_STORE": cli.store, "ROLLCALL_TODAY": "2025-11-20", "ROLLCALL_TIME": "08:45",
                                          "TERM": "xterm-256color", "NO_COLOR": ""])
        defer { tmux.kill() }
        try await tmux.waitFor("registers for Thu 20 Nov 2025", seconds: 60)
        var keystrokes = 0
        func press(_ keys: String...) async throws {
            for key in keys { try await tmux.send(key) }
            keystrokes += keys.count
        }
        func type(_ text: String) async throws {
            try await tmux.type(text)
            keystrokes += text.count
        }
        try await type("/7C")
        try await press("Enter")
        let register = try await tmux.waitFor("7C · Thu 20 Nov 2025 AM")
        let unmarked = try #require(register.firstMatch(of: #/(\d+) unmarked/#).flatMap { Int($0.1) })
        #expect(unmarked >= 10)
        try await type("a")
        try await tmux.waitFor("0 unmarked of")
        // Wednesday afternoon, marked by the demo's tutor: changing it asks why.
        try await type("hI")
        try await tmux.waitFor("Why change")
        try await type("Dad phoned")
        try await press("Enter")
        try await tmux.waitFor("/ present  Enter codes")
        try await type("q")
        try await tmux.waitFor("[exited 0]")
        #expect(keystrokes < 30, "took \(keystrokes) keystrokes")
        let marks = try await cli.run(["export", "marks", "--from", "2025-11-20", "--format", "json"], today: "2025-11-20").output
        // 420 pupils in 15 forms of 28, three of them deleted this term (so 417 on roll);
        // the demo left the five C forms' morning registers untaken; with 7C done, the
        // other four still are, 4 x 28 pupils less the one deleted from 8C.
        #expect(marks.components(separatedBy: "\"session\": \"AM\"").count - 1 == 417 - (4 * 28 - 1))
        let audit = try await cli.run(["audit", "--format", "json"], today: "2025-11-20").output
        #expect(audit.contains("\"date\": \"2025-11-19\", \"session\": \"PM\"") && audit.contains("\"reason\": \"Dad phoned\""))
    }

    @Test func anEightColourTerminalGetsTheThemesEightColourFallback() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let tmux = try await open(cli, ["--group", "7A"], environment: ["TERM": "xterm"])
        defer { tmux.kill() }
        try await tmux.waitFor("2 unmarked")
        let escapes = try await tmux.screen(escapes: true)
        #expect(escapes.contains(#/\x1B\[(?:[0-9]+;)*(?:3[0-7]|4[0-7])[;m]/#))
        #expect(!escapes.contains("38;5;") && !escapes.contains("48;5;"))
    }

    /// Terminals newer than the server's terminfo (alacritty, kitty, foot) speak xterm:
    /// the register opens as xterm-256color and says so, instead of failing.
    @Test func aTerminalTypeTheServerDoesNotKnowIsDrawnAsXterm() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let tmux = try await open(cli, ["--group", "7A"], environment: ["TERM": "no-such-terminal"])
        defer { tmux.kill() }
        try await tmux.waitFor("The terminal type 'no-such-terminal' is not known here: drawn as xterm-256color")
        #expect(try await tmux.screen().contains("2 unmarked"))
        // The notice goes with the next key, as any message does.
        try await tmux.type("j")
        try await tmux.waitFor("/ present  Enter codes")
    }

    /// Run without a terminal (a pipe, or ssh without -t), the screens say what to use
    /// instead and end, rather than wait for keys that cannot come.
    @Test func withoutATerminalTheScreensSaySoAndEnd() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        try await SmallSchool.make(cli)
        let result = try await cli.run(["tui", "--group", "7A"], today: "2025-09-08", environment: ["TERM": "no-such-terminal"])
        #expect(result.status != 0)
        #expect(result.errors.contains("the screens need a terminal; from a script use 'rollcall mark'"))
    }
}
