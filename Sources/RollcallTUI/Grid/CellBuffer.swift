import RollcallCore

/// The screen as cells, drawn by a screen's render function and read by tests or copied
/// to the terminal, which sends only the cells that changed since the last frame.
public struct CellBuffer: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(_ size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width) * max(0, size.height))
    }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// Writes text from (x, y) in a role, never past `limit` cells or the right edge, and
    /// returns the cells used. A wide character that would not fit whole is left out,
    /// so a name never spills half a character into the next column. Control and
    /// override characters are shown as placeholders (`TerminalText`), never put in a
    /// cell for the terminal to obey.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole = .normal, limit: Int = .max) -> Int {
        guard y >= 0, y < size.height else { return 0 }
        var column = x
        let end = limit >= size.width ? size.width : min(size.width, x + max(0, limit))
        for character in TerminalText.visible(text) {
            let width = DisplayWidth.of(character)
            if width == 0 {
                if column > x, column - 1 < size.width { cells[y * size.width + column - 1].text.append(character) }
                continue
            }
            guard column + width <= end else { break }
            if column >= 0 {
                cells[y * size.width + column] = Cell(String(character), role)
                if width == 2 { cells[y * size.width + column + 1] = Cell("", role) }
            }
            column += width
        }
        return column - x
    }

    /// Paints a run of cells in a role without changing their text: highlights.
    public mutating func paint(x: Int, y: Int, width: Int, role: StyleRole) {
        guard y >= 0, y < size.height else { return }
        for column in max(0, x)..<min(size.width, x + width) { cells[y * size.width + column].role = role }
    }

    /// Fills a run with spaces in a role.
    public mutating func fill(x: Int, y: Int, width: Int, role: StyleRole) {
        guard y >= 0, y < size.height else { return }
        for column in max(0, x)..<min(size.width, x + width) { cells[y * size.width + column] = Cell(" ", role) }
    }

    /// A row as text, as a person would read it off the screen.
    public func row(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        return (0..<size.width).map { self[$0, y].text }.joined()
    }

    /// Every row, trailing spaces trimmed: for tests to compare with expected screens.
    public var lines: [String] {
        (0..<size.height).map { String(row($0).reversed().drop { $0 == " " }.reversed()) }
    }
}
