import Foundation
import RollcallCore

extension MarksFile {
    /// Reads a marks file without Foundation's decoder, which spends seconds on a large
    /// school's year. nil when the file is anything but a well-formed marks file of this
    /// schema version: the caller then decodes it the slow way, which names the problem.
    static func fastRead(_ bytes: [UInt8], key: MarksFileKey) -> MarksFile? {
        var scanner = JSONScanner(bytes)
        var schemaVersion: Int?, group: String?, academicYear: String?
        var registers: [Session: Register] = [:]
        var upns: [String: UPN] = [:]
        let read = scanner.object { scanner, name in
            switch name {
            case "schemaVersion":
                schemaVersion = scanner.integer()
                return schemaVersion != nil
            case "group":
                group = scanner.string()
                return group != nil
            case "academicYear":
                academicYear = scanner.string()
                return academicYear != nil
            case "registers":
                return scanner.object { scanner, text in
                    guard let session = Session(text),
                          let register = readRegister(&scanner, group: key.group, session: session, upns: &upns) else { return false }
                    registers[session] = register
                    return true
                }
            default:
                return false
            }
        }
        guard read, scanner.isAtEnd, let schemaVersion, schemaVersion <= MarksFile.schemaVersion,
              group == key.group, academicYear == key.academicYear else { return nil }
        return MarksFile(key: key, registers: registers)
    }

    private static func readRegister(
        _ scanner: inout JSONScanner, group: String, session: Session, upns: inout [String: UPN]
    ) -> Register? {
        var takenBy: String?, takenAt: Date?
        var marks: [UPN: Mark] = [:]
        let read = scanner.object { scanner, name in
            switch name {
            case "takenBy":
                if scanner.takeNull() { return true }
                takenBy = scanner.string()
                return takenBy != nil
            case "takenAt":
                if scanner.takeNull() { return true }
                takenAt = scanner.string().flatMap(JSONText.instant(parsing:))
                return takenAt != nil
            case "marks":
                return scanner.object { scanner, text in
                    // Each pupil appears in every register of the year: check the UPN once.
                    let upn: UPN
                    if let known = upns[text] {
                        upn = known
                    } else {
                        guard let checked = try? UPN(text) else { return false }
                        upns[text] = checked
                        upn = checked
                    }
                    guard let mark = readMark(&scanner) else { return false }
                    marks[upn] = mark
                    return true
                }
            default:
                return false
            }
        }
        return read ? Register(group: group, session: session, marks: marks, takenBy: takenBy, takenAt: takenAt) : nil
    }

    private static func readMark(_ scanner: inout JSONScanner) -> Mark? {
        if scanner.atString() { return scanner.shortASCII().flatMap { codes[$0] }.map { Mark($0) } }
        var code: AttendanceCode?, minutesLate: Int?, note: String?
        let read = scanner.object { scanner, name in
            switch name {
            case "code":
                code = scanner.shortASCII().flatMap { codes[$0] }
                return code != nil
            case "minutesLate":
                minutesLate = scanner.integer()
                return minutesLate != nil
            case "note":
                note = scanner.string()
                return note != nil
            default:
                return false
            }
        }
        guard read, let code else { return nil }
        return Mark(code, minutesLate: minutesLate, note: note)
    }

    /// Codes by their one or two ASCII bytes, as `JSONScanner.shortASCII` reads them.
    /// Anything else (lower case, withdrawn codes) is left to the slow path, which
    /// explains it.
    private static let codes: [UInt16: AttendanceCode] = Dictionary(uniqueKeysWithValues: AttendanceCode.allCases.map { code in
        (code.symbol.utf8.reduce(UInt16(0)) { $0 << 8 | UInt16($1) }, code)
    })
}
