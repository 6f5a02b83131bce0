import ArgumentParser
import RollcallCore
import RollcallExchange
import RollcallRecords
import RollcallStore

extension OutputFormat: ExpressibleByArgument {}
extension CohortDimension: ExpressibleByArgument {}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Attendance figures by pupil, for the penalty threshold, or by cohort.",
        discussion: "Reports cover the current academic year up to today unless --from and --to say otherwise.",
        subcommands: [ReportPupils.self, ReportPenalty.self, ReportSummary.self, ReportFollowUps.self, ReportLAReturns.self,
                      ReportAdmissions.self, ReportPack.self, ReportTSM.self, ReportCensus.self])
}

/// The period options of reports and exports.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First day (default: the start of the academic year).", valueName: "yyyy-mm-dd")) var from: String?
    @Option(help: ArgumentHelp("Last day (default: today).", valueName: "yyyy-mm-dd")) var to: String?

    func resolve(today: CalendarDate, calendar: SchoolCalendar) throws -> ClosedRange<CalendarDate> {
        do {
            return try ReportingPeriod.resolve(
                from: parseDate(from, option: "from"), to: parseDate(to, option: "to"), today: today, calendar: calendar)
        } catch let error as PeriodError {
            throw Failure(error.description)
        }
    }
}

/// Opens the store to review it, and loads a period's records.
func loadRecords(_ options: StoreOptions, _ period: PeriodOptions) throws -> (SchoolRecords, ClosedRange<CalendarDate>) {
    let (store, today) = try options.openToReview()
    let calendar = try store.calendar()
    let days = try period.resolve(today: today, calendar: calendar)
    return (try SchoolRecords.load(from: store, calendar: calendar, only: days), days)
}

struct ReportPupils: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pupils",
        abstract: "One row per pupil with a mark in the period.",
        discussion: """
            Columns: upn, surname, forename, form, year_group, possible, attended, authorised, unauthorised, \
            not_counted, missing, late, attendance_rate, absence_rate, persistent, severe.
            Example: rollcall report pupils --year 9 --format csv > year9.csv
            """)

    @OptionGroup var options: StoreOptions
    @OptionGroup var period: PeriodOptions
    @Option(help: "Only this form or group.") var group: String?
    @Option(help: "Only this year group.") var year: Int?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let (records, days) = try loadRecords(options, period)
        let pupils = records.pupils.filter { pupil in
            (group.map { pupil.form == $0 } ?? true) && (year.map { pupil.yearGroup == $0 } ?? true)
        }
        let rows = PupilAttendance.report(pupils, book: records.book, calendar: records.calendar, period: days)
        print(Reports.pupils(rows).render(format), terminator: "")
    }
}

struct ReportPenalty: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "penalty",
        abstract: "Pupils with \(PenaltyThreshold.unauthorisedSessions) or more unauthorised sessions in the rolling \(PenaltyThreshold.window).",
        discussion: """
            The window is the 10 most recent school weeks up to the week of --as-of, counted from the Monday of the earliest.
            Columns: upn, surname, forename, form, unauthorised_sessions, window_start, window_end.
            Example: rollcall report penalty --as-of 2026-01-09 --format json
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The day to count back from (default: today).", valueName: "yyyy-mm-dd")) var asOf: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let (store, today) = try options.openToReview()
        let day = try parseDate(asOf, option: "as-of") ?? today
        let calendar = try store.calendar()
        guard let window = PenaltyWindow(asOf: day, calendar: calendar) else {
            throw Failure(calendar.years.isEmpty ? "no calendar is imported yet: use 'rollcall import calendar'"
                                                 : "\(day) is before the first school week of the imported calendar")
        }
        let records = try SchoolRecords.load(from: store, calendar: calendar, only: window.days, minutesAndNotes: false)
        let rows = PupilPenalty.report(records.pupils, book: records.book, calendar: records.calendar, asOf: day)
        print(Reports.penalty(rows).render(format), terminator: "")
    }
}

struct ReportSummary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Rates and persistent and severe absence for each cohort and the school.",
        discussion: "Example: rollcall report summary --by fsm --from 2025-09-01 --to 2025-12-19")

    @OptionGroup var options: StoreOptions
    @OptionGroup var period: PeriodOptions
    @Option(help: "year_group, form, sen, fsm, eal, sex or ground (of deletion: pupils deleted, and those on roll).") var by: CohortDimension = .yearGroup
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let (records, days) = try loadRecords(options, period)
        let rows = PupilAttendance.report(records.pupils, book: records.book, calendar: records.calendar, period: days)
        print(Reports.summary(CohortSummary(rows, by: by)).render(format), terminator: "")
    }
}

struct ReportFollowUps: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followups",
        abstract: "What must be done: one row per pupil per support-first rule.",
        discussion: """
            Rules: \(FollowUpRule.allCases.map(\.rawValue).joined(separator: ", ")).
            An entry leaves its list when the interventions log or the marks show the duty done; penalty-threshold \
            rows are the pupils of 'rollcall report penalty', with open false once a notice or decision covers them.
            Columns: upn, surname, forename, form, rule, open, detail, sessions, school_days, since, support_evidenced, \
            support, next_step, notices, clears. --shared shows the rows as a publish sends them to the trust: \
            no contact's name, relationship, telephone or address; a penalty notice's parent as "parent 1".
            Example: rollcall report followups --as-of 2025-11-20 --format json
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The day to work as of (default: today).", valueName: "yyyy-mm-dd")) var asOf: String?
    @Option(help: "Only this rule.") var rule: String?
    @Flag(help: "As the trust receives them: no contact's details.") var shared = false
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let (store, today) = try options.openToReview()
        let day = try parseDate(asOf, option: "as-of") ?? today
        if let rule, FollowUpRule(rawValue: rule) == nil {
            throw Failure("--rule '\(rule)' is not one of \(FollowUpRule.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let lists = try followUps(store, asOf: day, dayOver: try options.dayOver(day, today: today, school: try store.school()))
        let entries = lists.list().filter { rule == nil || $0.rule.rawValue == rule }
        print(Reports.followUps(shared ? entries.map(\.shared) : entries).render(format), terminator: "")
    }
}

/// Every follow-up list as of `day`, from the records the dashboard reads.
func followUps(_ store: Store, asOf day: CalendarDate, dayOver: Bool = true) throws -> FollowUps {
    let calendar = try store.calendar()
    guard !calendar.years.isEmpty else { throw Failure("no calendar is imported yet: use 'rollcall import calendar'") }
    return try FollowUps.load(from: store, calendar: calendar, asOf: day, dayOver: dayOver)
}

struct ReportLAReturns: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "la-returns",
        abstract: "Returns to the local authority due or overdue (regulation 13), with what each must contain.",
        discussion: """
            A new pupil's return is due by the end of the 5th day after the name is entered (not for the most junior \
            year joining on the first day of the school year); a deletion's no later than the deletion (not for the \
            top year leaving at the end of the school year). Each leaves the list when 'rollcall intervention add \
            la-return --about admission|deletion' is logged for it.
            Columns: return, due, overdue, upn, surname, forename, preferred_name, sex, date_of_birth, address, \
            starting_day, previous_school, parents, ground, deleted_on, new_address, new_school.
            Example: rollcall report la-returns --format csv > returns.csv
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The day to work as of (default: today).", valueName: "yyyy-mm-dd")) var asOf: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let (store, today) = try options.openToReview()
        let day = try parseDate(asOf, option: "as-of") ?? today
        let lists = try followUps(store, asOf: day)
        let returns = LAReturn.due(lists.list(), contacts: lists.contacts, deletions: lists.deletions, asOf: day)
        print(Reports.laReturns(returns).render(format), terminator: "")
    }
}

struct ReportAdmissions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admissions",
        abstract: "The admission register's extract: names entered, amendments, deletions and readmissions in the period.",
        discussion: """
            Columns: date, event (entered, amended, deleted, deletion lined up, readmitted), upn, surname, forename, \
            ground, field, old, new, reason, at, by. A deletion is dated by its day; one lined up for a later day has a \
            row on the day it was recorded too ("takes effect on ..." in new); an amendment or readmission is dated by \
            the day it was made.
            Example: rollcall report admissions --from 2025-09-01 --to 2025-12-19 --format csv > admissions.csv
            """)

    @OptionGroup var options: StoreOptions
    @OptionGroup var period: PeriodOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let (store, today) = try options.openToReview()
        let days = try period.resolve(today: today, calendar: try store.calendar())
        print(Reports.admissions(try store.pupils(), events: try store.admissionEvents(), period: days).render(format), terminator: "")
    }
}
