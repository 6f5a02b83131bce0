import RollcallCore
import SystemPackage

/// Everything that can go wrong with a store, each saying which file and, for a damaged
/// file, which line and field, so that the person reading it can go and look.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAStore(path: String)
    case alreadyAStore(path: String)
    case newerSchema(path: String, found: Int, supported: Int)
    /// A file that is not what Rollcall wrote: truncated, not JSON, or with a field of
    /// the wrong type. Nothing is written while it stays so.
    case damaged(path: String, line: Int?, field: String?, detail: String)
    case io(path: String, action: String, errno: Errno)
    case amendmentRefused(String)
    /// A key not added or removed, and why.
    case keyRefused(String)
    /// A deletion or readmission not made, and why.
    case admissionRefused(String)
    /// A file or folder with another mode than the store gives (0600, 0700) or another
    /// owner than the store's.
    case access(path: String, detail: String)
    case auditChainBroken(path: String, line: Int, detail: String)
    /// A symbolic link inside the store: never followed, always named.
    case symlink(path: String)
    /// A folder, FIFO or device where the store keeps a file.
    case notAFile(path: String)
    /// A journal that names something the store never writes, set aside unapplied.
    case rejectedJournal(path: String, detail: String)
    /// A file left by a write that did not finish, or one the store does not know.
    case stray(path: String, detail: String)
    /// A pupil with a mark for one session in two groups' registers.
    case twoMarks(upn: String, session: String, paths: [String])
    /// A group whose name is too long to be a file name.
    case groupNameTooLong(String)
    /// A pupil whose codes in the digest are not those of the marks files.
    case digestDiffers(path: String, upn: String, detail: String)
    /// A mark in the register of a group the pupil has left (a screen opened before the
    /// move): refused, so the pupil is never marked in two registers for one session.
    case pupilMoved(name: String, upn: String, group: String, form: String)
    /// What a write killed part-way leaves, which the next write finishes or removes: a
    /// temporary file, a journal not yet applied, a log's torn last line. Not a fault in
    /// the record (`isLeftByACrash`).
    case leftByACrash(path: String, detail: String)

    /// Whether this is debris a crash left rather than a fault in the record: `check`
    /// names it and still passes.
    public var isLeftByACrash: Bool {
        if case .leftByACrash = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case let .notAStore(path):
            return "\(path) is not a Rollcall store (no store.json); create one with 'rollcall init'"
        case let .alreadyAStore(path):
            return "\(path) already holds a Rollcall store"
        case let .newerSchema(path, found, supported):
            return "\(path) was written by a newer Rollcall (schema \(found); this one reads up to \(supported)): upgrade Rollcall to open it"
        case let .damaged(path, line, field, detail):
            let place = line.map { "\(path):\($0)" } ?? path
            let what = field.map { "field '\($0)': " } ?? ""
            return "\(place): \(what)\(detail) (the file was left as it is)"
        case let .io(path, action, errno):
            return "\(path): could not \(action): \(errno.description)"
        case let .keyRefused(reason), let .admissionRefused(reason):
            return reason
        case let .amendmentRefused(reason):
            return reason
        case let .access(path, detail):
            return "\(path): \(detail)"
        case let .auditChainBroken(path, line, detail):
            return "\(path):\(line): \(detail)"
        case let .symlink(path):
            return "\(path) is a symbolic link: Rollcall never follows one inside the store; replace it with the file or folder itself"
        case let .notAFile(path):
            return "\(path) is not a regular file"
        case let .rejectedJournal(path, detail):
            return "\(path): a journal Rollcall would not apply (\(detail)); it was set aside and nothing in it was done"
        case let .stray(path, detail), let .leftByACrash(path, detail):
            return "\(path): \(detail)"
        case let .twoMarks(upn, session, paths):
            return "pupil \(upn) has two marks for \(session), in \(paths.joined(separator: " and ")): a pupil has one mark a session; keep one (amending the other away, with its reason)"
        case let .groupNameTooLong(name):
            return "the group name '\(name.prefix(40))...' is too long to keep (at most \(StoreLayout.longestGroupFileName) bytes once written as a file name)"
        case let .pupilMoved(name, upn, group, form):
            return "\(TerminalText.visible(name)) (\(upn)) has moved to \(TerminalText.visible(form)): their mark is made in \(TerminalText.visible(form))'s register, not \(TerminalText.visible(group))'s; nothing was written"
        case let .digestDiffers(path, upn, detail):
            return "\(path): pupil \(upn): \(detail)"
        }
    }
}
