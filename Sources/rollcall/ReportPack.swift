import ArgumentParser
import RollcallCore
import RollcallExchange
import RollcallRecords

struct ReportPack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "The termly pack for governors: one HTML file of figures and charts, no pupil named.",
        discussion: """
            The pack holds the headline figures against the same period last year, attendance week by week, persistent \
            and severe absence by year group, absence by reason, the cohort gaps, when in the week absence falls, the \
            follow-up lists, interventions and penalty notices, and the roll. It fetches nothing: charts are inline SVG, \
            and it prints on A4 a section to a page. Every figure is the one 'rollcall report summary' gives for the same days.
            --term takes a term's name ("Autumn 2") or its first word for the whole term ("Autumn"), in this academic \
            year unless --year names another. Without --term, the period is --from and --to, as for the other reports.
            Example: rollcall report pack --term Autumn --out autumn-pack.html
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: "A term or half term by name.") var term: String?
    @Option(help: ArgumentHelp("The academic year of --term (default: this one).", valueName: "yyyy-yy")) var year: String?
    @OptionGroup var period: PeriodOptions
    @Option(help: ArgumentHelp("The file to write, which must not exist yet; - writes to standard output.", valueName: "file.html"))
    var out: String

    func validate() throws {
        if term != nil, period.from != nil || period.to != nil { throw ValidationError("give --term, or --from and --to, not both") }
        if year != nil, term == nil { throw ValidationError("--year goes with --term") }
    }

    func run() throws {
        let (store, today) = try options.openToReview()
        let calendar = try store.calendar()
        let chosen: PackPeriod
        if let term {
            do { chosen = try PackPeriod.term(term, year: year, today: today, calendar: calendar) } catch { throw Failure(error.description) }
        } else {
            chosen = PackPeriod.dates(try period.resolve(today: today, calendar: calendar), calendar: calendar)
        }
        let html = PackDocument.html(try TermlyPack.load(from: store, period: chosen), made: today)
        if out == "-" {
            print(html, terminator: "")
            return
        }
        try ExportFile.create(at: out, contents: html)
        printError("Wrote the pack for \(chosen.title) (\(chosen.days.lowerBound) to \(chosen.days.upperBound)) to \(out)")
    }
}
