import Foundation

/// Small pieces of JSON text for the files Rollcall writes by hand: the marks files (one
/// register per line, so a year of a form stays compact and diffs stay readable) and the
/// audit log (whose exact bytes are hashed).
public enum JSONText {
    /// A JSON string literal: quotes, backslashes and control characters escaped, all
    /// other characters (accents, apostrophes) written as they are.
    public static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// An instant as ISO 8601 in UTC, to the second: `2025-09-03T08:41:07Z`.
    public static func instant(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    public static func instant(parsing text: String) -> Date? {
        try? Date.ISO8601FormatStyle().parse(text)
    }
}
