import ArgumentParser
import RollcallCore
import RollcallExchange
import RollcallRecords

extension CensusTerm: ExpressibleByArgument {}

struct ReportCensus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "census",
        abstract: "The school census's attendance module for a term: a row per pupil, with the sessions of each absence code.",
        discussion: """
            The autumn term runs 1 August to 31 December (returned in the spring census), the spring term 1 January to \
            Easter Sunday (the summer census), and the summer term's two halves, Easter Monday to the Sunday before the \
            spring bank holiday and the bank holiday to 31 July, are returned separately (the autumn census). Every pupil on \
            roll at any time in the period, leavers too, aged 4 to 15 on the 31 August before the year, with a possible \
            session. Columns: period, upn, surname, forename, date_of_birth, possible, authorised, unauthorised, then the \
            sessions of each absence code (CSV and table: a column per code; JSON: reasons, an object). --format xml writes \
            the attendance module's XML. Days after today are not counted.
            Example: rollcall report census --term autumn --year 2025-26 --format csv > census-autumn.csv
            """)

    enum Format: String, ExpressibleByArgument { case table, csv, json, xml }

    @OptionGroup var options: StoreOptions
    @Option(help: "autumn, spring or summer.") var term: CensusTerm
    @Option(help: ArgumentHelp("The academic year (default: this one).", valueName: "yyyy-yy")) var year: String?
    @Option(help: "table, csv, json or xml.") var format: Format = .table

    func run() throws {
        let (store, today) = try options.openToReview()
        let laestab = try store.school().requireLAESTAB()
        let startYear: Int
        if let year {
            guard let span = AcademicYear.span(named: year) else { throw Failure("--year '\(EntryLimits.quoted(year))' is not an academic year like 2025-26") }
            startYear = span.lowerBound.year
        } else {
            startYear = AcademicYear.span(containing: today).lowerBound.year
        }
        let periods = term.periods(startYear: startYear)
        guard let first = periods.first?.days.lowerBound, let last = periods.last?.days.upperBound, first <= today else {
            throw Failure("the \(term.rawValue) term of \(startYear)-\(String(startYear + 1).suffix(2)) has not begun on \(today)")
        }
        let days = first...min(last, today)
        let records = try SchoolRecords.load(from: store, calendar: try store.calendar(), only: days)
        let rows = CensusAttendance.rows(term, startYear: startYear, records: records, upTo: today)
        switch format {
        case .xml: print(CensusXML.document(rows, term: term, startYear: startYear, laestab: laestab), terminator: "")
        case .table: print(Reports.census(rows, reasonColumns: true).render(.table), terminator: "")
        case .csv: print(Reports.census(rows, reasonColumns: true).render(.csv), terminator: "")
        case .json: print(Reports.census(rows, reasonColumns: false).render(.json), terminator: "")
        }
    }
}
