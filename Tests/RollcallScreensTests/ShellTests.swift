import RollcallCore
import Testing
@testable import RollcallScreens
@testable import RollcallTUI

/// Whole sessions run in process: keys in, frames and effects out, as bubbletea's tests
/// drive a `Program`. The tmux tests stay as the end-to-end layer over ncurses.
@Suite("A session in the shell")
struct ShellTests {
    let monday = Session(day("2025-09-08"), .am)

    func run(_ keys: [Key?], from origin: SchoolScreen = .picker, services: RecordingServices = RecordingServices(),
             size: Size = Size(width: 80, height: 24)) throws -> ScriptedTerminal {
        let terminal = ScriptedTerminal(size: size, keys: keys)
        try Shell(terminal: terminal, services: services).run(from: origin)
        return terminal
    }

    @Test func aTutorOpensTheirFormMarksTwoPupilsAndLeaves() throws {
        let services = RecordingServices()
        // The picker starts on 7A (their own form) for Monday AM; Enter opens it; Amy is
        // already present, so the first / moves on; then O'Brien and Ó Súilleabháin.
        let terminal = try run([.enter, .character("/"), .character("/"), .character("N"), .escape, .character("q")], services: services)
        #expect(services.opened == [.picker, .register(group: "7A", session: monday)])
        #expect(services.saves.map { $0.changes.map(\.upn) } == [[Form7A.siobhan.upn], [Form7A.zoe.upn]])
        #expect(services.saves.map { $0.changes.map(\.mark) } == [[Mark(.presentAM)], [Mark(.reasonNotYetEstablished)]])
        #expect(services.saves.allSatisfy { $0.reason == nil && $0.changes.allSatisfy { $0.group == "7A" && $0.session == monday } })
        // The frame after the N: both marks in their cells, one pupil left unmarked.
        let marked = terminal.frames[4].lines
        #expect(marked[1].hasPrefix("1 unmarked of 4"))
        #expect(marked[3].hasPrefix("O'Brien, Shiv"))
        #expect(marked[3].contains("/  ·"))
        // Esc went back to the picker, drawn again; q ended the session.
        #expect(terminal.lastFrame.lines[0] == "Test Academy · registers for Mon 8 Sep 2025 AM")
        #expect(terminal.frames.count == 6)
    }

    @Test func aSaveThatFailsIsPutBackAndSaysWhy() throws {
        let services = RecordingServices()
        services.saveFailure = "the disk is full"
        let terminal = try run([.down, .character("/")], from: .register(group: "7A", session: monday), services: services)
        let lines = terminal.lastFrame.lines
        #expect(lines[23] == "Not saved: the disk is full")
        #expect(terminal.lastFrame[0, 23].role == .warning)
        #expect(lines[3].hasPrefix("O'Brien, Shiv"))
        #expect(!lines[3].contains("/"))
        #expect(lines[1].hasPrefix("3 unmarked of 4"))
    }

    @Test func everyPupilMarkedPresentIsOneWrite() throws {
        let services = RecordingServices()
        _ = try run([.character("a")], from: .register(group: "7A", session: monday), services: services)
        #expect(services.saves.count == 1)
        #expect(services.saves.first?.changes.map(\.upn) == [Form7A.siobhan.upn, Form7A.zoe.upn, Form7A.lukasz.upn])
    }

    @Test func aFailedExportLooksLikeAFailure() throws {
        let services = RecordingServices()
        services.taskFailure = "the working directory is read-only"
        let terminal = try run([.character("p"), .character("e")], from: .dashboard(.thisYear), services: services)
        #expect(terminal.lastFrame.lines[23] == "Not exported: the working directory is read-only")
        #expect(terminal.lastFrame[0, 23].role == .warning)
        // And one that works says where, in the footer's colours.
        let working = RecordingServices()
        let done = try run([.character("p"), .character("e")], from: .dashboard(.thisYear), services: working)
        #expect(done.lastFrame.lines[23] == "Done: exported")
        #expect(done.lastFrame[0, 23].role == .footer)
        guard let rows = working.exported.first else {
            Issue.record("nothing exported: \(working.performed)")
            return
        }
        #expect(rows.name == "persistent-absence" && rows.rows.count == 2)
    }

    @Test func loggingAFollowUpBuildsTheScreensBelowAgainAndSaysSo() throws {
        let services = RecordingServices()
        let keys: [Key?] = [.character("w"), .character("d")] + "Mum: dentist".map { Key.character($0) } + [.enter]
        let terminal = try run(keys, from: .dashboard(.thisWeek), services: services)
        guard case let .log(intervention) = services.performed.first else {
            Issue.record("nothing logged: \(services.performed)")
            return
        }
        #expect(intervention.kind == .firstDayCall && intervention.upn == Form7A.zoe.upn && intervention.note == "Mum: dentist")
        // The dashboard (with its period) and the follow-ups were built again from the records.
        #expect(services.opened == [.dashboard(.thisWeek), .dashboard(.thisWeek), .followUps])
        #expect(terminal.lastFrame.lines[0] == "Follow-ups · 7") // with 5 entries lacking regulation 8's items
        #expect(terminal.lastFrame.lines[23] == "Done: logged")
    }

    /// From the dashboard's roll, D on a pupil asks the ground, its fact, each condition
    /// and the reason, then asks the store to delete (whose checks may still refuse).
    @Test func deletingANameWalksThroughTheGroundsQuestions() throws {
        let services = RecordingServices()
        // The roll lists the five entries lacking items, by form then surname: 7A's O'Brien first.
        var keys: [Key?] = [.character("r"), .character("D")]
        keys += "a".map { Key.character($0) } + [.enter]
        keys += "Hollins Park Academy".map { Key.character($0) } + [.enter]
        keys += [.character("y"), .enter]
        keys += "Registered there from Monday".map { Key.character($0) } + [.enter]
        _ = try run(keys, from: .dashboard(.thisYear), services: services)
        guard case let .delete(deletion) = services.performed.first else {
            Issue.record("nothing deleted: \(services.performed)")
            return
        }
        #expect(deletion.upn == Form7A.siobhan.upn && deletion.ground == .a && deletion.date == DashboardSchool.today)
        #expect(deletion.otherSchool == "Hollins Park Academy" && deletion.confirmed == ["exceptions-do-not-apply"])
        #expect(deletion.reason == "Registered there from Monday")
        #expect(services.opened.last == .roll(.thisYear))
    }

    @Test func aConditionNotConfirmedDeletesNothing() throws {
        let services = RecordingServices()
        let keys: [Key?] = [.character("r"), .character("D"), .character("k"), .enter, .character("n"), .enter]
        let terminal = try run(keys, from: .dashboard(.thisYear), services: services)
        #expect(services.performed.isEmpty)
        #expect(terminal.lastFrame.lines[23].hasPrefix("Nothing deleted: ground (k) needs that confirmed"))
    }

    /// The dashboard's first frame draws the school's figures without waiting for its
    /// lists; the shell then has them worked out and draws their counts before it reads a
    /// key, so the first key already meets the lists.
    @Test func theDashboardsFiguresComeFirstAndItsListsCountsBeforeAnyKey() throws {
        let terminal = try run([.character("w")], from: .dashboard(.thisYear))
        #expect(terminal.frames.count == 3)
        let first = terminal.frames[0].lines, settled = terminal.frames[1].lines
        // Everything above the lists is the same in both frames: nothing moves.
        #expect(Array(first.prefix(12)) == Array(settled.prefix(12)))
        #expect(first[3] == "School  Attendance 87.5%  Absence 12.5%: authorised 1.0%, unauthorised 11.5%")
        #expect(Array(first[12...19]) == [
            "w  Follow-ups to act on                   …",
            "p  Persistent and severe absentees        2 (1 new this week)",
            "t  Penalty threshold reached              …",
            "c  Calls to make, unexplained AM          …",
            "n  N older than 5 school days             …",
            "m  Registers missing marks this week      …",
            "v  Leave to decide, granted, taken        …",
            "r  Roll this term: joined, deleted        …",
        ])
        #expect(terminal.frames[0][42, 12].role == .dim)
        #expect(settled[12] == "w  Follow-ups to act on                   7")
        #expect(settled[14] == "t  Penalty threshold reached              0 (1 close, 7-9)")
        #expect(settled[18] == "v  Leave to decide, granted, taken        0 to decide, 0 granted, 0 taken")
        #expect(terminal.lastFrame.lines[0] == "Follow-ups · 7")
    }

    @Test func aScreenThatCannotBeOpenedLeavesThePersonWhereTheyWere() throws {
        let services = RecordingServices()
        services.refusedOrigins = [.dashboard(.thisHalfTerm)]
        let terminal = try run([.character("d")], services: services)
        #expect(terminal.lastFrame.lines[0] == "Test Academy · registers for Mon 8 Sep 2025 AM")
        #expect(terminal.lastFrame.lines[23] == "this login may not see that")
        #expect(terminal.lastFrame[0, 23].role == .warning)
    }

    @Test func thePupilsHistoryOpensFromTheRegisterAndEscComesBack() throws {
        let services = RecordingServices()
        // Row 3 is Ó Súilleabháin once sorted; i opens her history.
        let terminal = try run([.down, .down, .character("i"), .escape], from: .register(group: "7A", session: monday), services: services)
        #expect(services.opened == [.register(group: "7A", session: monday), .pupil(Form7A.zoe.upn)])
        #expect(terminal.frames[3].lines[0].hasPrefix("Ó Súilleabháin, Zoë · \(Form7A.zoe.upn.text) · 7A"))
        #expect(terminal.lastFrame.lines[0].hasPrefix("Test Academy · 7A"))
    }

    @Test func aScreenUncoveredByEscIsLaidOutForTheTerminalAsItIsNow() throws {
        let wide = Size(width: 100, height: 30)
        let terminal = try run([.enter, .resize(wide), .escape], services: RecordingServices())
        #expect(terminal.lastFrame.size == wide)
        #expect(terminal.lastFrame.lines[29].hasPrefix("Enter open  ←→ session"))
    }

    @Test func leavingTheLastScreenOrAStopSignalEndsTheSession() throws {
        // Esc on the only screen: over, with nothing left to draw.
        #expect(try run([.escape, .character("/")], from: .register(group: "7A", session: monday)).frames.count == 1)
        // Timeouts draw nothing new (the dashboard's two frames are its first and the one
        // with its lists' counts); the end of the script is a dropped link.
        let idle = try run([nil, nil, nil], from: .dashboard(.thisYear))
        #expect(idle.frames.count == 2)
    }

    @Test func theFirstScreenThatCannotBeBuiltIsAnError() {
        let services = RecordingServices()
        services.refusedOrigins = [.dashboard(.thisHalfTerm)]
        #expect(throws: RecordingServices.Failure.self) { try run([], from: .dashboard(.thisHalfTerm), services: services) }
    }

    @Test func aSessionLeftWithoutAKeyWarnsAMinuteBeforeItClosesAndAKeyStartsTheWaitAgain() throws {
        // A read every 20 seconds; a two-minute limit warns at 60 seconds, closes at 120.
        let terminal = ScriptedTerminal(keys: [.down, nil, nil, nil, .down, nil, nil, nil, nil, nil, nil, nil, .character("q")])
        terminal.secondsPerRead = 20
        let ending = try Shell(terminal: terminal, services: RecordingServices(), idle: IdleLimit(minutes: 2) { terminal.clock })
            .run(from: SchoolScreen.register(group: "7A", session: monday))
        #expect(ending == .idle)
        let warnings = terminal.frames.filter { $0.lines[23] == "Closing in a minute without a key; everything saved is on disk" }
        #expect(warnings.count == 2) // once before the second down, once after it
        #expect(terminal.frames.last?[0, 23].role == .warning)
        // It closed at the sixth empty read after the second down, 120 seconds on: the q never came.
        // With a key before the limit, the session ends as the person leaves it.
        let quit = try Shell(terminal: ScriptedTerminal(keys: [.character("q")]), services: RecordingServices(),
                             idle: IdleLimit(minutes: 2) { 0 }).run(from: SchoolScreen.register(group: "7A", session: monday))
        #expect(quit == .left)
    }
}
