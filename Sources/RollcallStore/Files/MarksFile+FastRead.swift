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
        var upns: [UInt64: UPN] = [:]
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
                return scanner.rawObject { scanner, text in
                    guard let session = MarksFile.session(text),
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
        _ scanner: inout JSONScanner, group: String, session: Session, upns: inout [UInt64: UPN]
    ) -> Register? {
        var takenBy: String?, takenAt: Date?
        var marks: [UPN: Mark] = [:]
        let read = scanner.rawObject { scanner, name in
            switch true {
            case name.elementsEqual(BookReader.takenByKey):
                if scanner.takeNull() { return true }
                takenBy = scanner.string()
                return takenBy != nil
            case name.elementsEqual(BookReader.takenAtKey):
                if scanner.takeNull() { return true }
                takenAt = scanner.string().flatMap(JSONText.instant(parsing:))
                return takenAt != nil
            case name.elementsEqual(BookReader.marksKey):
                return scanner.rawObject { scanner, bytes in
                    // Each pupil appears in every register of the year: check the UPN once.
                    guard let packed = UPN.key(bytes) else { return false }
                    let upn: UPN
                    if let known = upns[packed] {
                        upn = known
                    } else {
                        guard let text = String(validating: bytes, as: UTF8.self), let checked = try? UPN(text) else { return false }
                        upns[packed] = checked
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

    /// Reads a marks file's codes straight into a book, building no registers: how
    /// reports and screens read a year. false when the file is anything but a
    /// well-formed marks file of this schema; the caller then reads it the slow way.
    /// Registers outside `days` are passed over unread.
    static func scan(_ bytes: [UInt8], key: MarksFileKey, into book: inout AttendanceBook,
                     within days: ClosedRange<CalendarDate>? = nil) -> Bool {
        var scanner = JSONScanner(bytes)
        var schemaVersion: Int?, group: String?, academicYear: String?
        var reader = BookReader()
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
                return scanner.rawObject { scanner, text in
                    guard let session = MarksFile.session(text) else { return false }
                    if let days, !days.contains(session.date) { return scanner.skipObject() }
                    return reader.register(&scanner, session: session, into: &book)
                }
            default:
                return false
            }
        }
        return read && scanner.isAtEnd && (schemaVersion ?? .max) <= MarksFile.schemaVersion
            && group == key.group && academicYear == key.academicYear
    }

    /// Reads registers into a book, remembering the pupils of the file: each UPN is
    /// checked once, and since every register lists its pupils in the same order, the
    /// pupil at each place is tried before any look-up.
    private struct BookReader {
        var rows: [UInt64: Int] = [:]
        var byPlace: [(key: UInt64, row: Int)] = []

        static let marksKey = Array("marks".utf8), takenByKey = Array("takenBy".utf8), takenAtKey = Array("takenAt".utf8)

        mutating func register(_ scanner: inout JSONScanner, session: Session, into book: inout AttendanceBook) -> Bool {
            // Keys compared as bytes: a register's three keys, 54,000 registers a year.
            scanner.rawObject { scanner, name in
                switch true {
                case name.elementsEqual(BookReader.takenByKey), name.elementsEqual(BookReader.takenAtKey):
                    return scanner.skipStringOrNull()
                case name.elementsEqual(BookReader.marksKey):
                    var place = 0
                    return scanner.rawObject { scanner, upnBytes in
                        guard let packed = UPN.key(upnBytes), let row = self.row(packed, upnBytes, place: place, book: &book) else { return false }
                        place += 1
                        if scanner.atString() {
                            guard let code = scanner.shortASCII(), case let number = MarksFile.codeNumbers[Int(code)], number != 0 else { return false }
                            book.record(code: number, row: row, session: session)
                            return true
                        }
                        guard let mark = MarksFile.readMark(&scanner) else { return false }
                        book.record(mark, row: row, session: session)
                        return true
                    }
                default:
                    return false
                }
            }
        }

        private mutating func row(_ packed: UInt64, _ bytes: ArraySlice<UInt8>, place: Int, book: inout AttendanceBook) -> Int? {
            if place < byPlace.count, byPlace[place].key == packed { return byPlace[place].row }
            let row: Int
            if let known = rows[packed] {
                row = known
            } else {
                guard let text = String(validating: bytes, as: UTF8.self), let upn = try? UPN(text) else { return nil }
                row = book.rowNumber(for: upn)
                rows[packed] = row
            }
            if place < byPlace.count { byPlace[place] = (packed, row) } else { byPlace.append((packed, row)) }
            return row
        }
    }

    /// `2025-09-03 AM` read from its bytes, as register keys are written.
    static func session(_ bytes: ArraySlice<UInt8>) -> Session? {
        guard bytes.count == 13 else { return nil }
        let start = bytes.startIndex
        func number(_ offset: Int, _ count: Int) -> Int? {
            var value = 0
            for index in (start + offset)..<(start + offset + count) {
                let digit = bytes[index] &- 48
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"), bytes[start + 10] == UInt8(ascii: " "),
              bytes[start + 12] == UInt8(ascii: "M"), let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        switch bytes[start + 11] {
        case UInt8(ascii: "A"): return Session(date, .am)
        case UInt8(ascii: "P"): return Session(date, .pm)
        default: return nil
        }
    }

    /// A code's number (`AttendanceCode.number`) by its one or two ASCII bytes as
    /// `JSONScanner.shortASCII` reads them; 0 for anything that is not a code.
    static let codeNumbers: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 65_536)
        for (bytes, code) in codes { table[Int(bytes)] = code.number }
        return table
    }()

    static func readMark(_ scanner: inout JSONScanner) -> Mark? {
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
