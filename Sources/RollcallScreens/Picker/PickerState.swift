import Foundation
import RollcallCore
import RollcallTUI

/// The list of registers a person can open: every group, their own forms first, for a
/// session they can step through. Opening one is an effect the shell carries out.
public struct PickerState: Screen, Hashable {
    public struct Entry: Hashable, Sendable {
        public let group: String
        public let yearGroup: Int?
        /// One of the forms the staff list gives this person.
        public let isOwn: Bool

        public init(group: String, yearGroup: Int?, isOwn: Bool) {
            self.group = group
            self.yearGroup = yearGroup
            self.isOwn = isOwn
        }
    }

    public let schoolName: String
    public let entries: [Entry]
    /// Every school session the picker can step to, in order.
    public let sessions: [Session]
    public internal(set) var sessionIndex: Int
    public internal(set) var cursor = 0
    public internal(set) var viewport = Viewport()
    /// The name being found after `/`, nil when not finding.
    public internal(set) var filter: TextField?
    public internal(set) var help: HelpOverlay?
    /// Why something asked for could not be done, such as a dashboard this login may not see.
    public internal(set) var message: String?
    public internal(set) var size: Size

    /// Own forms first, then the rest by year and name; the session preselected is
    /// today's current one (the afternoon from noon), or the last before today.
    public init(schoolName: String, groups: [Group], ownForms: [String], sessions: [Session],
                today: CalendarDate, minute: Int, size: Size) {
        self.schoolName = schoolName
        entries = groups
            .map { Entry(group: $0.name, yearGroup: $0.yearGroup, isOwn: ownForms.contains($0.name)) }
            .sorted { ($0.isOwn ? 0 : 1, $0.yearGroup ?? 99, $0.group) < ($1.isOwn ? 0 : 1, $1.yearGroup ?? 99, $1.group) }
        self.sessions = sessions
        let now = Session.at(today, minute: minute)
        sessionIndex = sessions.lastIndex { $0 <= now } ?? 0
        self.size = size
    }

    public var session: Session? { sessions.indices.contains(sessionIndex) ? sessions[sessionIndex] : nil }

    /// The entries the filter lets through.
    public var shown: [Entry] {
        guard let filter, !filter.isEmpty else { return entries }
        return entries.filter { $0.group.range(of: filter.text, options: [.caseInsensitive]) != nil }
    }

    public enum Command: Hashable, Sendable {
        case up, down, top, bottom, previousSession, nextSession, open, find, dashboard, help, quit
    }

    public static let keys = KeyTable<Command>("In the list of registers", [
        KeyBinding(.open, [.enter], "open the register", hint: "open"),
        KeyBinding(.up, [.up, .character("k")], "previous register"),
        KeyBinding(.down, [.down, .character("j")], "next register"),
        KeyBinding(.top, [.home, .character("g")], "first"),
        KeyBinding(.bottom, [.end, .character("G")], "last"),
        KeyBinding(.previousSession, [.left, .character("h")], "the session before", hint: "session", hintKeys: "←→"),
        KeyBinding(.nextSession, [.right, .character("l")], "the session after"),
        KeyBinding(.find, [.character("/")], "find a group by name", hint: "find"),
        KeyBinding(.dashboard, [.character("d")], "the attendance dashboard", hint: "dashboard"),
        KeyBinding(.help, [.character("?")], "show these keys", hint: "help"),
        KeyBinding(.quit, [.character("q"), .escape, .interrupt], "quit", hint: "quit"),
    ])

    /// After `/`.
    public static let findKeys = KeyTable<ModeCommand>("Finding a group (/)", [
        KeyBinding(.type, typed: "text", "keep the groups whose name contains it"),
        .editing("the name"),
        KeyBinding(.up, [.up], "previous of the groups found"),
        KeyBinding(.down, [.down], "next of the groups found"),
        KeyBinding(.accept, [.enter], "open the register", hint: "opens"),
        KeyBinding(.cancel, [.escape], "clear the search", hint: "clears"),
    ])

    public static let keySections = [keys.section, findKeys.section]

    public mutating func receive(_ outcome: Outcome) {
        message = outcome.message
    }

    public mutating func handle(_ key: Key, in context: ScreenContext) -> [ScreenEffect] {
        if case let .resize(newSize) = key {
            size = newSize
            return []
        }
        message = nil
        if help.take(key, size: size) { return [] }
        if var query = filter {
            switch PickerState.findKeys.action(for: key) {
            case .cancel:
                filter = nil
                return []
            case .accept:
                return openSelected()
            case .up, .down:
                break // move through what the filter shows
            default:
                let before = query.text
                query.handle(key)
                filter = query
                if query.text != before { cursor = 0 }
                return []
            }
        }
        if case let .click(_, y) = key, let line = viewport.line(atRow: y - 2, height: visibleRows, count: shown.count) {
            cursor = line
            return []
        }
        guard let command = PickerState.keys.action(for: key) else { return [] }
        switch command {
        case .up: cursor = max(0, cursor - 1)
        case .down: cursor = min(shown.count - 1, cursor + 1)
        case .top: cursor = 0
        case .bottom: cursor = shown.count - 1
        case .previousSession: sessionIndex = max(0, sessionIndex - 1)
        case .nextSession: sessionIndex = min(sessions.count - 1, sessionIndex + 1)
        case .open: return openSelected()
        case .find: filter = TextField(limit: EntryLimits.longestName)
        case .dashboard: return [.open(SchoolScreen.dashboard(.thisHalfTerm))]
        case .help: help = HelpOverlay("Keys in the list of registers", PickerState.keySections)
        case .quit: return [.quit]
        }
        cursor = max(0, min(cursor, shown.count - 1))
        viewport.reveal(cursor, height: visibleRows, count: shown.count)
        return []
    }

    /// Groups between the header lines and the footer.
    private var visibleRows: Int { max(1, size.height - 3) }

    private func openSelected() -> [ScreenEffect] {
        guard let session, shown.indices.contains(cursor) else { return [] }
        return [.open(SchoolScreen.register(group: shown[cursor].group, session: session))]
    }

    public func render() -> CellBuffer {
        if let notice = TooSmall.notice(size, needs: Size(width: 40, height: 6)) { return notice }
        var buffer = CellBuffer(size)
        buffer.fill(x: 0, y: 0, width: size.width, role: .header)
        let when = session.map { "\(Clock.day($0.date)) \($0.part.rawValue)" } ?? "no school sessions in the calendar"
        buffer.put("\(schoolName) · registers for \(when)", x: 0, y: 0, role: .header)
        buffer.put("Group     Year", x: 0, y: 1, role: .dim)
        let shown = shown
        for (line, index) in viewport.shown(height: visibleRows, count: shown.count).enumerated() {
            let entry = shown[index]
            let role: StyleRole = index == cursor ? .cursor : .normal
            buffer.fill(x: 0, y: 2 + line, width: size.width, role: role)
            let year = entry.yearGroup.map(String.init) ?? ""
            buffer.put(entry.group.padding(toLength: 10, withPad: " ", startingAt: 0) + year.padding(toLength: 6, withPad: " ", startingAt: 0)
                       + (entry.isOwn ? "your form" : ""), x: 0, y: 2 + line, role: role)
        }
        if shown.isEmpty { buffer.put(entries.isEmpty ? "No groups yet: import pupils first." : "No group matches.", x: 0, y: 2, role: .dim) }
        let role: StyleRole = message == nil ? .footer : .warning
        if let filter, message == nil {
            filter.drawPrompt("Find: ", reminder: "  (\(PickerState.findKeys.hints()))", into: &buffer, y: size.height - 1, role: role)
        } else {
            buffer.fill(x: 0, y: size.height - 1, width: size.width, role: role)
            buffer.put(message ?? PickerState.keys.footer, x: 0, y: size.height - 1, role: role)
        }
        help?.draw(into: &buffer)
        return buffer
    }
}
