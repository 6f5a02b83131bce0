import RollcallCore

/// A screen: a value changed only by `handle` and `receive` and drawn only by `render`,
/// so tests drive it without a terminal and the shell stacks any of them the same way,
/// Esc going back to the one before. The picker, the register, the dashboard, its lists
/// and a pupil's history are all screens.
public protocol Screen: Sendable {
    /// Reacts to a key; returns what the shell must do. Never draws.
    mutating func handle(_ key: Key, in context: ScreenContext) -> [ScreenEffect]
    /// Draws the screen into a new buffer of its size. Pure.
    func render() -> CellBuffer
    /// Hears how a task the screen asked for went, so a failure looks like one.
    mutating func receive(_ outcome: Outcome)
    /// How to build this screen again once the records change, or nil for a screen that
    /// keeps what it showed.
    var origin: ScreenOrigin? { get }
}

extension Screen {
    public var origin: ScreenOrigin? { nil }
}

/// before, put back if the save fails.
public struct MarkChange: Hashable, Sendable {
    public let upn: UPN
    public let group: String
    public let session: Session
    public let mark: Mark?
    public let previous: Mark?
    /// Why, for the audit: nil for a first mark.
    public let reason: String?
    /// The pupil's earlier forms, so a mark made there is changed where it stands.
    public let formerGroups: [String]

    public init(upn: UPN, group: String, session: Session, mark: Mark?, previous: Mark?, reason: String?, formerGroups: [String] = []) {
        self.upn = upn
        self.group = group
        self.session = session
        self.mark = mark
        self.previous = previous
        self.reason = reason
        self.formerGroups = formerGroups
    }
}
