import Foundation

/// Writes CSV (RFC 4180, CRLF line ends) that is safe to open in a spreadsheet.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be run
/// as a formula by Excel or LibreOffice (CSV injection), so it is written with a leading
/// apostrophe, which spreadsheets show as text. Numbers Rollcall writes itself (rates,
/// counts) are passed as `.number` and never altered.
public enum SafeCSV {
    public enum Cell: Sendable {
        case text(String)
        case number(String)
    }

    public static func line(_ cells: [Cell]) -> String {
        cells.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ cell: Cell) -> String {
        switch cell {
        case let .number(text):
            return text
        case var .text(text):
            if needsGuard(text) { text = "'" + text }
            let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
    }

    /// Whether a spreadsheet would run `text` as a formula once any apostrophes before it
    /// were taken off: such text gets one more apostrophe in front, so that `unguarded`
    /// can take exactly that one off again and an export imports back unchanged.
    static func needsGuard(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { $0 != "'" }) else { return false }
        return "=+-@\t\r".unicodeScalars.contains(first)
    }

    /// A field of a CSV file as the value it stands for: the apostrophe `field` put in
    /// front of a would-be formula taken off.
    public static func unguarded(_ field: String) -> String {
        guard field.utf8.first == UInt8(ascii: "'"), needsGuard(field) else { return field }
        return String(field.dropFirst())
    }
}
