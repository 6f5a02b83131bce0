import Foundation
import PropertyBased
import RollcallCore
@testable import RollcallStore

/// Values for the formats' property tests: every code, minutes late, and text with any
/// Unicode scalar and the characters JSON must escape.
enum FormatGen {
    /// Any scalar at all, or one of those a JSON writer or reader is most likely to get
    /// wrong: quotes, backslashes, controls, the line separator, a byte-order mark,
    /// combining marks, emoji and a family joined by ZWJs.
    static let character = Gen<Character>.oneOf(
        Gen<UInt32>.value(in: 0...0x10FFFF).compactMap { Unicode.Scalar($0).map(Character.init) },
        Gen<Character?>.element(of: Array("\"\\/\n\r\t\u{0}\u{1}\u{1B}\u{7F}\u{2028}\u{FEFF}é\u{301}Łó😀👩‍👩‍👧")).compactMap { $0 })

    static let text = character.string(of: 0...12)

    static let mark = zip(Gen<AttendanceCode>.case, Gen.int(in: 0...999).optional(valueRate: 0.3), text.optional(valueRate: 0.3))
        .map { code, minutes, note in Mark(code, minutesLate: minutes, note: note) }

    /// Thirty pupils of two forms, as `store-drill` numbers them.
    static let pupils = (1...15).map { drillUPN(group: 0, pupil: $0) } + (1...15).map { drillUPN(group: 1, pupil: $0) }

    /// A pupil of 7A; `regrouped` moves each to their place in 7B, so that no pupil
    /// has a mark in two forms' registers for one session (which `check` names as damage).
    static let upn = Gen<UPN?>.element(of: pupils.prefix(15)).compactMap { $0 }

    /// A whole second between 2025 and 2026, as `takenAt` keeps it.
    static let instant = Gen.int(in: 1_756_684_800...1_788_220_800).map { Date(timeIntervalSince1970: TimeInterval($0)) }

    /// One of the school year's sessions, weekends included: a marks file does not know the calendar.
    static let session = zip(Gen.int(in: 0...364), Gen<Session.Part>.case).map { offset, part in
        Session(day("2025-09-01").advanced(by: offset), part)
    }

    static let register = zip(session, zip(upn, mark).dictionary(ofAtMost: 0...12), text.optional(valueRate: 0.5),
                              instant.optional(valueRate: 0.5))
        .map { session, marks, by, at in (session, Register(group: "7A", session: session, marks: marks, takenBy: by, takenAt: at)) }

    /// 7A's marks file for 2025-26 (`FormatGen.regrouped` makes it another form's).
    static let marksFile = register.array(of: 0...8).map { registers in
        MarksFile(key: MarksFileKey(academicYear: "2025-26", group: "7A"), registers: Dictionary(registers, uniquingKeysWith: { first, _ in first }))
    }

    static func regrouped(_ file: MarksFile, as group: String) -> MarksFile {
        let moved = Dictionary(uniqueKeysWithValues: zip(pupils.prefix(15), pupils.suffix(15)))
        return MarksFile(key: MarksFileKey(academicYear: file.key.academicYear, group: group), registers: file.registers.mapValues {
            Register(group: group, session: $0.session, marks: Dictionary(uniqueKeysWithValues: $0.marks.map { (moved[$0.key] ?? $0.key, $0.value) }),
                     takenBy: $0.takenBy, takenAt: $0.takenAt)
        })
    }

    static let pupil = zip(upn, zip(text, text, text.optional), Gen.int(in: 0...400), Gen<Sex>.case.optional(valueRate: 0.8),
                           Gen<SENStatus>.case, Gen.bool.array(of: 5),
                           zip(Gen.int(in: 0...400).optional, Gen.int(in: 0...400).optional), text.array(of: 0...2).optional,
                           zip(text.optional, text.optional, Gen<DeletionGround>.case.optional))
        .map { upn, names, born, sex, sen, flags, days, former, entry in
            Pupil(upn: upn, surname: names.0, forename: names.1, preferredName: names.2,
                  dateOfBirth: day("2012-09-01").advanced(by: born), yearGroup: 7, form: "7A", sex: sex, sen: sen,
                  fsm: flags[0], eal: flags[1], hasSocialWorker: flags[2], hasYouthJusticeWorker: flags[3], isLookedAfter: flags[4],
                  admissionDate: days.0.map { day("2025-09-01").advanced(by: $0) },
                  leavingDate: days.1.map { day("2025-09-01").advanced(by: $0) }, formerForms: former,
                  address: entry.0, previousSchool: entry.1, deletionGround: entry.2)
        }
}
