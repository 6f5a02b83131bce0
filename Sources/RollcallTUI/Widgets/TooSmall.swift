/// What a screen shows instead of itself when the terminal cannot hold it.
public enum TooSmall {
    /// The notice in a buffer of `size`, or nil when `size` holds `needs` and `fits`
    /// (whatever else the screen needs room for): how every screen's render begins.
    public static func notice(_ size: Size, needs: Size, fits: Bool = true) -> CellBuffer? {
        guard size.width < needs.width || size.height < needs.height || !fits else { return nil }
        var buffer = CellBuffer(size)
        render(into: &buffer, needs: needs)
        return buffer
    }

    private static func render(into buffer: inout CellBuffer, needs: Size) {
        let text = "Terminal too small: \(needs.width)x\(needs.height) needed, this is \(buffer.size.width)x\(buffer.size.height)"
        var y = 0
        var rest = Substring(text)
        while !rest.isEmpty, y < buffer.size.height {
            let line = rest.prefix(max(1, buffer.size.width))
            buffer.put(String(line), x: 0, y: y, role: .warning)
            rest = rest.dropFirst(line.count)
            y += 1
        }
    }
}
