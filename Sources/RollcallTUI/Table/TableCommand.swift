/// What a key does in a list.
public enum TableCommand: Hashable, Sendable {
    case up, down, pageUp, pageDown, top, bottom
    case sortNext, sortPrevious, reverse, filter, open, export, help, back, quit

    public static let keys: [KeyBinding<TableCommand>] = [
        KeyBinding(.up, [.up, .character("k")], "previous row"),
        KeyBinding(.down, [.down, .character("j")], "next row"),
        KeyBinding(.pageUp, [.pageUp], "a page up"),
        KeyBinding(.pageDown, [.pageDown, .character(" ")], "a page down"),
        KeyBinding(.top, [.home, .character("g")], "first row"),
        KeyBinding(.bottom, [.end, .character("G")], "last row"),
        KeyBinding(.sortNext, [.character("s"), .character(">"), .right], "sort by the next column"),
        KeyBinding(.sortPrevious, [.character("<"), .left], "sort by the column before"),
        KeyBinding(.reverse, [.character("r")], "reverse the order"),
        KeyBinding(.filter, [.character("/")], "filter: type to keep matching rows"),
        KeyBinding(.open, [.enter], "open the pupil's history"),
        KeyBinding(.export, [.character("e")], "export the rows shown to CSV"),
        KeyBinding(.help, [.character("?")], "show these keys"),
        KeyBinding(.back, [.escape], "clear the filter, or go back"),
        KeyBinding(.quit, [.character("q"), .interrupt], "quit"),
    ]
}
