/// One line of a screen's key table: the keys that do an action, what it does (for the
/// `?` overlay and the README) and, when it earns a place there, a short form for the
/// footer. Key handling, the overlay, the footer and the README all read the table, so
/// none of them can drift from what the keys do.
public struct KeyBinding<Action: Hashable & Sendable>: Hashable, Sendable {
    public let action: Action
    /// The keys looked up by `KeyTable.action(for:)`.
    public let keys: [Key]
    /// Keys matched by what they are rather than which they are ("A-Z", "0-9", "text"),
    /// as help writes them; the mode's handler recognises them.
    public let typed: String?
    /// What the action does, in full.
    public private(set) var help: String
    /// The footer's short form, nil to leave the action out of the footer.
    public private(set) var hint: String?
    /// How the footer writes the keys, when not the first key alone ("←→", "j/k").
    public let hintKeys: String?
    /// The action changes the records or writes a file: a read-only screen leaves it out,
    /// so it never offers a key it cannot honour.
    public let writes: Bool

    public init(_ action: Action, _ keys: [Key], _ help: String, hint: String? = nil, hintKeys: String? = nil, writes: Bool = false) {
        self.action = action
        self.keys = keys
        typed = nil
        self.help = help
        self.hint = hint
        self.hintKeys = hintKeys
        self.writes = writes
    }

    /// A binding for keys a handler recognises by kind, such as any capital letter.
    public init(_ action: Action, typed: String, _ help: String, hint: String? = nil, writes: Bool = false) {
        self.action = action
        keys = []
        self.typed = typed
        self.help = help
        self.hint = hint
        hintKeys = nil
        self.writes = writes
    }

    /// The same keys doing the same action, described in a screen's own words.
    public func described(as help: String, hint: String?) -> KeyBinding {
        var binding = self
        binding.help = help
        binding.hint = hint
        return binding
    }

    /// The keys as help writes them.
    public var label: String { typed ?? keys.map(\.label).joined(separator: " ") }

    /// The footer's entry: keys then the short form, such as `? help`.
    var footerEntry: String? {
        hint.map { "\(hintKeys ?? typed ?? keys.first?.label ?? "") \($0)" }
    }
}
