import ArgumentParser
import Foundation
import RollcallCore
import RollcallExchange
import RollcallTrust

extension OutputFormat: @retroactive ExpressibleByArgument {}

struct TrustReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The trust's reports across its schools.",
        subcommands: [TrustReportSchools.self])
}

struct TrustReportSchools: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schools",
        abstract: "One row per school: its figures as its own 'rollcall report summary' gives them.",
        discussion: """
            Columns: urn, name, published_at, pupils, possible, attended, authorised, unauthorised, attendance_rate, \
            absence_rate, persistent, persistent_rate, severe, severe_rate.
            The period is the academic year up to today unless --from and --to say otherwise.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("First day (default: 1 September of the year of --to).", valueName: "yyyy-mm-dd")) var from: String?
    @Option(help: ArgumentHelp("Last day (default: today).", valueName: "yyyy-mm-dd")) var to: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() async throws {
        let today = CalendarDate(Date(), in: School.timeZone)
        guard let end = to.map(CalendarDate.init) ?? today else { throw ValidationError("--to '\(to ?? "")' is not a date like 2025-09-03") }
        guard let start = from.map(CalendarDate.init) ?? AcademicYear.span(containing: end).lowerBound else {
            throw ValidationError("--from '\(from ?? "")' is not a date like 2025-09-03")
        }
        guard start <= end else { throw ValidationError("the period starts on \(start), after it ends on \(end)") }
        let schools = try await failing {
            try await TrustDatabase.with(try database.settings()) { try await TrustFigures.schools(start...end, on: $0) }
        }
        var table = ReportTable(columns: ["urn", "name", "published_at", "pupils", "possible", "attended", "authorised", "unauthorised",
                                          "attendance_rate", "absence_rate", "persistent", "persistent_rate", "severe", "severe_rate"])
        for school in schools {
            let figures = school.figures, sessions = figures.sessions
            table.append([.text(school.urn), .text(school.name), .optionalText(school.publishedAt), .integer(figures.pupils),
                          .integer(sessions.possible), .integer(sessions.tally.attended), .integer(sessions.tally.authorisedAbsence),
                          .integer(sessions.tally.unauthorisedAbsence), .rate(sessions.attendanceRate), .rate(sessions.absenceRate),
                          .integer(figures.persistentAbsentees), .rate(figures.persistentAbsenceRate), .integer(figures.severeAbsentees),
                          .rate(figures.severeAbsenceRate)])
        }
        print(table.render(format), terminator: "")
    }
}
