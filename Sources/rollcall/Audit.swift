import ArgumentParser
import Foundation
import RollcallCore
import RollcallExchange
import RollcallStore

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The amendment history: what was changed, from what, why, when and by whom.",
        discussion: """
            --from and --to select amendments by the day they were made (in England).
            JSON entries carry upn, date, session, old_code, new_code, reason, at, by, role.
            Example: rollcall audit --upn B801200005001 --format json
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: "Only this pupil.") var upn: String?
    @Option(help: ArgumentHelp("Amendments made on or after this day.", valueName: "yyyy-mm-dd")) var from: String?
    @Option(help: ArgumentHelp("Amendments made on or before this day.", valueName: "yyyy-mm-dd")) var to: String?
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let store = try options.openToReview().store
        let first = try parseDate(from, option: "from"), last = try parseDate(to, option: "to")
        let entries = try store.amendments().filter { entry in
            let made = CalendarDate(entry.amendment.at, in: School.timeZone)
            return (upn.map { entry.amendment.upn.text == $0 } ?? true)
                && (first.map { made >= $0 } ?? true) && (last.map { made <= $0 } ?? true)
        }
        print(Reports.audit(entries).render(format), terminator: "")
    }
}
