import RollcallCore
import RollcallStore

extension Reports {
    /// The admission register's extract for a period: a row for each name entered (its
    /// starting day in the period), and for each amendment, deletion and readmission made
    /// in it, oldest first. A deletion is dated by its day; the rest by the day they were made.
    /// A deletion lined up for a later day has a row on the day it was recorded as well.
    public static func admissions(_ pupils: [Pupil], events: [AdmissionEvent], period: ClosedRange<CalendarDate>) -> ReportTable {
        var table = ReportTable(columns: [
            "date", "event", "upn", "surname", "forename", "ground", "field", "old", "new", "reason", "at", "by",
        ])
        let byUPN = Dictionary(pupils.map { ($0.upn, $0) }, uniquingKeysWith: { $1 })
        var rows: [(CalendarDate, Int, [ReportTable.Value])] = []
        func names(_ upn: UPN) -> [ReportTable.Value] {
            [.text(upn.text), .text(byUPN[upn]?.surname ?? ""), .text(byUPN[upn]?.forename ?? "")]
        }
        for pupil in pupils {
            guard let start = pupil.admissionDate, period.contains(start) else { continue }
            rows.append((start, rows.count, [.text(start.description), .text("entered")] + names(pupil.upn)
                         + [.text(""), .text(""), .text(""), .text(""), .text(""), .text(""), .text("")]))
        }
        for event in events {
            let made = CalendarDate(event.at, in: School.timeZone)
            var cells: [ReportTable.Value]
            let day: CalendarDate
            switch event.change {
            case let .deleted(deletion):
                day = deletion.date
                cells = [.text("deleted")] + names(event.upn) + [.text(deletion.ground.rawValue), .text(""), .text(""), .text(""), .text(deletion.reason)]
                // Lined up for a later day: in the extract from the day it was recorded too.
                if made < deletion.date, period.contains(made) {
                    rows.append((made, rows.count, [.text(made.description), .text("deletion lined up")] + names(event.upn)
                                 + [.text(deletion.ground.rawValue), .text(""), .text(""), .text("takes effect on \(deletion.date)"),
                                    .text(deletion.reason), .text(JSONText.instant(event.at)), .text(event.by.login)]))
                }
            case let .readmitted(_, deletedOn, reason):
                day = made
                cells = [.text("readmitted")] + names(event.upn) + [.text(""), .text(""), .text(deletedOn.description), .text(""), .text(reason)]
            case let .amended(_, field, original, amended, reason):
                day = made
                cells = [.text("amended")] + names(event.upn) + [.text(""), .text(field.rawValue), .optionalText(original), .optionalText(amended), .text(reason)]
            case let .ctfSent(_, destination, file):
                day = made
                cells = [.text("ctf sent")] + names(event.upn) + [.text(""), .text("ctf"), .text(destination), .text(file), .text("CTF to \(destination)")]
            }
            guard period.contains(day) else { continue }
            rows.append((day, rows.count, [.text(day.description)] + cells + [.text(JSONText.instant(event.at)), .text(event.by.login)]))
        }
        for row in rows.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) { table.append(row.2) }
        return table
    }
}

extension Reports {
    /// The returns due to the local authority, each row what its return must contain.
    /// `parents` lists each as "name (relationship), address, emergency number", with
    /// "lives with the pupil" where so.
    public static func laReturns(_ returns: [LAReturn]) -> ReportTable {
        var table = ReportTable(columns: [
            "return", "due", "overdue", "upn", "surname", "forename", "preferred_name", "sex", "date_of_birth", "address",
            "starting_day", "previous_school", "parents", "ground", "deleted_on", "new_address", "new_school",
        ])
        for entry in returns {
            let pupil = entry.pupil
            let parents = entry.parents.map { parent in
                ["\(parent.name) (\(parent.relationship))", parent.address ?? "address not known",
                 parent.emergencyPhone ?? parent.phones.first ?? "no telephone number"].joined(separator: ", ")
                    + (parent.livesWithPupil ? ", lives with the pupil" : "")
            }
            table.append([
                .text(entry.kind.rawValue), .text(entry.due.description), .boolean(entry.isOverdue), .text(pupil.upn.text),
                .text(pupil.surname), .text(pupil.forename), .optionalText(pupil.preferredName), .optionalText(pupil.sex?.rawValue),
                .text(pupil.dateOfBirth.description), .optionalText(pupil.address), .optionalText(pupil.admissionDate?.description),
                .optionalText(pupil.previousSchool), .list(parents), .optionalText(entry.deletion?.ground.rawValue),
                .optionalText(entry.deletion?.date.description), .optionalText(entry.deletion?.newAddress),
                .optionalText(entry.deletion?.otherSchool),
            ])
        }
        return table
    }
}
