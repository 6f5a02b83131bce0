import RollcallCore
import Foundation

/// Finds a CSV file's columns by name, whatever their order.
public struct CSVColumns: Sendable {
    private let indices: [String: Int]
    /// Columns the file has that Rollcall does not read: reported as warnings.
    public let ignored: [String]
    /// Required columns the file lacks: the import cannot go on.
    public let missing: [String]

    public init(header: [String], required: [String], optional: [String]) {
        var indices: [String: Int] = [:]
        for (index, name) in header.enumerated() where indices[name] == nil {
            indices[name] = index
        }
        self.indices = indices
        let known = Set(required + optional)
        ignored = header.filter { !known.contains($0) && !$0.isEmpty }
        missing = required.filter { indices[$0] == nil }
    }

    /// The columns of an import file, refusing it when a required one is missing and
    /// warning of each column that will be ignored.
    static func forImport(
        _ table: CSVTable, file: String, required: [String], optional: [String]
    ) throws(ImportFailure) -> (columns: CSVColumns, warnings: [ImportProblem]) {
        var seen: Set<String> = []
        let repeated = table.header.filter { !$0.isEmpty && !seen.insert($0).inserted }
        if !repeated.isEmpty {
            // Which of two columns was meant cannot be known: the first is not taken silently.
            throw ImportFailure(Array(Set(repeated)).sorted().map { ImportProblem(file: file, line: 1, "the column \(EntryLimits.quoted($0)) is given more than once") })
        }
        let columns = CSVColumns(header: table.header, required: required, optional: optional)
        if !columns.missing.isEmpty {
            throw ImportFailure(columns.missing.map { ImportProblem(file: file, line: 1, "the required column '\($0)' is missing") })
        }
        return (columns, columns.ignored.map { ImportProblem(file: file, line: 1, "the column '\($0)' is not used and was ignored") })
    }

    /// The field of a row in a column, trimmed; nil when the column is absent or the
    /// field blank.
    public func value(_ column: String, in row: CSVTable.Row) -> String? {
        value(at: index(of: column), in: row)
    }

    /// Where a column is, found once for a file rather than once a row: a year's marks
    /// are 750,000 rows of six columns.
    public func index(of column: String) -> Int? {
        indices[column]
    }

    /// The field of a row at a column's index, as `value(_:in:)` gives it: trimmed, and
    /// without the apostrophe Rollcall's own CSV puts before a would-be formula.
    public func value(at index: Int?, in row: CSVTable.Row) -> String? {
        guard let index, index < row.fields.count else { return nil }
        let text = SafeCSV.unguarded(CSVColumns.trimmed(row.fields[index]))
        return text.isEmpty ? nil : text
    }

    /// Spaces and tabs (any Unicode space) trimmed from both ends, as
    /// `trimmingCharacters(in: .whitespaces)` does, without its cost on the common
    /// field that has none: a year's marks are three million fields.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? scalar == " " || scalar == "\t" : scalar.properties.generalCategory == .spaceSeparator
        }
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return text }
        let start = scalars.firstIndex { !isSpace($0) } ?? scalars.endIndex
        guard start < scalars.endIndex, let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }
}
