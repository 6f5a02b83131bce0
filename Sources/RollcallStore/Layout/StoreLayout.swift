import RollcallCore
import SystemPackage

/// The files of a store, by what they hold. A person can read every one of them and
/// back the directory up with any tool.
struct StoreLayout {
    let root: FilePath

    /// `{"schemaVersion": N}`: the version of this layout.
    var manifest: FilePath { root.appending("store.json") }
    var school: FilePath { root.appending("school.json") }
    var pupils: FilePath { root.appending("pupils.json") }
    /// Pupils who left before the academic year `pupils.json` holds.
    var leavers: FilePath { root.appending("leavers.json") }
    var groups: FilePath { root.appending("groups.json") }
    var staff: FilePath { root.appending("staff.json") }
    var calendarDirectory: FilePath { root.appending("calendar") }
    var marksDirectory: FilePath { root.appending("marks") }
    var audit: FilePath { root.appending("audit/amendments.jsonl") }
    var contacts: FilePath { root.appending("contacts.json") }
    /// Pupils' attendance at earlier schools, as their Common Transfer Files brought it.
    var priorAttendance: FilePath { root.appending("prior-attendance.json") }
    /// The interventions log: append-only and hash-chained like the audit.
    var interventions: FilePath { root.appending("audit/interventions.jsonl") }
    /// The admission register's deletions and readmissions: hash-chained like the audit.
    var admissions: FilePath { root.appending("audit/admissions.jsonl") }
    /// The staff's SSH keys, as every addition and removal: hash-chained like the audit.
    var keys: FilePath { root.appending("audit/keys.jsonl") }
    /// Every session through `rollcall gate`, its start and its end: hash-chained.
    var access: FilePath { root.appending("audit/access.jsonl") }
    /// Amendments to the calendar's past: hash-chained like the audit.
    var calendarLog: FilePath { root.appending("audit/calendar.jsonl") }
    /// Requests for leave of absence, their decisions and withdrawals: hash-chained.
    var leave: FilePath { root.appending("audit/leave.jsonl") }
    /// Changes to the school's settings (its LAESTAB): hash-chained.
    var settingsLog: FilePath { root.appending("audit/settings.jsonl") }
    /// Placements of education off site, and their ends: hash-chained.
    var offsite: FilePath { root.appending("audit/offsite.jsonl") }
    /// Letter templates the school can edit, one Markdown file each.
    var letterDirectory: FilePath { root.appending("letters") }
    var journalDirectory: FilePath { root.appending("journal") }

    func calendar(_ academicYear: String) -> FilePath {
        calendarDirectory.appending("\(academicYear).json")
    }

    func marksYear(_ academicYear: String) -> FilePath {
        marksDirectory.appending(academicYear)
    }

    /// One file per group per academic year: a form's register is read and rewritten
    /// without touching any other form or year.
    func marks(_ key: MarksFileKey) -> FilePath {
        marksYear(key.academicYear).appending("\(StoreLayout.fileName(key.group)).json")
    }

    /// A year's codes copied from its marks files for reports (`MarksDigest`): derived,
    /// so it can be deleted at any time.
    func marksDigest(_ academicYear: String) -> FilePath {
        root.appending("derived").appending("marks-\(academicYear).json")
    }

    func lock(_ name: String) -> FilePath {
        root.appending("locks").appending("\(StoreLayout.fileName(name)).lock")
    }

    /// Group names are the school's own (`7A`, `10/RBW`): anything but letters, digits,
    /// `-` and `_` is written as `%XX` so every name is a safe, reversible file name.
    static func fileName(_ name: String) -> String {
        var result = ""
        for byte in name.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || byte == 0x2D || byte == 0x5F {
                result.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    /// The longest a group's file name may be once written out: with the temporary
    /// file's tag (`.NAME.json.<uuid>.tmp`) it stays well inside the 255 bytes a file
    /// name can have, so every group accepted can be marked.
    static let longestGroupFileName = 150

    static func canStore(group: String) -> Bool {
        !group.isEmpty && fileName(group).utf8.count <= longestGroupFileName
    }

    static func groupName(fromFileName name: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(name.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

/// Which marks file holds a group's registers for an academic year.
struct MarksFileKey: Hashable, Comparable, Sendable {
    let academicYear: String
    let group: String

    init(academicYear: String, group: String) {
        self.academicYear = academicYear
        self.group = group
    }

    init(session: Session, group: String) {
        self.init(academicYear: AcademicYear.name(containing: session.date), group: group)
    }

    var lockName: String { "marks-\(academicYear)-\(group)" }

    static func < (lhs: MarksFileKey, rhs: MarksFileKey) -> Bool {
        (lhs.academicYear, lhs.group) < (rhs.academicYear, rhs.group)
    }
}
