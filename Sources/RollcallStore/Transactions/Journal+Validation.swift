import RollcallCore
import SystemPackage

/// Why a journal was not applied.
struct JournalRejection: Error {
    let detail: String
}

/// A journal that passed validation: what to rename, and the lines to append to the
/// audit and to the admission register's log.
struct ValidJournal {
    let transaction: String
    let renames: [(from: FilePath, to: FilePath)]
    let audit: [String]
    let admissions: [String]
}

extension Journal {
    /// The files a journal may replace, relative to the root: those the store writes
    /// together (marks files, the pupils and leavers lists, groups) and the others that
    /// are written whole. Nothing else, however it is spelled.
    private static let topLevelFiles: Set<String> = [
        "pupils.json", "leavers.json", "groups.json", "staff.json", "contacts.json", "school.json",
    ]

    /// This journal, checked: every rename moves a temporary file of the store's own
    /// naming onto a file the store writes, in the same folder, by plain relative names;
    /// every audit record is a valid amendment, serialised again.
    func validated(root: FilePath) throws(JournalRejection) -> ValidJournal {
        guard Journal.isTag(transaction) else { throw JournalRejection(detail: "its transaction id is not one Rollcall makes") }
        var checked: [(from: FilePath, to: FilePath)] = []
        for rename in renames {
            guard let target = Journal.storeFile(rename.to) else {
                throw JournalRejection(detail: "'\(rename.to.prefix(80))' is not a file the store writes")
            }
            let folder = target.dropLast()
            let name = target[target.count - 1]
            let source = rename.from.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard source.count == target.count, Array(source.dropLast()) == Array(folder),
                  let temporary = source.last, temporary.hasPrefix(".\(name)."), temporary.hasSuffix(".tmp"),
                  Journal.isTag(String(temporary.dropFirst(name.count + 2).dropLast(4)))
            else {
                throw JournalRejection(detail: "'\(rename.from.prefix(80))' is not a temporary file beside \(rename.to)")
            }
            checked.append((root.appending(rename.from), root.appending(rename.to)))
        }
        var audit: [String] = []
        for (index, record) in self.audit.enumerated() {
            do throws(AuditLineError) {
                audit.append(AuditEntry.body(for: try record.amendment(), transaction: transaction))
            } catch {
                guard case let .field(name, _) = error else { throw JournalRejection(detail: "audit entry \(index + 1) is not valid") }
                throw JournalRejection(detail: "audit entry \(index + 1): field '\(name)' is not valid")
            }
        }
        var admissions: [String] = []
        for (index, record) in (self.admissions ?? []).enumerated() {
            do throws(AuditLineError) {
                admissions.append(AdmissionRecord.body(for: try record.admissionEvent(), transaction: transaction))
            } catch {
                guard case let .field(name, _) = error else { throw JournalRejection(detail: "admission entry \(index + 1) is not valid") }
                throw JournalRejection(detail: "admission entry \(index + 1): field '\(name)' is not valid")
            }
        }
        return ValidJournal(transaction: transaction, renames: checked, audit: audit, admissions: admissions)
    }

    /// The components of `relative` if it names a file the store writes in a journal.
    private static func storeFile(_ relative: String) -> [String]? {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1 where topLevelFiles.contains(parts[0]):
            return parts
        case 2 where parts[0] == "calendar" && parts[1].hasSuffix(".json")
            && AcademicYear.span(named: String(parts[1].dropLast(5))) != nil:
            return parts
        case 3 where parts[0] == "marks" && AcademicYear.span(named: parts[1]) != nil && parts[2].hasSuffix(".json"):
            // Only the spelling the store itself gives a group's file.
            let stem = String(parts[2].dropLast(5))
            guard let group = StoreLayout.groupName(fromFileName: stem), !group.isEmpty,
                  StoreLayout.fileName(group) == stem else { return nil }
            return parts
        default:
            return nil
        }
    }

    /// Transaction ids and temporary-file tags: letters, digits and `-`, as UUIDs and
    /// the store's fixed tags are.
    static func isTag(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64
            && text.utf8.allSatisfy { $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }
}
