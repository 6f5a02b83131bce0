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
    /// Does the work the screen left until after its first frame (the dashboard's lists),
    /// so that frame comes sooner. The shell calls it once a frame is drawn and before it
    /// reads the next key, so a key never meets a screen still waiting; true when there
    /// was work and the screen is to be drawn again.
    mutating func settle() -> Bool
}

extension Screen {
    public var origin: (any ScreenOrigin)? { nil }
    public mutating func settle() -> Bool { false }
}
