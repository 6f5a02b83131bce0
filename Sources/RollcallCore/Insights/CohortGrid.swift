/// Figures for every pairing of two characteristics (FSM by SEN, sex by year group):
/// where gaps hide that one dimension alone does not show.
public struct CohortGrid: Sendable {
    public struct Cell: Sendable {
        public let first: String
        public let second: String
        public let figures: CohortFigures
    }

    public let first: CohortDimension
    public let second: CohortDimension
    /// Each pairing that has pupils, in both dimensions' natural order.
    public let cells: [Cell]

    public init(_ rows: [PupilAttendance], by first: CohortDimension, and second: CohortDimension) {
        self.first = first
        self.second = second
        typealias Entry = (example: Pupil, figures: CohortFigures)
        var byPair: [String: (example: Pupil, inner: [String: Entry])] = [:]
        for row in rows {
            let a = first.cohort(of: row.pupil), b = second.cohort(of: row.pupil)
            byPair[a, default: (row.pupil, [:])].inner[b, default: (row.pupil, CohortFigures())].figures.add(row.figures)
        }
        var cells: [Cell] = []
        for (a, outer) in byPair.sorted(by: { first.precedes(($0.key, $0.value.example), ($1.key, $1.value.example)) }) {
            for (b, entry) in outer.inner.sorted(by: { second.precedes(($0.key, $0.value.example), ($1.key, $1.value.example)) }) {
                cells.append(Cell(first: a, second: b, figures: entry.figures))
            }
        }
        self.cells = cells
    }
}
