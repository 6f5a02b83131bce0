import RollcallCore
import RollcallStore

/// The pupil an `--upn` option names: a UPN the check digit accepts, of a pupil the
/// store holds (on roll or a leaver), or one plain sentence saying which it is not.
func findPupil(_ upn: String, in store: Store) throws -> Pupil {
    let parsed: UPN
    do { parsed = try UPN(upn) } catch { throw Failure("--upn \(EntryLimits.quoted(upn)): \(error)") }
    return try findPupil(parsed, in: store)
}

/// The pupil a log names by UPN.
func findPupil(_ upn: UPN, in store: Store) throws -> Pupil {
    guard let pupil = try store.pupils().first(where: { $0.upn == upn }) else { throw Failure("there is no pupil with UPN \(upn.text)") }
    return pupil
}

/// `'2025-10-06 AM,2025-10-06 PM'` as sessions, naming the option when one is not a session.
func parseSessions(_ text: String, option: String) throws -> [Session] {
    var sessions: [Session] = []
    for piece in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !piece.isEmpty {
        guard let session = Session(piece) else { throw Failure("--\(option): \(EntryLimits.quoted(piece)) is not a session like '2025-09-08 AM'") }
        sessions.append(session)
    }
    return sessions
}
