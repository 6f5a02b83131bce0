/// First-day calling: pupils with an unexplained absence (`N`) in a session, the people a
/// school must try to reach today. Pupils with a social worker or youth justice worker
/// come first, because their absence must also be passed on to that worker.
public enum CallingList {
    public static func pupils(_ records: SchoolRecords, session: Session) -> [Pupil] {
        records.pupils
            .filter { $0.isOnRoll(on: session.date) && records.book.code(for: $0.upn, at: session) == .reasonNotYetEstablished }
            .sorted { lhs, rhs in
                let left = !(lhs.hasSocialWorker || lhs.hasYouthJusticeWorker)
                let right = !(rhs.hasSocialWorker || rhs.hasYouthJusticeWorker)
                return (left ? 1 : 0, lhs.form, lhs.surname, lhs.forename) < (right ? 1 : 0, rhs.form, rhs.surname, rhs.forename)
            }
    }
}
