import RollcallCore
import RollcallTUI

/// A cohort's figures as a list row: the same columns for year groups, forms and crossed
/// cohorts, with small cohorts marked `*` and dimmed so that one or two children are not
/// over-read.
enum CohortRows {
    static func columns(title: String) -> [TableColumn] {
        [TableColumn(title, width: 10, flexible: true), .number("Pupils", width: 6), .number("Attend%", width: 7),
         .number("Absent%", width: 7), .number("Unauth%", width: 7), .number("PA", width: 4), .number("PA%", width: 5),
         .number("SA", width: 3), .number("SA%", width: 5)]
    }

    static func cells(_ name: String, _ figures: CohortFigures) -> [TableCell] {
        let sessions = figures.sessions
        let small: StyleRole = figures.isSmall ? .dim : .normal
        return [TableCell(figures.isSmall ? "\(name)*" : name, sortKey: .text(name), role: small),
                .number(figures.pupils, role: small), .rate(sessions.attendanceRate, role: small),
                .rate(sessions.absenceRate, role: small), .rate(sessions.unauthorisedRate, role: small),
                .number(figures.persistentAbsentees, role: small), .rate(figures.persistentAbsenceRate, role: small),
                .number(figures.severeAbsentees, role: small), .rate(figures.severeAbsenceRate, role: small)]
    }
}
