import ArgumentParser
import RollcallExchange

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export data for another system or a spreadsheet.", subcommands: [ExportMarks.self])
}

struct ExportMarks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marks",
        abstract: "Every mark in the period, in the import format (upn, date, session, code, minutes_late, note).",
        discussion: "Example: rollcall export marks --from 2025-09-01 --format csv > marks.csv")

    @OptionGroup var options: StoreOptions
    @OptionGroup var period: PeriodOptions
    @Option(help: "csv or json.") var format: OutputFormat = .csv

    func validate() throws {
        if format == .table { throw ValidationError("export marks writes csv or json") }
    }

    func run() throws {
        let (records, days) = try loadRecords(options, period)
        print(Reports.marks(records, period: days).render(format), terminator: "")
    }
}
