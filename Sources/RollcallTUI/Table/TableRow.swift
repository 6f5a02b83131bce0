import Foundation
import RollcallCore

/// One row of a list: its cells, and the screen Enter opens from it (a pupil's history).
public struct TableRow: Hashable, Sendable {
    public let cells: [TableCell]
    public let opens: (any ScreenOrigin)?
    /// The index of what the row shows in the screen's own list, for screens that act on it.
    public let tag: Int?
    /// Lower-case, accent-free text of every cell, so typing filters without work per key.
    let searchText: String

    public init(_ cells: [TableCell], opens: (any ScreenOrigin)? = nil, tag: Int? = nil) {
        self.cells = cells
        self.opens = opens
        self.tag = tag
        searchText = TableRow.folded(cells.map(\.text).joined(separator: " "))
    }

    public static func == (lhs: TableRow, rhs: TableRow) -> Bool {
        lhs.cells == rhs.cells && lhs.tag == rhs.tag && lhs.opens.map { AnyHashable($0) } == rhs.opens.map { AnyHashable($0) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(cells)
        hasher.combine(tag)
        hasher.combine(opens.map { AnyHashable($0) })
    }

    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

/// A cell as shown, with the value it sorts by: "9.5" sorts before "10.0".
public struct TableCell: Hashable, Sendable {
    public enum SortKey: Hashable, Sendable, Comparable {
        case number(Double)
        case text(String)
        /// No value: sorts after every value, whichever way the column is sorted.
        case none
    }

    public let text: String
    public let sortKey: SortKey
    public let role: StyleRole

    public init(_ text: String, sortKey: SortKey? = nil, role: StyleRole = .normal) {
        self.text = text
        self.sortKey = sortKey ?? .text(TableRow.folded(text))
        self.role = role
    }

    public static func number(_ value: Int, role: StyleRole = .normal) -> TableCell {
        TableCell(String(value), sortKey: .number(Double(value)), role: role)
    }

    /// A rate to one decimal place; `-` when there was nothing to divide by.
    public static func rate(_ rate: Percentage?, role: StyleRole = .normal) -> TableCell {
        guard let rate else { return TableCell("-", sortKey: TableCell.SortKey.none, role: role) }
        return TableCell(rate.description, sortKey: .number(rate.value), role: role)
    }
}
