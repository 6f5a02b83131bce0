/// The `?` overlay of a screen, written from its key table so it never drifts from what
/// the keys do.
enum HelpBox {
    static func draw<Action>(_ title: String, keys: [KeyBinding<Action>], extra: [(keys: String, help: String)] = [],
                             into buffer: inout CellBuffer) {
        var lines = keys.map { binding in
            (binding.keys.map(\.label).joined(separator: " ").padding(toLength: 15, withPad: " ", startingAt: 0) + binding.help,
             StyleRole.normal)
        }
        lines += extra.map { ($0.keys.padding(toLength: 15, withPad: " ", startingAt: 0) + $0.help, StyleRole.normal) }
        lines.append(("any key closes this", .dim))
        Box.draw(title, lines: lines, into: &buffer, width: 72)
    }
}
