import Testing
@testable import RollcallTUI

/// A list whose names go on to a second line rather than being cut.
@Suite("A list with a wrapping column")
struct TableWrapTests {
    static func table(height: Int = 9) -> TableState {
        let names = ["Northfield Primary", "The Blessed Sacrament Catholic Primary School", "Southgate School", "Eastbrook Academy"]
        return TableState(title: "Schools", note: "n", columns: [TableColumn("School", width: 10, flexible: true, wraps: true), .number("Pupils", width: 6)],
                          rows: names.enumerated().map { TableRow([TableCell($0.element), .number(100 * ($0.offset + 1))], tag: $0.offset) },
                          exportName: "schools", size: Size(width: 40, height: height))
    }

    @Test func aLongNameTakesTheLinesItNeedsAndTheRowAfterFollows() {
        // 40 cells: the name column has 33, the pupils 6, a space between.
        let lines = Self.table().render().lines
        #expect(lines[3] == "Northfield Primary                   100")
        #expect(lines[4] == "The Blessed Sacrament Catholic       200")
        #expect(lines[5] == "Primary School")
        #expect(lines[6] == "Southgate School                     300")
        #expect(lines[7] == "Eastbrook Academy                    400")
    }

    @Test func theCursorCoversEveryLineOfItsRowAndScrollsToShowItWhole() {
        var table = Self.table(height: 8)  // four lines of rows
        _ = table.handle(.down, in: ScreenContext(minute: 0))
        var buffer = table.render()
        #expect(buffer[0, 4].role == .cursor && buffer[0, 5].role == .cursor && buffer[0, 3].role != .cursor)
        _ = table.handle(.down, in: ScreenContext(minute: 0))
        _ = table.handle(.down, in: ScreenContext(minute: 0))
        // Eastbrook would be the fifth line: the list starts at the long name now.
        buffer = table.render()
        #expect(buffer.lines[3].hasPrefix("The Blessed Sacrament") && buffer.lines[5].hasPrefix("Southgate School"))
        #expect(buffer.lines[6].hasPrefix("Eastbrook Academy") && buffer[0, 6].role == .cursor)
        #expect(table.top == 1)
        // A click on a name's second line chooses its row.
        _ = table.handle(.click(x: 3, y: 4), in: ScreenContext(minute: 0))
        #expect(table.selected?.tag == 1)
    }
}
