import ArgumentParser
import Foundation
import RollcallCore
import RollcallStore

struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Record marks for one session from a script.",
        discussion: """
            Each mark is UPN=CODE. Changing a mark a pupil already has is an amendment and needs --reason.
            Example: rollcall mark --date 2025-09-03 --session AM B801200005001=/ P207000016049=L
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The day of the session.", valueName: "yyyy-mm-dd")) var date: String
    @Option(help: "AM or PM.") var session: String
    @Option(help: "Why existing marks are changed.") var reason: String?
    @Argument(help: ArgumentHelp("Marks, each UPN=CODE.", valueName: "upn=code")) var marks: [String]

    func run() throws {
        guard let day = try parseDate(date, option: "date") else { return }
        guard let part = Session.Part(rawValue: session.uppercased()) else { throw Failure("--session '\(session)' is not AM or PM") }
        let target = Session(day, part)
        let store = try options.open()
        guard try store.calendar().isSchoolSession(target) else { throw Failure("\(target) is not a school session in the calendar") }
        let pupils = Dictionary(try store.pupils().map { ($0.upn, $0) }, uniquingKeysWith: { $1 })
        let staff = try store.staff()
        let today = try options.decidingDate(staff)
        var entries: [MarkEntry] = []
        for argument in marks {
            let pieces = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { throw Failure("'\(argument)' is not UPN=CODE") }
            let upn: UPN
            let code: AttendanceCode
            do { upn = try UPN(pieces[0]) } catch { throw Failure(error.description) }
            do { code = try AttendanceCode.parse(pieces[1]) } catch { throw Failure("\(upn): \(error.description)") }
            guard let pupil = pupils[upn] else { throw Failure("UPN \(upn) is not a pupil of the school") }
            guard code.mayBeRecorded(for: target, today: today) else {
                throw Failure("\(target) is after today (\(today)): \(AttendanceCode.inAdvanceRule) for it, not \(code.symbol)")
            }
            guard pupil.isOnRoll(on: day) else { throw Failure("\(upn) is not on roll on \(day)") }
            // A pupil who moved form may have this session's mark in a former form's register.
            let existing = try store.mark(of: upn, at: target, inAnyOf: [pupil.form] + (pupil.formerForms ?? []))?.mark
            let mark = Mark(code.recorded(in: part))
            try staff.authorise(.recording(mark, over: existing, group: pupil.form, session: target), by: try options.login, today: today)
            entries.append(MarkEntry(upn: upn, group: pupil.form, session: target, mark: mark, formerGroups: pupil.formerForms ?? []))
        }
        let summary = try store.record(entries, by: staff.recorder(login: try options.login), at: Date(), reason: reason)
        print("\(target): \(summary.recorded) recorded, \(summary.amendments.count) amended, \(summary.unchanged) unchanged.")
    }
}
