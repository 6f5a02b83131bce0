import ArgumentParser
import Foundation
import RollcallCore
import RollcallExchange
import RollcallStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import the calendar, pupils, staff, contacts or marks.",
        discussion: "Each import checks the whole file first and imports nothing if any row is wrong, naming each problem as FILE:LINE.",
        subcommands: [ImportCalendar.self, ImportPupils.self, ImportStaff.self, ImportContacts.self, ImportMarks.self, ImportCTF.self])
}

/// The bytes of a file named on the command line (`-`: standard input, as through the
/// gate), or a clear error naming it.
func readInput(_ path: String) throws -> [UInt8] {
    if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw Failure(FileManager.default.fileExists(atPath: path) ? "\(path) cannot be read" : "\(path) does not exist")
    }
    return Array(data)
}

/// Reads a CSV file, turning a malformed file into a `FILE:LINE` problem.
func readTable(_ path: String) throws -> CSVTable {
    do {
        return try CSVTable(bytes: readInput(path))
    } catch let error as CSVError {
        throw ImportFailure([ImportProblem(file: path, line: error.line, error.description)])
    }
}

/// Runs the checking half of an import; a refused file prints every problem and fails.
func checking<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as ImportFailure {
        try refuse(failure)
    }
}

/// Imports need the attendance lead, office or an admin once there is a staff list.
func authoriseImport(_ store: Store, _ options: StoreOptions) throws {
    try store.staff().authorise(.importData, by: try options.login, today: options.currentDate())
}

func printWarnings(_ warnings: [ImportProblem]) {
    for warning in warnings { printError("warning: \(warning.description)") }
}

struct ImportCalendar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Import one academic year's terms and closures from JSON.",
        discussion: """
            {"academic_year":"2025-26","terms":[{"name":"Autumn 1","start":"2025-09-03","end":"2025-10-24"}],
             "closures":[{"date":"2025-11-03","sessions":"AM+PM","reason":"INSET"}]}
            A calendar that changes days before today (opens a closed day or a holiday, moves a term's start or end, \
            changes a closure) is an amendment: it needs an admin and --reason, and is kept in the calendar's log \
            ('rollcall audit --calendar').
            Example: rollcall import calendar 2025-26.json
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "The calendar JSON file.") var file: String
    @Option(help: "Why days that have passed change (an admin's amendment, kept in the calendar's log).") var reason: String?

    func run() throws {
        let store = try options.open()
        try authoriseImport(store, options)
        let year = try checking { try CalendarImport.read(readInput(file), file: file) }
        let staff = try store.staff()
        // Which days have passed is the real day's question for all but an admin: a
        // pretended earlier day would make the past look like days to come.
        let today = try options.decidingDate(staff)
        let amendment = try store.saveAcademicYear(year, today: today) { changes in
            guard let reason else { throw CalendarError.changesThePast(changes) }
            try staff.authorise(.amendCalendar, by: try options.login, today: today)
            let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            if why.isEmpty { throw Failure("--reason is empty: say why days that have passed change") }
            if let problem = EntryLimits.textProblem(why) { throw Failure("--reason \(problem)") }
            return Store.Amending(reason: why, by: try staff.recorder(login: try options.login), at: RealClock.now)
        }
        print("Imported \(year.name): \(year.terms.count) terms, \(year.closures.count) closures"
              + (amendment.map { "; \($0.changes.count) change\($0.changes.count == 1 ? "" : "s") to days gone by, kept in the calendar's log." } ?? "."))
    }
}

struct ImportPupils: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pupils",
        abstract: "Import or update pupils from CSV, by UPN.",
        discussion: """
            Required columns: upn, surname, forename, date_of_birth, year_group, form.
            Optional: preferred_name, sex (or gender), sen, fsm, eal, social_worker, youth_justice, looked_after, \
            starting_day (or admission_date), address, previous_school. An optional column the file lacks changes \
            nothing; one that is there and empty clears the item.
            A leaving_date is refused: a name leaves the admission register only through 'rollcall admission delete'.
            A change to an existing pupil's entry (name, sex, date of birth, address, previous school, starting day) \
            is an amendment of the admission register, kept with the original, the reason, when and by whom.
            Example: rollcall import pupils pupils.csv
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "The pupils CSV file (UTF-8, with a header row).") var file: String
    @Option(help: "Why entries change, kept with each amendment (default: 'updated from FILE').") var reason: String?

    func run() throws {
        let store = try options.open()
        try authoriseImport(store, options)
        let imported = try checking { try PupilsImport(table: readTable(file), file: file, today: options.currentDate()) }
        printWarnings(imported.warnings)
        var added = 0, amended = 0
        let staff = try store.staff()
        let recorder = try staff.recorder(login: try options.login)
        let why = reason ?? "updated from \(URL(fileURLWithPath: file).lastPathComponent)"
        if let problem = EntryLimits.textProblem(why) { throw Failure("--reason \(problem)") }
        try store.updateAdmissionRegister(today: options.currentDate(), groups: { imported.merge(into: &$0) }) { pupils in
            let known = Set(pupils.map(\.upn))
            added = imported.pupils.count { !known.contains($0.upn) }
            let amendments = imported.merge(into: &pupils, reason: why)
            amended = amendments.count
            return amendments.map { AdmissionEvent($0, by: recorder, at: RealClock.now) }
        }
        print("Imported \(imported.pupils.count) pupils: \(added) new, \(imported.pupils.count - added) updated"
              + (amended == 0 ? "." : "; \(amended) item\(amended == 1 ? "" : "s") of the admission register amended, each kept with the original."))
    }
}

struct ImportStaff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Import the staff list: who may mark and amend which registers.",
        discussion: """
            Columns: username, name, role (tutor, attendance_lead, office, admin), forms (separated by ;).
            Once a staff list exists, logins not on it are refused everywhere.
            Example: rollcall import staff staff.csv
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "The staff CSV file.") var file: String

    func run() throws {
        let store = try options.open()
        try authoriseImport(store, options)
        let imported = try checking { try StaffImport(table: readTable(file), file: file) }
        printWarnings(imported.warnings)
        let login = try options.login
        try store.saveStaff { current in
            try current.checkReplacement(imported.staff, by: login)
            current = imported.staff
        }
        print("Imported \(imported.staff.members.count) staff.")
    }
}

struct ImportContacts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "Import parents, carers, social workers and youth justice workers.",
        discussion: """
            Columns: upn, name, relationship, role (parent, social-worker, youth-justice-worker; default parent), \
            phone, phone2, lives_with_pupil (Y/N), address, emergency_phone. Each pupil in the file has their contacts \
            replaced by the file's; a change to a pupil's parents is an amendment of the admission register, kept with the \
            original, the reason, when and by whom.
            Example: rollcall import contacts contacts.csv
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "The contacts CSV file.") var file: String
    @Option(help: "Why parents' details change, kept with each amendment (default: 'updated from FILE').") var reason: String?

    func run() throws {
        let store = try options.open()
        try authoriseImport(store, options)
        let pupils = try store.pupils()
        let imported = try checking { try ContactsImport(table: readTable(file), file: file, pupils: pupils) }
        printWarnings(imported.warnings)
        let recorder = try store.staff().recorder(login: try options.login)
        let why = reason ?? "updated from \(URL(fileURLWithPath: file).lastPathComponent)"
        if let problem = EntryLimits.textProblem(why) { throw Failure("--reason \(problem)") }
        try store.updateContacts(amending: Store.Amending(reason: why, by: recorder, at: RealClock.now)) { imported.merge(into: &$0) }
        print("Imported \(imported.contacts.count) contacts for \(Set(imported.contacts.map(\.upn)).count) pupils.")
    }
}

struct ImportMarks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marks",
        abstract: "Import marks from CSV, all or nothing.",
        discussion: """
            Columns: upn, date, session (AM or PM), code; optional minutes_late, note.
            Importing the same marks again changes nothing. A row that changes an existing mark is an amendment and needs --reason.
            Example: rollcall import marks marks.csv --reason "Corrected from the office log"
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "The marks CSV file.") var file: String
    @Option(help: "Why existing marks are changed (recorded with each amendment).") var reason: String?

    func run() throws {
        let store = try options.open()
        try authoriseImport(store, options)
        let progress = Progress()
        defer { progress.finish() }
        let imported = try checking {
            let imported = try MarksImport(table: readTable(file), file: file, pupils: store.pupils(), calendar: store.calendar(),
                                           today: options.decidingDate(store.staff())) {
                progress.report("Checking rows", $0, of: $1)
            }
            if reason?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
                let book = try store.book(academicYears: imported.academicYears.sorted())
                let amendments = imported.amendmentsWithoutReason(book: book, file: file)
                if !amendments.isEmpty { throw ImportFailure(amendments) }
            }
            return imported
        }
        printWarnings(imported.warnings)
        progress.say("Writing \(imported.entries.count) marks")
        let recorder = try store.staff().recorder(login: try options.login)
        let summary = try store.record(imported.entries, by: recorder, at: Date(), reason: reason)
        print("Imported \(imported.entries.count) marks: \(summary.recorded) new, \(summary.amendments.count) amended, \(summary.unchanged) unchanged.")
    }
}
