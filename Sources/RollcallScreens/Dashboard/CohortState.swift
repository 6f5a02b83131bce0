import RollcallCore
import RollcallTUI

/// Attendance by pupil characteristic, alone or crossed with a second (FSM by SEN), as a
/// list with every list's sorting, filtering and export. `d` and `c` change the two
/// characteristics.
public struct CohortState: Screen {
    public static let dimensions: [CohortDimension] = [.sex, .sen, .fsm, .eal, .yearGroup]

    public let rows: [PupilAttendance]
    public let periodTitle: String
    public private(set) var first: CohortDimension = .fsm
    /// nil: the first characteristic alone.
    public private(set) var second: CohortDimension? = .sen
    public private(set) var table: TableState

    public static let keys = KeyTable<Command>("Choosing the characteristics", [
        KeyBinding(.nextFirst, [.character("d")], "change the first characteristic"),
        KeyBinding(.nextSecond, [.character("c")], "change the second (or none)"),
    ])

    /// Every key of the cohort list: its own, then every list's.
    public static let keySections = [keys.section] + PupilList.sections(readOnly: false)

    public enum Command: Hashable, Sendable { case nextFirst, nextSecond }

    /// Opened in a trust's view: no export.
    public let readOnly: Bool

    public init(rows: [PupilAttendance], periodTitle: String, size: Size, readOnly: Bool = false) {
        self.rows = rows
        self.periodTitle = periodTitle
        self.readOnly = readOnly
        table = CohortState.table(rows, .fsm, .sen, periodTitle: periodTitle, size: size, readOnly: readOnly)
    }

    public mutating func handle(_ key: Key, in context: ScreenContext) -> [ScreenEffect] {
        guard !table.isFiltering, !table.isShowingHelp, let command = CohortState.keys.action(for: key) else {
            return table.handle(key, in: context)
        }
        let all = CohortState.dimensions
        switch command {
        case .nextFirst:
            first = all[((all.firstIndex(of: first) ?? 0) + 1) % all.count]
            if second == first { second = nil }
        case .nextSecond:
            let choices: [CohortDimension?] = [nil] + all.filter { $0 != first }
            second = choices[((choices.firstIndex(of: second) ?? 0) + 1) % choices.count]
        }
        table = CohortState.table(rows, first, second, periodTitle: periodTitle, size: table.size, readOnly: readOnly)
        return []
    }

    public func render() -> CellBuffer { table.render() }

    public mutating func receive(_ outcome: Outcome) { table.receive(outcome) }

    static func title(_ dimension: CohortDimension) -> String {
        switch dimension {
        case .yearGroup: "Year group"
        case .form: "Form"
        case .sen: "SEN"
        case .fsm: "FSM"
        case .eal: "EAL"
        case .sex: "Sex"
        case .ground: "Deletion ground"
        }
    }

    static func table(_ rows: [PupilAttendance], _ first: CohortDimension, _ second: CohortDimension?,
                      periodTitle: String, size: Size, readOnly: Bool) -> TableState {
        let heading = second.map { "\(title(first)) × \(title($0))" } ?? title(first)
        var tableRows: [TableRow]
        if let second {
            tableRows = CohortGrid(rows, by: first, and: second).cells.map { TableRow(CohortRows.cells("\($0.first) / \($0.second)", $0.figures)) }
        } else {
            tableRows = CohortSummary(rows, by: first).cohorts.map { TableRow(CohortRows.cells($0.name, $0.figures)) }
        }
        tableRows.append(TableRow(CohortRows.cells("School", CohortFigures(rows.map(\.figures)))))
        return TableState(title: "Cohorts: \(heading)",
                          note: "\(periodTitle). d/c change the characteristics; *: under \(CohortFigures.smallCohort) pupils",
                          columns: CohortRows.columns(title: heading), rows: tableRows,
                          exportName: "cohorts-\(first.rawValue)\(second.map { "-\($0.rawValue)" } ?? "")", size: size,
                          keys: PupilList.keys(readOnly: readOnly),
                          help: ("Keys in the cohort list", [keys.section] + PupilList.sections(readOnly: readOnly)))
    }
}
