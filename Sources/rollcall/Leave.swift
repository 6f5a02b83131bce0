import ArgumentParser
import RollcallCore

extension LeaveKind: ExpressibleByArgument {}
extension Session.Part: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}

/// Leave of absence: requested in advance, decided by an authorised person, evidenced.
struct Leave: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Requests for leave of absence: log one, decide it, withdraw it, list them.",
        discussion: """
            Leave may be granted only for exceptional circumstances (C), a regulated performance or employment abroad (C1), \
            an interview (J1) or study for a public examination (S), asked for in advance; a part-time timetable (C2) is agreed \
            through 'intervention add part-time-timetable'. A grant marks each granted session in advance; leave refused \
            and taken is unauthorised absence (G or O), listed by 'report followups'.
            """,
        subcommands: [LeaveRequestCommand.self, LeaveDecide.self, LeaveWithdraw.self, LeaveList.self])
}
