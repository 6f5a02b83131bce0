import RollcallTUI
/// What a key does in the register when it is not waiting for an answer.
public enum RegisterCommand: Hashable, Sendable {
    case present, late, code, twoCharacterCode
    case up, down, pageUp, pageDown, top, bottom
    case previousSession, nextSession
    case codePicker, markAllPresent, undo, find, history, help, back, quit

    /// Whether the command can change a mark (now or through the mode it opens): none
    /// may run while the register is not on screen.
    public var marks: Bool {
        switch self {
        case .present, .late, .code, .twoCharacterCode, .codePicker, .markAllPresent, .undo: true
        default: false
        }
    }

    /// The register's key table. Upper-case letters, `/`, `\` and `.` are marks, so
    /// movement and commands use lower-case keys; `G` is a code here, so the bottom of
    /// the list is End.
    public static let keys = KeyTable<RegisterCommand>("In the register", [
        KeyBinding(.present, [.character("/"), .character("\\"), .character(".")], "present", hint: "present"),
        KeyBinding(.late, [.character("L")], "late: asks the minutes (U after the register closes)"),
        KeyBinding(.code, typed: "A-Z", "that code, e.g. I illness, M medical, N not yet known"),
        KeyBinding(.twoCharacterCode, typed: "C1 C2 J1 Y1-7", "two-character codes: type both keys"),
        KeyBinding(.up, [.up, .character("k")], "previous pupil"),
        KeyBinding(.down, [.down, .character("j")], "next pupil"),
        KeyBinding(.pageUp, [.pageUp], "a page up"),
        KeyBinding(.pageDown, [.pageDown], "a page down"),
        KeyBinding(.top, [.home, .character("g")], "first pupil"),
        KeyBinding(.bottom, [.end], "last pupil"),
        KeyBinding(.previousSession, [.left, .character("h")], "mark the session before"),
        KeyBinding(.nextSession, [.right, .character("l")], "mark the session after"),
        KeyBinding(.codePicker, [.enter], "choose a code from the list", hint: "codes"),
        KeyBinding(.markAllPresent, [.character("a")], "mark every unmarked pupil present", hint: "all present"),
        KeyBinding(.undo, [.character("u")], "undo the last change", hint: "undo"),
        KeyBinding(.find, [.character("f")], "find a pupil by name", hint: "find"),
        KeyBinding(.history, [.character("i")], "the pupil's attendance history", hint: "history"),
        KeyBinding(.help, [.character("?")], "show these keys", hint: "help"),
        KeyBinding(.back, [.escape], "back to the list of registers"),
        KeyBinding(.quit, [.character("q"), .interrupt], "quit (every mark is already saved)", hint: "quit"),
    ])

    /// After `C`, `J` or `Y`.
    public static let pendingKeys = KeyTable<ModeCommand>("After C, J or Y", [
        KeyBinding(.type, typed: "1-7", "completes C1, C2, J1 or Y1-Y7"),
        KeyBinding(.accept, [.enter], "C alone (J and Y alone were withdrawn in 2024)"),
        KeyBinding(.cancel, [.escape], "mark nothing"),
    ])

    /// The list of every code, opened with Enter.
    public static let codeListKeys = KeyTable<ModeCommand>("Choosing a code (Enter)", [
        KeyBinding(.up, [.up, .character("k")], "the code above"),
        KeyBinding(.down, [.down, .character("j")], "the code below"),
        KeyBinding(.pageUp, [.pageUp], "ten codes up"),
        KeyBinding(.pageDown, [.pageDown], "ten codes down"),
        KeyBinding(.accept, [.enter], "mark the pupil with it", hint: "marks"),
        KeyBinding(.cancel, [.escape, .character("q")], "close the list", hint: "closes"),
    ])

    /// After `L`.
    public static let minutesKeys = KeyTable<ModeCommand>("Minutes late (L)", [
        KeyBinding(.type, typed: "0-9", "the minutes late, up to three digits"),
        .editing("the minutes"),
        KeyBinding(.keepLate, [.tab], "after the register has closed: keep L rather than U", hint: "keeps L"),
        KeyBinding(.accept, [.enter], "mark L (U once the register has closed)", hint: "marks L"),
        KeyBinding(.cancel, [.escape], "mark nothing", hint: "cancels"),
    ])

    /// When a change to a saved mark needs its reason.
    public static let reasonKeys = KeyTable<ModeCommand>("Why a saved mark changes", [
        KeyBinding(.type, typed: "text", "the reason, kept with the amendment"),
        .editing("the reason"),
        KeyBinding(.accept, [.enter], "save the change with its reason"),
        KeyBinding(.cancel, [.escape], "leave the mark as it was"),
    ])

    /// After `f`.
    public static let findKeys = KeyTable<ModeCommand>("Finding a pupil (f)", [
        KeyBinding(.type, typed: "text", "jump to the first pupil whose name contains it"),
        .editing("the name"),
        KeyBinding(.accept, [.enter, .escape], "stop finding", hint: "to stop", hintKeys: "Enter or Esc"),
    ])

    /// Every key of the register, as the `?` overlay and the README show them.
    public static let keySections = [keys.section, pendingKeys.section, codeListKeys.section, minutesKeys.section,
                              reasonKeys.section, findKeys.section]
}
