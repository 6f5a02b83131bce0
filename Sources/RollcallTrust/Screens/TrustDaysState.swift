import RollcallCore
import RollcallTUI

/// The trust's schools day by day: a row per school (the trust's first), a cell per
/// school day, each a block as high as the day's attendance, and the unusual days
/// (`UnusualDays`) marked, so that a dip on the same day in several schools shows as a
/// column. Enter opens that day at every school, against each one's usual rate.
public struct TrustDaysState: Screen {
    public struct Row: Sendable {
        public let name: String
        public let days: [CalendarDate: SchoolDay]
    }

    public let rows: [Row]
    /// Every school day shown, oldest first.
    public let dates: [CalendarDate]
    public private(set) var row = 0
    public private(set) var column: Int
    public private(set) var help: HelpOverlay?
    public private(set) var size: Size

    /// `schools` each with its days; the trust's row is made from them.
    public init(schools: [(name: String, days: [SchoolDay])], size: Size) {
        let trust = UnusualDays.trustDays(schools.map(\.days))
        rows = [Row(name: "Trust", days: Dictionary(trust.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first }))]
            + schools.map { Row(name: $0.name, days: Dictionary($0.days.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })) }
        dates = trust.map(\.date)
        column = max(0, dates.count - 1)
        self.size = size
    }

    static let nameWidth = 20

    /// The days that fit beside the names, ending with the one chosen when it is late.
    var shownDates: Range<Int> {
        let room = max(1, size.width - Self.nameWidth - 1)
        let end = max(min(dates.count, room), column + 1)
        return max(0, end - room)..<end
    }

    public var selected: (row: Row, day: SchoolDay?, date: CalendarDate)? {
        guard dates.indices.contains(column), rows.indices.contains(row) else { return nil }
        return (rows[row], rows[row].days[dates[column]], dates[column])
    }

    public mutating func receive(_ outcome: Outcome) {}

    public mutating func handle(_ key: Key, in context: ScreenContext) -> [ScreenEffect] {
        if case let .resize(newSize) = key {
            size = newSize
            return []
        }
        if help.take(key, size: size) { return [] }
        guard let command = TrustDaysCommand.keys.action(for: key) else { return [] }
        switch command {
        case .up: row = max(0, row - 1)
        case .down: row = min(rows.count - 1, row + 1)
        case .previousDay: column = max(0, column - 1)
        case .nextDay: column = min(max(0, dates.count - 1), column + 1)
        case .firstDay: column = shownDates.lowerBound
        case .lastDay: column = max(0, dates.count - 1)
        case .open:
            guard let date = selected?.date else { return [] }
            return [.push(day(date))]
        case .help: help = HelpOverlay("Keys on the trust's days", [TrustDaysCommand.keys.section])
        case .back: return [.back]
        case .quit: return [.quit]
        }
        return []
    }

    /// One day at every school: its rate against its usual, the unusual first seen.
    func day(_ date: CalendarDate) -> TableState {
        let tableRows = rows.map { row in
            let day = row.days[date]
            return TableRow([
                TableCell(row.name), .number(day?.figures.possible ?? 0), .rate(day?.figures.attendanceRate),
                .rate(day?.usualRate),
                TableCell(day?.isUnusual == true ? "unusual" : "", role: .unauthorised),
            ])
        }
        return TableState(title: "\(Clock.day(date)) at every school",
                          note: "Each school's rate that day against its usual: the same weekday's median over the three school weeks either side",
                          columns: [TableColumn("School", width: 12, flexible: true), .number("Possible", width: 8), .number("Attend%", width: 7),
                                    .number("Usual%", width: 6), TableColumn("", width: 7)],
                          rows: tableRows, exportName: "trust-day", size: size, keys: TableCommand.keys.readOnly, pinned: 1)
    }

    public func render() -> CellBuffer {
        if let notice = TooSmall.notice(size, needs: Size(width: 40, height: 8)) { return notice }
        var buffer = CellBuffer(size)
        buffer.fill(x: 0, y: 0, width: size.width, role: .header)
        let span = dates.first.map { "\(Clock.day($0)) to \(Clock.day(dates[dates.count - 1]))" } ?? "no school days yet"
        buffer.put("Trust: day by day · \(span)", x: 0, y: 0, role: .header)
        buffer.put("Each block a school day, as high as its attendance; ! unusual for that school (well below its usual)", x: 0, y: 1, role: .dim,
                   limit: size.width)
        let shown = shownDates, x0 = Self.nameWidth + 1
        for (offset, index) in shown.enumerated() where dates[index].weekday == .monday {
            buffer.put("\(dates[index].day)", x: x0 + offset, y: 2, role: .dim)
        }
        for (line, entry) in rows.enumerated() where 3 + line < size.height - 1 {
            let y = 3 + line
            buffer.put(entry.name, x: 0, y: y, role: line == row ? .selection : .normal, limit: Self.nameWidth)
            let strip = Sparkline.blocks(for: shown.map { entry.days[dates[$0]]?.figures.attendanceRate })
            for (offset, (index, block)) in zip(shown, strip).enumerated() {
                let unusual = entry.days[dates[index]]?.isUnusual == true
                let role: StyleRole = line == row && index == column ? .cursor : unusual ? .unauthorised : .normal
                buffer.put(unusual ? "!" : String(block), x: x0 + offset, y: y, role: role)
            }
        }
        let y = size.height - 1
        buffer.fill(x: 0, y: y, width: size.width, role: .footer)
        var footer = TrustDaysCommand.keys.footer
        if let (entry, day, date) = selected {
            let rate = day?.figures.attendanceRate.map { "\($0)%" } ?? "no sessions"
            let usual = day?.usualRate.map { " (usual \($0)%)" } ?? ""
            footer = "\(entry.name), \(Clock.day(date)): \(rate)\(usual)\(day?.isUnusual == true ? " unusual" : "")  " + footer
        }
        buffer.put(footer, x: 0, y: y, role: .footer)
        help?.draw(into: &buffer)
        return buffer
    }
}
