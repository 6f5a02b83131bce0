@testable import RollcallTrust
import Testing

/// Rows for COPY in PostgreSQL's text format: a value is sent as it is, whatever it holds.
@Suite("Rows for COPY")
struct CopyRowsTests {
    @Test func aValueWithTheFormatsOwnCharactersIsEscapedAndAPlainOneIsNot() {
        var rows = CopyRows()
        rows.append(["A123456789012", nil, "2025-11-17"])
        rows.append(["O'Brien\t\\N", "line one\nline two\r", "Zoë 🙂"])
        let text = String(decoding: rows.buffer.readableBytesView, as: UTF8.self)
        #expect(text == "A123456789012\t\\N\t2025-11-17\n" + "O'Brien\\t\\\\N\tline one\\nline two\\r\tZoë 🙂\n")
        #expect(rows.count == 2)
    }
}
