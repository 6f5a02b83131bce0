import ArgumentParser
import Foundation
import RollcallCore
import RollcallExchange
import RollcallStore

/// Pupils arriving with a Common Transfer File from their last school: admitted from it,
/// their attendance there kept apart.
struct ImportCTF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctf",
        abstract: "Admit the pupils of a Common Transfer File, with their parents and their attendance at earlier schools.",
        discussion: """
            Each pupil's entry is made from the file's items (an item missing is listed by the admission-details \
            follow-up), the previous school from its header, the year group from NCyearActual. Each YearData is kept as \
            attendance before Rollcall: shown in the pupil's history, sent on in their next CTF, never counted in this \
            school's figures. A pupil already here is refused by name (one whose name was deleted comes back through \
            'rollcall admission readmit'). A file with a DOCTYPE or an entity declaration, over 50 MB, nested more than 64 \
            deep, not UTF-8, or with a name holding a control character is refused before anything is read into the store.
            Example: rollcall import ctf 8881235_CTF_8881234_001.xml --starting-day 2025-09-15 --form 7B
            """)

    @OptionGroup var options: StoreOptions
    @Argument(help: "The CTF file (- reads standard input).") var file: String
    @Option(help: ArgumentHelp("The pupils' first day on roll here.", valueName: "yyyy-mm-dd")) var startingDay: String
    @Option(help: "The form every pupil of the file joins.") var form: String?
    @Option(help: ArgumentHelp("A CSV of upn,form: the form each pupil joins.", valueName: "FORMS.csv")) var forms: String?

    func validate() throws {
        guard (form == nil) != (forms == nil) else { throw ValidationError("give --form F, or --forms FORMS.csv with upn,form") }
    }

    func run() throws {
        let store = try options.open()
        try authoriseImport(store, options)
        let today = try options.currentDate()
        guard let starting = CalendarDate(startingDay) else { throw Failure("--starting-day \(EntryLimits.quoted(startingDay)) is not a date") }
        let ctf = try checking { try CTFFile.read(try Self.bytes(file), file: file, today: today) }
        for warning in ctf.warnings { printError("warning: \(warning)") }
        let joining = try joiningForms(ctf)
        let existing = try store.pupils(), deletions = try store.standingDeletions()
        var refusals: [String] = []
        for pupil in ctf.pupils {
            guard let here = existing.first(where: { $0.upn == pupil.upn }) else { continue }
            refusals.append(deletions[pupil.upn].map { "\(here.listName) (\(pupil.upn.text)) was deleted here on \($0.date): 'rollcall admission readmit "
                + "\(pupil.upn.text)' puts the name back" } ?? "\(here.listName) (\(pupil.upn.text)) is already on roll here")
        }
        if let missing = ctf.pupils.first(where: { $0.yearGroup == nil }) {
            refusals.append("\(missing.surname), \(missing.forename) (\(missing.upn.text)) has no NCyearActual: give the year group by a pupils import instead")
        }
        guard refusals.isEmpty else { throw Failure(refusals.joined(separator: "\n")) }
        let previous = ctf.source.map { $0.name ?? "\($0.lea)\($0.estab)" }
        let admitted = ctf.pupils.map { entry in
            Pupil(upn: entry.upn, surname: entry.surname, forename: entry.forename, preferredName: entry.preferredName, dateOfBirth: entry.dateOfBirth,
                  yearGroup: entry.yearGroup ?? 0, form: joining[entry.upn] ?? "", sex: entry.sex, admissionDate: starting, address: entry.address,
                  previousSchool: previous)
        }
        try store.updateAdmissionRegister(today: today, groups: { groups in
            for name in Set(joining.values) where !groups.contains(where: { $0.name == name }) { groups.append(Group(name: name)) }
        }) { pupils in
            if let clash = admitted.first(where: { pupil in pupils.contains { $0.upn == pupil.upn } }) {
                throw Failure("\(clash.listName) (\(clash.upn.text)) is already on roll here")
            }
            pupils += admitted
            return []
        }
        try store.updateContacts { contacts in
            for entry in ctf.pupils {
                contacts += entry.parents.map { parent in
                    Contact(upn: entry.upn, name: parent.name, relationship: parent.relationship, role: .parent,
                            phones: parent.phones.filter(ContactsImport.isPhone), livesWithPupil: parent.livesWithPupil)
                }
            }
        }
        try store.addPriorAttendance(Dictionary(ctf.pupils.map { ($0.upn, $0.years) }) { first, _ in first })
        let years = ctf.pupils.reduce(0) { $0 + $1.years.count }
        print("Admitted \(admitted.count) pupil\(admitted.count == 1 ? "" : "s") from \(previous ?? "the file") from \(starting); "
              + "\(years) year\(years == 1 ? "" : "s") of attendance at earlier schools kept apart.")
    }

    /// The form each pupil joins: `--form` for all, or the `--forms` file's.
    private func joiningForms(_ ctf: CTFFile) throws -> [UPN: String] {
        if let form {
            if let problem = EntryLimits.nameProblem(form) { throw Failure("--form \(problem)") }
            return Dictionary(ctf.pupils.map { ($0.upn, form) }) { first, _ in first }
        }
        let table = try readTable(forms ?? "")
        var joining: [UPN: String] = [:]
        for row in table.rows {
            guard row.fields.count >= 2, let upn = try? UPN(row.fields[0]), EntryLimits.nameProblem(row.fields[1]) == nil, !row.fields[1].isEmpty else {
                throw Failure("\(forms ?? ""):\(row.line): not a UPN and a form")
            }
            joining[upn] = row.fields[1]
        }
        if let missing = ctf.pupils.first(where: { joining[$0.upn] == nil }) {
            throw Failure("\(forms ?? "") gives no form for \(missing.surname), \(missing.forename) (\(missing.upn.text))")
        }
        return joining
    }

    /// The file's bytes, refused unread when larger than a CTF is; standard input (a file
    /// sent through the gate) is read no further than one byte past the limit.
    private static func bytes(_ path: String) throws -> [UInt8] {
        let limit = CTFFile.largestFile
        func tooLarge(_ size: Int) -> ImportFailure {
            ImportFailure([ImportProblem(file: path, line: nil, "the file is \(size / 1024 / 1024) MB; a CTF is refused over \(limit / 1024 / 1024) MB")])
        }
        guard path == "-" else {
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit { throw tooLarge(size) }
            return try readInput(path)
        }
        var bytes: [UInt8] = []
        while bytes.count <= limit, let chunk = try FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty { bytes += chunk }
        if bytes.count > limit {
            throw ImportFailure([ImportProblem(file: path, line: nil, "more than \(limit / 1024 / 1024) MB came; a CTF is refused over that")])
        }
        return bytes
    }
}
