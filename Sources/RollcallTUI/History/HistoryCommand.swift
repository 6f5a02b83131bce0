/// What a key does in a pupil's history.
public enum HistoryCommand: Hashable, Sendable {
    case up, down, pageUp, pageDown, top, bottom, help, back, quit

    public static let keys: [KeyBinding<HistoryCommand>] = [
        KeyBinding(.up, [.up, .character("k")], "scroll up"),
        KeyBinding(.down, [.down, .character("j")], "scroll down"),
        KeyBinding(.pageUp, [.pageUp], "a page up"),
        KeyBinding(.pageDown, [.pageDown, .character(" ")], "a page down"),
        KeyBinding(.top, [.home, .character("g")], "the top"),
        KeyBinding(.bottom, [.end, .character("G")], "the end: the amendments"),
        KeyBinding(.help, [.character("?")], "show these keys"),
        KeyBinding(.back, [.escape], "back"),
        KeyBinding(.quit, [.character("q"), .interrupt], "quit"),
    ]
}
