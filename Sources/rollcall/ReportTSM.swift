import ArgumentParser
import RollcallCore
import RollcallExchange
import RollcallRecords

struct ReportTSM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tsm",
        abstract: "The targeting support meeting's list: pupils severely or persistently absent this year, or close to it.",
        discussion: """
            Every pupil on roll whose absence this academic year is \(AbsenceThreshold.severe.label), \
            \(AbsenceThreshold.persistent.label), or within \(TargetingSupport.atRiskMargin) points of \
            \(AbsenceThreshold.persistent.percent)% (standing: severe, persistent, at-risk), worst first. The trend compares \
            the last 4 school weeks' attendance with the year's: \(TargetingSupport.trendMargin) point or more better is \
            improving, worse is worsening, else steady.
            Columns: upn, surname, forename, form, year_group, standing, attendance_year, attendance_last_4_weeks, \
            absence_year, trend, flags, parent, relationship, phone, interventions, early_help, open_follow_ups, next_review.
            Example: rollcall report tsm --as-of 2025-12-12 --format csv > tsm.csv
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The day to work as of (default: today).", valueName: "yyyy-mm-dd")) var asOf: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let (store, today) = try options.openToReview()
        let day = try parseDate(asOf, option: "as-of") ?? today
        guard try !store.calendar().years.isEmpty else { throw Failure("no calendar is imported yet: use 'rollcall import calendar'") }
        print(Reports.targetingSupport(try TargetingSupport.load(from: store, asOf: day)).render(format), terminator: "")
    }
}
