import Foundation
import RollcallCore
import RollcallTUI

extension RegisterState: Screen {
    /// The reason recorded when a tutor corrects a mark they made in the same sitting.
    public static let correctionReason = "Corrected by the tutor while taking the register"
    public static let undoReason = "Undone straight after marking (entered in error)"

    /// Every code in the picker, grouped by category; present is the session's own mark.
    public var pickerCodes: [AttendanceCode] {
        CodeCategory.allCases.flatMap { category in
            AttendanceCode.allCases.filter {
                $0.category == category && (!$0.isPresentMark || $0 == .present(for: session.part))
            }
        }
    }

    /// Reacts to a key pressed at the context's minute (which decides `L` or `U`);
    /// returns what the shell must do (save a mark, leave). Never draws.
    public mutating func handle(_ key: Key, in context: ScreenContext) -> [ScreenEffect] {
        if case let .resize(newSize) = key {
            size = newSize
            keepCursorVisible()
            return []
        }
        // A tutor who cannot see the register must not mark it: moving and leaving work,
        // no key that marks does.
        guard isOnScreen else {
            guard let command = RegisterCommand.keys.action(for: key), !command.marks else { return [] }
            return run(command, minute: context.minute)
        }
        message = nil
        isError = false
        let minute = context.minute
        switch mode {
        case .marking: return handleMarking(key, minute: minute)
        case let .pendingCode(first): return handlePending(first, key, minute: minute)
        case let .codePicker(index): return handlePicker(index, key, minute: minute)
        case let .minutesLate(field, afterClose): return handleMinutes(field, afterClose, key)
        case let .reason(field, change): return handleReason(field, change, key)
        case let .finding(field): handleFinding(field, key)
        case var .help(overlay): mode = overlay.handle(key, size: size) ? .help(overlay) : .marking
        }
        return []
    }

    /// How a save went: one that failed puts back what was there and says why.
    public mutating func receive(_ outcome: Outcome) {
        if case let .save(change) = outcome.task as? SchoolTask, outcome.isError,
           let row = rows.firstIndex(where: { $0.upn == change.upn }), let column = sessions.firstIndex(of: change.session) {
            rows[row].marks[column] = change.previous
            rows[row].markedHere.remove(column)
        }
        message = outcome.message
        isError = outcome.isError
    }

    // MARK: Modes

    private mutating func handleMarking(_ key: Key, minute: Int) -> [ScreenEffect] {
        if case let .click(_, y) = key {
            if let line = viewport.line(atRow: y - 2, height: visibleRows, count: rows.count) { cursor = line }
            return []
        }
        if let command = RegisterCommand.keys.action(for: key) { return run(command, minute: minute) }
        guard case let .character(character) = key else { return [] }
        if "CJY".contains(character) {
            mode = .pendingCode(character)
            return []
        }
        if character.isUppercase || character == "#" { return typed(String(character)) }
        return []
    }

    private mutating func handlePending(_ first: Character, _ key: Key, minute: Int) -> [ScreenEffect] {
        mode = .marking
        if case let .character(digit) = key, digit.isNumber { return typed("\(first)\(digit)") }
        switch RegisterCommand.pendingKeys.action(for: key) {
        case .cancel: return []
        case .accept: return typed(String(first))
        default:
            // `C` alone is a code; `J` and `Y` alone were withdrawn and say what to use.
            let effects = typed(String(first))
            return isError ? effects : effects + handleMarking(key, minute: minute)
        }
    }

    private mutating func handlePicker(_ index: Int, _ key: Key, minute: Int) -> [ScreenEffect] {
        let codes = pickerCodes
        switch RegisterCommand.codeListKeys.action(for: key) {
        case .up: mode = .codePicker(index: max(0, index - 1))
        case .down: mode = .codePicker(index: min(codes.count - 1, index + 1))
        case .pageUp: mode = .codePicker(index: max(0, index - 10))
        case .pageDown: mode = .codePicker(index: min(codes.count - 1, index + 10))
        case .cancel: mode = .marking
        case .accept:
            mode = .marking
            if codes[index] == .late {
                mode = .minutesLate(RegisterState.minutesField, afterClose: isAfterClose(minute))
                return []
            }
            return mark(Mark(codes[index]))
        default: break
        }
        return []
    }

    private mutating func handleMinutes(_ field: TextField, _ afterClose: Bool, _ key: Key) -> [ScreenEffect] {
        switch RegisterCommand.minutesKeys.action(for: key) {
        case .keepLate where afterClose:
            mode = .minutesLate(field, afterClose: false)
        case .cancel:
            mode = .marking
        case .accept:
            mode = .marking
            let code: AttendanceCode = afterClose ? .arrivedAfterRegisterClosed : .late
            let effects = mark(Mark(code, minutesLate: Int(field.text)))
            if afterClose, !isError, case .marking = mode {
                message = "The register had closed: marked U (arrived after the register closed)"
            }
            return effects
        default:
            var field = field
            if field.handle(key) { mode = .minutesLate(field, afterClose: afterClose) }
        }
        return []
    }

    private mutating func handleReason(_ field: TextField, _ change: PendingChange, _ key: Key) -> [ScreenEffect] {
        switch RegisterCommand.reasonKeys.action(for: key) {
        case .cancel:
            mode = .marking
            message = "Not changed"
        case .accept:
            let reason = field.trimmed
            guard !reason.isEmpty else {
                message = "A change to a saved mark needs a reason"
                isError = true
                return []
            }
            mode = .marking
            return commit(change, reason: reason)
        default:
            var field = field
            if field.handle(key) { mode = .reason(field, change: change) }
        }
        return []
    }

    private mutating func handleFinding(_ field: TextField, _ key: Key) {
        if RegisterCommand.findKeys.action(for: key) == .accept {
            mode = .marking
            return
        }
        var field = field
        let before = field.text
        guard field.handle(key) else { return }
        mode = .finding(field)
        let text = field.text
        guard text != before else { return }
        let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
        if !text.isEmpty, let found = rows.firstIndex(where: { $0.name.range(of: text, options: options) != nil }) {
            cursor = found
            keepCursorVisible()
        } else if !text.isEmpty {
            message = "No pupil matches '\(text)'"
            isError = true
        }
    }

    // MARK: Commands and marking

    private mutating func run(_ command: RegisterCommand, minute: Int) -> [ScreenEffect] {
        switch command {
        case .present: return mark(Mark(.present(for: session.part)))
        case .late:
            if !rows.isEmpty { mode = .minutesLate(RegisterState.minutesField, afterClose: isAfterClose(minute)) }
            return []
        case .code, .twoCharacterCode: return [] // typed letters, recognised by kind
        case .up: cursor -= 1
        case .down: cursor += 1
        case .pageUp: cursor -= visibleRows
        case .pageDown: cursor += visibleRows
        case .top: cursor = 0
        case .bottom: cursor = rows.count - 1
        case .previousSession: column = max(0, column - 1)
        case .nextSession: column = min(sessions.count - 1, column + 1)
        case .codePicker:
            // The mark there, else the placement's code where the pupil is expected off site.
            if !rows.isEmpty {
                let offered = rows[cursor].marks[column]?.code ?? rows[cursor].offsite(at: column)?.code ?? .present(for: session.part)
                mode = .codePicker(index: pickerCodes.firstIndex(of: offered) ?? 0)
            }
        case .markAllPresent: return markAllPresent()
        case .undo: return undoLast()
        case .find: mode = .finding(TextField(limit: EntryLimits.longestName))
        case .history:
            guard rows.indices.contains(cursor) else { return [] }
            return [.open(SchoolScreen.pupil(rows[cursor].upn))]
        case .help: mode = .help(HelpOverlay("Keys in the register", RegisterCommand.keySections))
        case .back: return [.back]
        case .quit: return [.quit]
        }
        keepCursorVisible()
        return []
    }

    /// A code typed as text: checked by Core, so a withdrawn code says what replaces it.
    private mutating func typed(_ symbol: String) -> [ScreenEffect] {
        do {
            return mark(Mark(try AttendanceCode.parse(symbol)))
        } catch {
            message = error.description
            isError = true
            return []
        }
    }

    /// Marks the pupil under the cursor and moves on. A change to a mark (its code, minutes
    /// or note) that someone else saved, or that was saved before this sitting, first asks why.
    private mutating func mark(_ mark: Mark) -> [ScreenEffect] {
        guard !rows.isEmpty else { return [] }
        guard mark.code.mayBeRecorded(for: sessions[column], today: today) else {
            message = "\(sessions[column]) has not happened yet: \(AttendanceCode.inAdvanceRule)"
            isError = true
            return []
        }
        let row = rows[cursor]
        let change = PendingChange(row: cursor, column: column, mark: mark)
        guard mark.amends(row.marks[column]) else { return commit(change, reason: nil) }
        if row.markedHere.contains(column) { return commit(change, reason: RegisterState.correctionReason) }
        mode = .reason(TextField(), change: change)
        return []
    }

    private mutating func commit(_ change: PendingChange, reason: String?) -> [ScreenEffect] {
        let previous = rows[change.row].marks[change.column]
        guard previous != change.mark else {
            advance(from: change.row)
            return []
        }
        undo.append(UndoStep(column: change.column, previous: [
            .init(row: change.row, mark: previous, markedHere: rows[change.row].markedHere.contains(change.column)),
        ]))
        rows[change.row].marks[change.column] = change.mark
        rows[change.row].markedHere.insert(change.column)
        advance(from: change.row)
        return [saving(change.row, change.column, change.mark, previous: previous, reason: reason)]
    }

    private mutating func markAllPresent() -> [ScreenEffect] {
        let present = Mark(.present(for: session.part))
        guard sessions[column].date <= today else {
            message = "\(sessions[column]) has not happened yet: nobody can be marked present"
            isError = true
            return []
        }
        let unmarked = rows.indices.filter { rows[$0].marks[column] == nil }
        guard !unmarked.isEmpty else {
            message = "Every pupil already has a mark"
            return []
        }
        undo.append(UndoStep(column: column, previous: unmarked.map { .init(row: $0, mark: nil, markedHere: false) }))
        for row in unmarked {
            rows[row].marks[column] = present
            rows[row].markedHere.insert(column)
        }
        message = "Marked \(unmarked.count) present"
        return unmarked.map { saving($0, column, present, previous: nil, reason: nil) }
    }

    private mutating func undoLast() -> [ScreenEffect] {
        guard let step = undo.popLast() else {
            message = "Nothing to undo"
            return []
        }
        var effects: [ScreenEffect] = []
        for entry in step.previous {
            let undone = rows[entry.row].marks[step.column]
            rows[entry.row].marks[step.column] = entry.mark
            if !entry.markedHere { rows[entry.row].markedHere.remove(step.column) }
            effects.append(saving(entry.row, step.column, entry.mark, previous: undone, reason: RegisterState.undoReason))
        }
        column = step.column
        cursor = step.previous.first?.row ?? cursor
        keepCursorVisible()
        message = "Undone"
        return effects
    }

    /// The effect that saves a row's mark for one of the week's sessions.
    private func saving(_ row: Int, _ column: Int, _ mark: Mark?, previous: Mark?, reason: String?) -> ScreenEffect {
        .perform(SchoolTask.save(MarkChange(upn: rows[row].upn, group: group, session: sessions[column], mark: mark, previous: previous,
                                  reason: reason, formerGroups: rows[row].formerForms)))
    }

    private mutating func advance(from row: Int) {
        cursor = min(rows.count - 1, row + 1)
        keepCursorVisible()
    }

    /// Whether a pupil arriving at `minute` for today's register is `U` by the rules
    /// (Core decides); earlier days' late marks are entered as they happened.
    func isAfterClose(_ minute: Int) -> Bool {
        guard session.date == today, let closes = closes[session.part] else { return false }
        return AttendanceCode.arrival(atMinute: minute, registerCloses: closes) == .arrivedAfterRegisterClosed
    }

    mutating func keepCursorVisible() {
        cursor = max(0, min(cursor, rows.count - 1))
        viewport.reveal(cursor, height: visibleRows, count: rows.count)
    }
}
