extension TableState {
    public mutating func handle(_ key: Key, in context: ScreenContext) -> [ScreenEffect] {
        if case let .resize(newSize) = key {
            size = newSize
            keepCursorVisible()
            return []
        }
        message = nil
        isError = false
        if help.take(key, size: size) { return [] }
        if isFiltering { return handleFiltering(key, in: context) }
        if case let .click(_, y) = key {
            if let row = shownRow(atLine: y - firstRowY) { cursor = row }
            return []
        }
        guard let command = keys.action(for: key) else { return [] }
        switch command {
        case .up: cursor = max(0, cursor - 1)
        case .down: cursor = min(max(0, order.count - 1), cursor + 1)
        case .pageUp: cursor = max(0, cursor - visibleRows)
        case .pageDown: cursor = min(max(0, order.count - 1), cursor + visibleRows)
        case .top: cursor = 0
        case .bottom: cursor = max(0, order.count - 1)
        case .sortNext: sort(by: sortColumn.map { ($0 + 1) % columns.count } ?? 0)
        case .sortPrevious: sort(by: sortColumn.map { ($0 + columns.count - 1) % columns.count } ?? columns.count - 1)
        case .reverse:
            if sortColumn == nil { sortColumn = 0 }
            descending.toggle()
            reorder()
        case .filter: isFiltering = true
        case .open:
            guard let screen = selected?.opens else { return [] }
            return [.open(screen)]
        case .export:
            return [.perform(CSVExport(name: exportName, columns: columns.map(\.title), rows: shown.map { $0.cells.map(\.text) }))]
        case .help: help = HelpOverlay(helpTitle, keySections)
        case .back:
            guard filter.isEmpty else {
                filter = TextField(limit: filter.limit)
                reorder()
                return []
            }
            return [.back]
        case .quit: return [.quit]
        }
        keepCursorVisible()
        return []
    }

    /// The shown row drawn at `line` of the list (0 its first), if any.
    private func shownRow(atLine line: Int) -> Int? {
        guard wraps else { return viewport.line(atRow: line, height: visibleRows, count: order.count) }
        guard line >= 0, line < visibleRows else { return nil }
        var y = 0
        for index in viewport.top..<order.count {
            y += height(ofShown: index)
            if line < y { return index }
        }
        return nil
    }

    /// Sorts by a column; numbers start with the largest, as a lead looks for the worst.
    private mutating func sort(by column: Int) {
        sortColumn = column
        descending = columns[column].alignment == .right
        reorder()
    }

    private mutating func handleFiltering(_ key: Key, in context: ScreenContext) -> [ScreenEffect] {
        switch TableCommand.filterKeys.action(for: key) {
        case .accept:
            isFiltering = false
        case .cancel:
            isFiltering = false
            filter = TextField(limit: filter.limit)
            reorder()
        case .quit:
            return [.quit]
        case .move:
            isFiltering = false
            return handle(key, in: context)
        default:
            let before = filter.text
            if filter.handle(key), filter.text != before { reorder() }
        }
        return []
    }
}
