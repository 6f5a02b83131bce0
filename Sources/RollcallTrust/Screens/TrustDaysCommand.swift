import RollcallTUI

/// What a key does on the trust's days: move between schools and days, and open a day.
public enum TrustDaysCommand: Hashable, Sendable {
    case up, down, previousDay, nextDay, firstDay, lastDay, open, help, back, quit

    public static let keys = KeyTable<TrustDaysCommand>("On the trust's days", [
        KeyBinding(.up, [.up, .character("k")], "the row above"),
        KeyBinding(.down, [.down, .character("j")], "the row below"),
        KeyBinding(.previousDay, [.left, .character("h")], "the day before", hint: "day", hintKeys: "←→"),
        KeyBinding(.nextDay, [.right, .character("l")], "the day after"),
        KeyBinding(.firstDay, [.home, .character("g")], "the first day shown"),
        KeyBinding(.lastDay, [.end, .character("G")], "the last day shown"),
        KeyBinding(.open, [.enter], "that day at every school, against each one's usual", hint: "the day"),
        KeyBinding(.help, [.character("?")], "show these keys", hint: "help"),
        KeyBinding(.back, [.escape], "back to the schools", hint: "back"),
        KeyBinding(.quit, [.character("q"), .interrupt], "quit", hint: "quit"),
    ])
}
