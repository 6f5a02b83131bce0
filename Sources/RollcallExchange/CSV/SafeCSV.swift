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
            if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
                text = "'" + text
            }
            let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
    }
}
