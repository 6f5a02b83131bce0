/// What a key does in the register when it is not typing a code.
public enum RegisterCommand: Hashable, Sendable {
    case up, down, pageUp, pageDown, top, bottom
    case previousSession, nextSession
    case codePicker, markAllPresent, undo, find, history, help, back, quit

    /// Whether the command can change a mark (now or through the mode it opens): none
    /// may run while the register is not on screen.
    public var marks: Bool {
        switch self {
        case .codePicker, .markAllPresent, .undo: true
        default: false
        }
    }

    /// The register's key table. Upper-case letters, `/`, `\` and `.` are marks, so
    /// movement and commands use lower-case keys; `G` is a code here, so the bottom of
    /// the list is End.
    public static let keys: [KeyBinding<RegisterCommand>] = [
        KeyBinding(.up, [.up, .character("k")], "previous pupil"),
        KeyBinding(.down, [.down, .character("j")], "next pupil"),
        KeyBinding(.pageUp, [.pageUp], "a page up"),
        KeyBinding(.pageDown, [.pageDown], "a page down"),
        KeyBinding(.top, [.home, .character("g")], "first pupil"),
        KeyBinding(.bottom, [.end], "last pupil"),
        KeyBinding(.previousSession, [.left, .character("h")], "mark the session before"),
        KeyBinding(.nextSession, [.right, .character("l")], "mark the session after"),
        KeyBinding(.codePicker, [.enter], "choose a code from the list"),
        KeyBinding(.markAllPresent, [.character("a")], "mark every unmarked pupil present"),
        KeyBinding(.undo, [.character("u")], "undo the last change"),
        KeyBinding(.find, [.character("f")], "find a pupil by name"),
        KeyBinding(.history, [.character("i")], "the pupil's attendance history"),
        KeyBinding(.help, [.character("?")], "show these keys"),
        KeyBinding(.back, [.escape], "back to the list of registers"),
        KeyBinding(.quit, [.character("q"), .interrupt], "quit (every mark is already saved)"),
    ]

    /// The marking keys, for the help overlay: they are not commands but codes.
    public static let markingHelp: [(keys: String, help: String)] = [
        ("/ \\ .", "present"),
        ("L", "late: asks the minutes (U once the register has closed)"),
        ("A-Z", "that code, e.g. I illness, M medical, N not yet known"),
        ("C1 C2 J1 Y1-7", "two-character codes: type both keys"),
    ]
}
