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

    /// The field of a row in a column, trimmed; nil when the column is absent or the
    /// field blank.
    public func value(_ column: String, in row: CSVTable.Row) -> String? {
        guard let index = indices[column], index < row.fields.count else { return nil }
        let text = row.fields[index].trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }
}
