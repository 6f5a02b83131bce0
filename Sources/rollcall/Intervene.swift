import ArgumentParser
import Foundation
import RollcallCore
import RollcallExchange
import RollcallRecords
import RollcallStore

extension InterventionKind: ExpressibleByArgument {}
extension LAReturnKind: ExpressibleByArgument {}

struct Intervene: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intervention",
        abstract: "Log what was done for a pupil's attendance, or list the log.",
        subcommands: [InterventionAdd.self, InterventionList.self])
}

struct InterventionAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an entry to a pupil's interventions log (append-only, like the audit).",
        discussion: """
            Kinds: \(InterventionKind.allCases.map(\.rawValue).joined(separator: ", ")).
            part-time-timetable and part-time-review need --review-date; penalty-notice-issued needs --parent and \
            the sessions (--sessions, or --penalty-window for the unauthorised sessions of the current window); \
            decision-not-to-issue needs --note with the reason and the sessions; penalty-notice-paid and -withdrawn \
            need --notice, the log number of the notice; la-return needs --about admission or --about deletion.
            Example: rollcall intervention add meeting --upn B801200005001 --note "Met mum; agreed a plan"
            Example: rollcall intervention add penalty-notice-issued --upn B801200005001 --parent "Jo O'Brien" --penalty-window
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "What was done.") var kind: InterventionKind
    @Option(help: "The pupil.") var upn: String
    @Option(help: ArgumentHelp("The day it happened (default: today).", valueName: "yyyy-mm-dd")) var date: String?
    @Option(help: "What happened, in your words.") var note: String = ""
    @Option(help: ArgumentHelp("A part-time timetable's next review.", valueName: "yyyy-mm-dd")) var reviewDate: String?
    @Option(help: "The parent a notice was issued to.") var parent: String?
    @Option(help: ArgumentHelp("Sessions a notice or decision is for, separated by commas.", valueName: "'yyyy-mm-dd AM,...'")) var sessions: String?
    @Flag(help: "The unauthorised sessions of the current penalty window.") var penaltyWindow = false
    @Option(help: "The log number of the notice paid or withdrawn.") var notice: Int?
    @Option(help: "What an la-return is about: admission or deletion.") var about: LAReturnKind?

    func run() throws {
        let store = try options.open()
        let today = try options.currentDate()
        let staff = try store.staff()
        try staff.authorise(.log(kind), by: try options.login, today: today)
        let pupilUPN = try findPupil(upn, in: store).upn
        var chosen = try parseSessions(sessions ?? "", option: "sessions")
        if penaltyWindow {
            let calendar = try store.calendar()
            guard let window = PenaltyWindow(asOf: today, calendar: calendar) else { throw Failure("\(today) has no penalty window in the calendar") }
            let records = try SchoolRecords.load(from: store, calendar: calendar, only: window.days, minutesAndNotes: false)
            chosen += PenaltyPosition(window: window, calendar: calendar) { records.book.code(for: pupilUPN, at: $0) }.unauthorised.map(\.session)
        }
        let intervention: Intervention
        do {
            intervention = try Intervention(upn: pupilUPN, date: parseDate(date, option: "date") ?? today, kind: kind, note: note,
                                            reviewDate: parseDate(reviewDate, option: "review-date"), parent: parent,
                                            sessions: chosen, notice: notice, about: about)
        } catch let error as InterventionError {
            throw Failure(error.description)
        }
        let logged = try store.log([intervention], by: staff.recorder(login: try options.login), at: Date())
        print("Logged \(kind.rawValue) for \(pupilUPN.text) as number \(logged[0].number).")
    }
}

struct InterventionList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The interventions log, oldest first.",
        discussion: "Columns: number, upn, date, kind, note, review_date, parent, sessions, notice, about, at, by.")

    @OptionGroup var options: StoreOptions
    @Option(help: "Only this pupil.") var upn: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let store = try options.openToReview().store
        let records = try store.interventions().filter { upn == nil || $0.intervention.upn.text == upn?.uppercased() }
        print(Reports.interventions(records).render(format), terminator: "")
    }
}
