import Foundation
import RollcallCore
import SystemPackage

extension MarksFile {
    /// Reads a marks file without Foundation's decoder, which spends seconds on a large
    /// school's year. nil when the file is anything but a well-formed marks file of this
    /// schema version: the caller then decodes it the slow way, which names the problem.
    static func fastRead(_ bytes: [UInt8], key: MarksFileKey) -> MarksFile? {
        var registers: [Session: Register] = [:]
        var upns = KnownUPNs()
        let read = readFile(bytes, key: key) { scanner, session in
            guard registers[session] == nil, let register = register(&scanner, group: key.group, session: session, upns: &upns) else { return false }
            registers[session] = register
            return true
        }
        return read ? MarksFile(key: key, registers: registers) : nil
    }

    /// One register read whole, marks and all: for `fastRead` and for an edit that
    /// changes one register of a file.
    static func register(_ scanner: inout JSONScanner, group: String, session: Session, upns: inout KnownUPNs) -> Register? {
        var marks: [UPN: Mark] = [:]
        guard let taken = readRegister(&scanner, marks: { scanner in
            scanner.rawObject { scanner, bytes in
                // A pupil given twice is left to the slow path, which names it (`duplicate`).
                guard let upn = upns.upn(bytes), marks[upn] == nil, let mark = readMark(&scanner) else { return false }
                marks[upn] = mark
                return true
            }
        }) else { return nil }
        return Register(group: group, session: session, marks: marks, takenBy: taken.by, takenAt: taken.at)
    }

    /// Where each register's text is in a marks file, read without decoding any: nil when
    /// it is anything but a well-formed marks file of this group, year and schema.
    static func places(_ bytes: [UInt8], key: MarksFileKey) -> [Session: Range<Int>]? {
        var places: [Session: Range<Int>] = [:]
        let read = readFile(bytes, key: key) { scanner, session in
            scanner.skipSpace()
            let start = scanner.position
            guard scanner.skipObject(), places[session] == nil else { return false }
            places[session] = start..<scanner.position
            return true
        }
        return read ? places : nil
    }

    /// Reads the outer object of a marks file, handing `register` the scanner at each
    /// register with its session. false when it is not a well-formed marks file of this
    /// group, year and schema version.
    private static func readFile(_ bytes: [UInt8], key: MarksFileKey, register: (inout JSONScanner, Session) -> Bool) -> Bool {
        var scanner = JSONScanner(bytes)
        var schemaVersion: Int?, group: String?, academicYear: String?
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
                    return register(&scanner, session)
                }
            default:
                return false
            }
        }
        guard read, scanner.isAtEnd, let schemaVersion else { return false }
        return schemaVersion <= MarksFile.schemaVersion && group == key.group && academicYear == key.academicYear
    }

    /// Reads one register: who took it and when, returned, and its marks, handed to
    /// `marks` with the scanner at their object. nil when the register is not as the
    /// decoder would read it. Every reader of registers reads them here; one
    /// that needs neither (`scan`) passes `namesTaker` false, and `takenBy` and `takenAt`
    /// are checked without being made, 54,000 times a year.
    @inline(__always)
    static func readRegister(
        _ scanner: inout JSONScanner, namesTaker: Bool = true, marks: (inout JSONScanner) -> Bool
    ) -> (by: String?, at: Date?)? {
        var takenBy: String?, takenAt: Date?
        let read = scanner.rawObject { scanner, name in
            switch true {
            case name.elementsEqual(MarksFile.takenByKey):
                guard namesTaker else { return scanner.skipStringOrNull() }
                if scanner.takeNull() { return true }
                takenBy = scanner.string()
                return takenBy != nil
            case name.elementsEqual(MarksFile.takenAtKey):
                if scanner.takeNull() || !namesTaker && scanner.skipPlainInstant() { return true }
                takenAt = scanner.instant()
                return takenAt != nil
            case name.elementsEqual(MarksFile.marksKey):
                return marks(&scanner)
            default:
                return false
            }
        }
        return read ? (takenBy, takenAt) : nil
    }

    // Keys compared as bytes: a register's three keys, 54,000 registers a year.
    static let marksKey = Array("marks".utf8), takenByKey = Array("takenBy".utf8), takenAtKey = Array("takenAt".utf8)

    /// Records a marks file's marks in a book: by `scan` when the file is as Rollcall
    /// writes it, by decoding it (which names any problem) when not.
    static func record(_ bytes: [UInt8], key: MarksFileKey, path: FilePath, into book: inout AttendanceBook,
                       within days: ClosedRange<CalendarDate>? = nil) throws(StoreError) {
        if scan(bytes, key: key, into: &book, within: days) { return }
        for register in try decode(bytes, key: key, path: path).registers.values
        where days.map({ $0.contains(register.session.date) }) ?? true {
            for (upn, mark) in register.marks { book.record(mark, for: upn, at: register.session) }
        }
    }

    /// Reads a marks file's codes straight into a book, building no registers: how
    /// reports and screens read a year. false when the file is anything but a
    /// well-formed marks file of this schema; the caller then reads it the slow way.
    /// Registers outside `days` are passed over unread.
    static func scan(_ bytes: [UInt8], key: MarksFileKey, into book: inout AttendanceBook,
                     within days: ClosedRange<CalendarDate>? = nil) -> Bool {
        var reader = BookReader()
        var sessions: Set<Session> = []
        return readFile(bytes, key: key) { scanner, session in
            // A register given twice is left to the slow path, which names it.
            guard sessions.insert(session).inserted else { return false }
            if let days, !days.contains(session.date) { return scanner.skipObject() }
            return reader.register(&scanner, session: session, into: &book)
        }
    }

    /// The UPNs of one file by their packed bytes: each pupil appears in every register of
    /// the year, and is checked (check letter included) the first time only.
    struct KnownUPNs {
        var byKey: [UInt64: UPN] = [:]

        mutating func upn(_ bytes: ArraySlice<UInt8>) -> UPN? {
            guard let packed = UPN.key(bytes) else { return nil }
            if let known = byKey[packed] { return known }
            guard let checked = UPN(utf8: bytes) else { return nil }
            byKey[packed] = checked
            return checked
        }
    }

    /// Reads registers into a book. Every register lists its pupils in the same order,
    /// so the pupil at each place is tried before any look-up.
    private struct BookReader {
        var upns = KnownUPNs()
        var byPlace: [(key: UInt64, row: Int)] = []

        mutating func register(_ scanner: inout JSONScanner, session: Session, into book: inout AttendanceBook) -> Bool {
            var place = 0
            var previous: UInt64?
            return MarksFile.readRegister(&scanner, namesTaker: false) { scanner in
                scanner.rawObject { scanner, upnBytes in
                    // Rollcall writes a register's pupils in order, so each key is after the one before
                    // (the packed key sorts as the text does): a pupil given twice, or a file written
                    // otherwise, is left to the slow path, which names a pupil given twice.
                    guard let packed = UPN.key(upnBytes), previous.map({ $0 < packed }) ?? true,
                          let row = self.row(packed, upnBytes, place: place, book: &book) else { return false }
                    previous = packed
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
            } != nil
        }

        private mutating func row(_ packed: UInt64, _ bytes: ArraySlice<UInt8>, place: Int, book: inout AttendanceBook) -> Int? {
            if place < byPlace.count, byPlace[place].key == packed { return byPlace[place].row }
            guard let upn = upns.upn(bytes) else { return nil }
            let row = book.rowNumber(for: upn)
            if place < byPlace.count { byPlace[place] = (packed, row) } else { byPlace.append((packed, row)) }
            return row
        }
    }

    /// `2025-09-03 AM` read from its bytes, as register keys are written.
    static func session(_ bytes: ArraySlice<UInt8>) -> Session? {
        guard bytes.count == 13, bytes[bytes.startIndex + 10] == UInt8(ascii: " "), bytes.last == UInt8(ascii: "M"),
              let date = CalendarDate(utf8: bytes.prefix(10)) else { return nil }
        switch bytes[bytes.startIndex + 11] {
        case UInt8(ascii: "A"): return Session(date, .am)
        case UInt8(ascii: "P"): return Session(date, .pm)
        default: return nil
        }
    }

    /// A code's number (`AttendanceCode.number`) by its one or two ASCII bytes as
    /// `JSONScanner.shortASCII` reads them; 0 for anything that is not a code. Anything
    /// else (lower case, withdrawn codes) is left to the slow path, which explains it.
    static let codeNumbers: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 65_536)
        for code in AttendanceCode.allCases {
            table[Int(code.symbol.utf8.reduce(UInt16(0)) { $0 << 8 | UInt16($1) })] = code.number
        }
        return table
    }()

    /// The code whose one or two bytes `JSONScanner.shortASCII` read.
    private static func code(_ bytes: UInt16) -> AttendanceCode? {
        AttendanceCode.numbered(codeNumbers[Int(bytes)])
    }

    static func readMark(_ scanner: inout JSONScanner) -> Mark? {
        if scanner.atString() { return scanner.shortASCII().flatMap(code).map { Mark($0) } }
        var code: AttendanceCode?, minutesLate: Int?, note: String?
        let read = scanner.rawObject { scanner, name in
            switch true {
            case name.elementsEqual("code".utf8):
                code = scanner.shortASCII().flatMap(MarksFile.code)
                return code != nil
            case name.elementsEqual("minutesLate".utf8):
                minutesLate = scanner.integer()
                return minutesLate != nil
            case name.elementsEqual("note".utf8):
                note = scanner.string()
                return note != nil
            default:
                return false
            }
        }
        guard read, let code else { return nil }
        return Mark(code, minutesLate: minutesLate, note: note)
    }
}
