/// Figures for each cohort of one dimension, and for the whole school.
public struct CohortSummary: Sendable {
    public let dimension: CohortDimension
    /// Each cohort's name and figures, in the dimension's natural order.
    public let cohorts: [(name: String, figures: CohortFigures)]
    public let school: CohortFigures

    public init(_ rows: [PupilAttendance], by dimension: CohortDimension) {
        self.dimension = dimension
        var byCohort: [String: (example: Pupil, figures: CohortFigures)] = [:]
        var school = CohortFigures()
        for row in rows {
            let name = dimension.cohort(of: row.pupil)
            byCohort[name, default: (row.pupil, CohortFigures())].figures.add(row.figures)
            school.add(row.figures)
        }
        cohorts = byCohort
            .sorted { dimension.precedes(($0.key, $0.value.example), ($1.key, $1.value.example)) }
            .map { ($0.key, $0.value.figures) }
        self.school = school
    }

    /// The cohort with the highest absence rate, leaving out cohorts too small to read
    /// (`CohortFigures.isSmall`); nil when fewer than two cohorts could be compared.
    public var mostAbsent: String? {
        let rated = cohorts.compactMap { cohort in
            cohort.figures.isSmall ? nil : cohort.figures.sessions.absenceRate.map { (cohort.name, $0) }
        }
        guard cohorts.count > 1 else { return nil }
        return rated.max { $0.1 < $1.1 }?.0
    }
}
