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
    case exposed(path: String, mode: String)
    case auditChainBroken(path: String, line: Int, detail: String)

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
        case let .amendmentRefused(reason):
            return reason
        case let .exposed(path, mode):
            return "\(path) can be read by users outside the staff group (mode \(mode)): run 'chmod o-rwx' on it"
        case let .auditChainBroken(path, line, detail):
            return "\(path):\(line): \(detail)"
        }
    }
}
