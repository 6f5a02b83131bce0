/// What a key does in a list.
public enum TableCommand: Hashable, Sendable {
    case up, down, pageUp, pageDown, top, bottom
    case open, sortNext, sortPrevious, reverse, filter, export, back, help, quit

    public static let keys = KeyTable<TableCommand>("In a list", [
        KeyBinding(.up, [.up, .character("k")], "previous row"),
        KeyBinding(.down, [.down, .character("j")], "next row"),
        KeyBinding(.pageUp, [.pageUp], "a page up"),
        KeyBinding(.pageDown, [.pageDown, .character(" ")], "a page down"),
        KeyBinding(.top, [.home, .character("g")], "first row"),
        KeyBinding(.bottom, [.end, .character("G")], "last row"),
        KeyBinding(.open, [.enter], "open the row", hint: "open"),
        KeyBinding(.sortNext, [.character("s"), .character(">"), .right], "sort by the next column", hint: "sort"),
        KeyBinding(.sortPrevious, [.character("<"), .left], "sort by the column before"),
        KeyBinding(.reverse, [.character("r")], "reverse the order", hint: "reverse"),
        KeyBinding(.filter, [.character("/")], "filter: type to keep matching rows", hint: "filter"),
        KeyBinding(.export, [.character("e")], "export the rows shown to CSV", hint: "export CSV", writes: true),
        KeyBinding(.back, [.escape], "clear the filter, or go back", hint: "back"),
        KeyBinding(.help, [.character("?")], "show these keys", hint: "help"),
        KeyBinding(.quit, [.character("q"), .interrupt], "quit", hint: "quit"),
    ])

    /// After `/`.
    public static let filterKeys = KeyTable<ModeCommand>("Filtering a list (/)", [
        KeyBinding(.type, typed: "text", "keep the rows that contain it, case and accents ignored"),
        .editing("the filter"),
        KeyBinding(.accept, [.enter], "stop typing and keep the filter", hint: "keeps it"),
        KeyBinding(.cancel, [.escape], "clear the filter", hint: "clears it"),
        KeyBinding(.move, [.up, .down, .pageUp, .pageDown], "stop typing and move"),
        KeyBinding(.quit, [.interrupt], "quit"),
    ])

}
