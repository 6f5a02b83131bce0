import Testing
@testable import RollcallTUI

/// An app the framework has never heard of, built in this file alone: its own screens,
/// origins and task, run by the same shell. If this compiles and runs, a new screen needs
/// no change to the framework.
@Suite("Another app in the same shell")
struct AnotherAppTests {
    /// The app's screens, named in its own terms.
    enum Library: ScreenOrigin {
        case shelf(readOnly: Bool)
        case book(String)
    }

    /// The app's one task.
    struct Borrow: ScreenTask, Hashable {
        let title: String
        var failure: String { "Not borrowed" }
    }

    /// A page about one book: `b` borrows it.
    struct BookPage: Screen {
        let title: String
        var said = ""

        mutating func handle(_ key: Key, in context: ScreenContext) -> [ScreenEffect] {
            switch key {
            case .character("b"): [.perform(Borrow(title: title))]
            case .escape: [.back]
            default: []
            }
        }

        func render() -> CellBuffer {
            var buffer = CellBuffer(Size(width: 40, height: 3))
            buffer.put(title, x: 0, y: 0)
            buffer.put(said, x: 0, y: 2)
            return buffer
        }

        mutating func receive(_ outcome: Outcome) { said = outcome.message ?? "" }

        var origin: (any ScreenOrigin)? { Library.book(title) }
    }

    final class Librarian: ScreenServices {
        let minute = 600
        var borrowed: [String] = []
        var exported: [CSVExport] = []

        func open(_ origin: any ScreenOrigin, size: Size) throws -> any Screen {
            switch origin as? Library {
            case let .shelf(readOnly)?:
                let rows = ["Kes", "Holes"].map { TableRow([TableCell($0)], opens: Library.book($0)) }
                let keys = TableCommand.keys.describing(.open, as: "open the book", hint: "book")
                return TableState(title: "Shelf", note: "Books", columns: [TableColumn("Title", width: 20, flexible: true)], rows: rows,
                                  exportName: "shelf", size: size, keys: readOnly ? keys.readOnly : keys)
            case let .book(title)?: return BookPage(title: title)
            case nil: throw Refused()
            }
        }

        func perform(_ tasks: [any ScreenTask]) -> [Outcome] {
            tasks.map { task in
                switch task {
                case let borrow as Borrow:
                    borrowed.append(borrow.title)
                    return Outcome(borrow, message: "Borrowed \(borrow.title)", isError: false)
                case let rows as CSVExport:
                    exported.append(rows)
                    return Outcome(rows, message: "Exported \(rows.rows.count)", isError: false)
                default:
                    return Outcome(task, message: task.failure, isError: true)
                }
            }
        }

        struct Refused: Error {}
    }

    @Test func itsScreensOpenFromAListAndItsTaskComesBackToTheScreenThatAsked() throws {
        let librarian = Librarian()
        let terminal = ScriptedTerminal(size: Size(width: 90, height: 10), keys: [.down, .enter, .character("b"), .escape, .character("e")])
        try Shell(terminal: terminal, services: librarian).run(from: Library.shelf(readOnly: false))
        #expect(librarian.borrowed == ["Holes"])
        #expect(terminal.frames.contains { $0.lines[0].hasPrefix("Holes") && $0.lines[2].hasPrefix("Borrowed Holes") })
        #expect(librarian.exported.map(\.rows) == [[["Kes"], ["Holes"]]])
        #expect(terminal.lastFrame.lines[9].hasPrefix("Exported 2"))
        #expect(terminal.frames[0].lines[9] == "Enter book  s sort  r reverse  / filter  e export CSV  Esc back  ? help  q quit")
    }

    @Test func aReadOnlyListOffersNoKeyThatWritesAndItsKeyDoesNothing() throws {
        let librarian = Librarian()
        let terminal = ScriptedTerminal(size: Size(width: 90, height: 24), keys: [.character("e"), .character("?")])
        try Shell(terminal: terminal, services: librarian).run(from: Library.shelf(readOnly: true))
        #expect(librarian.exported.isEmpty)
        #expect(terminal.frames[0].lines[23] == "Enter book  s sort  r reverse  / filter  Esc back  ? help  q quit")
        let help = terminal.lastFrame.lines.joined(separator: "\n")
        #expect(help.contains("open the book") && !help.contains("export"))
    }
}
