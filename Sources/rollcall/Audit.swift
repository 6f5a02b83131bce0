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
    @Flag(help: "The access log instead: every session through 'rollcall gate', its start and end.") var access = false
    @Flag(help: "The calendar's log instead: every change to days gone by, before and after.") var calendar = false

    func run() throws {
        let store = try options.openToReview().store
        if calendar {
            var table = ReportTable(columns: ["at", "academic_year", "changes", "reason", "by", "old", "new"])
            for amendment in try store.calendarAmendments() {
                table.append([.text(JSONText.instant(amendment.at)), .text(amendment.academicYear), .list(amendment.changes),
                              .text(amendment.reason), .text(amendment.by.login), .text(CalendarImport.text(amendment.old)),
                              .text(CalendarImport.text(amendment.new))])
            }
            print(table.render(format), terminator: "")
            return
        }
        if access {
            var table = ReportTable(columns: ["at", "event", "login", "fingerprint", "client", "command", "status", "seconds"])
            for event in try store.accessLog() {
                table.append([.text(JSONText.instant(event.at)), .text(event.kind.rawValue), .text(event.login), .text(event.fingerprint ?? ""),
                              .text(event.client ?? ""), .text(event.command), .text(event.status.map(String.init) ?? ""),
                              .text(event.seconds.map { String(format: "%.3f", $0) } ?? "")])
            }
            print(table.render(format), terminator: "")
            return
        }
        let first = try parseDate(from, option: "from"), last = try parseDate(to, option: "to")
        let entries = try store.amendments().filter { entry in
            let made = CalendarDate(entry.amendment.at, in: School.timeZone)
            return (upn.map { entry.amendment.upn.text == $0 } ?? true)
                && (first.map { made >= $0 } ?? true) && (last.map { made <= $0 } ?? true)
        }
        print(Reports.audit(entries).render(format), terminator: "")
    }
}
