/// One line of a screen's key table: the keys that do an action and what it does. Key
/// handling and the `?` overlay both read the table, so help never drifts from behaviour.
public struct KeyBinding<Action: Hashable & Sendable>: Sendable {
    public let action: Action
    public let keys: [Key]
    public let help: String

    public init(_ action: Action, _ keys: [Key], _ help: String) {
        self.action = action
        self.keys = keys
        self.help = help
    }
}

extension Array {
    /// The action a key does in a key table, if any.
    public func action<Action>(for key: Key) -> Action? where Element == KeyBinding<Action> {
        first { $0.keys.contains(key) }?.action
    }
}
