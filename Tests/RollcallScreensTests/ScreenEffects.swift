import RollcallCore
@testable import RollcallScreens
@testable import RollcallTUI

extension Screen {
    /// A key at nine in the morning, for screens the clock does not change.
    mutating func handle(_ key: Key) -> [ScreenEffect] { handle(key, in: ScreenContext(minute: 9 * 60)) }
}

extension RegisterState {
    mutating func handle(_ key: Key, minute: Int) -> [ScreenEffect] { handle(key, in: ScreenContext(minute: minute)) }
}

/// An effect as a test compares it, in the school's own terms: a pushed screen by its
/// title line, an origin and a task as the school's.
enum Asked: Hashable {
    case push(String)
    case open(SchoolScreen)
    case perform(SchoolTask)
    case export(CSVExport)
    /// Anything not the school's: a test that meets one fails on it.
    case foreign(String)
    case refresh, back, quit
}

extension ScreenEffect {
    var asked: Asked {
        switch self {
        case let .push(screen): .push(screen.render().lines.first ?? "")
        case let .open(origin): (origin as? SchoolScreen).map(Asked.open) ?? .foreign("\(origin)")
        case let .perform(task as SchoolTask): .perform(task)
        case let .perform(rows as CSVExport): .export(rows)
        case let .perform(task): .foreign("\(task)")
        case .refresh: .refresh
        case .back: .back
        case .quit: .quit
        }
    }
}

extension Array where Element == ScreenEffect {
    var asked: [Asked] { map(\.asked) }
}
