/// What the shell needs of a terminal: its size, keys in, frames out. ncurses provides
/// it in RollcallTerminal; tests provide a scripted one, as ratatui's `TestBackend`
/// stands in for a real terminal.
public protocol TerminalDevice: AnyObject {
    var size: Size { get }
    /// A stop signal arrived (the SSH link dropped, SIGTERM): leave now.
    var stopRequested: Bool { get }
    func draw(_ buffer: CellBuffer)
    /// The next key, or nil if none came within `milliseconds`.
    func readKey(milliseconds: Int32) -> Key?
}
