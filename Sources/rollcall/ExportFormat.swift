import ArgumentParser
import RollcallExchange

/// What an export writes: a file another system or an import reads, so never the table
/// drawn for a person. The parser refuses `table` by itself, naming these two.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    case csv, json

    var output: OutputFormat { self == .csv ? .csv : .json }
}
