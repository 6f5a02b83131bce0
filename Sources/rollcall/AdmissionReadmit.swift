import ArgumentParser
import RollcallCore

struct AdmissionReadmit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readmit",
        abstract: "Undo a deletion made in error: the pupil is on roll again, and the log keeps both.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The pupil.") var upn: String
    @Option(help: "Why the deletion was an error, kept with the readmission.") var reason: String

    func run() throws {
        let change = try AdmissionChange(options, upn: upn)
        let undone = try change.store.readmit(change.pupil, reason: reason, by: change.recorder, at: RealClock.now, today: change.today)
        print("Readmitted \(change.pupil.text): the deletion of \(undone.date) on ground \(undone.ground.label) is undone.")
    }
}
