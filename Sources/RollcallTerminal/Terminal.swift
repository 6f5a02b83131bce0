import CNCurses
import Glibc
import RollcallTUI
import Synchronization

/// The signal that asked the program to stop (SIGHUP when an SSH link drops, SIGTERM,
/// SIGINT), 0 while none has. Handlers only set it; the loop notices it within one key
/// timeout and leaves tidily.
let pendingSignal = Atomic<Int32>(0)

/// The terminal, through ncursesw: start-up, keys in, the cell grid out.
public final class Terminal {
    private let screen: OpaquePointer
    private let palette: Palette
    private var shown: CellBuffer?
    private var stopped = false

    public private(set) var size: Size

    /// Takes over the terminal. A `TERM` ncurses does not know is an error here, not an
    /// exit inside curses, so the message can be printed plainly.
    public init(theme: Theme, colour: ColourChoice) throws(TerminalError) {
        setlocale(LC_ALL, "")
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard let screen = newterm(nil, rc_stdout(), rc_stdin()) else { throw .unknownTerminal(term) }
        self.screen = screen
        set_term(screen)
        cbreak()
        noecho()
        nonl()
        keypad(rc_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        // The cursor is hidden: not moving it back after each update saves bytes on a
        // slow link.
        leaveok(rc_stdscr(), true)
        mousemask(rc_button1_clicked(), nil)
        mouseinterval(0)
        let useColour = colour != .never && has_colors() && term != "dumb"
        if useColour {
            start_color()
            use_default_colors()
        }
        palette = Palette(theme: theme, colour: useColour, colours: Int(rc_colors()))
        size = Size(width: Int(rc_cols()), height: Int(rc_lines()))
        for signal in [SIGHUP, SIGTERM, SIGINT] {
            Glibc.signal(signal) { number in pendingSignal.store(number, ordering: .relaxed) }
        }
    }

    /// Copies the cells that differ from the last frame, then lets ncurses send the
    /// fewest bytes it can: no clearing per keystroke, which matters over slow SSH.
    public func draw(_ buffer: CellBuffer) {
        let window = rc_stdscr()
        if shown?.size != buffer.size {
            werase(window)
            shown = nil
        }
        for y in 0..<buffer.size.height {
            for x in 0..<buffer.size.width {
                let cell = buffer[x, y]
                if cell.isContinuation || shown?[x, y] == cell { continue }
                let (attributes, pair) = palette.attributes(for: cell.role)
                wattr_set(window, attributes, pair, nil)
                var characters = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
                mvwaddnwstr(window, Int32(y), Int32(x), &characters, Int32(characters.count - 1))
            }
        }
        shown = buffer
        wnoutrefresh(window)
        doupdate()
    }

    /// The next key, or nil if none came within `milliseconds`. A stop signal arrives as
    /// `.interrupt` (Ctrl-C) or ends input (`nil` with `stopRequested`).
    public func readKey(milliseconds: Int32) -> Key? {
        let window = rc_stdscr()
        wtimeout(window, milliseconds)
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if pendingSignal.load(ordering: .relaxed) == SIGINT {
            pendingSignal.store(0, ordering: .relaxed)
            return .interrupt
        }
        if result == ERR { return nil }
        if result == rc_key_code_yes() { return functionKey(Int32(character)) }
        switch character {
        case 10, 13: return .enter
        case 27: return .escape
        case 127, 8: return .backspace
        case 9: return .tab
        case 3: return .interrupt
        default:
            guard let scalar = Unicode.Scalar(UInt32(character)) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// SIGHUP or SIGTERM: the session is ending and the program should leave now.
    public var stopRequested: Bool {
        let signal = pendingSignal.load(ordering: .relaxed)
        return signal == SIGHUP || signal == SIGTERM
    }

    private func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case rc_key_resize():
            size = Size(width: Int(rc_cols()), height: Int(rc_lines()))
            return .resize(size)
        case rc_key_mouse():
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            return .click(x: Int(event.x), y: Int(event.y))
        default: return nil
        }
    }

    /// Gives the terminal back as it was. Safe to call more than once, and called on
    /// every way out.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        endwin()
        delscreen(screen)
    }

    deinit { stop() }
}

/// Whether colour may be used: `NO_COLOR` (any value) says never.
public enum ColourChoice: Sendable {
    case auto
    case never
}

public enum TerminalError: Error, CustomStringConvertible {
    case unknownTerminal(String)

    public var description: String {
        switch self {
        case let .unknownTerminal(term):
            "the terminal type '\(term)' is not one ncurses knows: set TERM (for example TERM=xterm-256color) and try again"
        }
    }
}
