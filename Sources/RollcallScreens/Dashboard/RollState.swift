import RollcallCore
import RollcallTUI

/// The admission register over a period: names entered and deleted with their grounds,
/// then returns to the local authority due and entries to complete. `D` on a pupil walks
/// through deleting their name: the ground, the facts it rests on, each condition to
/// confirm, and the reason; the checks Rollcall can make itself are made when it is
/// saved, and a refusal names the condition not met.
public struct RollState: Screen {
    public enum Command: Hashable, Sendable { case delete }

    public static let keys = KeyTable<Command>("On the roll", [
        KeyBinding(.delete, [.character("D")], "delete the pupil's name: the ground, its facts and conditions, the reason",
                   hint: "delete", writes: true),
    ])

    /// While `D` asks its questions.
    public static let walkKeys = KeyTable<ModeCommand>("Deleting a name (D)", [
        KeyBinding(.type, typed: "text", "the answer: a ground's letter, a name, a date (yyyy-mm-dd), y or n, the reason"),
        .editing("the answer"),
        KeyBinding(.accept, [.enter], "answer, and on to the next question"),
        KeyBinding(.cancel, [.escape], "stop: nothing is deleted"),
        KeyBinding(.quit, [.interrupt], "quit"),
    ])

    public static let keySections = [keys.section, walkKeys.section] + PupilList.sections(readOnly: false)

    public let roll: Roll
    public let period: DashboardPeriod
    public let today: CalendarDate
    public private(set) var table: TableState
    /// The deletion being walked through, when `D` was pressed.
    public private(set) var walk: DeletionWalk?
    /// The keys offered: without `D` where the roll is only read (a trust's view).
    public let keys: KeyTable<Command>

    public init(dashboard: Dashboard, period: DashboardPeriod, size: Size, readOnly: Bool = false) {
        keys = readOnly ? RollState.keys.readOnly : RollState.keys
        roll = dashboard.roll(for: period)
        self.period = period
        today = dashboard.today
        let rows = roll.entries.map { entry in
            let role: StyleRole = switch entry.kind {
            case .returnOverdue: .unauthorised
            case .returnDue, .detailsMissing, .linedUp: .warning
            case .entered, .deleted: .normal
            }
            return TableRow([TableCell(entry.pupil.listName), TableCell(entry.pupil.form),
                             TableCell(entry.kind.rawValue, role: role), TableCell(entry.date?.description ?? ""), TableCell(entry.detail)],
                            upn: entry.pupil.upn)
        }
        let grounds = roll.deletionsByGround.map { "\($0.ground.label) \($0.ground.title) \($0.count)" }.joined(separator: ", ")
        let days = "\(Clock.day(roll.days.lowerBound)) to \(Clock.day(roll.days.upperBound))"
        table = TableState(title: "Roll", note: "\(period.title), \(days): \(roll.summary.prefix { $0 != ":" })" + (grounds.isEmpty ? "" : "; deleted: \(grounds)"),
                           columns: [TableColumn("Pupil", width: 22), TableColumn("Form", width: 5),
                                     TableColumn("What", width: 17), TableColumn("Date", width: 10),
                                     TableColumn("Detail", width: 30, flexible: true)],
                           rows: rows, exportName: "roll", size: size, keys: PupilList.keys(readOnly: readOnly),
                           help: ("Keys on the roll", readOnly ? PupilList.sections(readOnly: true) : RollState.keySections))
    }

    public var origin: (any ScreenOrigin)? { SchoolScreen.roll(period) }

    public mutating func receive(_ outcome: Outcome) { table.receive(outcome) }

    public mutating func handle(_ key: Key, in context: ScreenContext) -> [ScreenEffect] {
        if walk != nil { return handleWalk(key) }
        guard !table.isFiltering, !table.isShowingHelp, let command = keys.action(for: key) else {
            return table.handle(key, in: context)
        }
        switch command {
        case .delete:
            guard let upn = table.selected?.upn, let entry = roll.entries.first(where: { $0.pupil.upn == upn }) else { return [] }
            guard entry.pupil.isOnRoll(on: today) else {
                table.show("\(entry.pupil.listName) is not on roll", isError: true)
                return []
            }
            walk = DeletionWalk(pupil: entry.pupil, today: today)
        }
        return []
    }

    private mutating func handleWalk(_ key: Key) -> [ScreenEffect] {
        guard var current = walk else { return [] }
        switch RollState.walkKeys.action(for: key) {
        case .cancel:
            walk = nil
            table.show("Nothing deleted", isError: false)
        case .quit:
            return [.quit]
        case .accept:
            switch current.answer() {
            case .ask:
                walk = current
            case let .stop(reason):
                walk = nil
                table.show(reason, isError: true)
            case let .done(deletion):
                walk = nil
                return [.perform(SchoolTask.delete(deletion)), .refresh]
            }
        default:
            current.field.handle(key)
            walk = current
        }
        return []
    }

    public func render() -> CellBuffer {
        var buffer = table.render()
        guard let walk else { return buffer }
        let y = buffer.size.height - 1
        walk.field.drawPrompt(walk.question, into: &buffer, y: y, role: .warning)
        if let said = walk.said {
            buffer.fill(x: 0, y: y - 1, width: buffer.size.width, role: .warning)
            buffer.put(said, x: 0, y: y - 1, role: .warning)
        }
        return buffer
    }
}
