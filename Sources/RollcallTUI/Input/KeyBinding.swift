/// One line of a screen's key table: the keys that do an action, what it does (for the
/// `?` overlay and the README) and, when it earns a place there, a short form for the
/// footer. Key handling, the overlay, the footer and the README all read the table, so
/// none of them can drift from what the keys do.
public struct KeyBinding<Action: Hashable & Sendable>: Sendable {
    public let action: Action
    /// The keys looked up by `KeyTable.action(for:)`.
    public let keys: [Key]
    /// Keys matched by what they are rather than which they are ("A-Z", "0-9", "text"),
    /// as help writes them; the mode's handler recognises them.
    public let typed: String?
    /// What the action does, in full.
    public let help: String
    /// The footer's short form, nil to leave the action out of the footer.
    public let hint: String?
    /// How the footer writes the keys, when not the first key alone ("←→", "j/k").
    public let hintKeys: String?

    public init(_ action: Action, _ keys: [Key], _ help: String, hint: String? = nil, hintKeys: String? = nil) {
        self.action = action
        self.keys = keys
        typed = nil
        self.help = help
        self.hint = hint
        self.hintKeys = hintKeys
    }

    /// A binding for keys a handler recognises by kind, such as any capital letter.
    public init(_ action: Action, typed: String, _ help: String, hint: String? = nil) {
        self.action = action
        keys = []
        self.typed = typed
        self.help = help
        self.hint = hint
        hintKeys = nil
    }

    /// The keys as help writes them.
    public var label: String { typed ?? keys.map(\.label).joined(separator: " ") }

    /// The footer's entry: keys then the short form, such as `? help`.
    var footerEntry: String? {
        hint.map { "\(hintKeys ?? typed ?? keys.first?.label ?? "") \($0)" }
    }
}
