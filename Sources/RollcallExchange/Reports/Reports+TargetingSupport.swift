import RollcallCore

extension Reports {
    /// The targeting support meeting's list: one row per pupil, worst first.
    public static func targetingSupport(_ list: TargetingSupport) -> ReportTable {
        var table = ReportTable(columns: [
            "upn", "surname", "forename", "form", "year_group", "standing", "attendance_year", "attendance_last_4_weeks",
            "absence_year", "trend", "flags", "parent", "relationship", "phone", "interventions", "early_help", "open_follow_ups",
            "next_review",
        ])
        for entry in list.entries {
            table.append([
                .text(entry.pupil.upn.text), .text(entry.pupil.surname), .text(entry.pupil.forename), .text(entry.pupil.form),
                .integer(entry.pupil.yearGroup), .text(entry.standing.rawValue), .rate(entry.year.attendanceRate),
                .rate(entry.recent.attendanceRate), .rate(entry.year.absenceRate), .text(entry.trend.rawValue), .list(entry.flags),
                .optionalText(entry.parent?.name), .optionalText(entry.parent?.relationship), .optionalText(entry.phone),
                .list(entry.interventions.map { "\($0.date) \($0.kind.rawValue)" }), .boolean(entry.earlyHelp),
                .list(entry.openFollowUps.map(\.rawValue)), .optionalText(entry.nextReview?.description),
            ])
        }
        return table
    }
}
