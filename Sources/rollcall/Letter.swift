import ArgumentParser
import Foundation
import RollcallCore
import RollcallExchange
import RollcallRecords
import RollcallStore

struct Letter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Write the standard letters to families, filled with the pupil's figures.",
        discussion: """
            Letters: \(StandardLetters.all.keys.sorted().joined(separator: ", ")). \
            'rollcall letter templates' copies them into the store (letters/NAME.md) for the school to edit; \
            the store's copy is used from then on.
            """,
        subcommands: [LetterWrite.self, LetterTemplates.self])
}

struct LetterWrite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write",
        abstract: "Write one letter for a pupil as a Markdown file.",
        discussion: """
            leave-granted and leave-refused answer a request for leave (--request N), addressed to whoever asked.
            Example: rollcall letter write persistent-absence --upn B801200005001 --to letters/
            Example: rollcall letter write leave-refused --upn B801200005001 --request 3 --to -
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "Which letter.") var name: String
    @Option(help: "The pupil.") var upn: String
    @Option(help: ArgumentHelp("The folder to write it in (default: the working directory; - prints it).", valueName: "dir")) var to: String?
    @Option(help: "The leave request a leave-granted or leave-refused letter answers.") var request: Int?

    func run() throws {
        let store = try options.open()
        let today = try options.currentDate()
        let staff = try store.staff()
        try staff.authorise(.log(.letter), by: try options.login, today: today)
        let pupil = try findPupil(upn, in: store)
        let template: LetterTemplate
        if let own = try store.letterTemplate(named: name) {
            template = LetterTemplate(name: name, text: own.text, source: own.path)
        } else if let standard = StandardLetters.all[name] {
            template = LetterTemplate(name: name, text: standard, source: "the standard \(name) letter")
        } else {
            throw Failure(LetterError.noTemplate(name, known: StandardLetters.all.keys.sorted()).description)
        }
        let calendar = try store.calendar()
        let records = try SchoolRecords.load(from: store, calendar: calendar, covering: Dashboard.days(asOf: today, calendar: calendar))
        let signatory = staff.member(login: try options.login)?.name ?? "The attendance team"
        var values = LetterValues.values(for: pupil, school: try store.school(), records: records, contacts: try store.contacts(),
                                         asOf: today, signatory: signatory)
        if let outcome = Self.leaveLetters[name] {
            guard let request else { throw Failure("\(name) answers a request for leave: give --request N ('rollcall leave list')") }
            guard let application = try store.leaveApplications().first(where: { $0.number == request && $0.request.upn == pupil.upn }) else {
                throw Failure("\(pupil.listName) has no leave request \(request)")
            }
            guard application.outcome == outcome else {
                throw Failure("leave request \(request) is \(application.outcome.rawValue), not \(outcome.rawValue): write leave-\(application.outcome.rawValue)")
            }
            values.merge(LetterValues.leave(application)) { $1 }
        }
        let text: String
        do { text = try template.fill(values) } catch { throw Failure(error.description) }
        if to == "-" {
            print(text)
            return
        }
        let path = try ExportFile.create(named: "\(name)-\(pupil.upn.text)-\(today)", extension: "md", contents: text + "\n",
                                         in: to ?? FileManager.default.currentDirectoryPath)
        print("Wrote \(path)")
    }
}

extension LetterWrite {
    /// The letters that answer a request for leave, by the outcome each is for.
    static let leaveLetters: [String: LeaveApplication.Outcome] = ["leave-granted": .granted, "leave-refused": .refused]
}

struct LetterTemplates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Copy the standard letters into the store for the school to edit, and list them.")

    @OptionGroup var options: StoreOptions

    func run() throws {
        let store = try options.open()
        try authoriseImport(store, options)
        for name in StandardLetters.all.keys.sorted() {
            let (path, written) = try store.addLetterTemplate(named: name, text: StandardLetters.all[name] ?? "")
            print("\(path)\(written ? " (written)" : " (the school's own, kept)")")
        }
    }
}
