import RollcallCore
import RollcallTUI

/// The follow-up lists as one list to work through: each row a pupil and the rule that
/// put them there. `d` does what clears the row where one key can (logs the call, the
/// worker told, the local authority notified; amends an old N to O), asking first for a
/// note or the reason.
public struct FollowUpState: Screen {
    public enum Command: Hashable, Sendable { case done }

    public static let keys = KeyTable<Command>("In the follow-ups", [
        KeyBinding(.done, [.character("d")], "done: log what clears the row (asks for a note)", hint: "done", writes: true),
    ])

    /// While `d` asks for a note or a reason.
    public static let promptKeys = KeyTable<ModeCommand>("A note or a reason (d)", [
        KeyBinding(.type, typed: "text", "the note for the log, or the reason for the amendment"),
        .editing("the note"),
        KeyBinding(.accept, [.enter], "log it, or amend the N with the reason"),
        KeyBinding(.cancel, [.escape], "do nothing"),
        KeyBinding(.quit, [.interrupt], "quit"),
    ])

    /// Every key of the follow-ups: its own, then every list's.
    public static let keySections = [keys.section, promptKeys.section] + PupilList.sections(readOnly: false)

    public let entries: [FollowUp]
    public let today: CalendarDate
    public private(set) var table: TableState
    /// The note or reason being typed for the selected row, when asked.
    public private(set) var prompt: (entry: FollowUp, field: TextField)?
    /// The keys offered: without `d` where the follow-ups are only read (a trust's view).
    public let keys: KeyTable<Command>

    public init(dashboard: Dashboard, size: Size, readOnly: Bool = false) {
        keys = readOnly ? FollowUpState.keys.readOnly : FollowUpState.keys
        entries = dashboard.followUps
        today = dashboard.today
        let rows = entries.enumerated().map { index, entry in
            let role: StyleRole = entry.isOpen ? .normal : .dim
            return TableRow([
                TableCell(entry.pupil.listName, role: role), TableCell(entry.pupil.form, role: role),
                TableCell(entry.rule.title, sortKey: .number(Double(FollowUpRule.allCases.firstIndex(of: entry.rule) ?? 0)),
                          role: entry.isOpen ? .warning : .dim),
                TableCell(entry.isOpen ? entry.detail : "acted on: " + entry.detail, role: role),
                TableCell(entry.pupil.upn.text, role: .dim),
            ], upn: entry.pupil.upn, tag: index)
        }
        let open = entries.count(where: \.isOpen)
        table = TableState(
            title: "Follow-ups",
            note: "\(open) to act on as of \(Clock.day(dashboard.today)). Enter: the pupil" + (readOnly ? "" : "; d: done (log it, or amend N to O)"),
            columns: [TableColumn("Pupil", width: 22), TableColumn("Form", width: 5), TableColumn("Rule", width: 18),
                      TableColumn("What happened, what next", width: 20, flexible: true), TableColumn("UPN", width: 13)],
            rows: rows, exportName: "follow-ups", size: size, keys: PupilList.keys(readOnly: readOnly),
            help: ("Keys in the follow-ups", readOnly ? PupilList.sections(readOnly: true) : FollowUpState.keySections))
    }

    public var origin: (any ScreenOrigin)? { SchoolScreen.followUps }

    public mutating func receive(_ outcome: Outcome) { table.receive(outcome) }

    public mutating func handle(_ key: Key, in context: ScreenContext) -> [ScreenEffect] {
        if let prompt { return handlePrompt(prompt, key) }
        guard !table.isFiltering, !table.isShowingHelp, let command = keys.action(for: key) else {
            return table.handle(key, in: context)
        }
        switch command {
        case .done:
            guard let index = table.selected?.tag else { return [] }
            let entry = entries[index]
            if entry.rule == .resolveN {
                prompt = (entry, TextField("No reason given after enquiries"))
            } else if entry.rule.oneStepClearance != nil {
                prompt = (entry, TextField())
            } else {
                table.show("\(entry.rule.title): \(entry.rule.clears) (rollcall intervention add ...)", isError: false)
            }
        }
        return []
    }

    private mutating func handlePrompt(_ current: (entry: FollowUp, field: TextField), _ key: Key) -> [ScreenEffect] {
        switch FollowUpState.promptKeys.action(for: key) {
        case .cancel: prompt = nil
        case .quit: return [.quit]
        case .accept:
            let entry = current.entry
            if entry.rule == .resolveN {
                guard !current.field.trimmed.isEmpty else {
                    table.show("An amendment needs a reason", isError: true)
                    return []
                }
                prompt = nil
                return [.perform(SchoolTask.amend(upn: entry.pupil.upn, sessions: entry.sessions, to: .otherUnauthorised, reason: current.field.text)),
                        .refresh]
            }
            guard let kind = entry.rule.oneStepClearance else { return [] }
            prompt = nil
            do {
                return [.perform(SchoolTask.log(try Intervention(upn: entry.pupil.upn, date: today, kind: kind, note: current.field.text))), .refresh]
            } catch {
                table.show("\(error)", isError: true)
            }
        default:
            var field = current.field
            field.handle(key)
            prompt = (current.entry, field)
        }
        return []
    }

    public func render() -> CellBuffer {
        var buffer = table.render()
        guard let prompt else {
            // What clears the selected row, in place of the key reminder.
            if table.message == nil, !table.isFiltering, !table.isShowingHelp, let index = table.selected?.tag {
                let y = buffer.size.height - 1
                buffer.fill(x: 0, y: y, width: buffer.size.width, role: .footer)
                let keys = [keys.hints(), table.keys.hints([.open, .help])].filter { !$0.isEmpty }.joined(separator: ", ")
                buffer.put("Clears: \(entries[index].rule.clears)  (\(keys))", x: 0, y: y, role: .footer)
            }
            return buffer
        }
        let y = buffer.size.height - 1
        let question = prompt.entry.rule == .resolveN
            ? "Amend \(prompt.entry.sessions.count) N to O for \(prompt.entry.pupil.surname). Reason: "
            : "Log \(prompt.entry.rule.oneStepClearance == .firstDayCall ? "the call" : prompt.entry.rule.oneStepClearance?.title.lowercased() ?? "") for \(prompt.entry.pupil.surname). Note: "
        prompt.field.drawPrompt(question, into: &buffer, y: y, role: .warning)
        return buffer
    }
}
