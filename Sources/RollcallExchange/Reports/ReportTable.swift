import RollcallCore
import RollcallStore

/// Rows of typed values with named columns: every report and export is built as one,
/// then written in the format asked for, so the three formats always agree.
public struct ReportTable: Sendable {
    public enum Value: Sendable, Equatable {
        case text(String)
        case integer(Int)
        /// A percentage to one decimal place; nil when there was nothing to divide by.
        case rate(Percentage?)
        case boolean(Bool)
        case optionalText(String?)
        case optionalInteger(Int?)
        /// Several values: a JSON array, joined by "; " in CSV and a table.
        case list([String])
        /// Counts by name: a JSON object, `name count` joined by "; " in CSV and a table.
        case counts([Count])
    }

    public struct Count: Sendable, Equatable {
        public let name: String
        public let count: Int

        public init(_ name: String, _ count: Int) {
            self.name = name
            self.count = count
        }
    }

    public let columns: [String]
    public private(set) var rows: [[Value]] = []

    public init(columns: [String]) {
        self.columns = columns
    }

    public mutating func append(_ row: [Value]) {
        precondition(row.count == columns.count, "a row must have a value for every column")
        rows.append(row)
    }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: table()
        case .csv: csv()
        case .json: json()
        }
    }

    func csv() -> String {
        var text = SafeCSV.line(columns.map { .text($0) })
        for row in rows {
            text += SafeCSV.line(row.map { value in
                switch value {
                case let .text(text): .text(text)
                case let .optionalText(text): .text(text ?? "")
                case let .list(items): .text(items.joined(separator: "; "))
                case .counts: .text(plain(value))
                case .integer, .rate, .boolean, .optionalInteger: .number(plain(value))
                }
            })
        }
        return text
    }

    /// An array of objects, keys in column order.
    func json() -> String {
        if rows.isEmpty { return "[]\n" }
        let objects = rows.map { row in
            "  {" + zip(columns, row).map { "\(JSONText.string($0)): \(jsonValue($1))" }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// Columns padded to their widest cell, numbers to the right; for a terminal, so
    /// every cell's control and override characters are shown as placeholders.
    func table() -> String {
        // Each cell's length counted once: counting a string's characters walks it.
        let cells = rows.map { $0.map { value in
            let text = TerminalText.visible(plain(value))
            return (text: text, count: text.count)
        } }
        var widths = columns.map(\.count)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        let numeric = columns.indices.map { index in
            rows.allSatisfy { row in
                switch row[index] {
                case .integer, .rate, .optionalInteger: true
                default: false
                }
            }
        }
        // Padding stops at the last cell, not at the column's width: the last cell is not
        // padded after its text, and whatever whitespace still ends a line is trimmed.
        let spaces = String(repeating: " ", count: widths.max() ?? 0)
        func line(_ cells: [(text: String, count: Int)]) -> String {
            var line = ""
            for (index, cell) in cells.enumerated() {
                if index > 0 { line += "  " }
                let space = spaces.prefix(widths[index] - cell.count)
                if numeric[index] && !rows.isEmpty {
                    line += space
                    line += cell.text
                } else {
                    line += cell.text
                    if index < cells.count - 1 { line += space }
                }
            }
            while line.last?.isWhitespace == true { line.removeLast() }
            return line
        }
        return ([line(columns.map { ($0, $0.count) })] + cells.map(line)).joined(separator: "\n") + "\n"
    }

    func plain(_ value: Value) -> String {
        switch value {
        case let .text(text): text
        case let .optionalText(text): text ?? ""
        case let .integer(number): String(number)
        case let .optionalInteger(number): number.map(String.init) ?? ""
        case let .rate(rate): rate?.description ?? ""
        case let .boolean(flag): flag ? "true" : "false"
        case let .list(items): items.joined(separator: ", ")
        case let .counts(counts): counts.map { "\($0.name) \($0.count)" }.joined(separator: "; ")
        }
    }

    func jsonValue(_ value: Value) -> String {
        switch value {
        case let .text(text): JSONText.string(text)
        case let .optionalText(text): text.map(JSONText.string) ?? "null"
        case let .integer(number): String(number)
        case let .optionalInteger(number): number.map(String.init) ?? "null"
        case let .rate(rate): rate?.description ?? "null"
        case let .boolean(flag): flag ? "true" : "false"
        case let .list(items): "[" + items.map(JSONText.string).joined(separator: ", ") + "]"
        case let .counts(counts): "{" + counts.map { "\(JSONText.string($0.name)): \($0.count)" }.joined(separator: ", ") + "}"
        }
    }
}
