import Foundation
import RollcallCore
import SystemPackage

/// A year's codes copied out of its marks files into one small file, so that a report
/// reads 1.5 MB instead of 21 (a 2,000-pupil school) and a penalty list the columns of
/// its ten weeks only.
///
/// ```json
/// {
///   "checksum": "<SHA-256 of everything after this field's comma>",
///   "schemaVersion": 2,
///   "about": "...",
///   "academicYear": "2025-26",
///   "firstSession": "2025-09-01 AM",
///   "legend": {".": "", "|": "\\", "c": "C1"},
///   "groups": {
///     "7A": {"stamp": "inode 1835, 282881 bytes, modified ...", "codes": {
///       "B801200005001": "....../|/|/|/|L|...."
///     }, "details": {"B801200005001": {"2025-09-03 AM": {"code": "L", "minutesLate": 7}}}}
///   }
/// }
/// ```
/// A pupil's codes are one character a half day from `firstSession` to the end of the
/// academic year; the legend names the characters that are not the code itself. Marks
/// with minutes late or a note are kept whole under `details`.
///
/// The marks files stay the record. Each group's entry carries the stamp of the marks
/// file it was copied from; a reader uses an entry only while that file's stamp is
/// unchanged, reads any other group's marks file itself, and saves the digest again
/// with what it read. Saving marks therefore never waits for this file, and deleting
/// it loses nothing.
///
/// A stamp says the marks file has not moved, not that the digest's codes are the marks
/// file's: the checksum, first in the file, shows any edit made without recomputing it,
/// and such a digest is made again. `rollcall check` goes further and compares every
/// entry with its marks file (`Store.check`).
struct MarksDigest {
    static let schemaVersion = 2

    let academicYear: String
    let span: ClosedRange<CalendarDate>
    private let firstSession: Session
    private let width: Int

    init?(academicYear: String) {
        guard let span = AcademicYear.span(named: academicYear) else { return nil }
        self.academicYear = academicYear
        self.span = span
        firstSession = Session(span.lowerBound, .am)
        width = Session(span.upperBound, .pm).ordinal - firstSession.ordinal + 1
    }

    /// Reads the year's marks into `book`: each group from its digest entry where that is
    /// fresh and from its marks file where not, then saves the digest if anything was
    /// stale. With `days`, only the marks of those days are recorded; with `details`
    /// false, the marks kept whole under `details` are recorded by their code only. false when the
    /// digest is damaged: `book` may then hold part of it, so the caller starts again
    /// with `trusting` false, which reads every marks file and writes a new digest.
    /// With `save` false nothing is written (`check` reads without changing anything);
    /// a digest that cannot be saved (a read-only store, a full disk) is said once on
    /// `notices`, and the report goes on.
    func read(_ files: [MarksFileKey], layout: StoreLayout, into book: inout AttendanceBook,
              within days: ClosedRange<CalendarDate>?, details: Bool, trusting: Bool,
              save: Bool = true, notices: StoreNotices? = nil) throws(StoreError) -> Bool {
        let path = layout.marksDigest(academicYear)
        let bytes = trusting ? try DurableFile.read(path) : nil
        var pass = Pass(digest: self, layout: layout, columns: columns(within: days), days: days, details: details,
                        pending: files.sorted { $0.group < $1.group }[...], isStale: bytes == nil)
        if let bytes {
            guard try pass.readDigest(bytes, into: &book) else { return false }
        }
        while let key = pass.pending.popFirst() { try pass.readMarksFile(key, into: &book) }
        if pass.isStale, save, notices?.storeIsReadOnly != true {
            do {
                try self.save(pass.entries, to: path)
            } catch {
                notices?.post("\(path.string) could not be saved (\(error)): reports read the marks files instead, which takes longer")
            }
        }
        return true
    }

    /// One reading of a year: the marks files still to read, each group's entry as it
    /// will be saved (the digest's own text where it was fresh, a slice and not a copy,
    /// as usually nothing is saved), and whether anything was stale.
    private struct Pass {
        let digest: MarksDigest
        let layout: StoreLayout
        let columns: Range<Int>
        let days: ClosedRange<CalendarDate>?
        let details: Bool
        var pending: ArraySlice<MarksFileKey>
        var entries: [(group: String, text: ArraySlice<UInt8>)] = []
        var isStale: Bool

        /// Reads a marks file into the book and makes its entry anew.
        mutating func readMarksFile(_ key: MarksFileKey, into book: inout AttendanceBook) throws(StoreError) {
            isStale = true
            guard let entry = try digest.entry(key, layout: layout) else { return }
            entries.append((key.group, entry.text[...]))
            digest.record(entry, into: &book, columns: columns, details: details)
        }

        /// Reads the digest, checksum first, each group from its entry where the entry's
        /// stamp is its marks file's, else from the file; false when the digest is damaged.
        mutating func readDigest(_ bytes: [UInt8], into book: inout AttendanceBook) throws(StoreError) -> Bool {
            let stamps = FileStamp.stamps(in: layout.marksYear(digest.academicYear))
            var scanner = JSONScanner(bytes)
            var table: [UInt8]?
            var failure: StoreError?
            var verified = false
            let read = scanner.rawObject { scanner, name in
                if name.elementsEqual("checksum".utf8), !verified {
                    // Everything after the checksum's comma, which the writer hashed.
                    guard let checksum = scanner.string(), scanner.position < bytes.count else { return false }
                    verified = ChainedLog.hash(bytes[(scanner.position + 1)...]) == checksum
                    return verified
                }
                guard verified else { return false }
                switch String(decoding: name, as: UTF8.self) {
                case "schemaVersion": return scanner.integer() == MarksDigest.schemaVersion
                case "about": return scanner.skipStringOrNull()
                case "academicYear": return scanner.string() == digest.academicYear
                case "firstSession": return scanner.string() == digest.firstSession.description
                case "legend":
                    table = MarksDigest.readLegend(&scanner)
                    return table != nil
                case "groups":
                    guard let table else { return false }
                    return scanner.rawObject { scanner, group in
                        do throws(StoreError) {
                            return try readGroup(String(decoding: group, as: UTF8.self), &scanner, in: bytes, table: table, stamps: stamps,
                                                 into: &book)
                        } catch {
                            failure = error
                            return false
                        }
                    }
                default:
                    return false
                }
            }
            if let failure { throw failure }
            return read && scanner.isAtEnd
        }

        /// One group's entry, the scanner at its start: taken as it stands while its stamp
        /// is its marks file's, else read from the file.
        private mutating func readGroup(_ group: String, _ scanner: inout JSONScanner, in bytes: [UInt8], table: [UInt8],
                                        stamps: [String: FileStamp], into book: inout AttendanceBook) throws(StoreError) -> Bool {
            // Groups before this entry have none (new files) or had theirs earlier.
            while let next = pending.first, next.group < group {
                try readMarksFile(pending.removeFirst(), into: &book)
            }
            guard let next = pending.first, next.group == group else {
                isStale = true
                return scanner.skipObject()
            }
            pending.removeFirst()
            let start = scanner.position
            guard let stamp = MarksDigest.stamp(&scanner) else { return false }
            if stamp != stamps[layout.marks(next).name] {
                scanner.position = start
                guard scanner.skipObject() else { return false }
                try readMarksFile(next, into: &book)
                return true
            }
            scanner.position = start
            guard digest.readEntry(&scanner, table: table, into: &book, columns: columns, within: days, details: details) else { return false }
            entries.append((group, bytes[start..<scanner.position]))
            return true
        }
    }

    /// The columns of `days` in a pupil's codes.
    private func columns(within days: ClosedRange<CalendarDate>?) -> Range<Int> {
        guard let days else { return 0..<width }
        let first = max(0, Session(days.lowerBound, .am).ordinal - firstSession.ordinal)
        let last = min(width, Session(days.upperBound, .pm).ordinal - firstSession.ordinal + 1)
        return first < last ? first..<last : 0..<0
    }

    // MARK: Reading an entry

    /// An entry's stamp, which its writer puts first.
    private static func stamp(_ scanner: inout JSONScanner) -> FileStamp? {
        guard scanner.take(UInt8(ascii: "{")), scanner.plainString()?.elementsEqual("stamp".utf8) == true,
              scanner.take(UInt8(ascii: ":")), let text = scanner.string() else { return nil }
        return FileStamp(text: text)
    }

    private func readEntry(_ scanner: inout JSONScanner, table: [UInt8], into book: inout AttendanceBook,
                           columns: Range<Int>, within days: ClosedRange<CalendarDate>?, details: Bool) -> Bool {
        var upns = MarksFile.KnownUPNs()
        var numbers = [UInt8](repeating: 0, count: columns.count)
        let from = Session(ordinal: firstSession.ordinal + columns.lowerBound)
        return scanner.rawObject { scanner, name in
            switch true {
            case name.elementsEqual("stamp".utf8):
                return scanner.skipStringOrNull()
            case name.elementsEqual("codes".utf8):
                return scanner.rawObject { scanner, upnBytes in
                    guard let upn = upns.upn(upnBytes), let codes = scanner.string(ofLength: width),
                          let any = MarksDigest.decode(codes.dropFirst(columns.lowerBound).prefix(columns.count), into: &numbers, table: table)
                    else { return false }
                    // A pupil with no mark in the days asked for gets no row, as when marks files are read.
                    if any { book.record(codes: numbers[...], row: book.rowNumber(for: upn), from: from) }
                    return true
                }
            case name.elementsEqual("details".utf8):
                // Their codes are in `codes` already.
                guard details else { return scanner.skipObject() }
                return scanner.rawObject { scanner, upnBytes in
                    guard let upn = upns.upn(upnBytes) else { return false }
                    return scanner.rawObject { scanner, sessionBytes in
                        guard let session = MarksFile.session(sessionBytes) else { return false }
                        // A late mark's minutes, thousands a year: only those of the days asked for are read.
                        guard days?.contains(session.date) ?? true else { return scanner.skipObject() }
                        guard let mark = MarksFile.readMark(&scanner) else { return false }
                        book.record(mark, for: upn, at: session)
                        return true
                    }
                }
            default:
                return false
            }
        }
    }

    /// Puts the code number of each of a pupil's characters into `numbers`: the one loop
    /// over every byte of a year's digest, so without a bounds check per byte. nil when a
    /// character stands for no code, else whether any is a mark.
    private static func decode(_ characters: ArraySlice<UInt8>, into numbers: inout [UInt8], table: [UInt8]) -> Bool? {
        precondition(characters.count <= numbers.count && table.count == 256)
        return characters.withUnsafeBufferPointer { characters in
            numbers.withUnsafeMutableBufferPointer { numbers in
                table.withUnsafeBufferPointer { table -> Bool? in
                    var marks: UInt8 = 0
                    for index in characters.indices {
                        let number = table[Int(characters[index])]
                        guard number != notACode else { return nil }
                        numbers[index] = number
                        marks |= number
                    }
                    return marks != 0
                }
            }
        }
    }

    /// Code numbers by the character standing for them, from a digest's legend; every
    /// other byte is `notACode`.
    private static func readLegend(_ scanner: inout JSONScanner) -> [UInt8]? {
        var table = [UInt8](repeating: notACode, count: 256)
        for code in AttendanceCode.allCases where code.symbol.utf8.count == 1 {
            table[Int(code.symbol.utf8.first!)] = code.number
        }
        let read = scanner.object { scanner, character in
            guard character.utf8.count == 1, let symbol = scanner.string() else { return false }
            if symbol.isEmpty {
                table[Int(character.utf8.first!)] = 0
                return true
            }
            guard let code = AttendanceCode(rawValue: symbol) else { return false }
            table[Int(character.utf8.first!)] = code.number
            return true
        }
        return read ? table : nil
    }

    private static let notACode: UInt8 = 0xFF

    // MARK: Making an entry

    /// A group's marks as its digest entry holds them, and the entry's text (its value,
    /// without the group's name).
    private struct Entry {
        let rows: [(upn: UPN, codes: ArraySlice<UInt8>)]
        let details: [(upn: UPN, session: Session, mark: Mark)]
        let text: [UInt8]
    }

    /// A group's marks file read whole into a book of the year, as an entry; nil when the
    /// file has gone.
    private func entry(_ key: MarksFileKey, layout: StoreLayout) throws(StoreError) -> Entry? {
        let path = layout.marks(key)
        guard let read = try DurableFile.readStamped(path) else { return nil }
        var book = AttendanceBook(span: span)
        try MarksFile.record(read.bytes, key: key, path: path, into: &book)
        let rows = book.codeRows.sorted { $0.upn < $1.upn }
        let details = book.detailedMarks
        var text = "{\"stamp\": \(JSONText.string(read.stamp.description)), \"codes\": {"
        for (index, row) in rows.enumerated() {
            text += index == 0 ? "\n      " : ",\n      "
            text += "\(JSONText.string(row.upn.text)): \""
            text += String(decoding: row.codes.map { MarksDigest.characters[Int($0)] }, as: UTF8.self)
            text += "\""
        }
        text += "\n    }, \"details\": {"
        let byPupil = Dictionary(grouping: details, by: \.upn)
        for (index, upn) in byPupil.keys.sorted().enumerated() {
            text += index == 0 ? "\n      " : ",\n      "
            text += "\(JSONText.string(upn.text)): {"
            text += byPupil[upn, default: []].map { "\"\($0.session)\": \(MarksFile.encode($0.mark))" }.joined(separator: ", ")
            text += "}"
        }
        text += byPupil.isEmpty ? "}}" : "\n    }}"
        return Entry(rows: rows, details: details, text: Array(text.utf8))
    }

    /// Records an entry into the report's book, the columns asked for only.
    private func record(_ entry: Entry, into book: inout AttendanceBook, columns: Range<Int>, details: Bool) {
        let from = Session(ordinal: firstSession.ordinal + columns.lowerBound)
        for row in entry.rows {
            let codes = row.codes.dropFirst(columns.lowerBound).prefix(columns.count)
            if codes.contains(where: { $0 != 0 }) { book.record(codes: codes, row: book.rowNumber(for: row.upn), from: from) }
        }
        for detail in entry.details where details {
            let column = detail.session.ordinal - firstSession.ordinal
            if columns.contains(column) { book.record(detail.mark, for: detail.upn, at: detail.session) }
        }
    }

    private func save(_ entries: [(group: String, text: ArraySlice<UInt8>)], to path: FilePath) throws(StoreError) {
        var bytes = Array("""

              "schemaVersion": \(MarksDigest.schemaVersion),
              "about": "Each pupil's codes, a character a half day from firstSession, copied from marks/\(academicYear) for reports. Rollcall checks every group's stamp against its marks file and makes this file again when it is out of date or missing: deleting it loses nothing.",
              "academicYear": \(JSONText.string(academicYear)),
              "firstSession": "\(firstSession)",
              "legend": {\(MarksDigest.legend.map { "\(JSONText.string($0.character)): \(JSONText.string($0.symbol))" }.joined(separator: ", "))},
              "groups": {
            """.utf8)
        for (index, entry) in entries.enumerated() {
            bytes += Array(((index == 0 ? "\n    " : ",\n    ") + JSONText.string(entry.group) + ": ").utf8)
            bytes += entry.text
        }
        bytes += Array((entries.isEmpty ? "}\n}\n" : "\n  }\n}\n").utf8)
        let file = Array("{\n  \"checksum\": \"\(ChainedLog.hash(bytes[...]))\",".utf8) + bytes
        try DurableFile.replaceDerived(path, with: file, tag: UUID().uuidString.lowercased())
    }

    /// The characters that stand for something other than themselves: no mark, and the
    /// codes that are two characters or that JSON would have to escape.
    private static let legend: [(character: String, symbol: String)] = [
        (".", ""), ("|", AttendanceCode.presentPM.symbol),
        ("c", AttendanceCode.performanceOrEmploymentAbroad.symbol), ("d", AttendanceCode.partTimeTimetable.symbol),
        ("j", AttendanceCode.interview.symbol),
        ("1", "Y1"), ("2", "Y2"), ("3", "Y3"), ("4", "Y4"), ("5", "Y5"), ("6", "Y6"), ("7", "Y7"),
    ]

    /// The character each code number is written as.
    private static let characters: [UInt8] = {
        var table = [UInt8](repeating: UInt8(ascii: "?"), count: 256)
        for code in AttendanceCode.allCases where code.symbol.utf8.count == 1 {
            table[Int(code.number)] = code.symbol.utf8.first!
        }
        for (character, symbol) in legend {
            let number = AttendanceCode(rawValue: symbol)?.number ?? 0
            table[Int(number)] = character.utf8.first!
        }
        return table
    }()
}
