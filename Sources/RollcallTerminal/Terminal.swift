import CNCurses
import Foundation
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
    /// Reads that came back empty at once rather than after their wait: input has ended
    /// (the other end of the terminal went away without a hang-up signal).
    private var emptyReads = 0
    /// Whether characters outside ASCII are spelled without their accents: only when no
    /// UTF-8 locale could be had.
    private let transliterates: Bool

    public private(set) var size: Size
    /// Something to tell the person once the first screen is up: that their terminal
    /// type was not known here and xterm's is used instead.
    public let notice: String?

    /// What a terminal whose type this server has no terminfo for (alacritty, kitty,
    /// foot, putty) is drawn as: they all speak xterm's language.
    static let fallbackType = "xterm-256color"

    /// Takes over the terminal. A `TERM` ncurses does not know falls back to
    /// `fallbackType`; with no terminfo for that either it is an error here, not an exit
    /// inside curses, so the message can be printed plainly.
    public init(theme: Theme, colour: ColourChoice) throws(TerminalError) {
        setlocale(LC_ALL, "")
        // Under a locale that is not UTF-8 (LANG=C over SSH is common) ncurses drops every
        // letter it cannot encode, and "Lefèvre" shows as "Lefvre": take the system's
        // UTF-8 locale for characters when there is one, else spell names in ASCII.
        if !Terminal.localeIsUTF8, setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "en_GB.UTF-8") }
        transliterates = !Terminal.localeIsUTF8
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        var opened = newterm(nil, rc_stdout(), rc_stdin())
        if opened == nil {
            setenv("TERM", Terminal.fallbackType, 1)
            opened = newterm(nil, rc_stdout(), rc_stdin())
        }
        guard let screen = opened else { throw .unknownTerminal(term) }
        notice = getenv("TERM").map { String(cString: $0) } == term ? nil
            : "The terminal type '\(term)' is not known here: drawn as \(Terminal.fallbackType)"
        set_term(screen)
        // A screen that cannot move its cursor cannot show a register: marking blind is refused.
        guard rc_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            throw .cannotDraw(term)
        }
        self.screen = screen
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
                let text = transliterates ? Terminal.ascii(cell.text) : cell.text
                var characters = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
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
        let asked = Date()
        let result = wget_wch(window, &character)
        if pendingSignal.load(ordering: .relaxed) == SIGINT {
            pendingSignal.store(0, ordering: .relaxed)
            return .interrupt
        }
        if result == ERR {
            emptyReads = Date().timeIntervalSince(asked) < Double(milliseconds) / 10_000 ? emptyReads + 1 : 0
            return nil
        }
        emptyReads = 0
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

    /// SIGHUP or SIGTERM, or input that has ended: the session is over and the program
    /// should leave now, not wait for keys that cannot come.
    public var stopRequested: Bool {
        let signal = pendingSignal.load(ordering: .relaxed)
        return signal == SIGHUP || signal == SIGTERM || emptyReads >= 50
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
        case KEY_DC: return .delete
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
    case cannotDraw(String)

    public var description: String {
        switch self {
        case let .unknownTerminal(term):
            "the terminal type '\(term)' is not one ncurses knows, nor is \(Terminal.fallbackType): install the terminfo database (ncurses-base) or set TERM and try again"
        case let .cannotDraw(term):
            "the terminal type '\(term)' cannot move the cursor, so the register cannot be shown and nothing can be marked in it; set TERM (for example TERM=xterm-256color), or use 'rollcall mark'"
        }
    }
}

extension Terminal {
    static var localeIsUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        return String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    }

    /// `text` with accents taken off and other letters outside ASCII shown as `?`, so a
    /// name stays recognisable on a terminal that cannot show them.
    static func ascii(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(folded.unicodeScalars.map { $0.isASCII ? Character($0) : "?" })
    }
}

extension Terminal: TerminalDevice {}
