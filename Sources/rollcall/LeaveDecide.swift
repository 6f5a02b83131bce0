import ArgumentParser
import Foundation
import RollcallCore
import RollcallStore

struct LeaveDecide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Grant or refuse a request for leave: the attendance lead or an admin (the headteacher) only.",
        discussion: """
            A grant marks each granted session with the kind's code (C, C1, J1 or S) in advance, as the decider; a session \
            already marked changes only as an amendment, with the decision as its reason. --sessions grants fewer than were \
            asked for (the school decides the number of days). A grant is refused once its first session has begun.
            Example: rollcall leave decide 3 --grant --sessions '2025-10-06 AM,2025-10-06 PM' --reason "The funeral day only"
            Example: rollcall leave decide 4 --refuse --reason "A family holiday is not exceptional"
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "The request's number, as 'leave request' printed it.") var number: Int
    @Flag(help: "Grant the leave.") var grant = false
    @Flag(help: "Refuse it.") var refuse = false
    @Option(help: ArgumentHelp("The sessions granted, separated by commas (default: every one asked for).", valueName: "'yyyy-mm-dd AM,...'"))
    var sessions: String?
    @Option(help: "What the school weighed: kept with the decision, and the reason of any amendment it makes.") var reason: String

    func validate() throws {
        guard grant != refuse else { throw ValidationError("give --grant or --refuse") }
        if refuse, sessions != nil { throw ValidationError("--sessions goes with --grant") }
    }

    func run() throws {
        let store = try options.open()
        let staff = try store.staff(), login = try options.login
        let moment = try options.decidingMoment(staff)
        try staff.authorise(.decideLeave, by: login, today: moment.day)
        guard let application = try store.leaveApplications().first(where: { $0.number == number }) else {
            throw Failure(LeaveRefusal.noSuchRequest(number).description)
        }
        let school = try store.school(), recorder = try staff.recorder(login: login)
        let stillUndecided = { (applications: [LeaveApplication]) throws(LeaveRefusal) in
            guard let current = applications.first(where: { $0.number == number }) else { throw .noSuchRequest(number) }
            try LeaveRules.checkUndecided(current, reason: reason)
        }
        do {
            guard grant else {
                try LeaveRules.checkUndecided(application, reason: reason)
                try store.logLeave(.refused(request: number, reason: reason), by: recorder, at: Date(), check: stillUndecided)
                print("Refused leave request \(number). Absence in its sessions is unauthorised: code it G (a holiday) or O; "
                      + "'report followups' lists any taken.")
                return
            }
            let granted = try sessions.map { try parseSessions($0, option: "sessions") } ?? application.request.sessions
            try LeaveRules.checkGrant(application, sessions: granted, reason: reason) {
                school.hasBegun($0, today: moment.day, minute: moment.minute)
            }
            // The marks first: a decision logged only once its marks are durable, so a
            // crash between leaves the request undecided and the decision can be made again.
            let pupil = try findPupil(application.request.upn, in: store)
            let code = application.request.kind.code
            let summary = try store.record(granted.map { MarkEntry(upn: pupil.upn, group: pupil.form, session: $0, mark: Mark(code),
                                                                   formerGroups: pupil.formerForms ?? []) },
                                           by: recorder, at: Date(), reason: "leave request \(number) granted: \(reason)")
            try store.logLeave(.granted(request: number, sessions: granted, reason: reason), by: recorder, at: Date(), check: stillUndecided)
            let amended = summary.amendments.isEmpty ? "" : " (\(summary.amendments.count) already marked, amended)"
            print("Granted leave request \(number): \(granted.count) sessions marked \(code.symbol), "
                  + "\(granted[0]) to \(granted[granted.count - 1])\(amended).")
        } catch let refusal as LeaveRefusal {
            throw Failure(refusal.description)
        }
    }
}
