import RollcallCore
import RollcallStore

/// The tables of `rollcall report`, `export` and `audit`, and of the screens' CSV
/// exports. Column names are a contract: scripts depend on them.
public enum Reports {
    public static func pupils(_ rows: [PupilAttendance]) -> ReportTable {
        var table = ReportTable(columns: [
            "upn", "surname", "forename", "form", "year_group", "possible", "attended", "authorised",
            "unauthorised", "not_counted", "missing", "late", "attendance_rate", "absence_rate", "persistent", "severe",
        ])
        for row in rows {
            let tally = row.figures.tally
            table.append([
                .text(row.pupil.upn.text), .text(row.pupil.surname), .text(row.pupil.forename), .text(row.pupil.form),
                .integer(row.pupil.yearGroup), .integer(tally.possible), .integer(tally.attended),
                .integer(tally.authorisedAbsence), .integer(tally.unauthorisedAbsence), .integer(tally.notCounted),
                .integer(tally.missing), .integer(tally.late), .rate(row.figures.attendanceRate),
                .rate(row.figures.absenceRate), .boolean(row.figures.isPersistentAbsentee), .boolean(row.figures.isSevereAbsentee),
            ])
        }
        return table
    }

    public static func penalty(_ rows: [PupilPenalty]) -> ReportTable {
        var table = ReportTable(columns: ["upn", "surname", "forename", "form", "unauthorised_sessions", "window_start", "window_end"])
        for row in rows {
            table.append([
                .text(row.pupil.upn.text), .text(row.pupil.surname), .text(row.pupil.forename), .text(row.pupil.form),
                .integer(row.position.unauthorisedSessions), .text(row.position.window.start.description),
                .text(row.position.window.end.description),
            ])
        }
        return table
    }

    public static func summary(_ summary: CohortSummary) -> ReportTable {
        var table = ReportTable(columns: [summary.dimension.rawValue] + figureColumns)
        for (name, figures) in summary.cohorts + [("School", summary.school)] {
            table.append([.text(name)] + figureValues(figures))
        }
        return table
    }

    /// The columns of a cohort's figures, as `summary` gives them after its first.
    public static let figureColumns = [
        "pupils", "possible", "attended", "authorised", "unauthorised", "attendance_rate", "absence_rate", "authorised_rate",
        "unauthorised_rate", "persistent", "persistent_rate", "severe", "severe_rate",
    ]

    /// A cohort's figures in `figureColumns`' order.
    public static func figureValues(_ figures: CohortFigures) -> [ReportTable.Value] {
        let sessions = figures.sessions
        return [
            .integer(figures.pupils), .integer(sessions.possible), .integer(sessions.tally.attended),
            .integer(sessions.tally.authorisedAbsence), .integer(sessions.tally.unauthorisedAbsence),
            .rate(sessions.attendanceRate), .rate(sessions.absenceRate), .rate(sessions.authorisedRate),
            .rate(sessions.unauthorisedRate), .integer(figures.persistentAbsentees), .rate(figures.persistentAbsenceRate),
            .integer(figures.severeAbsentees), .rate(figures.severeAbsenceRate),
        ]
    }

    /// Marks in the import format, so an export can be imported again unchanged.
    public static func marks(_ records: SchoolRecords, period: ClosedRange<CalendarDate>) -> ReportTable {
        var table = ReportTable(columns: ["upn", "date", "session", "code", "minutes_late", "note"])
        for pupil in records.pupils.sorted(by: { $0.upn < $1.upn }) {
            for (session, mark) in records.book.marks(for: pupil.upn) where period.contains(session.date) {
                table.append([
                    .text(pupil.upn.text), .text(session.date.description), .text(session.part.rawValue),
                    .text(mark.code.symbol), .optionalInteger(mark.minutesLate), .optionalText(mark.note),
                ])
            }
        }
        return table
    }

    public static func interventions(_ records: [InterventionRecord]) -> ReportTable {
        var table = ReportTable(columns: ["number", "upn", "date", "kind", "note", "review_date", "parent", "sessions", "notice", "about", "at", "by"])
        for record in records {
            let entry = record.intervention
            table.append([
                .integer(record.number), .text(entry.upn.text), .text(entry.date.description), .text(entry.kind.rawValue),
                .text(entry.note), .optionalText(entry.reviewDate?.description), .optionalText(entry.parent),
                .list(entry.sessions.map(\.description)), .optionalInteger(entry.notice), .optionalText(entry.about?.rawValue),
                .text(JSONText.instant(record.at)),
                .text(record.by.login),
            ])
        }
        return table
    }

    /// One row per pupil per rule. `sessions` and `school_days` are the evidence; the
    /// penalty columns are filled on penalty-threshold rows only.
    public static func followUps(_ entries: [FollowUp]) -> ReportTable {
        var table = ReportTable(columns: [
            "upn", "surname", "forename", "form", "rule", "open", "detail", "sessions", "school_days", "since",
            "support_evidenced", "support", "next_step", "notices", "clears",
        ])
        for entry in entries {
            let penalty = entry.penalty
            table.append([
                .text(entry.pupil.upn.text), .text(entry.pupil.surname), .text(entry.pupil.forename), .text(entry.pupil.form),
                .text(entry.rule.rawValue), .boolean(entry.isOpen), .text(entry.detail), .list(entry.sessions.map(\.description)),
                .optionalInteger(entry.schoolDays), .optionalText(entry.since?.description),
                penalty.map { .boolean($0.supportEvidenced) } ?? .optionalText(nil),
                .list(penalty?.support.map { "\($0.intervention.date) \($0.intervention.kind.rawValue)" } ?? []),
                .optionalText(penalty?.nextStep),
                .list(penalty?.notices.map { "\($0.parent): \($0.inLastThreeYears) in 3 years; \($0.nextNotice)" } ?? []),
                .text(entry.rule.clears),
            ])
        }
        return table
    }

    public static func audit(_ entries: [AuditEntry]) -> ReportTable {
        var table = ReportTable(columns: ["upn", "date", "session", "old_code", "new_code", "reason", "at", "by", "role",
                                          "old_minutes_late", "new_minutes_late", "old_note", "new_note"])
        for entry in entries {
            let amendment = entry.amendment
            table.append([
                .text(amendment.upn.text), .text(amendment.session.date.description), .text(amendment.session.part.rawValue),
                .text(amendment.original.symbol), .optionalText(amendment.amended?.symbol), .text(amendment.reason),
                .text(JSONText.instant(amendment.at)), .text(amendment.by.login), .optionalText(amendment.by.role?.rawValue),
                .optionalInteger(amendment.originalMark.minutesLate), .optionalInteger(amendment.amendedMark?.minutesLate),
                .optionalText(amendment.originalMark.note), .optionalText(amendment.amendedMark?.note),
            ])
        }
        return table
    }
}
