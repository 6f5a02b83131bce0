import Testing
import RollcallCore

@Suite("Text from bytes")
struct StringUTF8Tests {
    @Test func asciiAccentedAndBrokenBytes() {
        #expect(String(utf8Bytes: Array("B801200005001".utf8)) == "B801200005001")
        // Two bytes for ó and ł, four for the emoji: the validating path.
        #expect(String(utf8Bytes: Array("Ó Súilleabháin, Łukasz 😀".utf8)[...]) == "Ó Súilleabháin, Łukasz 😀")
        // A lone continuation byte, and a truncated two-byte sequence, are not UTF-8.
        #expect(String(utf8Bytes: [0x41, 0x80]) == nil)
        #expect(String(utf8Bytes: [0x41, 0xC3]) == nil)
    }
}
