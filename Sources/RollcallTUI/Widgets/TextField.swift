import Foundation
import RollcallCore

/// One line of text being typed: a pupil's name to find, a filter, the minutes late, a
/// reason, a note. Every screen that asks for text edits it here, so each takes the
/// same keys and refuses the same things; after bubbles' `textinput`.
public struct TextField: Hashable, Sendable {
    /// What a field takes besides the editing keys.
    public enum Accepts: Hashable, Sendable {
        case text
        /// The minutes late: digits only.
        case digits
    }

    public private(set) var text: String
    /// Where the next character goes, in characters from the start.
    public private(set) var cursor: Int
    /// The most characters the field holds; a key past it does nothing.
    public let limit: Int
    public let accepts: Accepts

    public init(_ text: String = "", limit: Int = EntryLimits.longestText, accepts: Accepts = .text) {
        self.text = String(text.prefix(limit))
        self.limit = limit
        self.accepts = accepts
        cursor = self.text.count
    }

    /// The keys every field takes, for the help of a screen that asks for text.
    public static let keys = KeyTable<Edit>("Typing text", [
        KeyBinding(.insert, typed: "text", "type at the cursor"),
        KeyBinding(.deleteBackward, [.backspace], "delete the character before the cursor"),
        KeyBinding(.deleteForward, [.delete], "delete the character at the cursor"),
        KeyBinding(.left, [.left], "move the cursor left"),
        KeyBinding(.right, [.right], "move the cursor right"),
        KeyBinding(.start, [.home], "move to the start"),
        KeyBinding(.end, [.end], "move to the end"),
    ])

    public enum Edit: Hashable, Sendable { case insert, deleteBackward, deleteForward, left, right, start, end }

    /// The text with spaces at either end trimmed: what a screen acts on.
    public var trimmed: String { text.trimmingCharacters(in: .whitespaces) }

    public var isEmpty: Bool { text.isEmpty }

    /// Edits the text with `key`; false for a key that is not an editing key, which the
    /// screen then takes (Enter, Esc, Tab). A character the field refuses (a control or
    /// invisible character, a letter in a digits field, one past the limit) is taken and
    /// changes nothing, so it cannot reach the screen's own keys either.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        if case let .character(character) = key {
            insert(character)
            return true
        }
        guard let edit = TextField.keys.action(for: key) else { return false }
        switch edit {
        case .insert: break
        case .deleteBackward:
            guard cursor > 0 else { return true }
            cursor -= 1
            text.remove(at: index(cursor))
        case .deleteForward:
            if cursor < text.count { text.remove(at: index(cursor)) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .start: cursor = 0
        case .end: cursor = text.count
        }
        return true
    }

    /// Whether the field would take `character` where the cursor is.
    public func accepts(_ character: Character) -> Bool {
        guard text.count < limit,
              !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
              EntryLimits.invisibleScalar(in: String(character)) == nil
        else { return false }
        switch accepts {
        case .text: return true
        case .digits: return character.isASCII && character.isNumber
        }
    }

    private mutating func insert(_ character: Character) {
        guard accepts(character) else { return }
        text.insert(character, at: index(cursor))
        cursor += 1
    }

    private func index(_ offset: Int) -> String.Index { text.index(text.startIndex, offsetBy: offset) }

    /// Draws the field at (`x`, `y`) in `width` cells: the part around the cursor when
    /// the text is wider, and the cursor as an underline after the text or a highlighted
    /// cell within it.
    public func draw(into buffer: inout CellBuffer, x: Int, y: Int, width: Int, role: StyleRole) {
        guard width > 0 else { return }
        let characters = Array(text)
        // Scroll sideways so that the cursor and the cell after it fit.
        var start = 0
        while DisplayWidth.of(String(characters[start..<cursor])) + 1 > width, start < cursor { start += 1 }
        var shown = "", used = 0
        for character in characters[start...] {
            let cells = DisplayWidth.of(String(character))
            guard used + cells <= width else { break }
            shown.append(character)
            used += cells
        }
        buffer.put(shown, x: x, y: y, role: role)
        let cursorX = x + DisplayWidth.of(String(characters[start..<cursor]))
        if cursor == characters.count {
            buffer.put("_", x: cursorX, y: y, role: role)
        } else {
            buffer.put(String(characters[cursor]), x: cursorX, y: y, role: .cursor)
        }
    }

    /// The width the field takes drawn with nothing cut: its text and the cursor.
    public var width: Int { DisplayWidth.of(text) + (cursor == text.count ? 1 : 0) }

    /// Draws a prompt on line `y`: `question`, the field, then `reminder` (the keys that
    /// answer), the whole line in `role`. The field scrolls so the cursor stays on screen.
    public func drawPrompt(_ question: String, reminder: String = "", into buffer: inout CellBuffer, y: Int, role: StyleRole) {
        buffer.fill(x: 0, y: y, width: buffer.size.width, role: role)
        let x = buffer.put(question, x: 0, y: y, role: role)
        let room = max(1, buffer.size.width - x - DisplayWidth.of(reminder))
        draw(into: &buffer, x: x, y: y, width: room, role: role)
        buffer.put(reminder, x: x + min(room, width), y: y, role: role)
    }
}
