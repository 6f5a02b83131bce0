import Testing
@testable import RollcallTUI

@Suite("The cell grid")
struct CellBufferTests {
    @Test func accentedNamesTakeOneCellPerLetter() {
        var buffer = CellBuffer(Size(width: 20, height: 1))
        #expect(buffer.put("Zoë Łukasz", x: 0, y: 0) == 10)
        #expect(buffer.row(0) == "Zoë Łukasz          ")
        #expect(buffer[2, 0].text == "ë")
    }

    @Test func aDecomposedAccentStaysWithItsLetter() {
        var buffer = CellBuffer(Size(width: 6, height: 1))
        #expect(buffer.put("Zoe\u{0308}!", x: 0, y: 0) == 4)
        #expect(buffer[2, 0].text == "e\u{0308}")
        #expect(buffer[3, 0].text == "!")
    }

    @Test func wideCharactersTakeTwoCellsAndAreNeverCutInHalf() {
        var buffer = CellBuffer(Size(width: 6, height: 1))
        #expect(buffer.put("李小龙", x: 0, y: 0, role: .present, limit: 5) == 4)
        #expect(buffer[0, 0].text == "李" && buffer[1, 0].isContinuation && buffer[2, 0].text == "小")
        #expect(buffer[4, 0] == .blank)
        #expect(buffer.lines == ["李小"])
        #expect(DisplayWidth.of("李小龙") == 6 && DisplayWidth.of("Siobhán") == 7 && DisplayWidth.of("🙂") == 2)
    }

    @Test func textIsClippedAtTheEdgeAndTheLimit() {
        var buffer = CellBuffer(Size(width: 8, height: 2))
        #expect(buffer.put("O'Brien, Siobhán", x: 2, y: 0, role: .cursor) == 6)
        #expect(buffer.row(0) == "  O'Brie")
        #expect(buffer[2, 0].role == .cursor && buffer[1, 0].role == .normal)
        #expect(buffer.put("abcdef", x: 0, y: 1, limit: 3) == 3)
        #expect(buffer.put("x", x: 0, y: 5) == 0)
        #expect(buffer.lines == ["  O'Brie", "abc"])
    }
}
