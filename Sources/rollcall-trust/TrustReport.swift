import ArgumentParser
import Foundation
import RollcallCore
import RollcallExchange
import RollcallTrust

extension OutputFormat: ExpressibleByArgument {}

struct TrustReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The trust's reports across its schools: each school's rows are its own 'rollcall report' rows.",
        subcommands: [TrustReportSchools.self, TrustReportDays.self, TrustReportPupils.self, TrustReportPenalty.self, TrustReportFollowUps.self])
}

/// `--today`, as a school's commands take it: the day the trust works as of.
struct TrustDayOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Work as of this day instead of the real date (or set ROLLCALL_TODAY).", valueName: "yyyy-mm-dd"))
    var today: String?

    /// `--today`, else `ROLLCALL_TODAY`, else the date in England.
    func day() throws -> CalendarDate {
        let text = today ?? ProcessInfo.processInfo.environment["ROLLCALL_TODAY"].flatMap { $0.isEmpty ? nil : $0 }
        return try TrustReportDay.parse(text, "today") ?? CalendarDate(Date(), in: School.timeZone)
    }
}

/// --from and --to, as a school's reports take them, and by the same rule (Core's
/// `ReportingPeriod`): nothing after today is counted, so a session not yet held is
/// never missing.
struct TrustPeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First day (default: 1 September of the year of --to).", valueName: "yyyy-mm-dd")) var from: String?
    @Option(help: ArgumentHelp("Last day (default: today; a later day counts up to today).", valueName: "yyyy-mm-dd")) var to: String?
    @OptionGroup var day: TrustDayOptions

    func days() throws -> ClosedRange<CalendarDate> {
        do {
            return try ReportingPeriod.resolve(from: TrustReportDay.parse(from, "from"), to: TrustReportDay.parse(to, "to"), today: day.day())
        } catch let error as PeriodError {
            throw ValidationError(error.description)
        }
    }
}

/// A day given as an option.
enum TrustReportDay {
    /// The day, nil when the option is not given, or a message naming the option.
    static func parse(_ text: String?, _ option: String) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(text) else { throw ValidationError("--\(option) '\(text)' is not a date like 2025-09-03") }
        return date
    }
}

struct TrustReportSchools: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schools",
        abstract: "One row per school, its own 'rollcall report summary' School row, then the trust's row.",
        discussion: """
            Columns: urn, name, published_at, then those of 'rollcall report summary' (pupils ... severe_rate). The last \
            row, urn 'trust', is every school's pupils as one: persistent and severe absence counted per pupil, not \
            averaged over schools. The period is the academic year up to today unless --from and --to say otherwise.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var period: TrustPeriodOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() async throws {
        let unreadable = UnreadableSchools()
        let days = try period.days()
        let schools = try await failing {
            try await TrustDatabase.with(try database.settings()) { try await TrustFigures.schools(days, unreadable: unreadable, on: $0) }
        }
        var table = ReportTable(columns: ["urn", "name", "published_at"] + Reports.figureColumns)
        for (school, figures) in schools {
            table.append([.text(school.urn), .text(school.name), .optionalText(school.publishedAt)] + Reports.figureValues(figures))
        }
        table.append([.text("trust"), .text("Trust"), .optionalText(nil)] + Reports.figureValues(CohortFigures(merging: schools.map { $0.figures })))
        print(table.render(format), terminator: "")
        try unreadable.sayAndFail()
    }
}

struct TrustReportPupils: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pupils",
        abstract: "Every school's 'rollcall report pupils', each row led by its school.",
        discussion: """
            Columns: urn, school, then those of 'rollcall report pupils'. --persistent keeps the pupils persistently \
            absent (10% or more of possible sessions missed), severe absence included.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var period: TrustPeriodOptions
    @Option(help: "Only this school (its URN).") var school: String?
    @Flag(help: "Only pupils persistently absent.") var persistent = false
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() async throws {
        let unreadable = UnreadableSchools()
        let days = try period.days()
        let schools = try await failing {
            try await TrustDatabase.with(try database.settings()) { try await TrustFigures.pupils(days, unreadable: unreadable, on: $0) }
        }
        let chosen = schools.filter { school == nil || $0.school.urn == school }
        let parts = chosen.map { school, rows in
            ([ReportTable.Value.text(school.urn), .text(school.name)],
             Reports.pupils(rows.filter { !persistent || $0.figures.isPersistentAbsentee }).rows)
        }
        print(ReportTable.bySchool(["urn", "school"], columns: Reports.pupils([]).columns, parts).render(format), terminator: "")
        try unreadable.sayAndFail()
    }
}

struct TrustReportPenalty: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "penalty",
        abstract: "Every school's 'rollcall report penalty': \(PenaltyThreshold.unauthorisedSessions) or more unauthorised sessions in its rolling \(PenaltyThreshold.window).",
        discussion: "Columns: urn, school, then those of 'rollcall report penalty'. Each school's window follows its own calendar.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("The day to count back from (default: today).", valueName: "yyyy-mm-dd")) var asOf: String?
    @OptionGroup var day: TrustDayOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() async throws {
        let unreadable = UnreadableSchools()
        let asOf = try TrustReportDay.parse(asOf, "as-of") ?? day.day()
        let schools = try await failing {
            try await TrustDatabase.with(try database.settings()) { try await TrustFigures.penalty(asOf: asOf, unreadable: unreadable, on: $0) }
        }
        let parts = schools.map { ([ReportTable.Value.text($0.school.urn), .text($0.school.name)], Reports.penalty($0.rows).rows) }
        print(ReportTable.bySchool(["urn", "school"], columns: Reports.penalty([]).columns, parts).render(format), terminator: "")
        try unreadable.sayAndFail()
    }
}

struct TrustReportFollowUps: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followups",
        abstract: "Every school's 'rollcall report followups', as of the school's last publish.",
        discussion: """
            Columns: urn, school, as_of (the day the school published them), then those of 'rollcall report followups'. \
            A school works its lists out with its contacts, which stay in the school.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Only this rule.") var rule: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() async throws {
        let unreadable = UnreadableSchools()
        var only: FollowUpRule?
        if let rule {
            guard let known = FollowUpRule(rawValue: rule) else {
                throw ValidationError("--rule '\(rule)' is not one of \(FollowUpRule.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            only = known
        }
        let schools = try await failing { [only] in
            try await TrustDatabase.with(try database.settings()) { try await TrustFigures.followUps(rule: only, unreadable: unreadable, on: $0) }
        }
        let parts = schools.map { ([ReportTable.Value.text($0.school.urn), .text($0.school.name), .text($0.asOf)], Reports.followUps($0.entries).rows) }
        print(ReportTable.bySchool(["urn", "school", "as_of"], columns: Reports.followUps([]).columns, parts).render(format), terminator: "")
        try unreadable.sayAndFail()
    }
}
