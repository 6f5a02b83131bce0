import Foundation
import RollcallCore
import RollcallStore
import SystemPackage

/// Usage:
///   store-drill import STORE GROUPS PUPILS DAYS CODE [REASON]
///       one write of GROUPS x PUPILS x DAYS x 2 marks, all with CODE
///   store-drill mark STORE GROUP FIRST COUNT DAYS
///       pupils FIRST..<FIRST+COUNT of GROUP marked present one mark at a time
///   store-drill create STORE      a new store
///   store-drill report STORE      the 2025-26 book read, as a report would (the digest saved)
/// Pupils and sessions are the same as `DrillSchool` in the tests: pupil n of group g
/// has UPN body 801 2000 g(2) n(3)... and sessions start on Monday 1 September 2025.
let arguments = CommandLine.arguments
func number(_ index: Int) -> Int { Int(arguments[index]) ?? 0 }

func upn(group: Int, pupil: Int) -> UPN {
    let body = "8012000" + String(format: "%02d%03d", group, pupil)
    do { return try UPN(body: body) } catch { fatalError("drill UPN \(body): \(error)") }
}

func sessions(days: Int) -> [Session] {
    let monday = CalendarDate(year: 2025, month: 9, day: 1) ?? CalendarDate(dayNumber: 0)
    return (0..<days).flatMap { [Session(monday.advanced(by: $0), .am), Session(monday.advanced(by: $0), .pm)] }
}

do {
    if arguments[1] == "create" {
        _ = try Store.create(at: FilePath(arguments[2]), school: School(name: "Drill Academy"))
        exit(0)
    }
    let store = try Store.open(at: FilePath(arguments[2]))
    let recorder = Recorder(login: "drill-\(getpid())", role: .office)
    switch arguments[1] {
    case "import":
        let code = try AttendanceCode.parse(arguments[6])
        var entries: [MarkEntry] = []
        for group in 0..<number(3) {
            for pupil in 0..<number(4) {
                for session in sessions(days: number(5)) {
                    entries.append(MarkEntry(upn: upn(group: group, pupil: pupil), group: "G\(group)", session: session, mark: Mark(code)))
                }
            }
        }
        try store.record(entries, by: recorder, at: Date(), reason: arguments.count > 7 ? arguments[7] : nil)
    case "mark":
        let group = number(3)
        for pupil in number(4)..<(number(4) + number(5)) {
            for session in sessions(days: number(6)) {
                let entry = MarkEntry(upn: upn(group: group, pupil: pupil), group: "G\(group)", session: session, mark: Mark(.present(for: session.part)))
                try store.record([entry], by: recorder, at: Date())
            }
        }
    case "report":
        _ = try store.book(academicYears: ["2025-26"])
    default:
        FileHandle.standardError.write(Data("unknown drill \(arguments[1])\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("store-drill: \(error)\n".utf8))
    exit(1)
}
