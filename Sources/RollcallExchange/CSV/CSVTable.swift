import Foundation

/// A CSV file read into rows, each knowing the line it started on, so that every
/// problem can be reported as `FILE:LINE: what is wrong`.
///
/// Rollcall reads CSV itself rather than through CSV.swift because import errors must
/// name lines (CSV.swift does not track them) and a year of marks is 770,000 rows.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// The line of the file the row starts on, counting the header as line 1.
        public let line: Int
        public let fields: [String]
    }

    public let header: [String]
    public let rows: [Row]

    /// Reads RFC 4180 CSV: fields quoted with `"` may hold commas, quotes (doubled) and
    /// line breaks; lines end in LF or CRLF; a UTF-8 byte-order mark is skipped; blank
    /// lines are passed over.
    public init(bytes: [UInt8]) throws(CSVError) {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var records: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = start
        var quoted = false
        var fieldWasQuoted = false
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

        func endField() throws(CSVError) {
            guard let text = String(utf8Bytes: field) else { throw .notUTF8(line: line) }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == newline { line += 1 }
                    field.append(byte)
                }
            } else if byte == quote, field.isEmpty, !fieldWasQuoted {
                quoted = true
                fieldWasQuoted = true
            } else if byte == comma {
                try endField()
            } else if byte == newline || byte == cr {
                if byte == cr, index + 1 < bytes.count, bytes[index + 1] == newline { index += 1 }
                try endField()
                if !(fields.count == 1 && fields[0].isEmpty) {
                    records.append(Row(line: recordLine, fields: fields))
                }
                fields.removeAll(keepingCapacity: true)
                line += 1
                recordLine = line
            } else {
                field.append(byte)
            }
            index += 1
        }
        if quoted { throw .unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
            try endField()
            records.append(Row(line: recordLine, fields: fields))
        }
        guard let first = records.first else { throw .empty }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        rows = Array(records.dropFirst())
    }
}

/// Why a file is not CSV Rollcall can read.
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case notUTF8(line: Int)
    case unterminatedQuote(line: Int)

    public var line: Int? {
        switch self {
        case .empty: nil
        case let .notUTF8(line), let .unterminatedQuote(line): line
        }
    }

    public var description: String {
        switch self {
        case .empty: "the file is empty: it needs a header row"
        case .notUTF8: "the text is not UTF-8: save the file as 'CSV UTF-8'"
        case .unterminatedQuote: "a quoted field is never closed (a \" is missing)"
        }
    }
}
