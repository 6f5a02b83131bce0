import ArgumentParser
import Foundation
import RollcallCore
import RollcallExchange
import RollcallStore

struct AdmissionDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a pupil's name on a ground, after its checks.",
        discussion: """
            Refused, naming the condition, unless the ground is met as far as Rollcall can see and its confirmations are given.
            Example: rollcall admission delete P207000016049 --ground i --reason "Not found after joint enquiries" --confirm no-grounds-for-sickness
            Example: rollcall admission delete P207000016049 --ground a --other-school "Hollins Park Academy" --confirm exceptions-do-not-apply --reason "Moved schools"
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "The pupil.") var upn: String
    @Option(help: "The ground's letter, a to o.") var ground: DeletionGround
    @Option(help: ArgumentHelp("The day of deletion, the last day on roll (default: today; never earlier).", valueName: "yyyy-mm-dd")) var date: String?
    @Option(help: "Why, kept with the deletion.") var reason: String
    @Option(help: "(a) the school the pupil is registered at now; for any ground, a new school you have been told of.") var otherSchool: String?
    @Option(help: ArgumentHelp("(f) the date of the parent's written notice.", valueName: "yyyy-mm-dd")) var noticeDate: String?
    @Option(help: ArgumentHelp("(h) the last day of the granted leave.", valueName: "yyyy-mm-dd")) var leaveEnded: String?
    @Option(help: "A future address you have been told of, for the local authority's return.") var newAddress: String?
    @Option(help: ArgumentHelp("A condition of the ground you confirm ('rollcall admission grounds' lists them).", valueName: "key")) var confirm: [String] = []

    func run() throws {
        let change = try AdmissionChange(options, upn: upn)
        let (store, today, pupil) = (change.store, change.today, change.pupil)
        let deletion: Deletion
        do {
            deletion = try Deletion(upn: pupil, ground: ground, date: try parseDate(date, option: "date") ?? today, reason: reason,
                                    otherSchool: otherSchool, noticeDate: try parseDate(noticeDate, option: "notice-date"),
                                    leaveEnded: try parseDate(leaveEnded, option: "leave-ended"), newAddress: newAddress,
                                    confirmed: confirm)
        } catch let refusal as DeletionRefusal {
            throw Failure(refusal.description)
        }
        // The marks the checks look at: back far enough for 20 school days across a summer.
        let calendar = try store.calendar()
        let first = max(deletion.date.advanced(by: -140), calendar.coverage?.lowerBound ?? deletion.date)
        let records = try SchoolRecords.load(from: store, calendar: calendar, only: min(first, deletion.date)...deletion.date,
                                             minutesAndNotes: false)
        let log = try store.interventions()
        var name = pupil.text
        do {
            try store.delete(deletion, by: change.recorder, at: RealClock.now, today: today) { onDisk in
                name = "\(onDisk.listName) (\(pupil.text))"
                try DeletionCheck.check(deletion, pupil: onDisk, records: records, log: log, today: today)
            }
        } catch let refusal as DeletionRefusal {
            throw Failure(refusal.description)
        }
        print("Deleted \(TerminalText.visible(name)) from the admission register on ground \(ground.label), \(ground.title): "
              + "on roll up to and including \(deletion.date).")
    }
}
