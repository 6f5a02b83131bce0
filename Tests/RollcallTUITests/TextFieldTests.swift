import Testing
@testable import RollcallTUI

/// The one text field every screen types into: what it takes, what it refuses, and how
/// it draws where the text outgrows its room.
@Suite("A text field")
struct TextFieldTests {
    func typed(_ keys: [Key], into field: TextField = TextField()) -> TextField {
        var field = field
        for key in keys { field.handle(key) }
        return field
    }

    @Test func charactersGoInAtTheCursorAndTheCursorKeysMoveIt() {
        let field = typed("Mensh".map(Key.character) + [.left, .character("a"), .end, .character("!")])
        #expect(field.text == "Mensah!")
        #expect(field.cursor == 7)
        let home = typed([.home, .character("M"), .character("r"), .character(" ")], into: TextField("Mensah"))
        #expect(home.text == "Mr Mensah" && home.cursor == 3)
    }

    @Test func backspaceAndDeleteTakeTheCharacterBeforeAndAtTheCursor() {
        #expect(typed([.backspace], into: TextField("abc")).text == "ab")
        #expect(typed([.left, .left, .delete], into: TextField("abc")).text == "ac")
        #expect(typed([.home, .backspace], into: TextField("abc")).text == "abc")
        #expect(typed([.delete], into: TextField("abc")).text == "abc")
        // A letter with its accent is one character: one Backspace takes both.
        #expect(typed([.backspace], into: TextField("Zoe\u{0308}")).text == "Zo")
    }

    @Test func theFieldRefusesWhatWouldHideOrControlAndStopsAtItsLimit() {
        // An escape would drive the terminal; a zero-width space makes two names look alike.
        let field = typed([.character("A"), .character("\u{1B}"), .character("\u{200B}"), .character("\u{7}"), .character("y")])
        #expect(field.text == "Ay")
        let limited = typed("12345".map(Key.character), into: TextField(limit: 3))
        #expect(limited.text == "123")
        // The minutes late: digits only, and not the Arabic-Indic or full-width ones.
        let minutes = typed([.character("1"), .character("x"), .character("٣"), .character("５"), .character("2")],
                            into: TextField(limit: 3, accepts: .digits))
        #expect(minutes.text == "12")
    }

    @Test func keysThatAreNotEditsAreLeftToTheScreen() {
        var field = TextField("x")
        let taken = [Key.enter, .escape, .tab, .character("q")].map { field.handle($0) }
        #expect(taken == [false, false, false, true])
        #expect(field.text == "xq")
    }

    @Test func aLongTextScrollsSoTheCursorStaysOnScreen() {
        var buffer = CellBuffer(Size(width: 20, height: 1))
        let field = TextField("Ó Súilleabháin, Zoë Ngozi")
        field.drawPrompt("Find: ", into: &buffer, y: 0, role: .footer)
        // 14 cells of room after "Find: ": the last 13 characters and the cursor.
        #expect(buffer.lines[0] == "Find: in, Zoë Ngozi_")
        var start = CellBuffer(Size(width: 20, height: 1))
        typed([.home], into: field).drawPrompt("Find: ", into: &start, y: 0, role: .footer)
        #expect(start.lines[0] == "Find: Ó Súilleabháin")
        #expect(start[6, 0].role == .cursor)
    }

    @Test func theReminderFollowsTheText() {
        var buffer = CellBuffer(Size(width: 40, height: 1))
        TextField("7A").drawPrompt("Filter: ", reminder: "  (Enter keeps it)", into: &buffer, y: 0, role: .footer)
        #expect(buffer.lines[0] == "Filter: 7A_  (Enter keeps it)")
    }
}
