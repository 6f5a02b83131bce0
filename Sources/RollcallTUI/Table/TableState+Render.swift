extension TableState {
    public static let minimumSize = Size(width: 40, height: 8)

    public func render() -> CellBuffer {
        if let notice = TooSmall.notice(size, needs: TableState.minimumSize) { return notice }
        var buffer = CellBuffer(size)
        buffer.fill(x: 0, y: 0, width: size.width, role: .header)
        // Pinned rows (a total) are not among those counted.
        let all = rows.count - pinned, shown = order.count - pinned
        let count = shown == all ? "\(all)" : "\(shown) of \(all)"
        buffer.put("\(title) · \(count)", x: 0, y: 0, role: .header)
        if let sortColumn {
            let sorted = "sorted by \(columns[sortColumn].title) \(descending ? "↓" : "↑")"
            buffer.put(sorted, x: size.width - DisplayWidth.of(sorted), y: 0, role: .header)
        }
        for (line, text) in noteLines.enumerated() { buffer.put(text, x: 0, y: 1 + line, role: .dim) }
        let layout = TableColumn.layout(columns, width: size.width)
        for (index, column) in columns.enumerated() {
            column.put(column.title, at: layout[index], y: firstRowY - 1, role: index == sortColumn ? .selection : .dim, into: &buffer)
        }
        var y = firstRowY
        for index in viewport.top..<order.count {
            let row = rows[order[index]], isCursor = index == cursor
            let lines = cellLines(ofShown: index, layout: layout)
            let height = lines.map(\.count).max() ?? 1
            guard y + height <= firstRowY + visibleRows || y == firstRowY else { break }
            for line in 0..<height where y + line < firstRowY + visibleRows {
                if isCursor { buffer.fill(x: 0, y: y + line, width: size.width, role: .cursor) }
                for (column, texts) in lines.enumerated() where texts.indices.contains(line) {
                    columns[column].put(texts[line], at: layout[column], y: y + line, role: isCursor ? .cursor : row.cells[column].role, into: &buffer)
                }
            }
            y += height
        }
        if order.count == pinned {
            buffer.put(rows.count == pinned ? "Nothing on this list." : "No row matches \"\(filter.text)\".", x: 0, y: firstRowY + pinned, role: .dim)
        }
        renderFooter(into: &buffer)
        help?.draw(into: &buffer)
        return buffer
    }

    private func renderFooter(into buffer: inout CellBuffer) {
        let y = size.height - 1
        if isFiltering {
            filter.drawPrompt("Filter: ", reminder: "  (\(TableCommand.filterKeys.hints()))", into: &buffer, y: y, role: .footer)
            return
        }
        let (text, role): (String, StyleRole)
        if let message {
            (text, role) = (message, isError ? .warning : .footer)
        } else {
            (text, role) = (filterNote + keys.footer, .footer)
        }
        buffer.fill(x: 0, y: y, width: size.width, role: role)
        buffer.put(text, x: 0, y: y, role: role)
    }

    /// The filter kept once typing stopped, as the footer says it.
    public var filterNote: String { filter.isEmpty ? "" : "filter \"\(filter.text)\" · " }
}
