import RollcallCore
import Testing
@testable import RollcallScreens
@testable import RollcallTUI

/// What a key may not do in the register, whoever presses it.
@Suite("The register saves only what it shows and what can be known")
struct RegisterGuardsTests {
    func keys(_ state: inout RegisterState, _ keys: [Key]) -> [Asked] {
        keys.flatMap { state.handle($0, minute: 9 * 60) }.asked
    }

    @Test func noKeyMarksAnyoneWhileTheTerminalIsTooSmallToShowTheRegister() {
        var state = Form7A.register(size: Size(width: 50, height: 8))
        #expect(state.render().row(0).hasPrefix("Terminal too small"))
        #expect(keys(&state, [.down, .character("/"), .character("N"), .character("a"), .character("L"), .character("9"), .enter]) == [])
        #expect(state.rows.allSatisfy { $0.markedHere.isEmpty })
        // Made big enough, the same keys mark again; and leaving works at any size.
        _ = keys(&state, [.resize(Size(width: 80, height: 24))])
        #expect(keys(&state, [.down, .character("N")]).count == 1)
        _ = keys(&state, [.resize(Size(width: 50, height: 8))])
        #expect(keys(&state, [.character("q")]) == [.quit])
    }

    @Test func aSessionNotYetHeldTakesOnlyACodeKnownInAdvance() {
        // Wednesday's register, opened on Monday.
        var state = Form7A.register(Session(day("2025-09-10"), .am), today: day("2025-09-08"))
        _ = keys(&state, [.down])
        #expect(keys(&state, [.character("/")]) == [])
        #expect(state.message == "2025-09-10 AM has not happened yet: only a code known in advance (leave, a planned activity, a Y code) can be entered")
        #expect(keys(&state, [.character("I")]) == [])
        #expect(keys(&state, [.character("a")]) == [])
        // A medical appointment and a planned visit are known in advance.
        #expect(keys(&state, [.character("M")]).count == 1)
        #expect(keys(&state, [.character("V")]).count == 1)
    }

    @Test func changingTheMinutesOfAnEarlierLateMarkAsksWhy() {
        // Łukasz was 10 minutes late last Tuesday; the office says 12.
        var state = Form7A.register(Session(day("2025-09-02"), .am))
        _ = keys(&state, [.end])
        #expect(state.rows[state.cursor].upn == Form7A.lukasz.upn)
        #expect(keys(&state, [.character("L"), .character("1"), .character("2"), .enter]) == [])
        guard case .reason = state.mode else {
            Issue.record("expected the register to ask for a reason, not \(state.mode)")
            return
        }
        let saved = keys(&state, Array("Office log".map { Key.character($0) }) + [.enter])
        #expect(saved == [.perform(.save(MarkChange(upn: Form7A.lukasz.upn, group: "7A", session: Session(day("2025-09-02"), .am),
                                                    mark: Mark(.late, minutesLate: 12), previous: Mark(.late, minutesLate: 10),
                                                    reason: "Office log")))])
    }

    @Test func aNameWithAnEscapeIsDrawnAsPlaceholdersNeverSentRaw() {
        var buffer = CellBuffer(Size(width: 30, height: 1))
        buffer.put("Kow\u{1B}[2J\u{202E}ski", x: 0, y: 0)
        #expect(buffer.row(0).hasPrefix("Kow␛[2J<U+202E>ski"))
        for x in 0..<30 { #expect(!buffer[x, 0].text.unicodeScalars.contains { TerminalText.needsPlaceholder($0) }) }
    }
}
