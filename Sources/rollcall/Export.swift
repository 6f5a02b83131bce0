import ArgumentParser
import RollcallCore
import RollcallExchange

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export data for another system or a spreadsheet: each in its import's format.",
        subcommands: [ExportMarks.self, ExportPupils.self, ExportContacts.self, ExportStaff.self, ExportCalendar.self, ExportCTF.self])
}

struct ExportMarks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marks",
        abstract: "Every mark in the period, in the import format (upn, date, session, code, minutes_late, note).",
        discussion: "Example: rollcall export marks --from 2025-09-01 --format csv > marks.csv")

    @OptionGroup var options: StoreOptions
    @OptionGroup var period: PeriodOptions
    @Option(help: "csv or json.") var format: ExportFormat = .csv

    func run() throws {
        let (records, days) = try loadRecords(options, period)
        print(Reports.marks(records, period: days).render(format.output), terminator: "")
    }
}

/// The pupils on roll, in the pupils import's format: it imports again unchanged.
struct ExportPupils: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pupils",
        abstract: "The pupils on roll, in the import format: importing the file again changes nothing.",
        discussion: """
            Columns: \(Reports.pupilRecords([]).columns.joined(separator: ", ")). A pupil whose name was deleted is not \
            written: off roll goes only through the admission register (and a CTF carries their record on).
            Example: rollcall export pupils > pupils.csv
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: "csv or json.") var format: ExportFormat = .csv

    func run() throws {
        let store = try options.openToReview().store
        print(Reports.pupilRecords(try store.pupils().filter { $0.leavingDate == nil }).render(format.output), terminator: "")
    }
}

/// The contacts, in the contacts import's format.
struct ExportContacts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "Parents, carers and workers, in the import format: importing the file again changes nothing.",
        discussion: "Example: rollcall export contacts > contacts.csv")

    @OptionGroup var options: StoreOptions
    @Option(help: "csv or json.") var format: ExportFormat = .csv

    func run() throws {
        let store = try options.openToReview().store
        let onRoll = Set(try store.pupils().filter { $0.leavingDate == nil }.map(\.upn))
        print(Reports.contactRecords(try store.contacts().filter { onRoll.contains($0.upn) }).render(format.output), terminator: "")
    }
}

/// The staff list, in the staff import's format.
struct ExportStaff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "The staff list, in the import format: importing the file again changes nothing.",
        discussion: "Example: rollcall export staff > staff.csv")

    @OptionGroup var options: StoreOptions
    @Option(help: "csv or json.") var format: ExportFormat = .csv

    func run() throws {
        let store = try options.openToReview().store
        print(Reports.staffRecords(try store.staff()).render(format.output), terminator: "")
    }
}

/// One academic year's calendar, as the calendar import reads it.
struct ExportCalendar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "One academic year's terms and closures, as the calendar import reads them.",
        discussion: "Example: rollcall export calendar --year 2025-26 > 2025-26.json")

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The academic year.", valueName: "yyyy-yy")) var year: String

    func run() throws {
        let store = try options.openToReview().store
        guard let academicYear = try store.calendar().academicYear(named: year) else {
            throw Failure("the calendar has no academic year \(EntryLimits.quoted(year)): 'rollcall import calendar' adds one")
        }
        print(CalendarImport.text(academicYear))
    }
}
