import Foundation
import RollcallCore

/// Small pieces of JSON text for the files Rollcall writes by hand: the marks files (one
/// register per line, so a year of a form stays compact and diffs stay readable) and the
/// audit log (whose exact bytes are hashed).
public enum JSONText {
    /// A JSON string literal: quotes, backslashes and control characters escaped, all
    /// other characters (accents, apostrophes) written as they are.
    public static func string(_ text: String) -> String {
        // Names, UPNs and codes seldom need escaping: a marks file writes 20,000 of them.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            // Control and override characters are escaped too, so a file or a report
            // shown in a terminal (`cat`, `less`) cannot be made to act on it.
            case _ where TerminalText.needsPlaceholder(scalar):
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// An instant as ISO 8601 in UTC, to the second: `2025-09-03T08:41:07Z`.
    public static func instant(_ date: Date) -> String {
        // Worked out by hand: Foundation's formatter costs more than the rest of a marks
        // file's 770 registers together.
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        let day = CalendarDate(dayNumber: Int32((seconds - secondOfDay) / 86_400))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day)T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    /// Reads what `instant` writes, `2025-09-03T08:41:07Z`, by hand for the same reason;
    /// any other ISO 8601 form (a fraction, an offset) goes to Foundation's parser.
    public static func instant(parsing text: String) -> Date? {
        instant(utf8: Array(text.utf8)[...]) ?? (try? Date.ISO8601FormatStyle().parse(text))
    }

    /// `2025-09-03T08:41:07Z` from its bytes, with no string made: nil for any other form.
    static func instant(utf8 bytes: ArraySlice<UInt8>) -> Date? {
        let base = bytes.startIndex
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[base + index] &- 48
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard bytes.count == 20, bytes[base + 10] == UInt8(ascii: "T"), bytes[base + 13] == UInt8(ascii: ":"),
              bytes[base + 16] == UInt8(ascii: ":"), bytes[base + 19] == UInt8(ascii: "Z"),
              let day = CalendarDate(utf8: bytes[base..<(base + 10)]),
              let hours = number(11..<13), let minutes = number(14..<16), let seconds = number(17..<19),
              hours < 24, minutes < 60, seconds < 60 else { return nil }
        return Date(timeIntervalSince1970: Double(Int(day.dayNumber) * 86_400 + hours * 3600 + minutes * 60 + seconds))
    }
}

extension JSONScanner {
    /// An instant as a string, read from its bytes when written as Rollcall writes it
    /// (`JSONText.instant`), else as the decoder's ISO 8601 reading of the string.
    mutating func instant() -> Date? {
        skipSpace()
        let start = position
        if let plain = plainString(), let instant = JSONText.instant(utf8: plain) { return instant }
        position = start
        return string().flatMap(JSONText.instant(parsing:))
    }
}

extension JSONText {
    /// The fields a log line ends with: when, who, and their name and role where known.
    static func stamp(by recorder: Recorder, at moment: Date) -> [String] {
        var fields = ["\"at\":\"\(instant(moment))\"", "\"by\":\(string(recorder.login))"]
        if let name = recorder.name { fields.append("\"name\":\(string(name))") }
        if let role = recorder.role { fields.append("\"role\":\"\(role.rawValue)\"") }
        return fields
    }
}
