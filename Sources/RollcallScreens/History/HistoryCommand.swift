import RollcallTUI
/// What a key does in a pupil's history.
public enum HistoryCommand: Hashable, Sendable {
    case up, down, pageUp, pageDown, top, bottom, help, back, quit

    public static let keys = KeyTable<HistoryCommand>("In a pupil's history", [
        KeyBinding(.up, [.up, .character("k")], "scroll up", hint: "scroll", hintKeys: "j/k"),
        KeyBinding(.down, [.down, .character("j")], "scroll down"),
        KeyBinding(.pageUp, [.pageUp], "a page up"),
        KeyBinding(.pageDown, [.pageDown, .character(" ")], "a page down", hint: "page", hintKeys: "Space"),
        KeyBinding(.top, [.home, .character("g")], "the top"),
        KeyBinding(.bottom, [.end, .character("G")], "the end: the amendments"),
        KeyBinding(.back, [.escape], "back", hint: "back"),
        KeyBinding(.help, [.character("?")], "show these keys", hint: "help"),
        KeyBinding(.quit, [.character("q"), .interrupt], "quit", hint: "quit"),
    ])
}
