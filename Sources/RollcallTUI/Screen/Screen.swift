/// A screen: a value changed only by `handle` and `receive` and drawn only by `render`,
/// so tests drive it without a terminal and the shell stacks any of them the same way,
/// Esc going back to the one before. The framework knows no screen by name: an app's
/// screens (a register, a dashboard, a list of schools) are all just screens here.
public protocol Screen: Sendable {
    /// Reacts to a key; returns what the shell must do. Never draws.
    mutating func handle(_ key: Key, in context: ScreenContext) -> [ScreenEffect]
    /// Draws the screen into a new buffer of its size. Pure.
    func render() -> CellBuffer
    /// Hears how a task the screen asked for went, so a failure looks like one.
    mutating func receive(_ outcome: Outcome)
    /// How to build this screen again once the records change, or nil for a screen that
    /// keeps what it showed.
    var origin: (any ScreenOrigin)? { get }
}

extension Screen {
    public var origin: (any ScreenOrigin)? { nil }
}
