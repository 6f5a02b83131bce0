import RollcallCore
import RollcallTUI

/// A pupil's whole story on one scrolling page: who they are, their figures, the
/// penalty position and the sessions behind it, patterns, the year's calendar of marks,
/// and every amendment. Core's `PupilHistory` holds the facts; this lays them out.
public struct PupilHistoryState: Screen {
    public let history: PupilHistory
    public internal(set) var viewport = Viewport()
    public internal(set) var help: HelpOverlay?
    public internal(set) var message: String?
    public internal(set) var isError = false
    public internal(set) var size: Size

    /// The page laid out for the current width: once when the screen opens and again
    /// only when the width changes, not on every key.
    private(set) var lines: [Line] = []

    public init(history: PupilHistory, size: Size) {
        self.history = history
        self.size = size
        lines = laidOut()
    }

    /// Lines between the header and the footer.
    var visibleLines: Int { max(1, size.height - 2) }

    /// The first line shown.
    public var top: Int { viewport.top }

    public mutating func receive(_ outcome: Outcome) {
        message = outcome.message
        isError = outcome.isError
    }

    public mutating func handle(_ key: Key, in context: ScreenContext) -> [ScreenEffect] {
        if case let .resize(newSize) = key {
            let relayout = newSize.width != size.width
            size = newSize
            if relayout { lines = laidOut() }
            viewport.clamp(height: visibleLines, count: lines.count)
            return []
        }
        message = nil
        if help.take(key, size: size) { return [] }
        guard let command = HistoryCommand.keys.action(for: key) else { return [] }
        switch command {
        case .up: viewport.scroll(by: -1, height: visibleLines, count: lines.count)
        case .down: viewport.scroll(by: 1, height: visibleLines, count: lines.count)
        case .pageUp: viewport.scroll(by: -visibleLines, height: visibleLines, count: lines.count)
        case .pageDown: viewport.scroll(by: visibleLines, height: visibleLines, count: lines.count)
        case .top: viewport.jump(toEnd: false, height: visibleLines, count: lines.count)
        case .bottom: viewport.jump(toEnd: true, height: visibleLines, count: lines.count)
        case .help: help = HelpOverlay("Keys in a pupil's history", [HistoryCommand.keys.section])
        case .back: return [.back]
        case .quit: return [.quit]
        }
        return []
    }

    public func render() -> CellBuffer {
        if let notice = TooSmall.notice(size, needs: PupilHistoryState.minimumSize) { return notice }
        var buffer = CellBuffer(size)
        let pupil = history.pupil
        buffer.fill(x: 0, y: 0, width: size.width, role: .header)
        buffer.put("\(pupil.listName) · \(pupil.upn.text) · \(pupil.form) · Year \(pupil.yearGroup)",
                   x: 0, y: 0, role: .header)
        let asOf = "as of \(Clock.day(history.asOf))"
        buffer.put(asOf, x: size.width - DisplayWidth.of(asOf), y: 0, role: .header)
        for (offset, line) in lines.dropFirst(top).prefix(visibleLines).enumerated() {
            var x = 0
            for segment in line {
                x += buffer.put(segment.text, x: x, y: 1 + offset, role: segment.role)
            }
        }
        let y = size.height - 1
        let more = lines.count > visibleLines ? "lines \(top + 1)-\(min(lines.count, top + visibleLines)) of \(lines.count) · " : ""
        let footer = message ?? more + HistoryCommand.keys.footer
        let role: StyleRole = message != nil && isError ? .warning : .footer
        buffer.fill(x: 0, y: y, width: size.width, role: role)
        buffer.put(footer, x: 0, y: y, role: role)
        help?.draw(into: &buffer)
        return buffer
    }

    public static let minimumSize = Size(width: 72, height: 12)
}
