import ArgumentParser
import Foundation
import RollcallCore
import RollcallExchange
import RollcallRecords
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
        let pupilBefore: Pupil
        do {
            pupilBefore = try DeletingAName.delete(deletion, in: store, by: change.recorder, at: RealClock.now, today: today)
        } catch let refusal as DeletionRefusal {
            throw Failure(refusal.description)
        }
        let name = "\(pupilBefore.listName) (\(pupil.text))"
        print("Deleted \(TerminalText.visible(name)) from the admission register on ground \(ground.label), \(ground.title): "
              + "on roll up to and including \(deletion.date).")
    }
}
