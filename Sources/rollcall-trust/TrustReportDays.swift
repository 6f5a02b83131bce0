import ArgumentParser
import RollcallCore
import RollcallExchange
import RollcallTrust

struct TrustReportDays: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "days",
        abstract: "Day by day across the schools: each school's attendance each school day, and the days well below its usual.",
        discussion: """
            Columns: urn, name, date, weekday, possible, attended, attendance_rate, expected_rate, unusual. A day is \
            unusual for a school when its rate is more than 3 points (or 3 median absolute deviations) below the median \
            of the same weekday in the three school weeks before and after it; the trust's row (urn 'trust') is unusual \
            when two schools, or a quarter of them, are. The period is the last four weeks up to today unless --from and \
            --to say otherwise.
            Example: rollcall trust report days --from 2025-12-01 --to 2025-12-19 --format csv
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var period: TrustPeriodOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() async throws {
        let unreadable = UnreadableSchools()
        let today = try period.day.day()
        let days = try period.from == nil ? ReportingPeriod.resolve(from: today.advanced(by: -27), to: today, today: today) : period.days()
        let schools = try await failing {
            try await TrustDatabase.with(try database.settings()) { try await TrustFigures.days(days, today: today, unreadable: unreadable, on: $0) }
        }
        var table = ReportTable(columns: ["urn", "name", "date", "weekday", "possible", "attended", "attendance_rate", "expected_rate", "unusual"])
        func append(_ urn: String, _ name: String, _ day: SchoolDay) {
            table.append([.text(urn), .text(name), .text(day.date.description), .text(day.date.weekday.shortName),
                          .integer(day.figures.possible), .integer(day.tally.attended), .rate(day.figures.attendanceRate),
                          .rate(day.usualRate), .boolean(day.isUnusual)])
        }
        for day in UnusualDays.trustDays(schools.map(\.days)) { append("trust", "Trust", day) }
        for (school, days) in schools {
            for day in days { append(school.urn, school.name, day) }
        }
        print(table.render(format), terminator: "")
        try unreadable.sayAndFail()
    }
}
