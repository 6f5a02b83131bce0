import ArgumentParser
import Foundation
import RollcallCore
import RollcallStore

struct OffsiteEnd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "end",
        abstract: "End a placement early: the pupil is expected there no more after --date.",
        discussion: "Example: rollcall offsite end 2 --date 2025-11-28")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The placement's number, as 'offsite add' printed it.") var number: Int
    @Option(help: ArgumentHelp("The placement's last day.", valueName: "yyyy-mm-dd")) var date: String

    func run() throws {
        let store = try options.open()
        let staff = try store.staff(), login = try options.login
        try staff.authorise(.arrangeOffsite, by: login, today: try options.decidingDate(staff))
        guard let lastDay = CalendarDate(date) else { throw Failure("--date \(EntryLimits.quoted(date)) is not a date like 2025-11-28") }
        try store.logOffsite(.ended(placement: number, lastDay: lastDay), by: staff.recorder(login: login), at: Date())
        print("Ended off-site placement \(number): its last day is \(lastDay).")
    }
}
