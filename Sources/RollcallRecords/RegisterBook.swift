import RollcallCore
import RollcallStore

/// The marks a form's register screen needs: the week's marks and each pupil's year so
/// far. Usually all of them are in the form's own file, which is read alone; but a pupil
/// who moved into the form has earlier marks in another form's file, so when a pupil on
/// roll has no mark here on their first school session of the year, the whole year is
/// read instead.
public enum RegisterBook {
    public static func load(from store: Store, group: String, session: Session, pupils: [Pupil],
                            calendar: SchoolCalendar, today: CalendarDate) throws -> AttendanceBook {
        let year = AcademicYear.name(containing: session.date)
        let own = try store.book(academicYears: [year], groups: [group])
        guard let first = calendar.academicYear(named: year)?.firstDay else { return own }
        let last = min(today, session.date)
        let complete = pupils.filter { $0.form == group && $0.isOnRoll(on: session.date) }.allSatisfy { pupil in
            guard let days = pupil.onRoll(during: first...max(first, last)),
                  let opening = calendar.sessions(in: days).first else { return true }
            return own.code(for: pupil.upn, at: opening) != nil
        }
        return complete ? own : try store.book(academicYears: [year])
    }
}
