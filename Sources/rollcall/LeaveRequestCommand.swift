import ArgumentParser
import Foundation
import RollcallCore
import RollcallStore

struct LeaveRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Log a request for leave of absence as the school received it, and print its number.",
        discussion: """
            Kinds: exceptional (C), performance and employment-abroad (C1, with --evidence: the licence), interview (J1), \
            exam-study (S). Refused: a request received after today or after its first session (leave is never granted \
            retrospectively), from someone who is not the pupil's contact (for exceptional, performance and employment \
            abroad: a parent the pupil lives with), for days that are not the pupil's school sessions.
            Example: rollcall leave request --upn B801200005001 --kind exceptional --from 2025-10-06 --to 2025-10-08 \
            --applicant "Jo O'Brien" --received 2025-09-15 --note "Grandmother's funeral in Cork"
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: "The pupil.") var upn: String
    @Option(help: "exceptional, performance, employment-abroad, interview or exam-study.") var kind: LeaveKind
    @Option(help: ArgumentHelp("The first day asked for.", valueName: "yyyy-mm-dd")) var from: String
    @Option(help: ArgumentHelp("The last day asked for.", valueName: "yyyy-mm-dd")) var to: String
    @Option(help: "The first day's first session, AM unless the leave starts after lunch.") var firstSession: Session.Part = .am
    @Option(help: "The last day's last session, PM unless the leave ends at lunch.") var lastSession: Session.Part = .pm
    @Option(help: "Who asked, as the pupil's contacts name them.") var applicant: String
    @Option(help: ArgumentHelp("The day the school received the request.", valueName: "yyyy-mm-dd")) var received: String
    @Option(help: "What the request rests on (a licence, a letter inviting to interview).") var evidence: String?
    @Option(help: "Anything else the decider should know.") var note: String = ""

    func run() throws {
        let store = try options.open()
        let staff = try store.staff()
        let today = try options.decidingDate(staff)
        try staff.authorise(.requestLeave, by: try options.login, today: today)
        let pupil = try findPupil(upn, in: store)
        guard let first = CalendarDate(from), let last = CalendarDate(to), let receivedOn = CalendarDate(received) else {
            throw Failure("--from, --to and --received are dates like 2025-10-06")
        }
        let request: LeaveRequest
        do {
            let asked = try LeaveRules.sessions(from: first, firstSession, to: last, lastSession, calendar: try store.calendar())
            request = try LeaveRules.request(LeaveRequest(upn: pupil.upn, kind: kind, sessions: asked, applicant: applicant, received: receivedOn,
                                                          evidence: evidence, note: note),
                                             pupil: pupil, contacts: try store.contacts(), today: today)
        } catch let refusal as LeaveRefusal {
            throw Failure(refusal.description)
        }
        let logged = try store.logLeave(.requested(request), by: staff.recorder(login: try options.login), at: Date())
        print("Logged leave request \(logged) for \(pupil.listName) (\(pupil.upn.text)): \(kind.rawValue), "
              + "\(request.sessions.count) sessions from \(request.sessions[0]) to \(request.sessions[request.sessions.count - 1]), "
              + "asked by \(request.applicant), received \(request.received).")
    }
}
