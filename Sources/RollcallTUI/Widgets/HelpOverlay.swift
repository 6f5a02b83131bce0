/// The `?` overlay every screen shares: its key tables, section by section, in a box
/// that scrolls when they outgrow the terminal, so help always shows every key.
public struct HelpOverlay: Hashable, Sendable {
    public enum Command: Hashable, Sendable { case more, back, close }

    public static let keys = KeyTable<Command>("In this help", [
        KeyBinding(.more, [.down, .character("j"), .pageDown, .character(" ")], "show more, when the keys run past the box"),
        KeyBinding(.back, [.up, .character("k"), .pageUp], "back up"),
        KeyBinding(.close, typed: "any other key", "close the help"),
    ])

    public let title: String
    public let sections: [KeySection]
    /// Which lines are shown.
    public private(set) var viewport = Viewport()

    public init(_ title: String, _ sections: [KeySection]) {
        self.title = title
        self.sections = sections
    }

    /// The first section under the box's title, each other under its own heading.
    var lines: [(text: String, role: StyleRole)] {
        sections.enumerated().flatMap { index, section in
            (index == 0 ? [] : [("── \(section.title)", StyleRole.dim)])
                + section.rows.map { ($0.keys.padding(toLength: 15, withPad: " ", startingAt: 0) + $0.help, StyleRole.normal) }
        }
    }

    /// Lines the box has room for on a terminal of `size`.
    public static func room(_ size: Size) -> Int { max(1, size.height - 4) }

    /// Reacts to a key; returns false once the overlay is closed. Scrolling keys scroll
    /// only while there is more to see, so on a tall terminal any key closes it.
    public mutating func handle(_ key: Key, size: Size) -> Bool {
        if case .resize = key { return true }
        let room = HelpOverlay.room(size), count = lines.count
        switch HelpOverlay.keys.action(for: key) {
        case .more where viewport.hasMore(height: room, count: count):
            viewport.scroll(by: key == .pageDown || key == .character(" ") ? room : 1, height: room, count: count)
            return true
        case .back where viewport.top > 0:
            viewport.scroll(by: key == .pageUp ? -room : -1, height: room, count: count)
            return true
        default:
            return false
        }
    }

    public func draw(into buffer: inout CellBuffer) {
        let lines = lines, room = HelpOverlay.room(buffer.size)
        let shown = Array(lines.dropFirst(viewport.top))
        let more = viewport.hasMore(height: room, count: lines.count)
        let note = more ? "↓ more · any other key closes" : viewport.top > 0 ? "↑ back · any other key closes" : "any key closes this"
        Box.draw(title, lines: shown, into: &buffer, width: 72, note: note)
    }
}

extension Optional where Wrapped == HelpOverlay {
    /// Hands `key` to the overlay when one is open, closing it on a key it does not
    /// scroll with; true when it took the key, so the screen below does nothing with it.
    public mutating func take(_ key: Key, size: Size) -> Bool {
        guard var overlay = self else { return false }
        self = overlay.handle(key, size: size) ? overlay : nil
        return true
    }
}
