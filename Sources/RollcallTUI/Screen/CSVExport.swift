/// The rows a list shows, as its columns read, for the program to write out.
public struct CSVExport: Hashable, Sendable {
    /// A file-name stem such as `persistent-absence`.
    public let name: String
    public let columns: [String]
    public let rows: [[String]]
}
