/// A column of a list: its title, how wide, and which side its values sit.
public struct TableColumn: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable { case left, right }

    public let title: String
    /// Cells used; the flexible column takes whatever the others leave.
    public let width: Int
    public let alignment: Alignment
    public let isFlexible: Bool
    /// Text longer than the column goes on to the row's next line rather than being cut:
    /// for a name that must be read whole, such as a school's.
    public let wraps: Bool

    public init(_ title: String, width: Int, _ alignment: Alignment = .left, flexible: Bool = false, wraps: Bool = false) {
        self.title = title
        self.width = width
        self.alignment = alignment
        isFlexible = flexible
        self.wraps = wraps
    }

    public static func number(_ title: String, width: Int? = nil) -> TableColumn {
        TableColumn(title, width: width ?? max(6, title.count), .right)
    }

    /// Each column's x and width across `width` cells: fixed columns as asked, the
    /// flexible one given the rest, one space between.
    public static func layout(_ columns: [TableColumn], width total: Int) -> [(x: Int, width: Int)] {
        let fixed = columns.filter { !$0.isFlexible }.reduce(0) { $0 + $1.width } + columns.count - 1
        var x = 0
        return columns.map { column in
            let width = column.isFlexible ? max(column.width, total - fixed) : column.width
            defer { x += width + 1 }
            return (x, width)
        }
    }

    /// Writes a cell's text in its place on a line, to the right when the column is.
    public func put(_ text: String, at place: (x: Int, width: Int), y: Int, role: StyleRole, into buffer: inout CellBuffer) {
        let width = DisplayWidth.of(text)
        let x = alignment == .right && width < place.width ? place.x + place.width - width : place.x
        buffer.put(text, x: x, y: y, role: role, limit: place.x + place.width - x)
    }
}
