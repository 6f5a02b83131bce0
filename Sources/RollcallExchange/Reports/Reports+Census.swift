import RollcallCore

extension Reports {
    /// The census's attendance module, a row per pupil per period returned. `reasons` is
    /// one object in JSON; in CSV and a table (`reasonColumns`), a column per absence code
    /// any pupil has.
    public static func census(_ rows: [CensusAttendance], reasonColumns: Bool) -> ReportTable {
        let codes = AttendanceCode.allCases.filter { code in rows.contains { $0.reasons.contains { $0.code == code } } }
        var table = ReportTable(columns: ["period", "upn", "surname", "forename", "date_of_birth", "possible", "authorised", "unauthorised"]
                                + (reasonColumns ? codes.map(\.symbol) : ["reasons"]))
        for row in rows {
            let tally = row.figures.tally
            let reasons: [ReportTable.Value] = reasonColumns
                ? codes.map { code in .integer(row.reasons.first { $0.code == code }?.sessions ?? 0) }
                : [.counts(row.reasons.map { ReportTable.Count($0.code.symbol, $0.sessions) })]
            table.append([.text(row.period.name), .text(row.pupil.upn.text), .text(row.pupil.surname), .text(row.pupil.forename),
                          .text(row.pupil.dateOfBirth.description), .integer(tally.possible), .integer(tally.authorisedAbsence),
                          .integer(tally.unauthorisedAbsence)] + reasons)
        }
        return table
    }
}
