/// The rows a list shows, as its columns read, for the app to write out: the one task
/// the framework's own list asks for.
public struct CSVExport: ScreenTask, Hashable {
    /// A file-name stem such as `persistent-absence`.
    public let name: String
    public let columns: [String]
    public let rows: [[String]]

    public var failure: String { "Not exported" }
}
