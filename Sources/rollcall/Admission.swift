import ArgumentParser
import RollcallCore
import RollcallStore

extension DeletionGround: ExpressibleByArgument {}

/// `rollcall admission`: the admission register's deletions, on the grounds of
/// regulation 9, and readmissions of a name deleted in error.
struct Admission: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admission",
        abstract: "Delete a pupil from the admission register on a ground of regulation 9, or undo a deletion made in error.",
        discussion: """
            A deletion is dated today or later, never before; the pupil is on roll up to and including its day and \
            off every register after it, with every earlier mark and figure kept. Each is kept in \
            audit/admissions.jsonl, hash-chained like the audit. 'rollcall admission grounds' lists the grounds.
            """,
        subcommands: [AdmissionDelete.self, AdmissionReadmit.self, AdmissionGrounds.self])
}

/// What a change to the admission register starts from, once the login may make one: the
/// store, the day (the real one for anyone but an admin: no backdating by pretending),
/// who is recording, and the pupil.
struct AdmissionChange {
    let store: Store
    let today: CalendarDate
    let recorder: Recorder
    let pupil: UPN

    init(_ options: StoreOptions, upn: String) throws {
        store = try options.open()
        let staff = try store.staff()
        let login = try options.login
        today = try options.decidingDate(staff)
        try staff.authorise(.changeAdmissionRegister, by: login, today: today)
        recorder = try staff.recorder(login: login)
        do { pupil = try UPN(upn) } catch { throw Failure("'\(upn)': \(error)") }
    }
}
