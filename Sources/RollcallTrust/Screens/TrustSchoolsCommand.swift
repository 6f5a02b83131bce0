import RollcallTUI

/// What a key does on the trust's schools, beyond moving, sorting and filtering as in
/// any list: the period keys are the dashboard's, and Enter opens a school's dashboard.
public enum TrustSchoolsCommand: Hashable, Sendable {
    case previousPeriod, nextPeriod, open, days, help

    public static let keys = KeyTable<TrustSchoolsCommand>("On the trust's schools", [
        KeyBinding(.previousPeriod, [.left, .character("h")], "a shorter period", hint: "period", hintKeys: "←→"),
        KeyBinding(.nextPeriod, [.right, .character("l"), .tab], "a longer period"),
        KeyBinding(.open, [.enter], "the school's dashboard: its year groups, lists and pupils", hint: "school"),
        KeyBinding(.days, [.character("D")], "the schools day by day: a dip on the same day in several shows as a column", hint: "days"),
        KeyBinding(.help, [.character("?")], "show these keys", hint: "help"),
    ])

    /// The keys of any list that do the same here: not those the period and Enter take
    /// over, nor help, which the trust's own keys replace; read-only, so no export.
    static let listKeys = KeyTable<TableCommand>("In the list of schools", TableCommand.keys.readOnly.bindings.compactMap { binding in
        let taken = keys.bindings.flatMap(\.keys)
        let left = binding.keys.filter { !taken.contains($0) }
        guard !left.isEmpty, ![.open, .help].contains(binding.action) else { return nil }
        return KeyBinding(binding.action, left, binding.help, hint: binding.hint, hintKeys: binding.hintKeys)
    })

    /// The footer fits 80 columns: reversing a sort, the list's one key more, is in `?`.
    static let footer = keys.footer + "  " + listKeys.hints([.sortNext, .filter, .back, .quit], separator: "  ")

    /// The `?` overlay's sections, and the trust guide's key tables.
    public static let helpSections = [keys.section, listKeys.section, TableCommand.filterKeys.section]
}
