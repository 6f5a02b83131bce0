import RollcallCore
import Testing
@testable import RollcallTUI

/// What a key may not do in the register, whoever presses it.
@Suite("The register saves only what it shows and what can be known")
struct RegisterGuardsTests {
    func keys(_ state: inout RegisterState, _ keys: [Key]) -> [RegisterEffect] {
        keys.flatMap { state.handle($0, minute: 9 * 60) }
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
}
