import Foundation
import RollcallCore

/// A list of rows an attendance lead works through: sorted by any column, filtered by
/// typing, exported as shown. Sorting and filtering happen once per key that changes
/// them, and drawing touches only the rows on screen, so thousands of rows scroll
/// without delay.
public struct TableState: Screen, Hashable {
    public let title: String
    /// Why these rows are here: the rule that put them on the list.
    public let note: String
    public let columns: [TableColumn]
    public let rows: [TableRow]
    /// The file-name stem of an export.
    public let exportName: String
    /// Leading rows that stay first whatever the sort and filter: a total above its parts.
    public let pinned: Int
    /// The list's keys as this screen offers them: Enter described in its own words,
    /// export left out when it is read-only.
    public let keys: KeyTable<TableCommand>
    /// Indices into `rows` of what is shown, in the order shown.
    public private(set) var order: [Int]
    public var cursor = 0
    public internal(set) var viewport = Viewport()
    /// nil: the order the rows were given in.
    public var sortColumn: Int?
    public var descending = false
    public var filter = TextField(limit: EntryLimits.longestName)
    public internal(set) var isFiltering = false
    public var help: HelpOverlay?
    /// What the `?` overlay shows: a list's keys, and those of a screen built on it.
    let helpTitle: String
    let keySections: [KeySection]
    public internal(set) var message: String?
    public internal(set) var isError = false
    public internal(set) var size: Size

    public init(title: String, note: String, columns: [TableColumn], rows: [TableRow], exportName: String, size: Size,
                keys: KeyTable<TableCommand> = TableCommand.keys, help: (title: String, sections: [KeySection])? = nil, pinned: Int = 0) {
        self.title = title
        self.pinned = min(pinned, rows.count)
        self.keys = keys
        helpTitle = help?.title ?? "Keys in a list"
        keySections = help?.sections ?? [keys.section, TableCommand.filterKeys.section]
        self.note = note
        self.columns = columns
        self.rows = rows
        self.exportName = exportName
        self.size = size
        order = Array(rows.indices)
    }

    public var top: Int { viewport.top }

    public var isShowingHelp: Bool { help != nil }

    /// Opens the list already filtering, for a key that means "find" (`/`).
    public mutating func startFiltering() { isFiltering = true }

    /// The rows shown, in order.
    public var shown: [TableRow] { order.map { rows[$0] } }

    public var selected: TableRow? { order.indices.contains(cursor) ? rows[order[cursor]] : nil }

    /// The note as it fits the width: one line, or two on a narrow terminal.
    var noteLines: [String] { Array(Wrap.lines(note, width: size.width).prefix(2)) }

    /// The line of the first row: after the title, the note and the column titles.
    var firstRowY: Int { 2 + noteLines.count }

    /// Rows between the header lines and the footer.
    var visibleRows: Int { max(1, size.height - firstRowY - 1) }

    public mutating func receive(_ outcome: Outcome) {
        show(outcome.message, isError: outcome.isError)
    }

    /// Says something in the footer until the next key.
    public mutating func show(_ message: String?, isError: Bool) {
        self.message = message
        self.isError = isError
    }

    /// Works out `order` again after the filter or the sort changed.
    public mutating func reorder() {
        let needle = TableRow.folded(filter.text)
        let movable = pinned..<rows.count
        var kept = needle.isEmpty ? Array(movable) : movable.filter { rows[$0].searchText.contains(needle) }
        if let column = sortColumn {
            let descending = descending
            kept.sort { lhs, rhs in
                let left = rows[lhs].cells[column].sortKey, right = rows[rhs].cells[column].sortKey
                if left == right { return lhs < rhs }
                if left == .none || right == .none { return right == .none }
                return descending ? left > right : left < right
            }
        }
        order = Array(0..<pinned) + kept
        cursor = min(cursor, max(0, order.count - 1))
        // Typing to find a row lands on the first found, not on a total above it.
        if !needle.isEmpty, cursor < pinned, order.count > pinned { cursor = pinned }
        keepCursorVisible()
    }

    public mutating func keepCursorVisible() {
        guard wraps else {
            viewport.reveal(cursor, height: visibleRows, count: order.count)
            return
        }
        // Rows of differing heights: the least scroll that shows the cursor's row whole.
        var top = min(viewport.top, cursor)
        while top < cursor, (top...cursor).reduce(0, { $0 + height(ofShown: $1) }) > visibleRows { top += 1 }
        viewport.start(at: top)
    }

    /// Whether any column wraps, so that rows may take more than a line.
    var wraps: Bool { columns.contains(where: \.wraps) }

    /// Each column's text on a shown row, as lines: a wrapping column's broken to its width.
    func cellLines(ofShown index: Int, layout: [(x: Int, width: Int)]) -> [[String]] {
        let row = rows[order[index]]
        return columns.indices.map { column in
            columns[column].wraps ? Wrap.lines(row.cells[column].text, width: max(1, layout[column].width)) : [row.cells[column].text]
        }
    }

    /// Lines a shown row takes.
    func height(ofShown index: Int) -> Int {
        guard wraps else { return 1 }
        return max(1, cellLines(ofShown: index, layout: TableColumn.layout(columns, width: size.width)).map(\.count).max() ?? 1)
    }
}
