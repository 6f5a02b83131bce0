/// The keys of one screen or one mode of a screen: looked up when a key arrives, and
/// written out as the footer, a section of the `?` overlay and a table in the README.
public struct KeyTable<Action: Hashable & Sendable>: Hashable, Sendable {
    /// What the keys are for, as a heading: "In the register", "Choosing a code".
    public let title: String
    public let bindings: [KeyBinding<Action>]

    /// The footer: each binding with a short form, in the table's order. Worked out
    /// once, not on every frame.
    public let footer: String

    public init(_ title: String, _ bindings: [KeyBinding<Action>]) {
        self.title = title
        self.bindings = bindings
        footer = bindings.compactMap(\.footerEntry).joined(separator: "  ")
    }

    /// The action a key does here, if any.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The table without the bindings that write: what a read-only screen offers.
    public var readOnly: KeyTable {
        KeyTable(title, bindings.filter { !$0.writes })
    }

    /// The table with `action` described in a screen's own words ("open the pupil's
    /// history" where a list only knows "open the row").
    public func describing(_ action: Action, as help: String, hint: String?) -> KeyTable {
        KeyTable(title, bindings.map { $0.action == action ? $0.described(as: help, hint: hint) : $0 })
    }

    /// The table without `actions`, for a screen that takes those keys over.
    public func without(_ actions: [Action]) -> KeyTable {
        KeyTable(title, bindings.filter { !actions.contains($0.action) })
    }

    /// The short forms alone, for a prompt's reminder ("Enter marks L, Esc cancels"):
    /// of every binding, or of those doing `actions`.
    public func hints(_ actions: [Action]? = nil, separator: String = ", ") -> String {
        bindings.filter { actions?.contains($0.action) ?? true }.compactMap(\.footerEntry).joined(separator: separator)
    }

    /// The table as help shows it.
    public var section: KeySection {
        KeySection(title: title, rows: bindings.map { KeySection.Row(keys: $0.label, help: $0.help) })
    }
}

/// A key table with its actions forgotten: what the `?` overlay and the README show.
public struct KeySection: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public let keys: String
        public let help: String
    }

    public let title: String
    public let rows: [Row]
}
