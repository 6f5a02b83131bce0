import RollcallCore
@testable import RollcallTUI

extension Screen {
    /// A key at nine in the morning, for screens the clock does not change.
    mutating func handle(_ key: Key) -> [ScreenEffect] { handle(key, in: ScreenContext(minute: 9 * 60)) }
}

extension RegisterState {
    mutating func handle(_ key: Key, minute: Int) -> [ScreenEffect] { handle(key, in: ScreenContext(minute: minute)) }
}

/// An effect as a test compares it: a pushed screen by its title line.
enum Asked: Hashable {
    case push(String)
    case open(ScreenOrigin)
    case perform(ScreenTask)
    case refresh, back, quit
}

extension Array where Element == ScreenEffect {
    var asked: [Asked] {
        map { effect in
            switch effect {
            case let .push(screen): .push(screen.render().lines.first ?? "")
            case let .open(origin): .open(origin)
            case let .perform(task): .perform(task)
            case .refresh: .refresh
            case .back: .back
            case .quit: .quit
            }
        }
    }
}
