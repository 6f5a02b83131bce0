/// A bordered box drawn over a screen: the help overlay, the code picker.
public enum Box {
    /// Draws a box with a title, lines (as many as fit) and an optional note in its
    /// bottom border, centred.
    public static func draw(
        _ title: String, lines: [(text: String, role: StyleRole)], into buffer: inout CellBuffer, width wanted: Int,
        note: String? = nil
    ) {
        let width = min(buffer.size.width - 2, wanted)
        let height = min(buffer.size.height - 2, lines.count + 2)
        let x = (buffer.size.width - width) / 2, y = (buffer.size.height - height) / 2
        for row in 0..<height { buffer.fill(x: x, y: y + row, width: width, role: .normal) }
        buffer.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: y, role: .header)
        buffer.put(" \(title) ", x: x + 2, y: y, role: .header, limit: width - 4)
        for row in 1..<(height - 1) {
            buffer.put("│", x: x, y: y + row, role: .header)
            buffer.put("│", x: x + width - 1, y: y + row, role: .header)
            let line = lines[row - 1]
            buffer.fill(x: x + 1, y: y + row, width: width - 2, role: line.role)
            buffer.put(line.text, x: x + 2, y: y + row, role: line.role, limit: width - 4)
        }
        buffer.put("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: y + height - 1, role: .header)
        if let note { buffer.put(" \(note) ", x: x + 2, y: y + height - 1, role: .header, limit: width - 4) }
    }
}
