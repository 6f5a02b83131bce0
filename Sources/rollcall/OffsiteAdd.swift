import ArgumentParser
import Foundation
import RollcallCore
import RollcallStore

struct OffsiteAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record a placement of education off site: the attendance lead, the office or an admin.",
        discussion: """
            Example: rollcall offsite add --upn B801200005001 --provider "Riverside College" --code B --from 2025-09-09 \
            --to 2025-12-16 --days tue --contact "Jan Lee 01632 960123"
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: "The pupil.") var upn: String
    @Option(help: "Who the pupil is with.") var provider: String
    @Option(help: "B, K (the local authority's provision only), P, V or W.") var code: String
    @Option(help: ArgumentHelp("The first day.", valueName: "yyyy-mm-dd")) var from: String
    @Option(help: ArgumentHelp("The last day.", valueName: "yyyy-mm-dd")) var to: String
    @Option(help: ArgumentHelp("The weekdays, separated by commas (default: every weekday).", valueName: "mon,tue,...")) var days: String?
    @Option(help: ArgumentHelp("The sessions of those days (default: both).", valueName: "AM|PM|AM+PM")) var sessions: String = "AM+PM"
    @Option(help: ArgumentHelp("Who at the provider confirms attendance, and their number.", valueName: "NAME PHONE")) var contact: String?

    func run() throws {
        let store = try options.open()
        let staff = try store.staff(), login = try options.login
        try staff.authorise(.arrangeOffsite, by: login, today: try options.decidingDate(staff))
        let pupil = try findPupil(upn, in: store)
        guard let first = CalendarDate(from), let last = CalendarDate(to) else { throw Failure("--from and --to are dates like 2025-09-09") }
        guard let symbol = AttendanceCode(rawValue: code.uppercased()) else { throw Failure("--code \(EntryLimits.quoted(code)) is not a code") }
        var weekdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
        if let days {
            weekdays = []
            for text in days.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let day = Weekday(abbreviation: text), day.index < 5 else { throw Failure("--days: \(EntryLimits.quoted(text)) is not a school weekday like tue") }
                weekdays.insert(day)
            }
        }
        var parts: Set<Session.Part> = []
        for text in sessions.split(separator: "+") {
            guard let part = Session.Part(rawValue: text.uppercased()) else { throw Failure("--sessions \(EntryLimits.quoted(sessions)) is not AM, PM or AM+PM") }
            parts.insert(part)
        }
        let placement: OffsitePlacement
        do throws(OffsiteRefusal) {
            placement = try OffsitePlacement(upn: pupil.upn, provider: provider, code: symbol, from: first, to: last, weekdays: weekdays, parts: parts,
                                             contact: contact)
        } catch {
            throw Failure(error.description)
        }
        let logged = try store.logOffsite(.added(placement), by: staff.recorder(login: login), at: Date())
        print("Recorded off-site placement \(logged) for \(pupil.listName): \(placement.provider), \(symbol.symbol), \(placement.pattern), "
              + "\(first) to \(last).")
    }
}
