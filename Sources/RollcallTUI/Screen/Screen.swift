import RollcallCore

/// A screen of the attendance lead's side (dashboard, lists, a pupil's history): a value
/// changed only by `handle` and drawn only by `render`, so tests drive it without a
/// terminal and the program stacks them, Esc going back to the one before.
public protocol Screen: Sendable {
    /// Reacts to a key; returns what the program must do. Never draws.
    mutating func handle(_ key: Key) -> [ScreenEffect]
    /// Draws the screen into a new buffer of its size. Pure.
    func render() -> CellBuffer
    /// Shows the outcome of something the program did for the screen (an export).
    mutating func show(_ message: String, isError: Bool)
}

/// What a screen asks the program to do.
public enum ScreenEffect: Sendable {
    /// Open another screen on top of this one.
    case push(any Screen)
    /// Open a pupil's history, which needs the audit trail from the store.
    case openPupil(UPN)
    /// Write rows to a CSV file, safe to open in a spreadsheet.
    case export(CSVExport)
    /// Change a pupil's marks, with the reason for the audit.
    case amend(upn: UPN, sessions: [Session], to: AttendanceCode, reason: String)
    /// Add an entry to the interventions log.
    case log(Intervention)
    case back
    case quit
}

/// The rows a list shows, as its columns read, for the program to write out.
public struct CSVExport: Hashable, Sendable {
    /// A file-name stem such as `persistent-absence`.
    public let name: String
    public let columns: [String]
    public let rows: [[String]]
}
