import Foundation
import RollcallCore
@testable import RollcallStore
import Testing

@Suite("A year's digest: what reports read instead of every marks file")
struct MarksDigestTests {
    let ann = drillUPN(group: 0, pupil: 1), ben = drillUPN(group: 0, pupil: 2), cal = drillUPN(group: 1, pupil: 1)
    let digest = "derived/marks-2025-26.json"

    /// Ann and Ben in 7A; Ben moved to 7B on the Thursday; Cal in 7B.
    func school() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        try temporary.store.record([
            MarkEntry(upn: ann, group: "7A", session: am("2025-09-03"), mark: Mark(.presentAM)),
            MarkEntry(upn: ann, group: "7A", session: pm("2025-09-03"), mark: Mark(.reasonNotYetEstablished)),
            MarkEntry(upn: ben, group: "7A", session: am("2025-09-03"), mark: Mark(.late, minutesLate: 9, note: "Bus \"42\"")),
            MarkEntry(upn: ben, group: "7A", session: pm("2025-09-03"), mark: Mark(.presentPM)),
            MarkEntry(upn: ben, group: "7B", session: am("2025-09-04"), mark: Mark(.transportUnavailable)),
            MarkEntry(upn: cal, group: "7B", session: am("2025-09-04"), mark: Mark(.interview)),
            MarkEntry(upn: cal, group: "7B", session: pm("2025-09-04"), mark: Mark(.partTimeTimetable)),
        ], by: tutor, at: nine)
        return temporary
    }

    /// Every mark of the three pupils, as text, for comparing two books.
    func marks(_ book: AttendanceBook) -> [String] {
        [ann, ben, cal].flatMap { upn in book.marks(for: upn).map { "\(upn.text) \($0.session) \($0.mark)" } }
    }

    /// The digest's text with its checksum made again, as someone who knows the format
    /// would after editing it: only `check`'s comparison with the marks files shows that.
    static func resealed(_ text: String) -> String {
        guard let start = text.range(of: "\"checksum\": \"")?.upperBound else { return text }
        let end = text.index(start, offsetBy: 64)
        let rest = text[text.index(end, offsetBy: 2)...]
        return String(text[..<start]) + ChainedLog.hash(Array(rest.utf8)[...]) + String(text[end...])
    }

    func reference(_ store: Store) throws -> [String] {
        marks(AttendanceBook(registers: try store.registers(academicYear: "2025-26")))
    }

    @Test func aBookOfCodesOnlyHasEveryCodeButNotTheMinutes() throws {
        let temporary = try school()
        defer { temporary.remove() }
        let whole = try temporary.store.book(academicYears: ["2025-26"])
        // Twice: from the marks files (no digest), then from the digest that read saved.
        try FileManager.default.removeItem(atPath: temporary.path(digest))
        for _ in 0..<2 {
            let codes = try temporary.store.book(academicYears: ["2025-26"], minutesAndNotes: false)
            #expect(codes.code(for: ben, at: am("2025-09-03")) == .late)
            #expect(codes.mark(for: ben, at: am("2025-09-03")) == Mark(.late))
            #expect([ann, ben, cal].flatMap { upn in codes.marks(for: upn).map { "\(upn.text) \($0.session) \($0.mark.code)" } }
                    == [ann, ben, cal].flatMap { upn in whole.marks(for: upn).map { "\(upn.text) \($0.session) \($0.mark.code)" } })
        }
        // The digest saved by a read without them still holds the minutes.
        #expect(try temporary.contents(digest).contains("\"minutesLate\": 9"))
    }

    @Test func theFirstReadWritesTheDigestAndTheSecondReadsIt() throws {
        let temporary = try school()
        defer { temporary.remove() }
        let store = temporary.store
        #expect(!FileManager.default.fileExists(atPath: temporary.path(digest)))
        let first = try store.book(academicYears: ["2025-26"])
        #expect(marks(first) == (try reference(store)))
        let text = try temporary.contents(digest)
        // A character a half day from Monday 1 September: Ann's Wednesday is / then N.
        #expect(text.contains("\"\(ann.text)\": \"..../N...."))
        // Cal's two-character codes stand as legend characters: J1 as j, C2 as d.
        #expect(text.contains("\"\(cal.text)\": \"......jd...."))
        #expect(text.contains(#""legend": {".": "", "|": "\\", "c": "C1", "d": "C2", "j": "J1""#))
        #expect(text.contains("\"\(ben.text)\": {\"2025-09-03 AM\": {\"code\": \"L\", \"minutesLate\": 9, \"note\": \"Bus \\\"42\\\"\"}}"))
        let mode = try #require(FileManager.default.attributesOfItem(atPath: temporary.path(digest))[.posixPermissions] as? Int)
        #expect(mode & 0o007 == 0 && mode & 0o600 == 0o600, "mode \(String(mode, radix: 8))")

        // The second read takes Ann's codes from the digest: an O put there (and the
        // checksum made again) is what it sees.
        try temporary.write(digest, Self.resealed(text.replacingOccurrences(of: "\"\(ann.text)\": \"..../N", with: "\"\(ann.text)\": \"..../O")))
        let second = try store.book(academicYears: ["2025-26"])
        #expect(second.code(for: ann, at: pm("2025-09-03")) == .otherUnauthorised)
        #expect(second.mark(for: ben, at: am("2025-09-03")) == Mark(.late, minutesLate: 9, note: "Bus \"42\""))
        #expect(second.code(for: ben, at: am("2025-09-04")) == .transportUnavailable)
        #expect(second.code(for: cal, at: pm("2025-09-04")) == .partTimeTimetable)
    }

    @Test func aMarkSavedSinceIsReadFromItsGroupsFileAndTheDigestCaughtUp() throws {
        let temporary = try school()
        defer { temporary.remove() }
        let store = temporary.store
        _ = try store.book(academicYears: ["2025-26"])
        try store.record([MarkEntry(upn: cal, group: "7B", session: am("2025-09-05"), mark: Mark(.illness))], by: tutor, at: nine)
        // 7A's entry is still fresh, so it is read from the digest: an O put there shows.
        let text = try temporary.contents(digest)
        try temporary.write(digest, Self.resealed(text.replacingOccurrences(of: "\"\(ann.text)\": \"..../N", with: "\"\(ann.text)\": \"..../O")))
        let book = try store.book(academicYears: ["2025-26"])
        #expect(book.code(for: cal, at: am("2025-09-05")) == .illness)
        #expect(book.code(for: ann, at: pm("2025-09-03")) == .otherUnauthorised)
        let caughtUp = try temporary.contents(digest)
        #expect(caughtUp.contains("\"\(cal.text)\": \"......jdI...."))
        #expect(caughtUp.contains("\"\(ann.text)\": \"..../O"))
        // With the digest gone, the marks files give the same book, Ann's N and all.
        try FileManager.default.removeItem(atPath: temporary.path(digest))
        #expect(marks(try store.book(academicYears: ["2025-26"])) == (try reference(store)))
        #expect(try temporary.contents(digest).contains("\"\(ann.text)\": \"..../N"))
    }

    @Test func aDamagedOrForeignDigestIsMadeAgainFromTheMarksFiles() throws {
        let temporary = try school()
        defer { temporary.remove() }
        let store = temporary.store
        let expected = try reference(store)
        _ = try store.book(academicYears: ["2025-26"])
        let good = try temporary.contents(digest)
        // Each damage twice: as it is, when the checksum shows it, and with the checksum
        // made again, when reading the file must.
        let damaged = [
            "",
            String(good.prefix(good.count / 2)),
            // A character no code stands for, in a fresh entry.
            good.replacingOccurrences(of: "\"\(ann.text)\": \"..../N", with: "\"\(ann.text)\": \"..../?"),
            // Another year's digest.
            good.replacingOccurrences(of: "\"academicYear\": \"2025-26\"", with: "\"academicYear\": \"2024-25\""),
        ].flatMap { [$0, Self.resealed($0)] }
        for text in damaged {
            #expect(text != good)
            try temporary.write(digest, text)
            #expect(marks(try store.book(academicYears: ["2025-26"])) == expected)
            #expect(try temporary.contents(digest) == good)
        }
    }

    @Test func aGroupWhoseFileHasGoneLeavesTheDigest() throws {
        let temporary = try school()
        defer { temporary.remove() }
        let store = temporary.store
        _ = try store.book(academicYears: ["2025-26"])
        try FileManager.default.removeItem(atPath: temporary.path("marks/2025-26/7B.json"))
        let book = try store.book(academicYears: ["2025-26"])
        #expect(book.code(for: cal, at: am("2025-09-04")) == nil)
        #expect(book.code(for: ann, at: am("2025-09-03")) == .presentAM)
        #expect(try !temporary.contents(digest).contains("\"7B\""))
    }

    @Test func onlyTheDaysAskedForAreKeptFromTheDigest() throws {
        let temporary = try school()
        defer { temporary.remove() }
        let store = temporary.store
        _ = try store.book(academicYears: ["2025-26"])
        let thursday = try store.book(academicYears: ["2025-26"], within: day("2025-09-04")...day("2025-09-04"))
        #expect(thursday.code(for: ann, at: am("2025-09-03")) == nil)
        #expect(thursday.mark(for: ben, at: am("2025-09-03")) == nil)
        #expect(thursday.code(for: ben, at: am("2025-09-04")) == .transportUnavailable)
        #expect(thursday.code(for: cal, at: pm("2025-09-04")) == .partTimeTimetable)
        // Ann has no mark that Thursday, so no row, as when the marks files are read.
        #expect(thursday.row(of: ann) == nil)
    }
}
