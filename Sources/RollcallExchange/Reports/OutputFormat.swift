/// How a report is written: aligned for a terminal, CSV for a spreadsheet, JSON for a
/// script.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table
    case csv
    case json
}
