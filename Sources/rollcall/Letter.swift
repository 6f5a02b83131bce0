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
        discussion: "Example: rollcall letter write persistent-absence --upn B801200005001 --to letters/")

    @OptionGroup var options: StoreOptions
    @Argument(help: "Which letter.") var name: String
    @Option(help: "The pupil.") var upn: String
    @Option(help: ArgumentHelp("The folder to write it in (default: the working directory; - prints it).", valueName: "dir")) var to: String?

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
        let values = LetterValues.values(for: pupil, school: try store.school(), records: records, contacts: try store.contacts(),
                                         asOf: today, signatory: signatory)
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
