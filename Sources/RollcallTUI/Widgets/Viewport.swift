/// Which lines of something taller than the screen are on it: a register's pupils, a
/// list's rows, a history, the help. Every screen that scrolls keeps one, so each
/// clamps the same way and none can scroll past its end; after bubbles' `viewport`.
public struct Viewport: Hashable, Sendable {
    /// The first line shown.
    public private(set) var top = 0

    public init() {}

    /// The top that shows the last full page of `count` lines, `height` at a time.
    public static func lastTop(height: Int, count: Int) -> Int { max(0, count - height) }

    /// Scrolls the least that puts `line` on screen, never past the last full page.
    public mutating func reveal(_ line: Int, height: Int, count: Int) {
        if line < top { top = line }
        if line >= top + height { top = line - height + 1 }
        clamp(height: height, count: count)
    }

    /// Puts `line` in the middle of the screen where the lines allow: a list that opens
    /// on its chosen entry (the codes) shows what is around it.
    public mutating func centre(_ line: Int, height: Int, count: Int) {
        top = line - height / 2
        clamp(height: height, count: count)
    }

    /// Scrolls by `lines` (up when negative), within what there is to see.
    public mutating func scroll(by lines: Int, height: Int, count: Int) {
        top += lines
        clamp(height: height, count: count)
    }

    /// Shows the first line (`toEnd` false) or the last full page.
    public mutating func jump(toEnd: Bool, height: Int, count: Int) {
        top = toEnd ? Viewport.lastTop(height: height, count: count) : 0
    }

    /// Starts the view at `line`: for lines of differing heights, which the caller
    /// measures (a list whose rows wrap).
    public mutating func start(at line: Int) {
        top = max(0, line)
    }

    /// Keeps `top` within what there is, after the lines or the height changed.
    public mutating func clamp(height: Int, count: Int) {
        top = max(0, min(top, Viewport.lastTop(height: height, count: count)))
    }

    /// The lines on screen.
    public func shown(height: Int, count: Int) -> Range<Int> { min(top, count)..<min(count, top + height) }

    /// Whether lines lie below the screen.
    public func hasMore(height: Int, count: Int) -> Bool { top + height < count }

    /// The line at `row` of the viewport (0 its first), if one is drawn there: what a
    /// click lands on.
    public func line(atRow row: Int, height: Int, count: Int) -> Int? {
        guard row >= 0, row < height, top + row < count else { return nil }
        return top + row
    }
}
