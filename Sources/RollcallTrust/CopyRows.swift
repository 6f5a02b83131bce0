import NIOCore
import PostgresNIO

/// Rows for COPY ... FROM STDIN in PostgreSQL's text format: a tab between fields, `\N`
/// for null, and a backslash, tab, newline or carriage return in a value escaped, so a
/// name with any character in it arrives as it is.
struct CopyRows: Sendable {
    private(set) var buffer = ByteBuffer()
    private(set) var count = 0

    mutating func append(_ fields: [String?]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
            guard let field else {
                buffer.writeString("\\N")
                continue
            }
            // Most values (codes, dates, UPNs) need no escape: written whole, not byte by byte.
            guard field.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
            else {
                buffer.writeString(field)
                continue
            }
            for byte in field.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeString("\\\\")
                case UInt8(ascii: "\t"): buffer.writeString("\\t")
                case UInt8(ascii: "\n"): buffer.writeString("\\n")
                case UInt8(ascii: "\r"): buffer.writeString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
        count += 1
    }

    /// Sends the rows into `table` (a temporary table the caller made).
    func copy(into table: String, columns: [String], on connection: PostgresConnection) async throws {
        try await connection.copyFrom(table: table, columns: columns, logger: TrustDatabase.logger) { writer in
            var rest = buffer
            // In slices, so that a year of marks does not wait in one message.
            while rest.readableBytes > 0 {
                let slice = rest.readSlice(length: min(rest.readableBytes, 1 << 20))!
                try await writer.write(slice)
            }
        }
    }
}
