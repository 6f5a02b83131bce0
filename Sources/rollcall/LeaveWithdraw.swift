import ArgumentParser
import Foundation
import RollcallCore
import RollcallStore

struct LeaveWithdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw a request for leave (the parent no longer asks), before any granted session has begun.",
        discussion: """
            A granted session's mark made in advance is cleared, as an amendment with this reason, unless it was changed since.
            Example: rollcall leave withdraw 3 --reason "Mum rang: the trip is cancelled"
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "The request's number.") var number: Int
    @Option(help: "Why: kept with the withdrawal.") var reason: String

    func run() throws {
        let store = try options.open()
        let staff = try store.staff(), login = try options.login
        let moment = try options.decidingMoment(staff)
        try staff.authorise(.requestLeave, by: login, today: moment.day)
        guard let application = try store.leaveApplications().first(where: { $0.number == number }) else {
            throw Failure(LeaveRefusal.noSuchRequest(number).description)
        }
        let school = try store.school(), recorder = try staff.recorder(login: login)
        do throws(LeaveRefusal) {
            try LeaveRules.checkWithdrawal(application, reason: reason) { school.hasBegun($0, today: moment.day, minute: moment.minute) }
        } catch {
            throw Failure(error.description)
        }
        // The advance marks first, as a grant makes them first: those still the leave's code.
        let pupil = try findPupil(application.request.upn, in: store)
        let code = application.request.kind.code
        let book = try store.book(academicYears: Array(Set(application.grantedSessions.map { AcademicYear.name(containing: $0.date) })).sorted())
        let cleared = application.grantedSessions.filter { book.code(for: pupil.upn, at: $0) == code }
        if !cleared.isEmpty {
            try store.record(cleared.map { MarkEntry(upn: pupil.upn, group: pupil.form, session: $0, mark: nil, formerGroups: pupil.formerForms ?? []) },
                             by: recorder, at: Date(), reason: "leave request \(number) withdrawn: \(reason)")
        }
        try store.logLeave(.withdrawn(request: number, reason: reason), by: recorder, at: Date()) { applications throws(LeaveRefusal) in
            if applications.first(where: { $0.number == number })?.outcome == .withdrawn { throw .withdrawn(number) }
        }
        print("Withdrew leave request \(number)" + (cleared.isEmpty ? "." : "; cleared the \(cleared.count) sessions marked \(code.symbol) in advance."))
    }
}
