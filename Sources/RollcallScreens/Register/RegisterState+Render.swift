import Foundation
import RollcallCore
import RollcallTUI

extension RegisterState {
    /// The smallest terminal the register fits: 80x24 is comfortable, this is the floor.
    public static let minimumSize = Size(width: 60, height: 10)

    static let cellWidth = 3, rateWidth = 7, flagsWidth = 12

    var nameWidth: Int { size.width - sessions.count * RegisterState.cellWidth - RegisterState.rateWidth - RegisterState.flagsWidth - 1 }
    var weekX: Int { nameWidth + 1 }

    /// Whether the register itself is on screen, rather than the notice that the terminal
    /// is too small for it: only then may a key mark anyone.
    var isOnScreen: Bool { TooSmall.notice(size, needs: RegisterState.minimumSize, fits: nameWidth >= 12) == nil }

    /// Draws the register into a new buffer of the state's size. Pure: no I/O, no change.
    public func render() -> CellBuffer {
        if let notice = TooSmall.notice(size, needs: RegisterState.minimumSize, fits: nameWidth >= 12) { return notice }
        var buffer = CellBuffer(size)
        renderHeader(into: &buffer)
        for (line, index) in viewport.shown(height: visibleRows, count: rows.count).enumerated() {
            renderRow(index, y: 2 + line, into: &buffer)
        }
        if rows.isEmpty { buffer.put("No pupils on roll in \(group) on \(session.date).", x: 0, y: 2, role: .dim) }
        renderFooter(into: &buffer)
        switch mode {
        case let .help(overlay): overlay.draw(into: &buffer)
        case let .codePicker(index): renderPicker(index, into: &buffer)
        default: break
        }
        return buffer
    }

    private func renderHeader(into buffer: inout CellBuffer) {
        buffer.fill(x: 0, y: 0, width: size.width, role: .header)
        let closing = closes[session.part].map { " · closes \(Clock.text($0))" } ?? ""
        buffer.put("\(schoolName) · \(group) · \(Clock.day(session.date)) \(session.part.rawValue)\(closing)", x: 0, y: 0, role: .header)
        // The count changes with every mark, so it sits in plain text where a new digit
        // costs its cursor move and nothing more: in the coloured bar it would also
        // re-send the bar's colours, tripling what one keystroke sends down the link.
        buffer.put("\(unmarkedCount) unmarked of \(rows.count)", x: 0, y: 1, limit: nameWidth)
        for (index, session) in sessions.enumerated() {
            let label = session.part == .am ? String(session.date.weekday.shortName.prefix(2)) : "pm"
            buffer.put(label, x: weekX + index * RegisterState.cellWidth, y: 1, role: index == column ? .selection : .dim)
        }
        let rateX = weekX + sessions.count * RegisterState.cellWidth
        buffer.put(" Year%", x: rateX, y: 1, role: .dim)
        buffer.put("Flags", x: rateX + RegisterState.rateWidth, y: 1, role: .dim)
    }

    private func renderRow(_ index: Int, y: Int, into buffer: inout CellBuffer) {
        let row = rows[index]
        let isCursor = index == cursor
        let base: StyleRole = isCursor ? .cursor : .normal
        // The cursor highlights the name, not the empty cells after it: moving it then
        // sends a few dozen bytes down an SSH link, not two whole rows.
        buffer.put(row.name, x: 0, y: y, role: base, limit: nameWidth)
        let away = row.offsite(at: column)
        if let away, row.name.count + 3 < nameWidth {
            buffer.put("@ \(away.provider)", x: row.name.count + 1, y: y, role: .dim, limit: nameWidth - row.name.count - 1)
        }
        for (position, mark) in row.marks.enumerated() {
            let x = weekX + position * RegisterState.cellWidth
            let text = mark.map { $0.code.symbol } ?? "·"
            var role: StyleRole = mark.map { StyleRole.of($0.code) } ?? (position == column ? .unmarked : .dim)
            if position == column && isCursor { role = .cursor }
            buffer.put(text, x: x, y: y, role: role)
            if position == column { buffer.paint(x: x, y: y, width: 2, role: role) }
        }
        let rateX = weekX + sessions.count * RegisterState.cellWidth
        let rate = row.rate.map { "\($0)%" } ?? "-"
        buffer.put(String(repeating: " ", count: max(0, RegisterState.rateWidth - 1 - rate.count)) + rate, x: rateX, y: y)
        let flags = ([away == nil ? nil : "OFF"] + [row.flags]).compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        buffer.put(flags, x: rateX + RegisterState.rateWidth, y: y, role: flags.isEmpty ? .normal : .warning, limit: RegisterState.flagsWidth)
    }

    private func renderFooter(into buffer: inout CellBuffer) {
        let y = size.height - 1
        let name = rows.indices.contains(cursor) ? rows[cursor].name : ""
        let (text, role): (String, StyleRole)
        switch mode {
        case let .minutesLate(minutes, afterClose):
            let closing = closes[session.part].map(Clock.text) ?? ""
            if afterClose {
                minutes.drawPrompt("Register closed at \(closing): Enter marks U, Tab keeps L. Minutes late: ", into: &buffer, y: y, role: .warning)
            } else {
                minutes.drawPrompt("\(name) late by how many minutes? ", reminder: "  (\(RegisterCommand.minutesKeys.hints([.accept, .cancel])))",
                                   into: &buffer, y: y, role: .footer)
            }
            return
        case let .reason(reason, change):
            let from = rows[change.row].marks[change.column]?.code.symbol ?? "-"
            reason.drawPrompt("Why change \(rows[change.row].name) from \(from) to \(change.mark?.code.symbol ?? "-")? ", into: &buffer, y: y, role: .warning)
            return
        case let .finding(query):
            query.drawPrompt("Find: ", reminder: "  (\(RegisterCommand.findKeys.hints()))", into: &buffer, y: y, role: .footer)
            return
        case let .pendingCode(first):
            (text, role) = first == "C" ? ("C… 1 or 2 for C1 or C2, any other key for C", .footer)
                                        : ("\(first)… type the digit (\(first == "J" ? "J1" : "Y1-Y7"))", .footer)
        default:
            if let message {
                (text, role) = (message, isError ? .warning : .footer)
            } else {
                (text, role) = (RegisterCommand.keys.footer, .footer)
            }
        }
        buffer.fill(x: 0, y: y, width: size.width, role: role)
        buffer.put(text, x: 0, y: y, role: role)
    }

    private func renderPicker(_ index: Int, into buffer: inout CellBuffer) {
        let codes = pickerCodes
        let room = max(1, size.height - 4)
        var lines: [(String, StyleRole)] = []
        var selectedLine = 0
        for category in CodeCategory.allCases {
            let members = codes.filter { $0.category == category }
            guard !members.isEmpty else { continue }
            lines.append(("── \(category.title)", .dim))
            for code in members {
                if code == codes[index] { selectedLine = lines.count }
                lines.append((code.symbol.padding(toLength: 4, withPad: " ", startingAt: 0) + code.meaning,
                              code == codes[index] ? .cursor : StyleRole.of(code)))
            }
        }
        var viewport = Viewport()
        viewport.centre(selectedLine, height: room, count: lines.count)
        Box.draw("Codes (\(RegisterCommand.codeListKeys.hints()))", lines: Array(lines[viewport.shown(height: room, count: lines.count)]), into: &buffer,
                 width: 66)
    }
}
