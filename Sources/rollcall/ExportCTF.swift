import ArgumentParser
import Foundation
import RollcallCore
import RollcallExchange
import RollcallStore

/// A Common Transfer File for pupils leaving: what a maintained school sends the next
/// school within 15 days of deleting a name.
struct ExportCTF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctf",
        abstract: "Write a Common Transfer File for pupils going to another school (the office, the attendance lead or an admin).",
        discussion: """
            The file is named LLLEEEE_CTF_DDDDDDD_nnn.xml: this school's LAESTAB, the destination's (XXXXXXX unknown, \
            MMMMMMM outside the system) and the file's number among those sent there. It holds each pupil's UPN, names, date \
            of birth, sex, preferred name, NC year, address, the parents with parental responsibility, and a YearData for \
            each academic year here (possible, authorised, attended, unauthorised) and each that came from earlier schools. \
            --sessions adds the marks session by session (AttendSessions), which the DfE's own specification does not yet \
            confirm. Each export is recorded in the admission register's log.
            Example: rollcall export ctf --upn B801200005001 --to 8881235 --out ctf/
            """)

    @OptionGroup var options: StoreOptions
    @Option(help: "A pupil the file is for; give --upn again for each.") var upn: [String]
    @Option(help: ArgumentHelp("The next school's LAESTAB, or unknown, or outside.", valueName: "LAESTAB|unknown|outside")) var to: String
    @Flag(help: "Add the marks session by session (AttendSessions).") var sessions = false
    @Option(help: ArgumentHelp("The folder to write the file in; - writes it to standard output.", valueName: "dir")) var out: String

    func run() throws {
        let store = try options.open()
        let staff = try store.staff(), login = try options.login
        let today = try options.decidingDate(staff)
        try staff.authorise(.changeAdmissionRegister, by: login, today: today)
        let school = try store.school()
        let laestab = try school.requireLAESTAB()
        guard let destination = CTFDestination(to) else {
            throw Failure("--to \(EntryLimits.quoted(to)) is not a LAESTAB (seven digits), unknown or outside")
        }
        guard !upn.isEmpty else { throw Failure("give --upn for each pupil the file is for") }
        let pupils = try upn.map { try findPupil($0, in: store) }
        let calendar = try store.calendar()
        // Each year's totals, and its codes for --sessions: no minute or note.
        let book = try store.book(academicYears: calendar.years.map(\.name), minutesAndNotes: false)
        let records = SchoolRecords(calendar: calendar, pupils: pupils, book: book)
        let contacts = try store.contacts(), earlier = try store.priorAttendance()
        let made = RealClock.now
        let file = CTFWriter.document(pupils.map { pupil in
            CTFWriter.PupilRecord(pupil: pupil, parents: contacts.filter { $0.upn == pupil.upn && $0.role == .parent },
                                  years: AttendanceYear.years(of: pupil, records: records, laestab: laestab, schoolName: school.name, today: today,
                                                              withSessions: sessions) + (earlier[pupil.upn] ?? []))
        }, from: CTFWriter.Source(laestab: laestab, schoolName: school.name), to: destination, made: made)
        let name = destination.fileName(from: laestab, sequence: AdmissionEvent.ctfFiles(to: destination.code, in: try store.admissionEvents()) + 1)
        if out == "-" {
            print(file, terminator: "")
        } else {
            try ExportFile.create(at: "\(out)/\(name)", contents: file)
        }
        try store.logCTF(pupils.map(\.upn), to: destination.code, file: name, by: staff.recorder(login: login), at: made)
        if out != "-" { print("Wrote \(out)/\(name) for \(pupils.count) pupil\(pupils.count == 1 ? "" : "s").") }
    }
}
