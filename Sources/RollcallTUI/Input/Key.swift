/// A key press or terminal event, independent of ncurses: what screens react to.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab
    case interrupt
    case resize(Size)
    /// A mouse click at a cell.
    case click(x: Int, y: Int)

    /// How the help overlay writes the key.
    public var label: String {
        switch self {
        case let .character(character): character == " " ? "Space" : String(character)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .tab: "Tab"
        case .interrupt: "Ctrl-C"
        case .resize: "resize"
        case .click: "click"
        }
    }
}
